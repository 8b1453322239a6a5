"""One person's participatie: dated treden on the participatieladder and zelfredzaamheidsmatrices on the seven levensgebieden of seed 004."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from services.inburgering.domain.participatie import LEVENSGEBIEDEN, Participatie

D = dt.date
PERSOON = uuid.UUID("5f0c4e2a-8d7b-4c1e-9a3f-2b6d8e1f0a47")
SCORES = dict.fromkeys(LEVENSGEBIEDEN, 3)


def weigert(fout: str, actie, *args) -> None:
    with pytest.raises(Exception) as gevangen:
        actie(*args)
    assert gevangen.value.reden == f"domeinregel:{fout}"


def test_the_matrix_has_the_seven_levensgebieden_of_seed_004():
    assert LEVENSGEBIEDEN == ("financien", "sociaal-netwerk", "werk-en-opleiding", "maatschappelijke-participatie",
                              "huisvesting", "fysieke-gezondheid", "mentale-gezondheid")


def test_measurements_are_dated_and_may_be_entered_out_of_order():
    p = Participatie(persoon_id=PERSOON, gemeentecode="0268")

    p.meet_trede(D(2024, 6, 1), 3)
    p.meet_trede(D(2024, 1, 1), 1)
    p.meet_zelfredzaamheid(D(2024, 6, 1), {**SCORES, "mentale-gezondheid": 2})

    assert p.treden == {D(2024, 6, 1): 3, D(2024, 1, 1): 1}
    assert p.matrices[D(2024, 6, 1)]["mentale-gezondheid"] == 2
    assert [type(e).__name__ for e in p.collect_events()] == [
        "Aangelegd", "TredeGemeten", "TredeGemeten", "ZelfredzaamheidGemeten"]


def test_a_trede_is_1_to_6_and_one_per_date():
    p = Participatie(persoon_id=PERSOON)
    weigert("OngeldigeTredeFout", p.meet_trede, D(2024, 6, 1), 0)
    weigert("OngeldigeTredeFout", p.meet_trede, D(2024, 6, 1), 7)
    p.meet_trede(D(2024, 6, 1), 6)
    weigert("MetingBestaatAlFout", p.meet_trede, D(2024, 6, 1), 5)


def test_a_matrix_scores_every_levensgebied_from_1_to_5_once_per_date():
    p = Participatie(persoon_id=PERSOON)
    zonder_gezondheid = {g: s for g, s in SCORES.items() if g != "mentale-gezondheid"}
    weigert("OnvolledigeMatrixFout", p.meet_zelfredzaamheid, D(2024, 6, 1), zonder_gezondheid)
    weigert("OnvolledigeMatrixFout", p.meet_zelfredzaamheid, D(2024, 6, 1), {**SCORES, "religie": 3})
    weigert("OngeldigeScoreFout", p.meet_zelfredzaamheid, D(2024, 6, 1), {**SCORES, "financien": 6})
    p.meet_zelfredzaamheid(D(2024, 6, 1), SCORES)
    weigert("MetingBestaatAlFout", p.meet_zelfredzaamheid, D(2024, 6, 1), SCORES)
