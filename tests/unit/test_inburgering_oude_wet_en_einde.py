"""The old law guides only on request, and a klantregisseur records that request; once DUO ends the plicht, no voortgangsgesprek is due any more."""

from __future__ import annotations

import pytest
from application_hulp import D, historie, koppeling
from inburgering_hulp import app, rapport, signaal

from services.inburgering.domain.inburgeringsplan import Inburgeringsplan
from services.inburgering.domain.inburgeringsplicht import GeenOudeWetFout
from services.inburgering.plannen import PlichtOnbekendFout

OUD, NIEUW, ONBEKEND = "7000000001", "7000000002", "7000000003"


def _staf(dienst, methode: str, vnummer: str, *args) -> None:
    dienst.voer_uit(lambda uow: getattr(dienst, methode)(uow, dienst.persoon(vnummer), *args))


def test_a_person_under_the_old_law_asks_for_guidance_and_the_report_counts_them():
    dienst = app()
    dienst.verwerk_batch([
        signaal("SS101", D(2020, 3, 1), vnummer=OUD, begindatum=D(2020, 2, 1), doelgroep="gezinsmigrant"),
        signaal("SS101", D(2024, 3, 1), vnummer=NIEUW, begindatum=D(2024, 2, 1), doelgroep="asielstatushouder"),
    ])

    _staf(dienst, "registreer_verzoek", OUD, D(2024, 5, 6))

    assert rapport(dienst, D(2024, 5, 5))["plicht"]["oude_wet_op_verzoek"] == 0
    oud = rapport(dienst, D(2024, 5, 6))
    assert oud["plicht"]["oude_wet_op_verzoek"] == 1 and oud["caseload"]["oude-wet"] == 1
    with pytest.raises(GeenOudeWetFout):  # the Wet inburgering 2021 guides everyone: no request to record
        _staf(dienst, "registreer_verzoek", NIEUW, D(2024, 5, 6))
    with pytest.raises(PlichtOnbekendFout):
        _staf(dienst, "registreer_verzoek", ONBEKEND, D(2024, 5, 6))


def test_a_diploma_closes_the_plan_so_the_clock_records_no_missed_voortgangsgesprek():
    dienst = app()
    dienst.verwerk_batch([koppeling(NIEUW, D(2024, 1, 8)), koppeling(OUD, D(2024, 1, 8))])
    for vnummer in (NIEUW, OUD):
        _staf(dienst, "stel_pip_vast", vnummer, D(2024, 3, 1), "B1", "B1", "NVT", None)
    dienst.verwerk_batch([
        signaal("SS101", D(2024, 1, 20), vnummer=NIEUW, begindatum=D(2024, 1, 8), doelgroep="asielstatushouder"),
        signaal("SS106", D(2024, 8, 1), vnummer=NIEUW, datum=D(2024, 7, 20)),
    ])

    dienst.verloop_tijd(D(2024, 9, 2))  # both PIPs' first voortgangsgesprek was due on 1 September

    plan = historie(dienst, Inburgeringsplan.create_id(dienst.persoon(NIEUW)))
    assert plan == ["PipVastgesteld", "Afgesloten"]
    assert historie(dienst, Inburgeringsplan.create_id(dienst.persoon(OUD)))[-1] == "VoortgangstermijnVerstreken"
    assert rapport(dienst, D(2024, 9, 2))["plan"]["voortgang_gemist"] == 1
