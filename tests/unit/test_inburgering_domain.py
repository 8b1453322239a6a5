"""Inburgering's traject on its own: the 10-week intake term and the choice of leerroute."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from services.inburgering.domain.inburgeringstraject import (
    LEERROUTES,
    Inburgeringstraject,
    IntakeAlAfgerondFout,
    OnbekendeLeerrouteFout,
)

D = dt.date
PERSOON = uuid.UUID(int=0x1B)
KOPPELDATUM = D(2024, 1, 1)
LAATSTE_DAG = D(2024, 3, 11)  # koppeldatum + 10 weeks


def namen(aggregate) -> list[str]:
    return [type(e).__name__ for e in aggregate.pending_events]


def laatste(aggregate, naam: str):
    return [e for e in aggregate.pending_events if type(e).__name__ == naam][-1]


def traject() -> Inburgeringstraject:
    return Inburgeringstraject.start(persoon_id=PERSOON, koppeldatum=KOPPELDATUM)


def test_a_linked_adult_gets_a_traject_with_ten_weeks_for_the_brede_intake():
    t = traject()

    assert namen(t) == ["Gestart"]
    assert t.id == Inburgeringstraject.create_id(PERSOON)
    assert t.intaketermijn_verloopt_op == KOPPELDATUM + dt.timedelta(weeks=10) == LAATSTE_DAG
    assert t.open_termijnen() == {"intake": LAATSTE_DAG}
    assert t.leerroute is None


def test_an_intake_within_ten_weeks_sets_the_leerroute_and_meets_the_term():
    t = traject()
    t.rond_intake_af(datum=D(2024, 2, 15), leerroute="B1")

    assert namen(t) == ["Gestart", "BredeIntakeAfgerond"]
    assert laatste(t, "BredeIntakeAfgerond").binnen_termijn is True
    assert t.leerroute == "B1"
    assert t.intake_op == D(2024, 2, 15)
    assert t.open_termijnen() == {}


def test_an_intake_on_the_last_day_is_within_the_term():
    t = traject()
    t.rond_intake_af(datum=LAATSTE_DAG, leerroute="z-route")

    assert namen(t) == ["Gestart", "BredeIntakeAfgerond"]
    assert laatste(t, "BredeIntakeAfgerond").binnen_termijn is True


def test_an_intake_after_the_term_records_the_expired_term_first():
    t = traject()
    t.rond_intake_af(datum=D(2024, 5, 1), leerroute="onderwijsroute")

    assert namen(t) == ["Gestart", "IntaketermijnVerstreken", "BredeIntakeAfgerond"]
    assert laatste(t, "IntaketermijnVerstreken").verlopen_op == LAATSTE_DAG
    assert laatste(t, "BredeIntakeAfgerond").binnen_termijn is False


def test_an_intake_after_the_clock_expired_the_term_does_not_expire_it_again():
    t = traject()
    t.verstrijk_termijn("intake", LAATSTE_DAG)

    assert t.open_termijnen() == {}

    t.rond_intake_af(datum=D(2024, 5, 1), leerroute="B1")
    assert namen(t) == ["Gestart", "IntaketermijnVerstreken", "BredeIntakeAfgerond"]
    assert laatste(t, "BredeIntakeAfgerond").binnen_termijn is False


def test_the_clock_ignores_a_kind_of_term_the_traject_does_not_have():
    t = traject()
    t.verstrijk_termijn("huisvesting", LAATSTE_DAG)

    assert namen(t) == ["Gestart"]
    assert t.open_termijnen() == {"intake": LAATSTE_DAG}


@pytest.mark.parametrize("leerroute", LEERROUTES)
def test_each_leerroute_of_the_wet_inburgering_is_accepted(leerroute):
    t = traject()
    t.rond_intake_af(datum=D(2024, 2, 1), leerroute=leerroute)

    assert t.leerroute == leerroute


@pytest.mark.parametrize("leerroute", ["A2", "b1", "", "Z-route"])
def test_an_unknown_leerroute_is_refused_and_nothing_is_recorded(leerroute):
    t = traject()

    with pytest.raises(OnbekendeLeerrouteFout) as fout:
        t.rond_intake_af(datum=D(2024, 5, 1), leerroute=leerroute)  # late, yet no expiry recorded

    assert fout.value.reden == "domeinregel:OnbekendeLeerrouteFout"
    assert namen(t) == ["Gestart"]
    assert t.intake_op is None


def test_a_second_intake_is_refused_and_the_first_leerroute_stays():
    t = traject()
    t.rond_intake_af(datum=D(2024, 2, 1), leerroute="B1")

    with pytest.raises(IntakeAlAfgerondFout):
        t.rond_intake_af(datum=D(2024, 2, 20), leerroute="z-route")

    assert t.leerroute == "B1"
    assert namen(t).count("BredeIntakeAfgerond") == 1
