"""`welkom bench`: raw broker/store limits and welkom's chain throughput, latency and rebuild speed, as ratios."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.errors import KafkaError
from eventsourcing.persistence import PersistenceError

from events import huisvesting, topics
from events.envelope import STRUCTURED_CONTENT_TYPE, Afgewezen, lees
from services import catalogus
from services.bench.huishoudens import INBOUND_PER_HUISHOUDEN, Huishouden, inbound, maak_huishoudens
from services.bench.raw import (
    kafka_limieten,
    meld,
    percentiel,
    store_limieten,
    tabel,
)
from services.bench.stil import stille_latentie
from services.domain.identity import persoon_id
from services.runtime.bus import delen_van
from services.runtime.localbroker import TANSU_FETCH_MS, TANSU_INSTELLINGEN, LokaleBroker, vrije_poort
from services.runtime.publisher import sleutel
from services.rapportage.projectie import herbouw
from services.runtime.settings import Settings
from services.stack import Stack

POSTGRES_URL = os.environ.get("WELKOM_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
TIMEOUT_S = 300.0


async def _wacht_op_consumers(stack: Stack, timeout: float = 30.0) -> float:
    """Best effort: wait until every inbox consumer has its partitions (Tansu joins groups late),
    so the latency figures do not include the group join. Reads FastStream's subscriber.consumer."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        consumers = [getattr(s, "consumer", None) for b in stack.brokers.values() for s in b.subscribers]
        if all(c is not None and c.assignment() for c in consumers):
            break
        await asyncio.sleep(0.05)
    return time.perf_counter() - start


async def _publiceer(bootstrap: str, huishoudens: list[Huishouden], settings: Settings,
                     ack: dict[tuple[int, int], float]) -> float:
    """Publish every inbound event (structured mode, keyed like `welkom publish`); record ack times."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=False, linger_ms=5)
    await producer.start()
    try:
        start = time.perf_counter()
        futures = []
        for h in huishoudens:
            for j, (topic, envelope) in enumerate(inbound(h)):
                fut = await producer.send(
                    topic, value=json.dumps(envelope).encode(), key=sleutel(envelope, settings),
                    headers=[("content-type", STRUCTURED_CONTENT_TYPE.encode())],
                )
                fut.add_done_callback(lambda _f, sl=(h.index, j): ack.__setitem__(sl, time.perf_counter()))
                futures.append(fut)
        await asyncio.gather(*futures)
        return start
    finally:
        await producer.stop()


async def _lees_aanbiedingen(bootstrap: str, per_subject: dict[str, int], gezien: dict[int, tuple[float, str]],
                             klaar: asyncio.Event) -> None:
    """Read gemeente.huisvesting from the beginning (manual assignment) and note each first offer."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, group_id=None,
                                auto_offset_reset="earliest", fetch_max_wait_ms=TANSU_FETCH_MS)
    await consumer.start()
    try:
        delen = await delen_van(consumer, [topics.GEMEENTE_HUISVESTING])  # every partition
        consumer.assign(delen)
        await consumer.seek_to_beginning(*delen)
        while not klaar.is_set():
            batch = await consumer.getmany(*delen, timeout_ms=200)
            nu = time.perf_counter()
            for record in (r for records in batch.values() for r in records):
                try:
                    bericht = lees(record.value, record.headers)
                except Afgewezen:
                    continue
                index = per_subject.get(bericht.subject or "")
                if bericht.type == huisvesting.WONING_AANGEBODEN and index is not None and index not in gezien:
                    gezien[index] = (nu, bericht.data.woning_id)  # type: ignore[attr-defined]
            if len(gezien) == len(per_subject):
                klaar.set()
    finally:
        await consumer.stop()


def _tel_gevouwen(apps: dict[str, Any], posities: dict[str, int]) -> int:
    """How many notifications a Projectie folded up to its positions."""
    totaal = 0
    for naam, app in apps.items():
        start = 1
        while posities.get(naam, 0) >= start:
            rij = app.recorder.select_notifications(start, 5000, stop=posities[naam])
            if not rij:
                break
            totaal += len(rij)
            start = rij[-1].id + 1
    return totaal


async def _ingehaald(stack: Stack, timeout: float = 60.0) -> bool:
    """Wait until every inbox committed up to the end of its partitions and every relay published
    its whole notification log (twice in a row), so the rebuild folds the finished chain."""
    einde, achtereen = time.perf_counter() + timeout, 0
    while time.perf_counter() < einde:
        klaar = True
        try:
            for consumer in (getattr(s, "consumer", None) for b in stack.brokers.values() for s in b.subscribers):
                tps = list(consumer.assignment()) if consumer is not None else []
                eind = await consumer.end_offsets(tps) if tps else {}
                for tp in tps:
                    klaar = klaar and (await consumer.committed(tp) or 0) >= eind[tp]
            for relay in stack.relays.values():
                hoogste = await asyncio.to_thread(relay.app.recorder.max_notification_id)
                klaar = klaar and await asyncio.to_thread(relay.positie) >= (hoogste or 0)
        except (KafkaError, PersistenceError, OSError) as e:  # measure the rebuild anyway, say so
            meld(f"drain check failed ({type(e).__name__}); rebuilding without it")
            return False
        achtereen = achtereen + 1 if klaar else 0
        if achtereen >= 2:
            return True
        await asyncio.sleep(0.2)
    return False


async def e2e(backend: str, n: int, timeout_s: float = TIMEOUT_S) -> dict[str, Any]:
    """Run the whole stack on `backend`, push N households through, time offers and the rebuild."""
    tmp = Path(tempfile.mkdtemp(prefix=f"welkom-bench-{backend}-"))
    prefix = f"bench_{secrets.token_hex(4)}_"
    # A fresh broker per e2e run: Tansu keeps topics in memory, so this run's stack never sees the
    # records of the other backend's run (same topic names, same consumer group ids).
    broker = LokaleBroker(vrije_poort(), log_file=tmp / "broker.log")
    await asyncio.to_thread(broker.start)
    try:
        extra: dict[str, Any] = {"database_url": POSTGRES_URL, "database_schema_prefix": prefix} if backend == "postgres" else {}
        settings = Settings(
            data_dir=tmp / "data", kafka_bootstrap_servers=broker.bootstrap_servers, clock="manual",
            http_port=vrije_poort(), **TANSU_INSTELLINGEN, **extra,
            pseudonym_secret=secrets.token_urlsafe(32),  # synthetic data, but never the development secret
            huisvesting_vereist=[],  # BSN/IBAN arrive by BRP event and staff command: not this path
        )
        gezien: dict[int, tuple[float, str]] = {}
        try:  # the guard for a stack that never comes up or never stops: the run must not hang
            return await asyncio.wait_for(
                _e2e_op(settings, broker.bootstrap_servers, backend, n, timeout_s, gezien), timeout_s + 120)
        except TimeoutError:
            meld(f"e2e {backend}: gave up after {timeout_s + 120:.0f}s with {len(gezien)}/{n} offers seen")
            nan = float("nan")
            return {"households": n, "offered": len(gezien), "complete": False, "seconds": nan, "drained_seconds": nan,
                    "households_per_s": nan, "inbound_events_per_s": nan, "latency_p50_ms": nan,
                    "latency_p99_ms": nan, "rebuild_events": nan, "rebuild_events_per_s": nan,
                    "quiet_latency_p50_ms": nan, "quiet_latency_max_ms": nan}
    finally:
        await asyncio.to_thread(broker.stop)
        if backend == "postgres":
            with psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=10) as conn:
                for service in catalogus.alle():
                    conn.execute(f'DROP SCHEMA IF EXISTS "{prefix}{service.name}" CASCADE')
        shutil.rmtree(tmp, ignore_errors=True)


async def _e2e_op(settings: Settings, bootstrap: str, backend: str, n: int, timeout_s: float,
                  gezien: dict[int, tuple[float, str]]) -> dict[str, Any]:
    huishoudens = maak_huishoudens(n)
    geheim = settings.pseudonym_secret.get_secret_value()
    per_subject = {str(persoon_id(h.leden[0][0], geheim)): h.index for h in huishoudens}
    per_woning = {h.woning_id: h.index for h in huishoudens}
    ack: dict[tuple[int, int], float] = {}
    async with Stack(settings, http=False) as stack:
        gewacht = await _wacht_op_consumers(stack)
        meld(f"e2e {backend}: stack up, consumers assigned after {gewacht:.1f}s; publishing {n * INBOUND_PER_HUISHOUDEN} events")
        klaar = asyncio.Event()
        lezer = asyncio.create_task(_lees_aanbiedingen(bootstrap, per_subject, gezien, klaar))
        t0 = await _publiceer(bootstrap, huishoudens, settings, ack)
        meld(f"e2e {backend}: all inbound events acknowledged after {time.perf_counter() - t0:.2f}s")
        while not klaar.is_set() and time.perf_counter() - t0 < timeout_s and not lezer.done():
            try:
                await asyncio.wait_for(klaar.wait(), timeout=2.0)
            except TimeoutError:
                meld(f"e2e {backend}: {len(gezien)}/{n} households offered a home after {time.perf_counter() - t0:.0f}s")
        klaar.set()
        await asyncio.gather(lezer, return_exceptions=True)
        if len(gezien) < n:
            meld(f"e2e {backend}: stopped with {len(gezien)}/{n} offers seen (timeout {timeout_s:.0f}s)")
        # Latency per offered household: seen - the later of (the ack of the household's last own
        # inbound event) and (the ack of the home that was offered, which may be another's home).
        latenties = []
        for index, (tijd, woning_id) in gezien.items():
            eigen = max(ack[(index, j)] for j in range(INBOUND_PER_HUISHOUDEN - 1))
            woning = ack.get((per_woning.get(woning_id, -1), INBOUND_PER_HUISHOUDEN - 1), eigen)
            latenties.append((tijd - max(eigen, woning)) * 1000)
        duur = (max(t for t, _ in gezien.values()) - t0) if gezien else float("nan")
        ingehaald = await _ingehaald(stack)
        drain = time.perf_counter() - t0 if ingehaald else float("nan")
        meld(f"e2e {backend}: " + (f"every inbox and relay caught up after {drain:.2f}s" if ingehaald
                                   else "inboxes/relays did not catch up within 60s; rebuilding anyway"))
        stil = await stille_latentie(bootstrap, settings)
        meld(f"e2e {backend}: {len(stil)} quiet probes, one household at a time")
        start = time.perf_counter()
        projectie = await asyncio.to_thread(herbouw, stack.apps)
        herbouw_s = time.perf_counter() - start
        gevouwen = await asyncio.to_thread(_tel_gevouwen, stack.apps, {n: v.positie() for n, v in projectie.views.items()})
    uit = {
        "households": n, "offered": len(gezien), "complete": len(gezien) == n, "seconds": duur, "drained_seconds": drain,
        "households_per_s": len(gezien) / duur, "inbound_events_per_s": len(gezien) * INBOUND_PER_HUISHOUDEN / duur,
        "latency_p50_ms": percentiel(latenties, 0.50), "latency_p99_ms": percentiel(latenties, 0.99),
        "rebuild_events": gevouwen, "rebuild_events_per_s": gevouwen / herbouw_s,
        "quiet_latency_p50_ms": percentiel(stil, 0.50) if stil else float("nan"),
        "quiet_latency_max_ms": max(stil) if stil else float("nan"),
    }
    meld(f"e2e {backend}: {uit['offered']}/{n} offered in {duur:.2f}s; rebuild {gevouwen} events in {herbouw_s:.2f}s")
    return uit


async def main(huishoudens: int = 300, backend: str = "both", timeout_s: float = TIMEOUT_S) -> dict[str, Any]:
    """Run every measurement in one process tree; print progress to stderr, the table to stdout."""
    if backend not in ("sqlite", "postgres", "both"):
        raise ValueError("backend must be sqlite, postgres or both")
    if huishoudens < 1:
        raise ValueError("huishoudens must be at least 1")
    backends = ["sqlite", "postgres"] if backend == "both" else [backend]
    uitkomst: dict[str, Any] = {"huishoudens": huishoudens, "backends": {}}
    # One broker for the raw limits, for the whole run; each e2e run gets its own (see e2e()).
    raw_broker = LokaleBroker(vrije_poort())
    await asyncio.to_thread(raw_broker.start)
    try:
        meld(f"raw broker on {raw_broker.bootstrap_servers}")
        uitkomst["kafka"] = await kafka_limieten(raw_broker.bootstrap_servers)
        for b in backends:
            store = await asyncio.to_thread(store_limieten, b, POSTGRES_URL)
            uitkomst["backends"][b] = {"store": store}
        for b in backends:
            meld(f"e2e {b}: starting the stack with {huishoudens} households")
            cijfers = await e2e(b, huishoudens, timeout_s)
            store = uitkomst["backends"][b]["store"]
            uitkomst["backends"][b].update(e2e=cijfers, ratio={
                "of_raw_consume": cijfers["inbound_events_per_s"] / uitkomst["kafka"]["consume_per_s"],
                "of_raw_store_batched": cijfers["inbound_events_per_s"] / store["batched_events_per_s"],
            })
    finally:
        await asyncio.to_thread(raw_broker.stop)
    print(tabel(uitkomst, INBOUND_PER_HUISHOUDEN), flush=True)
    return uitkomst
