"""/health says degraded, with reasons that name services and topics only, when welkom stops keeping up."""

from __future__ import annotations

from fastapi.testclient import TestClient

from http_hulp import Stack
from services.entrypoints.http import maak_app
from services.runtime.gezondheid import GROEIT_METINGEN, RELAY_STIL_S, Gezondheid


def test_a_relay_with_a_backlog_that_does_not_move_is_stalled_and_one_that_moves_is_not() -> None:
    g = Gezondheid()
    g.meet_relay("huisvesting", positie=10, achterstand=5, nu=0.0)
    g.meet_relay("opvang", positie=10, achterstand=5, nu=0.0)
    g.meet_relay("huisvesting", positie=10, achterstand=8, nu=RELAY_STIL_S)       # stuck
    g.meet_relay("opvang", positie=12, achterstand=3, nu=RELAY_STIL_S)            # slow, but moving

    assert g.redenen(nu=RELAY_STIL_S) == [
        f"relay huisvesting: 8 stored events unpublished, no progress for {RELAY_STIL_S:.0f} s"]


def test_an_idle_relay_without_backlog_is_healthy_however_long_it_waits() -> None:
    g = Gezondheid()
    g.meet_relay("mzd", positie=4, achterstand=0, nu=0.0)
    g.meet_relay("mzd", positie=4, achterstand=0, nu=10 * RELAY_STIL_S)
    assert g.redenen(nu=10 * RELAY_STIL_S) == []


def test_a_lag_that_rises_in_every_measurement_keeps_growing_one_that_drains_does_not() -> None:
    g = Gezondheid()
    for n in range(GROEIT_METINGEN + 1):
        g.meet_lag({"opvang": {"keten.coa": 100 * (n + 1), "keten.ind": 50 if n % 2 else 80}})
    assert g.redenen(nu=0.0) == [f"inbox opvang on keten.coa: lag keeps growing ({100 * (GROEIT_METINGEN + 1)} records)"]

    g.meet_lag({"opvang": {"keten.coa": 10, "keten.ind": 0}})
    assert g.redenen(nu=0.0) == []


def test_an_unreachable_broker_is_a_reason_until_the_next_measurement_succeeds() -> None:
    g = Gezondheid()
    g.broker_fout = "broker unreachable (KafkaConnectionError)"
    assert g.redenen(nu=0.0) == ["lag not measurable: broker unreachable (KafkaConnectionError)"]
    g.meet_lag({"mzd": {"keten.ind": 0}})
    assert g.redenen(nu=0.0) == []


def test_health_answers_ok_degraded_with_its_reasons_or_starting() -> None:
    stack = Stack()
    api = TestClient(maak_app(stack))
    assert api.get("/health").status_code == 503                       # still starting
    stack.ready.set()
    assert api.get("/health").json() == {"status": "ok"}
    stack.gezondheid.meet_relay("mzd", positie=3, achterstand=2, nu=0.0)
    stack.gezondheid.meet_relay("mzd", positie=3, achterstand=2, nu=RELAY_STIL_S)
    stack.gezondheid.relays["mzd"].bewogen -= 10**9                   # long ago, on the real clock
    antwoord = api.get("/health")
    assert antwoord.status_code == 200 and antwoord.json()["status"] == "degraded"
    assert antwoord.json()["redenen"][0].startswith("relay mzd: 2 stored events unpublished")
