"""Access on the bus: each service is its own Kafka principal; what the ACLs forbid, the broker refuses
and welkom says so in one line, never silently."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from structlog.testing import capture_logs

from events import coa, topics
from events.envelope import STRUCTURED_CONTENT_TYPE, lees
from keten import cloudevent, welkom_env
from services import catalogus
from services.runtime.bus import maak_broker
from services.runtime.relay import Relay
from services.runtime.settings import Settings
from services.stack import open_apps

pytestmark = [pytest.mark.integration, pytest.mark.kafka("alleen")]


def koppeling(vnummer: str) -> Any:
    envelope = cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {
        "vnummer": vnummer, "gemeentecode": "0268", "koppeldatum": "2024-02-12",
        "huishouden": [{"vnummer": vnummer, "geboortedatum": "1990-01-01"}]})
    return lees(json.dumps(envelope).encode(), [("content-type", STRUCTURED_CONTENT_TYPE.encode())])


@pytest.mark.parametrize("backend", ["postgres"])
async def test_a_relay_writing_another_services_topic_is_refused_and_says_so_once(settings: Settings) -> None:
    """Huisvesting's relay, connected as opvang's principal, may not write gemeente.huisvesting."""
    apps = open_apps(settings, ["huisvesting"])
    huisvesting = apps["huisvesting"]
    try:
        await asyncio.to_thread(huisvesting.verwerk_batch, [koppeling("4000000801")])  # something to publish
        als_opvang = maak_broker(settings, settings.kafka_bootstrap_servers or "", lokaal=False, principal="opvang")
        await als_opvang.connect()
        relay = Relay(huisvesting, catalogus.per_naam()["huisvesting"].translation, als_opvang,
                      interval_s=0.05, settings=settings, principal="opvang")
        stop = asyncio.Event()
        with capture_logs() as regels:
            taak = asyncio.create_task(relay.run(stop))
            await asyncio.sleep(4)                       # it keeps trying: about one round a second
            stop.set()
            await taak
        await als_opvang.stop()
        geweigerd = [r for r in regels if r["event"] == "relay.geweigerd"]
        assert len(geweigerd) == 1, regels                 # one line, not one per retry
        assert geweigerd[0]["log_level"] == "error" and geweigerd[0]["topic"] == topics.GEMEENTE_HUISVESTING
        assert "welkom_opvang" in geweigerd[0]["uitleg"] and "TopicAuthorizationFailed" in geweigerd[0]["uitleg"]
        assert relay.positie() == 0                        # nothing counted as published
    finally:
        for app in apps.values():
            app.close()


@pytest.mark.parametrize("backend", ["postgres"])
async def test_welkom_up_as_one_principal_for_every_service_is_refused_another_group_in_one_line(
    settings: Settings, tmp_path: Path
) -> None:
    """Every service as opvang: huisvesting's group welkom-huisvesting is not opvang's to read."""
    log = tmp_path / "welkom.log"
    env = welkom_env(settings, WELKOM_KAFKA_SASL_USERNAME="welkom_opvang")
    proces = subprocess.Popen([sys.executable, "-m", "services.entrypoints.cli", "up"], env=env,
                              stdout=log.open("ab"), stderr=subprocess.STDOUT)
    code = await asyncio.to_thread(proces.wait, 120)
    uitvoer = log.read_text()
    regels = [r for r in uitvoer.splitlines() if r.startswith("welkom: ")]
    assert code == 2, uitvoer[-3000:]
    assert len(regels) == 1 and "the Kafka broker refused welkom (GroupAuthorizationFailedError" in regels[0], regels
    assert "Traceback" not in uitvoer and "Unclosed" not in uitvoer   # stopped cleanly, not as a bug
