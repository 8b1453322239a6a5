"""`kill -9` of `welkom up` under load, then `welkom up` again: it reattaches to its broker and every household is processed once in all four services."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from events import coa, huisvesting, ind, inburgering, mzd, opvang, topics
from keten import Keten, cloudevent, gezond, van_type, welkom_env
from services.runtime.localbroker import vrije_poort
from services.runtime.settings import Settings

pytestmark = pytest.mark.integration

HUISHOUDENS = 1000
OPENINGEN = {topics.GEMEENTE_OPVANG: opvang.BEWONER_GEPLAATST,
             topics.GEMEENTE_HUISVESTING: huisvesting.HUISVESTINGSDOSSIER_GEOPEND,
             topics.GEMEENTE_INBURGERING: inburgering.INBURGERINGSTRAJECT_GESTART,
             topics.GEMEENTE_MZD: mzd.ZAAK_GEOPEND}


def invoer(i: int) -> list[dict]:
    """One household's inputs for all four services: a placement, a koppeling, and a refusal of
    someone else (mzd acts on refusals)."""
    hoofd, afgewezen = f"41{i:08d}", f"42{i:08d}"
    return [
        cloudevent(coa.ASIELZOEKER_GEPLAATST, {"vnummer": hoofd, "locatie_id": "azc-dommer", "datum": "2024-01-08"}),
        cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {"vnummer": hoofd, "gemeentecode": "0268", "koppeldatum": "2024-02-12",
                                                "huishouden": [{"vnummer": hoofd, "geboortedatum": "1990-01-01"}]}),
        cloudevent(ind.ASIELAANVRAAG_AFGEWEZEN, {"vnummer": afgewezen, "besluitdatum": "2024-03-01",
                                                 "definitief": True}),
    ]


def eigen_broker(settings: Settings, poort: int) -> dict[str, str]:
    """The environment of an operator's `welkom`: its own bundled broker, no KAFKA_BOOTSTRAP_SERVERS."""
    env = welkom_env(settings, WELKOM_LOCAL_BROKER_PORT=str(poort))
    for naam in ("KAFKA_BOOTSTRAP_SERVERS", "WELKOM_KAFKA_IDEMPOTENT_PRODUCER", "WELKOM_KAFKA_CREATE_TOPICS",
                 "WELKOM_KAFKA_SESSION_TIMEOUT_MS", "WELKOM_KAFKA_FETCH_MAX_WAIT_MS"):
        env.pop(naam, None)
    return env


def welkom_up(settings: Settings, poort: int, log: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "services.entrypoints.cli", "up"],
                            env=eigen_broker(settings, poort), stdout=log.open("ab"), stderr=subprocess.STDOUT)


async def test_a_stack_killed_under_load_reattaches_to_its_broker_and_processes_every_household_once(
    settings: Settings, tmp_path: Path
) -> None:
    log, poort = tmp_path / "welkom.log", vrije_poort()
    proces = welkom_up(settings, poort, log)
    try:
        await gezond(settings, proces, log)
        bootstrap = f"127.0.0.1:{poort}"
        async with Keten(bootstrap, settings) as keten:
            for i in range(HUISHOUDENS):
                await keten.stuur(*invoer(i))
            while len(await keten.records(topics.GEMEENTE_OPVANG)) < 50:   # it is busy with the load ...
                await asyncio.sleep(0.05)
            proces.send_signal(signal.SIGKILL)                              # ... when it dies
            await asyncio.to_thread(proces.wait, 30)
            broker = json.loads((settings.data_dir / "broker.json").read_text())
            os.kill(broker["pid"], 0)                                       # its broker outlived it

            proces = welkom_up(settings, poort, log)                        # the operator starts it again
            await gezond(settings, proces, log)
            assert "lokale_broker.hergebruikt" in log.read_text()
            for topic, type_ in OPENINGEN.items():
                events = await keten.wacht_op(topic, lambda es, t=type_: len({e.subject for e in van_type(es, t)})
                                              >= HUISHOUDENS, timeout=240)
                geopend = van_type(events, type_)
                assert len({e.subject for e in geopend}) == HUISHOUDENS, topic       # nobody lost
                assert len({e.id for e in geopend}) == HUISHOUDENS, topic            # nobody doubled
            for topic in (topics.KETEN_COA, topics.KETEN_IND):
                assert await keten.records(topics.dlq(topic)) == []

        status = subprocess.run([sys.executable, "-m", "services.entrypoints.cli", "status", "--json"],
                                env=eigen_broker(settings, poort), capture_output=True, text=True, timeout=60)
        toestand = json.loads(status.stdout)
        assert toestand["draait"] and all(s["relay_achterstand"] == 0 for s in toestand["services"].values())
        assert all(set(s["lag"].values()) == {0} for s in toestand["services"].values()), toestand
    finally:
        proces.send_signal(signal.SIGINT)
        await asyncio.to_thread(proces.wait, 60)
    assert not (settings.data_dir / "broker.json").exists()                  # stopped with the stack
