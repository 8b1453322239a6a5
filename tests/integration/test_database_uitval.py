"""PostgreSQL drops welkom's connections in the middle of a load (pg_terminate_backend): batches are retried, nothing is lost or doubled."""

from __future__ import annotations

import asyncio

import psycopg
import pytest

from events import coa, opvang, topics
from keten import Keten, cloudevent, van_type
from metriek import waarde
from services.stack import Stack

pytestmark = [pytest.mark.integration, pytest.mark.kafka]

PERSONEN = [f"43{i:08d}" for i in range(300)]


def breek_verbindingen(url: str) -> int:
    """Terminate every other session on welkom's database: what a failover or a DBA does."""
    with psycopg.connect(url, autocommit=True) as conn:
        rijen = conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                             "AND pid <> pg_backend_pid() AND backend_type = 'client backend'").fetchall()
    return len(rijen)


@pytest.mark.parametrize("backend", ["postgres"])
async def test_connections_terminated_during_a_load_are_retried_and_nothing_is_lost_or_doubled(
    stack: Stack, keten: Keten, postgres_url: str
) -> None:
    herhaald = waarde("welkom_inbox_retries_total", service="opvang")
    zenden = asyncio.create_task(keten.stuur(*[cloudevent(coa.ASIELZOEKER_GEPLAATST, {
        "vnummer": v, "locatie_id": "azc-dommer", "datum": "2024-01-08"}) for v in PERSONEN]))
    gebroken = 0
    while not zenden.done() or gebroken < 3:
        await asyncio.sleep(0.3)
        gebroken += await asyncio.to_thread(breek_verbindingen, postgres_url) > 0
    await zenden

    events = await keten.wacht_op(topics.GEMEENTE_OPVANG, lambda es: len({e.subject for e in van_type(
        es, opvang.BEWONER_GEPLAATST)}) == len(PERSONEN), timeout=120)
    geplaatst = van_type(events, opvang.BEWONER_GEPLAATST)
    assert len({e.id for e in geplaatst}) == len(PERSONEN)                  # each person once
    assert await keten.records(topics.dlq(topics.KETEN_COA)) == []          # a store failure is no bad input
    app = stack.apps["opvang"]
    assert sum(1 for n in app.recorder.select_notifications(1, 10_000) if n.topic.endswith("Geplaatst")) == len(PERSONEN)
    assert gebroken >= 3 and waarde("welkom_inbox_retries_total", service="opvang") >= herhaald
