"""`welkom status` names the partitions that lag, so one stuck aggregate shows behind a topic's sum."""

from __future__ import annotations

from services.entrypoints.cli_status import tekst


def status(lag_partities: dict[str, dict[str, int]]) -> dict:
    return {"draait": True, "broker": "127.0.0.1:9092", "services": {"opvang": {
        "store": 10, "relay": 10, "relay_achterstand": 0, "lag": {"keten.coa": 4, "keten.ind": 0},
        "lag_partities": {"keten.coa": lag_partities} if lag_partities else {}, "dlq": {"keten.coa.dlq": 0}}}}


def test_a_topic_that_lags_shows_which_partitions_hold_its_records():
    regel = tekst(status({"2": 3, "5": 1})).splitlines()[1]
    assert "lag keten.coa 4 [p2 3, p5 1], keten.ind 0  dlq" in regel


def test_a_topic_without_lag_shows_no_partitions():
    assert "[" not in tekst(status({}))
