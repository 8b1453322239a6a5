"""Guarantees 2 and 3 when `welkom up` dies at each point that matters: nothing lost, nothing doubled."""

from __future__ import annotations

import asyncio
import datetime as dt
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from events import opvang, topics
from keten import Keten, van_type, welkom_env
from services.rapportage.projectie import herbouw
from services.runtime.application import WelkomApplication
from services.runtime.faults import CRASH_EXIT_CODE
from services.runtime.settings import Settings
from services.stack import open_apps
from test_guarantees import markeer, plaatsing, verplaatsing

pytestmark = [pytest.mark.integration, pytest.mark.kafka]

PERSONEN = [f"40000001{i:02d}" for i in range(5)]


def welkom_up(settings: Settings, fault: str | None, log: Path) -> subprocess.Popen:
    env = welkom_env(settings, **({"WELKOM_FAULT": fault, "WELKOM_TESTING": "1"} if fault else {}))
    return subprocess.Popen([sys.executable, "-m", "services.entrypoints.cli", "up"], env=env,
                            stdout=log.open("ab"), stderr=subprocess.STDOUT)


async def sterft_bij(settings: Settings, fault: str, log: Path) -> None:
    """Run `welkom up` with the fault hook until the hook ends it."""
    proces = welkom_up(settings, fault, log)
    try:
        code = await asyncio.to_thread(proces.wait, 90)
        assert code == CRASH_EXIT_CODE, log.read_text()[-2000:]   # it died at the hook, not elsewhere
    finally:
        if proces.poll() is None:
            proces.kill()


async def herstart_en_markeer(settings: Settings, keten: Keten, log: Path,
                              klaar: Callable[[list], bool] = lambda _: True) -> list:
    """Restart without the hook, send a marker after everything and return the opvang events
    once `klaar` holds for them (a bound on waiting: a missing effect still fails the test)."""
    proces = welkom_up(settings, None, log)
    try:
        await markeer(keten, "4000000199")
        return await keten.wacht_op(topics.GEMEENTE_OPVANG, klaar, timeout=20)
    finally:
        proces.terminate()
        proces.wait(30)


def uit_de_store(settings: Settings, vraag: Callable[[WelkomApplication], Any]) -> Any:
    """Ask opvang's store something while no welkom runs, and close it again."""
    app = open_apps(settings, ["opvang"])["opvang"]
    try:
        return vraag(app)
    finally:
        app.close()


def ieder_eenmaal_geplaatst(events: list, keten: Keten) -> bool:
    """Each of the five and the marker placed, and published once."""
    geplaatst = per_persoon(events, opvang.BEWONER_GEPLAATST)
    alle = sorted(str(keten.persoon(v)) for v in PERSONEN + ["4000000199"])
    return sorted(geplaatst) == alle and all(len(e) == 1 for e in geplaatst.values())


def per_persoon(events: list, type_: str) -> dict[str, list]:
    uit: dict[str, list] = {}
    for e in van_type(events, type_):
        uit.setdefault(e.subject, []).append(e)
    return uit


async def test_a_process_killed_before_the_store_commit_loses_nothing(
    settings: Settings, keten: Keten, tmp_path: Path
) -> None:
    await keten.stuur(*[plaatsing(v) for v in PERSONEN])
    await sterft_bij(settings, "crash-before-store", tmp_path / "welkom.log")
    assert uit_de_store(settings, lambda app: app.recorder.max_notification_id()) in (None, 0)  # nothing stored
    assert ieder_eenmaal_geplaatst(await herstart_en_markeer(settings, keten, tmp_path / "welkom.log"), keten)


async def test_a_process_killed_between_store_commit_and_offset_commit_loses_and_duplicates_nothing(
    settings: Settings, keten: Keten, tmp_path: Path
) -> None:
    log = tmp_path / "welkom.log"
    await keten.stuur(*[plaatsing(v) for v in PERSONEN])
    await keten.stuur(*[verplaatsing(v, id=f"move-{v}") for v in PERSONEN])
    await sterft_bij(settings, "crash-after-store", log)           # the store holds the batch ...
    events = await herstart_en_markeer(settings, keten, log,       # ... and it is delivered again
                                       lambda es: len(per_persoon(es, opvang.BEWONER_VERPLAATST)) == 5)
    verplaatst = per_persoon(events, opvang.BEWONER_VERPLAATST)
    assert len(verplaatst) == 5
    assert all([e.data.verplaatsingen for e in v] == [1] for v in verplaatst.values()), verplaatst
    apps = open_apps(settings)
    try:
        cijfers = herbouw(apps).rapport(dt.date(2024, 6, 1))["opvang"]
        assert {k: cijfers[k] for k in ("bewoners_in_opvang", "verplaatsingen")} == {
            "bewoners_in_opvang": 6, "verplaatsingen": 5}
    finally:
        for app in apps.values():
            app.close()


async def test_a_relay_killed_after_publishing_and_before_recording_publishes_again_under_the_same_ids(
    settings: Settings, keten: Keten, tmp_path: Path
) -> None:
    await keten.stuur(*[plaatsing(v) for v in PERSONEN])
    await sterft_bij(settings, "relay-crash-after-publish", tmp_path / "welkom.log")
    voor_herstart = van_type(await keten.wacht_op(                 # the broker has the first batch
        topics.GEMEENTE_OPVANG, lambda es: bool(van_type(es, opvang.BEWONER_GEPLAATST)), timeout=15),
        opvang.BEWONER_GEPLAATST)
    events = await herstart_en_markeer(settings, keten, tmp_path / "welkom.log")
    geplaatst = van_type(events, opvang.BEWONER_GEPLAATST)
    assert len(geplaatst) == 6 + len(voor_herstart)                # published again: at least once ...
    assert len({e.id for e in geplaatst}) == 6                     # ... under the ids consumers dedupe on
    for e in geplaatst:
        assert [x.data for x in geplaatst if x.id == e.id] == [e.data] * sum(x.id == e.id for x in geplaatst)


async def test_a_relay_killed_right_after_recording_its_position_had_published_everything_before_it(
    settings: Settings, keten: Keten, tmp_path: Path
) -> None:
    """The order inside the relay: publish, wait for the broker's acks, then record the position."""
    await keten.stuur(*[plaatsing(v) for v in PERSONEN])
    await sterft_bij(settings, "relay-crash-after-record", tmp_path / "welkom.log")
    assert uit_de_store(settings, lambda app: app.recorder.max_tracking_id("relay:gemeente.opvang"))  # recorded
    # everything up to the recorded position is on the bus, and nothing is published twice
    assert ieder_eenmaal_geplaatst(await herstart_en_markeer(settings, keten, tmp_path / "welkom.log"), keten)
