"""Facts dated beyond the window of the future, and commands for a person a service does not know, are refused
(422 problem+json, or the DLQ for an inbound event) and record nothing."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from application_hulp import ENV, D, afwijzing, koppeling, plaatsing, woning
from fastapi.testclient import TestClient
from toegang_hulp import GEMEENTE, kop, toegang

from services import catalogus
from services.domain import Domeinfout
from services.domain.toekomst import TOEKOMSTVENSTER_DAGEN, ToekomstigeDatumFout
from services.entrypoints.http import maak_app
from services.logboek.application import Logboek
from services.runtime.commands import Opdracht
from services.runtime.settings import Settings
from services.toegang.rollen import WOONCONSULENT

ONBEKEND = "9999999999"
VOORBEELDWAARDEN = {"woning_id": "W1", "iban": "NL91ABNA0417164300", "leerroute": "B1", "reden": "verkeerd ingevoerd",
                    "weigerreden": "te klein", "intrekreden": "geen reactie",
                    "bsn": "999990019", "locatie_id": "waalhaven", "vertrekreden": "terugkeer", "besluit": "plichtig",
                    "naam": "Groenestraat", "soort": "tgo", "capaciteit": 40, "trede": 4,
                    "binding": False, "voorliggende_voorziening": False, "perspectief": "terugkeer",  # mzd's
                    "contactpersoon": "bz-0412", "uitstroomreden": "terugkeer",
                    **dict.fromkeys(("financien", "sociaal_netwerk", "werk_en_opleiding", "maatschappelijke_participatie",
                                     "huisvesting", "fysieke_gezondheid", "mentale_gezondheid"), 3)}
OPDRACHTEN = [o for s in catalogus.alle() for o in s.commands]
MAAKT_AAN = {"/v1/opvang/ontheemden", "/v1/opvang/locatie-openingen"}
"""Commands that register what they are about (an ontheemde, a location): for them an unknown one is the normal case."""


def verzoek(opdracht: Opdracht[Any], vnummer: str = ONBEKEND, datum: dt.date = D(2024, 3, 1)) -> Any:
    """A valid request of this command: every field from the examples above, the V-nummer (when it names
    its person by one) and date given."""
    velden = {v: VOORBEELDWAARDEN[v] for v in opdracht.verzoek.model_fields if v in VOORBEELDWAARDEN}
    if "vnummer" in opdracht.verzoek.model_fields:
        velden["vnummer"] = vnummer
    return opdracht.verzoek(datum=datum, **velden)


def apps(**opties: Any) -> dict[str, Any]:
    return {s.name: s.application(env=ENV, pseudoniem_sleutel="test", **opties) for s in catalogus.alle()}


def opgeslagen(alle: dict[str, Any]) -> dict[str, int]:
    return {naam: app.recorder.max_notification_id() or 0 for naam, app in alle.items()}


@pytest.mark.parametrize("opdracht", [o for o in OPDRACHTEN if o.url not in MAAKT_AAN], ids=lambda o: o.url)
def test_every_staff_command_for_a_person_the_service_does_not_know_is_refused_and_records_nothing(opdracht):
    diensten = apps()
    voor = opgeslagen(diensten)

    with pytest.raises(Domeinfout) as fout:
        opdracht.voer_uit(diensten[opdracht.service], verzoek(opdracht), "sleutel-1")

    assert type(fout.value).__name__.endswith("OnbekendFout")
    assert opgeslagen(diensten) == voor, "not even the idempotency record"


@pytest.mark.parametrize("opdracht", OPDRACHTEN, ids=lambda o: o.url)
def test_every_staff_command_with_a_date_past_the_window_is_refused_and_records_nothing(opdracht):
    diensten = apps(vandaag=lambda: D(2024, 6, 1))
    voor = opgeslagen(diensten)

    with pytest.raises(ToekomstigeDatumFout):
        opdracht.voer_uit(diensten[opdracht.service], verzoek(opdracht, datum=D(2024, 7, 2)), "sleutel-1")
    with pytest.raises(ToekomstigeDatumFout):
        opdracht.voer_uit(diensten[opdracht.service], verzoek(opdracht, datum=D(9999, 12, 31)), None)

    assert opgeslagen(diensten) == voor


def test_the_window_is_today_plus_the_configured_days_on_the_last_day_still_allowed():
    mzd = catalogus.per_naam()["mzd"]
    assert Settings().toekomst_venster_dagen == TOEKOMSTVENSTER_DAGEN == 30
    app = mzd.application(env=ENV, pseudoniem_sleutel="test", vandaag=lambda: D(2024, 6, 1),
                          **mzd.opties(Settings(toekomst_venster_dagen=2)))
    assert app.verwerk_batch([afwijzing("2000000001", D(2024, 5, 1))]) == []
    persoon = app.persoon("2000000001")

    with pytest.raises(ToekomstigeDatumFout):
        app.voer_uit(lambda uow: app.laat_toe_tot_bbb(uow, persoon, D(2024, 6, 4)))
    app.voer_uit(lambda uow: app.laat_toe_tot_bbb(uow, persoon, D(2024, 6, 3)))


def test_every_service_gets_the_window_from_the_settings():
    for service in catalogus.alle():
        assert service.opties(Settings(toekomst_venster_dagen=7))["toekomstvenster_dagen"] == 7, service.name


def test_inbound_events_dated_past_the_window_go_to_the_dlq_with_a_domain_reason_and_record_nothing():
    diensten = apps(vandaag=lambda: D(2024, 6, 1))
    voor = opgeslagen(diensten)
    reden = "domeinregel:ToekomstigeDatumFout"
    verre_koppeling = koppeling("1000000001", D(2030, 1, 1))

    verre_woning = woning("W1", 2, D(2030, 1, 1))
    assert diensten["huisvesting"].verwerk_batch([verre_koppeling, verre_woning]) == [
        (verre_koppeling, reden), (verre_woning, reden)]
    assert diensten["inburgering"].verwerk_batch([verre_koppeling]) == [(verre_koppeling, reden)]
    assert [r for _, r in diensten["mzd"].verwerk_batch([afwijzing("2000000001", D(2030, 1, 1))])] == [reden]
    assert [r for _, r in diensten["opvang"].verwerk_batch([plaatsing("1000000001", "azc", D(2030, 1, 1))])] == [reden]
    assert opgeslagen(diensten) == voor

    binnen = diensten["huisvesting"].verwerk_batch([koppeling("1000000002", D(2024, 7, 1))])
    assert binnen == [], "within the window (a koppeling announced for next month) is accepted"


class _Stack:
    """The part of a running stack the HTTP API needs, on the four services in memory."""

    def __init__(self) -> None:
        self.apps = apps()
        self.ready, self.projectie = asyncio.Event(), None
        self.settings, self.toegang = Settings(gemeentecode=GEMEENTE), toegang()
        self.logboek = Logboek(env=ENV)


def test_over_http_a_date_past_the_window_and_an_unknown_person_are_422_problem_json():
    stack = _Stack()
    with TestClient(maak_app(stack)) as http:  # type: ignore[arg-type]
        for body, titel in (({"vnummer": ONBEKEND, "iban": "NL91ABNA0417164300", "datum": "9999-12-31"},
                             "domeinregel:ToekomstigeDatumFout"),
                            ({"vnummer": ONBEKEND, "iban": "NL91ABNA0417164300", "datum": "2024-02-14"},
                             "domeinregel:PersoonOnbekendFout")):
            antwoord = http.post("/v1/huisvesting/ibans", json=body, headers=kop(WOONCONSULENT))
            assert antwoord.status_code == 422 and antwoord.headers["content-type"] == "application/problem+json"
            assert antwoord.json()["title"] == titel and ONBEKEND not in antwoord.text
    assert opgeslagen(stack.apps) == {naam: 0 for naam in stack.apps}
