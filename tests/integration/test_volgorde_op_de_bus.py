"""On the real broker and stores: a household's inputs interleaved across topics in different orders give the same reports."""

from __future__ import annotations

import asyncio
import secrets
from pathlib import Path

import psycopg
import pytest

from events import topics
from keten import Keten
from services.runtime.achterstand import Achterstandsmeter
from services.runtime.settings import Settings
from services.stack import Stack
from volgorde_hulp import PEILDATA, enkele_volgordes, in_volgorde

pytestmark = [pytest.mark.integration, pytest.mark.kafka]


async def verwerkt(stack: Stack, meter: Achterstandsmeter) -> None:
    """Until every inbox committed everything on its topics: the input had its effect, or its DLQ record."""
    for _ in range(300):
        if all(n == 0 for per_topic in (await meter.meet()).values() for n in per_topic.values()):
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the inboxes did not catch up")


async def speel(settings: Settings, keten: Keten, volgorde: list[str]) -> dict:
    """A fresh stack (its own stores) on the shared broker, the inputs one by one in this order."""
    async with Stack(settings, http=False) as stack:
        meter = Achterstandsmeter(settings, stack.bootstrap_servers, {n: a.topics() for n, a in stack.apps.items()})
        try:
            for cloudevent in in_volgorde(volgorde):
                await keten.stuur(cloudevent)
                await verwerkt(stack, meter)
        finally:
            await meter.sluit()
        await asyncio.to_thread(stack.projectie.bij)
        return stack.projectie.rapporten(PEILDATA)


@pytest.mark.huisvesting_vereist("bsn")
async def test_three_interleavings_across_topics_give_the_same_reports_on_every_peildatum(
    settings: Settings, keten: Keten, tmp_path: Path
) -> None:
    rapporten, prefixen = [], []
    try:
        for n, volgorde in enumerate(enkele_volgordes(3)):
            eigen: dict = {"data_dir": tmp_path / f"data{n}"}
            if settings.database_url:
                eigen["database_schema_prefix"] = f"v{secrets.token_hex(4)}_"
                prefixen.append(eigen["database_schema_prefix"])
            rapporten.append(await speel(settings.model_copy(update=eigen), keten, volgorde))
    finally:
        if settings.database_url:
            with psycopg.connect(settings.database_url, autocommit=True) as conn:
                for prefix in prefixen:
                    for service in ("opvang", "huisvesting", "inburgering", "mzd"):
                        conn.execute(f'DROP SCHEMA IF EXISTS "{prefix}{service}" CASCADE')
    assert rapporten[0] == rapporten[1] == rapporten[2]
    eind = rapporten[0][PEILDATA[-1]]
    assert eind["huisvesting"]["geblokkeerd"]["dagen_totaal"] == 8
    assert eind["huisvesting"]["dossiers_per_status"]["aangeboden"] == 1
    assert eind["opvang"]["bewoners_in_opvang"] == 2 and eind["mzd"]["zaken_open"] == 1
    assert await keten.records(topics.dlq(topics.KETEN_COA)) == []
