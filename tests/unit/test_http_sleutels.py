"""Idempotency-Key on the staff commands (IETF draft): the same request gets its first answer, another one 422."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from application_hulp import D, afwijzing, koppeling, opgeslagen
from fastapi.testclient import TestClient
from http_hulp import IBAN, VNUMMER, Stack
from toegang_hulp import SUB, kop

from services.entrypoints.http import maak_app
from services.toegang.rollen import MZD_MEDEWERKER, OPERATOR, WOONCONSULENT

IBAN_URL = "/v1/huisvesting/ibans"
HERGEBRUIKT = "urn:nld:gemeente-nijmegen:welkom:probleem:idempotency-key-hergebruikt"


@pytest.fixture
def stack() -> Stack:
    stack = Stack()
    assert stack.apps["huisvesting"].verwerk_batch([koppeling(VNUMMER, D(2024, 1, 1))]) == []
    assert stack.apps["mzd"].verwerk_batch([afwijzing(VNUMMER, D(2024, 1, 2))]) == []
    return stack


@pytest.fixture
def api(stack: Stack) -> TestClient:
    return TestClient(maak_app(stack))


def iban(api: TestClient, sleutel: str | None, **anders: str) -> Any:
    body = {"vnummer": VNUMMER, "iban": IBAN, "datum": "2024-01-10", **anders}
    sleutelkop = {"Idempotency-Key": sleutel} if sleutel else {}
    return api.post(IBAN_URL, json=body, headers={**kop(WOONCONSULENT), **sleutelkop})


def opgeslagen_per_service(stack: Stack) -> dict[str, int]:
    return {naam: opgeslagen(app) for naam, app in stack.apps.items()}


def test_the_same_key_with_the_same_request_gets_the_first_answer_and_has_one_effect(api, stack):
    eerste = iban(api, "balie-1")
    na_eerste = opgeslagen_per_service(stack)

    for _ in range(2):  # the same body, its keys in another order
        opnieuw = api.post(IBAN_URL, json={"datum": "2024-01-10", "iban": IBAN, "vnummer": VNUMMER},
                           headers={"Idempotency-Key": "balie-1", **kop(WOONCONSULENT)})
        assert (opnieuw.status_code, opnieuw.content) == (eerste.status_code, eerste.content) == (
            200, b'{"status":"verwerkt"}')
        assert opnieuw.headers["Idempotent-Replayed"] == "true"
        assert "Idempotent-Replayed" not in eerste.headers
    assert opgeslagen_per_service(stack) == na_eerste


def test_without_a_key_every_request_is_carried_out(api, stack):
    voor = opgeslagen(stack.apps["huisvesting"])

    assert iban(api, None).json() == iban(api, None).json() == {"status": "verwerkt"}

    assert opgeslagen(stack.apps["huisvesting"]) > voor


def test_the_same_key_with_another_body_is_refused_with_422_and_nothing_is_recorded(api, stack):
    iban(api, "balie-2")
    voor = opgeslagen_per_service(stack)

    anders = iban(api, "balie-2", datum="2024-01-11")

    assert anders.status_code == 422 and anders.headers["content-type"] == "application/problem+json"
    assert anders.json()["type"] == HERGEBRUIKT and anders.json()["title"] == "idempotency-key-hergebruikt"
    assert VNUMMER not in anders.text and IBAN not in anders.text
    assert opgeslagen_per_service(stack) == voor
    assert iban(api, "balie-2").status_code == 200  # the first request still gets its answer


@pytest.mark.parametrize("url, body, rol", [
    ("/v1/huisvesting/aanbod-weigeringen", {"vnummer": VNUMMER, "woning_id": "W1", "datum": "2024-01-10",
                                            "reden": "te ver"}, WOONCONSULENT),
    ("/v1/mzd/bbb-toelatingen", {"vnummer": VNUMMER, "datum": "2024-01-10"}, MZD_MEDEWERKER),
])
def test_the_same_key_on_another_endpoint_is_refused_with_422_and_nothing_is_recorded(api, stack, url, body, rol):
    iban(api, "balie-3")
    voor = opgeslagen_per_service(stack)

    elders = api.post(url, json=body, headers={"Idempotency-Key": "balie-3", **kop(rol)})

    assert elders.status_code == 422 and elders.json()["type"] == HERGEBRUIKT
    assert opgeslagen_per_service(stack) == voor


def test_the_mzd_command_alone_is_carried_out_with_a_fresh_key(api, stack):
    """The endpoint of the test above works: only the reused key made it refuse."""
    antwoord = api.post("/v1/mzd/bbb-toelatingen", json={"vnummer": VNUMMER, "datum": "2024-01-10"},
                        headers={"Idempotency-Key": "balie-4", **kop(MZD_MEDEWERKER)})

    assert antwoord.status_code == 200, antwoord.text


def test_the_store_keeps_a_keyed_fingerprint_and_the_answer_never_the_request(api, stack):
    iban(api, "balie-5")

    app = stack.apps["huisvesting"]
    staten = b"".join(n.state for n in app.recorder.select_notifications(1, 100_000))
    assert VNUMMER.encode() not in staten and IBAN.encode() not in staten
    assert b'"vingerafdruk"' in staten and b'"verwerkt"' in staten


def test_a_key_recorded_before_answers_were_gets_the_answer_commands_had_then(api, stack):
    """An Ontvangst stored by older code has no fingerprint and no answer: every command that had
    its effect was answered `verwerkt`, so that is the answer it gets again."""
    app = stack.apps["huisvesting"]
    app.voer_uit(lambda uow: None, "http:oud")  # no request text: as the code before recorded it
    voor = opgeslagen(app)

    antwoord = iban(api, "oud")

    assert (antwoord.status_code, antwoord.json()) == (200, {"status": "verwerkt"})
    assert opgeslagen(app) == voor


# -- the clock -------------------------------------------------------------------------------


def test_the_clock_goes_up_to_today_and_refuses_a_later_tot_recording_nothing(api, stack):
    vandaag = dt.date.today()
    voor = opgeslagen_per_service(stack)

    morgen = api.post("/v1/klok", json={"tot": (vandaag + dt.timedelta(days=1)).isoformat()}, headers=kop(OPERATOR))
    ver = api.post("/v1/klok", json={"tot": "2099-01-01"}, headers=kop(OPERATOR))

    for geweigerd in (morgen, ver):
        assert geweigerd.status_code == 422 and geweigerd.headers["content-type"] == "application/problem+json"
        assert geweigerd.json()["title"] == "klok-tot-in-de-toekomst"
    assert stack.verzet == [] and opgeslagen_per_service(stack) == voor
    assert api.post("/v1/klok", json={"tot": vandaag.isoformat()}, headers=kop(OPERATOR)).status_code == 200
    assert stack.verzet == [vandaag] and stack.verzet_door == [SUB]  # the operator of the token


def test_the_clock_refuses_to_be_advanced_by_hand_while_it_runs_in_real_time():
    stack = Stack(klok="realtime")
    voor = opgeslagen_per_service(stack)

    antwoord = TestClient(maak_app(stack)).post("/v1/klok", json={"tot": "2024-01-01"}, headers=kop(OPERATOR))

    assert antwoord.status_code == 422 and antwoord.json()["title"] == "klok-loopt-vanzelf"
    assert antwoord.headers["content-type"] == "application/problem+json"
    assert stack.verzet == [] and opgeslagen_per_service(stack) == voor
