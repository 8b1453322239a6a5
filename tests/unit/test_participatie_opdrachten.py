"""Klantregisseurs record participatie through inburgering's command table: for a person with a traject, one of each kind per date; only the trede is published."""

from __future__ import annotations

import pydantic
import pytest
from application_hulp import koppeling
from begeleiding_hulp import AMAL, BILAL, D, MATRIX, OPDRACHT, bus, geef, geweigerd, inburgering, matrix

from services.domain import Domeinfout
from services.inburgering.domain.participatie import Participatie


def test_the_commands_belong_to_the_klantregisseur_and_take_the_v_nummer_in_the_body():
    for naam, pad in (("trede", "/v1/inburgering/participatietreden"),
                      ("zelfredzaamheid", "/v1/inburgering/zelfredzaamheidsmetingen")):
        assert OPDRACHT[naam].rollen == ("klantregisseur",) and OPDRACHT[naam].url == pad
        assert "vnummer" in OPDRACHT[naam].verzoek.model_fields


def test_a_trede_and_a_matrix_are_recorded_and_only_the_trede_goes_on_the_bus():
    app = inburgering()
    geweigerd(app, koppeling(AMAL, D(2024, 1, 10)))

    geef(app, "trede", vnummer=AMAL, datum="2024-04-01", trede=2)
    matrix(app, AMAL, D(2024, 4, 1), mentale_gezondheid=1)

    participatie = app.repository.get(Participatie.create_id(app.persoon(AMAL)))
    assert participatie.treden == {D(2024, 4, 1): 2}
    assert participatie.matrices[D(2024, 4, 1)] == {
        "financien": 2, "sociaal-netwerk": 2, "werk-en-opleiding": 1, "maatschappelijke-participatie": 3,
        "huisvesting": 3, "fysieke-gezondheid": 4, "mentale-gezondheid": 1}
    gepubliceerd = [(t, d) for t, d in bus(app) if "particip" in t or "zelfred" in t]
    assert gepubliceerd == [("nl.inburgeraars.participatietrede-gemeten",
                             {"persoon_id": str(app.persoon(AMAL)), "datum": "2024-04-01", "trede": 2})]
    assert "gezondheid" not in str(bus(app))


def test_a_person_without_a_traject_and_a_second_measurement_on_a_date_are_refused():
    app = inburgering()
    geweigerd(app, koppeling(AMAL, D(2024, 1, 10)))
    geef(app, "trede", vnummer=AMAL, datum="2024-04-01", trede=2)

    for body, reden in (({"vnummer": BILAL, "datum": "2024-04-01"}, "TrajectOnbekendFout"),
                        ({"vnummer": AMAL, "datum": "2024-04-01"}, "MetingBestaatAlFout"),
                        ({"vnummer": AMAL, "datum": "2031-01-01"}, "ToekomstigeDatumFout")):
        with pytest.raises(Domeinfout) as fout:
            geef(app, "trede", trede=3, **body)
        assert fout.value.reden == f"domeinregel:{reden}"
    assert app.repository.get(Participatie.create_id(app.persoon(AMAL))).treden == {D(2024, 4, 1): 2}
    assert Participatie.create_id(app.persoon(BILAL)) not in app.repository


def test_the_request_models_refuse_a_trede_or_score_out_of_range_and_a_matrix_with_a_levensgebied_left_out():
    trede, zelfredzaamheid = OPDRACHT["trede"].verzoek, OPDRACHT["zelfredzaamheid"].verzoek
    for ongeldig in ({"trede": 7}, {"trede": 0}):
        with pytest.raises(pydantic.ValidationError):
            trede.model_validate({"vnummer": AMAL, "datum": "2024-04-01", **ongeldig})
    zonder = {k: v for k, v in MATRIX.items() if k != "mentale_gezondheid"}
    for ongeldig in (zonder, {**MATRIX, "financien": 6}, {**MATRIX, "religie": 3}):
        with pytest.raises(pydantic.ValidationError) as fout:
            zelfredzaamheid.model_validate({"vnummer": AMAL, "datum": "2024-04-01", **ongeldig})
        assert AMAL not in str(fout.value)
