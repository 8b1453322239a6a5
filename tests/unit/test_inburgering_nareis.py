"""Nareizigers in inburgering: IND's nareis permit with a birth date starts a child's traject at 18, an adult's on the besluitdatum, as without a birth date."""

from __future__ import annotations

from application_hulp import IND, D, bericht, koppeling
from inburgering_hulp import app, rapport, staten

from events import ind
from services.inburgering.domain.inburgeringstraject import Inburgeringstraject
from services.inburgering.rapport_plicht import aandachtslijst

AMIR, NOOR, KIND, OUDER = "6000000001", "6000000002", "6000000004", "6000000006"


def nareis(vnummer: str, besluit: str, geboortedatum: str | None = None):
    return bericht(ind.VERBLIJFSVERGUNNING_VERLEEND, {
        "vnummer": vnummer, "besluitdatum": besluit, "soort": "nareis", "referent_vnummer": AMIR,
        **({"geboortedatum": geboortedatum} if geboortedatum else {})}, source=IND)


def traject(dienst, vnummer: str) -> tuple[str, str, D]:
    t = dienst.repository.get(Inburgeringstraject.create_id(dienst.persoon(vnummer)))
    return t.doelgroep, t.aanleiding, t.startdatum


def test_a_nareizigers_child_starts_at_18_and_is_on_no_attention_list_before_then():
    dienst = app()
    assert dienst.verwerk_batch([koppeling(AMIR, D(2024, 1, 8)), nareis(KIND, "2024-04-01", "2012-09-15"),
                                 nareis(NOOR, "2024-04-01", "1992-03-03"), nareis(OUDER, "2024-04-01")]) == []

    assert traject(dienst, KIND) == ("nareiziger", "meerderjarig", D(2030, 9, 15))
    assert traject(dienst, NOOR) == traject(dienst, OUDER) == ("nareiziger", "nareis", D(2024, 4, 1))
    assert rapport(dienst, D(2024, 12, 31))["caseload"]["nareiziger"] == 2
    lijst = aandachtslijst(staten(dienst, D(2024, 12, 31)), D(2024, 12, 31))
    assert {r["persoon_id"] for r in lijst if r["reden"] == "geen-duo-signaal"} == {
        str(dienst.persoon(v)) for v in (AMIR, NOOR, OUDER)}  # the child: not until 8 weeks after turning 18
    assert rapport(dienst, D(2030, 9, 15))["caseload"]["nareiziger"] == 3


def test_a_child_who_turns_18_on_the_day_of_the_permit_starts_then():
    dienst = app()
    assert dienst.verwerk_batch([koppeling(AMIR, D(2024, 1, 8)), nareis(KIND, "2024-04-01", "2006-04-01")]) == []

    assert traject(dienst, KIND) == ("nareiziger", "nareis", D(2024, 4, 1))
