"""VWN's maatschappelijke begeleiding of one person: 8 months, extended to at most 12, ended by VWN or by its term."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from services.domain.maanden import plus_maanden
from services.inburgering.domain.begeleiding import TERMIJN, Begeleiding

D = dt.date
PERSOON = uuid.UUID("5f0c4e2a-8d7b-4c1e-9a3f-2b6d8e1f0a47")


def begeleiding(start: dt.date = D(2024, 1, 15)) -> Begeleiding:
    return Begeleiding.start(persoon_id=PERSOON, datum=start, gemeentecode="0268")


def namen(b: Begeleiding) -> list[str]:
    return [type(e).__name__ for e in b.collect_events()]


def weigert(fout: str, actie, *args) -> None:
    with pytest.raises(Exception) as gevangen:
        actie(*args)
    assert gevangen.value.reden == f"domeinregel:{fout}"


def test_a_begeleiding_runs_8_months_and_may_be_extended_to_12_counted_in_calendar_months():
    b = begeleiding(D(2024, 1, 15))

    assert (b.einddatum, b.uiterste_einddatum) == (D(2024, 9, 15), D(2025, 1, 15))
    assert b.open_termijnen() == {TERMIJN: D(2024, 9, 15)}
    assert plus_maanden(D(2023, 6, 30), 8) == D(2024, 2, 29), "a shorter month: its last day"
    assert plus_maanden(D(2024, 5, 31), 12) == D(2025, 5, 31)


def test_an_extension_without_an_end_goes_to_12_months_and_none_goes_further():
    b = begeleiding()

    b.verleng(D(2024, 9, 1))

    assert b.open_termijnen() == {TERMIJN: D(2025, 1, 15)}
    weigert("GeenVerlengingFout", b.verleng, D(2024, 10, 1))
    weigert("VerlengingTeLangFout", b.verleng, D(2024, 10, 1), D(2025, 1, 16))


def test_an_extension_to_a_date_may_be_followed_by_another_up_to_the_12_months():
    b = begeleiding()

    b.verleng(D(2024, 9, 1), D(2024, 11, 15))
    weigert("GeenVerlengingFout", b.verleng, D(2024, 10, 1), D(2024, 11, 15))
    b.verleng(D(2024, 11, 1), D(2025, 1, 15))

    assert b.einddatum == D(2025, 1, 15)
    assert namen(b) == ["Gestart", "Verlengd", "Verlengd"]


def test_nothing_is_extended_that_ended_or_before_it_started():
    b = begeleiding()
    weigert("BegeleidingAfgelopenFout", b.verleng, D(2024, 9, 16))
    weigert("DatumVoorStartFout", b.verleng, D(2024, 1, 14))
    b.beeindig(D(2024, 6, 30))
    weigert("BegeleidingBeeindigdFout", b.verleng, D(2024, 6, 1))
    weigert("BegeleidingBeeindigdFout", b.beeindig, D(2024, 7, 1))


def test_vwn_ends_it_before_its_term_and_the_term_closes():
    b = begeleiding()

    b.beeindig(D(2024, 6, 30))

    assert b.beeindigd_op == D(2024, 6, 30) and b.open_termijnen() == {}
    assert namen(b) == ["Gestart", "Beeindigd"]


def test_the_clock_records_the_end_and_an_extension_decided_within_the_term_reopens_it():
    b = begeleiding()

    b.verstrijk_termijn(TERMIJN, D(2024, 9, 15))
    assert b.open_termijnen() == {} and b.verstreken
    b.verleng(D(2024, 9, 10))  # decided within the term, arrived after the clock ran

    verlengd = b.collect_events()[-1]
    assert (verlengd.vorige_einddatum, verlengd.einddatum, verlengd.heropend) == (D(2024, 9, 15), D(2025, 1, 15), True)
    assert b.open_termijnen() == {TERMIJN: D(2025, 1, 15)}


def test_an_end_vwn_reports_after_the_last_day_records_only_that_the_term_ran_out_once():
    zonder_klok, met_klok = begeleiding(), begeleiding()
    met_klok.verstrijk_termijn(TERMIJN, D(2024, 9, 15))

    zonder_klok.beeindig(D(2024, 10, 1))
    met_klok.beeindig(D(2024, 10, 1))

    assert namen(zonder_klok) == namen(met_klok) == ["Gestart", "TermijnVerstreken"]
    assert zonder_klok.open_termijnen() == {} and zonder_klok.beeindigd_op is None
