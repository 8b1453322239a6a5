"""Mzd's Zaak on its own: the 28-day vertrektermijn and admission to BBB-opvang."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from services.mzd.domain.zaak import AlInBbbFout, Zaak

D = dt.date
PERSOON = uuid.UUID(int=0x28)
BESLUITDATUM = D(2024, 5, 1)
LAATSTE_DAG = D(2024, 5, 29)  # besluitdatum + 28 days


def namen(aggregate) -> list[str]:
    return [type(e).__name__ for e in aggregate.pending_events]


def zaak() -> Zaak:
    return Zaak.open(persoon_id=PERSOON, besluitdatum=BESLUITDATUM)


def test_a_definitive_refusal_opens_a_zaak_with_28_days_to_leave():
    z = zaak()

    assert namen(z) == ["Geopend"]
    assert z.id == Zaak.create_id(PERSOON)
    assert z.vertrektermijn_verloopt_op == BESLUITDATUM + dt.timedelta(days=28) == LAATSTE_DAG
    assert z.open_termijnen() == {"vertrek": LAATSTE_DAG}
    assert z.bbb_sinds is None


def test_the_clock_expiring_the_vertrektermijn_closes_it():
    z = zaak()
    z.verstrijk_termijn("vertrek", LAATSTE_DAG)

    assert namen(z) == ["Geopend", "VertrektermijnVerstreken"]
    assert z.pending_events[-1].verlopen_op == LAATSTE_DAG
    assert z.open_termijnen() == {}


def test_the_clock_ignores_a_kind_of_term_the_zaak_does_not_have():
    z = zaak()
    z.verstrijk_termijn("intake", LAATSTE_DAG)

    assert namen(z) == ["Geopend"]


def test_a_person_is_admitted_to_bbb_opvang_once():
    z = zaak()
    z.laat_toe_tot_bbb(datum=D(2024, 6, 2))

    with pytest.raises(AlInBbbFout) as fout:
        z.laat_toe_tot_bbb(datum=D(2024, 6, 9))

    assert fout.value.reden == "domeinregel:AlInBbbFout"
    assert z.bbb_sinds == D(2024, 6, 2)
    assert namen(z) == ["Geopend", "ToegelatenTotBbb"]


def test_bbb_admission_does_not_stop_the_vertrektermijn():
    z = zaak()
    z.laat_toe_tot_bbb(datum=D(2024, 5, 10))

    assert z.open_termijnen() == {"vertrek": LAATSTE_DAG}
