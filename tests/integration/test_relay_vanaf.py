"""`welkom relay --vanaf`: after a broker loss the stored events are on gemeente.* again, the same records with the same ids."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from typing import Any

import pytest

from events import coa, huisvesting, ind, inburgering, mzd, opvang, topics
from keten import Keten, cloudevent, van_type, wacht_tot, welkom_env
from services.runtime.localbroker import LokaleBroker
from services.runtime.settings import Settings
from services.stack import Stack

pytestmark = pytest.mark.integration
GEMEENTE = (topics.GEMEENTE_OPVANG, topics.GEMEENTE_HUISVESTING, topics.GEMEENTE_INBURGERING, topics.GEMEENTE_MZD)
VERWACHT = {topics.GEMEENTE_OPVANG: opvang.BEWONER_STATUSHOUDER_GEWORDEN,
            topics.GEMEENTE_HUISVESTING: huisvesting.HUISVESTINGSDOSSIER_GEOPEND,
            topics.GEMEENTE_INBURGERING: inburgering.INBURGERINGSTRAJECT_GESTART,
            topics.GEMEENTE_MZD: mzd.ZAAK_GEOPEND}


def welkom(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "services.entrypoints.cli", *args], env=welkom_env(settings),
                          capture_output=True, text=True, timeout=120)


def invoer() -> list[dict[str, Any]]:
    """Inputs with an effect in each of the four services: two households, a permit, a rejection."""
    uit = []
    for vnummer, koppeldatum in (("5600000001", "2024-02-05"), ("5600000002", "2024-03-04")):
        uit += [
            cloudevent(coa.ASIELZOEKER_GEPLAATST, {"vnummer": vnummer, "locatie_id": "azc-heumensoord",
                                                   "datum": "2024-01-08"}),
            cloudevent(ind.VERBLIJFSVERGUNNING_VERLEEND, {"vnummer": vnummer, "besluitdatum": "2024-01-20",
                                                          "soort": "asiel"}),
            cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {
                "vnummer": vnummer, "gemeentecode": "0268", "koppeldatum": koppeldatum,
                "huishouden": [{"vnummer": vnummer, "geboortedatum": "1990-01-01"}]}),
        ]
    return uit + [cloudevent(ind.ASIELAANVRAAG_AFGEWEZEN, {"vnummer": "5600000009", "besluitdatum": "2024-04-02",
                                                           "definitief": True})]


def record(r: Any) -> tuple[bytes, bytes | None, list[tuple[str, bytes]]]:
    """What a consumer gets: value, key and headers. FastStream adds a `correlation_id` of its own
    to every publish, the relay's included: it differs on every publish, so it is left out."""
    return r.value, r.key, [(k, v) for k, v in r.headers if k != "correlation_id"]


def ids(records: list[Any]) -> list[str]:
    return [dict(r.headers)["ce_id"].decode() for r in records]


async def gepubliceerd(keten: Keten) -> dict[str, list[Any]]:
    return {t: await keten.records(t) for t in GEMEENTE}


async def verlies_de_broker(broker: LokaleBroker) -> None:
    """Stop the broker and start a new, empty one on the same port (Tansu keeps topics in memory only)."""
    await asyncio.to_thread(broker.stop)
    await asyncio.to_thread(broker.start)


async def test_relay_vanaf_publishes_the_stored_events_again_with_the_same_records_and_ids(
    settings: Settings, broker: LokaleBroker, keten: Keten
) -> None:
    async with Stack(settings, http=False) as stack:
        await keten.stuur(*invoer())
        for topic, type_ in VERWACHT.items():
            await keten.wacht_op(topic, lambda es, type_=type_: len(van_type(es, type_)) >= (1 if topic ==
                                 topics.GEMEENTE_MZD else 2))
        await wacht_tot(lambda: all(r.positie() == r.app.recorder.max_notification_id() for r in stack.relays.values()),
                        wat="every relay to have published every stored event")
        posities = {naam: relay.positie() for naam, relay in stack.relays.items()}
    voor = await gepubliceerd(keten)
    assert all(voor.values()) and len({i for rs in voor.values() for i in ids(rs)}) == sum(map(len, voor.values()))

    # The stack is down and the broker lost everything: re-publish from the stores alone.
    await verlies_de_broker(broker)
    uit = await asyncio.to_thread(welkom, settings, "relay", "--vanaf", "1")
    assert uit.returncode == 0, uit.stderr
    na = await gepubliceerd(keten)
    for topic in GEMEENTE:
        assert ids(na[topic]) == ids(voor[topic]), topic
        assert [record(r) for r in na[topic]] == [record(r) for r in voor[topic]], topic
    aantallen = ", ".join(f"{t.split('.')[1]} {len(voor[t])}" for t in GEMEENTE)
    assert uit.stdout.strip().splitlines()[-1].startswith(f"relay --vanaf 1: {aantallen} events opnieuw gepubliceerd")
    assert "events/s" in uit.stderr

    # While `welkom up` runs, the broker is lost again: one service from a later position.
    async with Stack(settings, http=False) as stack:
        assert {naam: relay.positie() for naam, relay in stack.relays.items()} == posities  # did not move
        await verlies_de_broker(broker)
        reeks = [int(dict(r.headers)["ce_sequence"]) for r in voor[topics.GEMEENTE_HUISVESTING]]
        vanaf = sorted(set(reeks))[len(set(reeks)) // 2]
        uit = await asyncio.to_thread(welkom, settings, "relay", "--vanaf", str(vanaf), "--service", "huisvesting")
        assert uit.returncode == 0, uit.stderr
        staart = [r for r, positie in zip(voor[topics.GEMEENTE_HUISVESTING], reeks, strict=True) if positie >= vanaf]
        assert 0 < len(staart) < len(reeks)
        opnieuw = await keten.records(topics.GEMEENTE_HUISVESTING)
        assert [record(r) for r in opnieuw] == [record(r) for r in staart]
        assert uit.stdout.strip().splitlines()[-1].startswith(f"relay --vanaf {vanaf}: huisvesting {len(staart)} events")
        assert {naam: relay.positie() for naam, relay in stack.relays.items()} == posities
        for topic in (topics.GEMEENTE_OPVANG, topics.GEMEENTE_MZD):
            assert await keten.records(topic) == [], topic  # not asked for, so not re-published


async def test_relay_vanaf_says_in_one_line_what_is_wrong(settings: Settings, broker: LokaleBroker) -> None:
    async with Stack(settings, http=False):
        pass  # the stores exist
    for args, fout in (
        (("--vanaf", "0"), "--vanaf must be 1 or more"),
        (("--vanaf", "1", "--service", "onbekend"), "unknown service 'onbekend'"),
    ):
        uit = await asyncio.to_thread(welkom, settings, "relay", *args)
        assert uit.returncode != 0 and len(uit.stderr.strip().splitlines()) == 1, uit.stderr
        assert uit.stderr.startswith("welkom: ") and fout in uit.stderr, uit.stderr
    broker.stop()
    uit = await asyncio.to_thread(welkom, settings, "relay", "--vanaf", "1")
    assert uit.returncode != 0 and len(uit.stderr.strip().splitlines()) == 1, uit.stderr
    assert "did not answer" in uit.stderr and "Traceback" not in uit.stderr
