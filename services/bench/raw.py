"""Raw limits of this machine for `welkom bench` (bare aiokafka, bare eventsourcing) and the report table."""

from __future__ import annotations

import asyncio
import math
import os
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event

from services.runtime.persistence import application_env, schema_voor
from services.runtime.settings import Settings

RAW_TOPIC = "bench.raw"


def meld(tekst: str) -> None:
    """One progress line on stderr (stdout is kept for the final table)."""
    print(f"bench: {tekst}", file=sys.stderr, flush=True)


# -- Kafka --------------------------------------------------------------------------------------


async def kafka_limieten(bootstrap_servers: str, aantal: int = 50_000, grootte: int = 400) -> dict[str, float]:
    """Produce `aantal` records of `grootte` bytes (acks=all, batched), then consume them all."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(RAW_TOPIC, num_partitions=1, replication_factor=1)])
    finally:
        await admin.close()
    waarde = os.urandom(grootte // 2).hex().encode()[:grootte]
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap_servers, acks="all", enable_idempotence=False,  # Tansu: no idempotence
        linger_ms=5, max_batch_size=512 * 1024, max_request_size=8 * 1024 * 1024,
    )
    await producer.start()
    try:
        start = time.perf_counter()
        futures = [await producer.send(RAW_TOPIC, value=waarde, key=str(i % 1000).encode()) for i in range(aantal)]
        await asyncio.gather(*futures)
        produce_s = time.perf_counter() - start
    finally:
        await producer.stop()
    meld(f"raw produce: {aantal} records of {grootte} B in {produce_s:.2f}s")

    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap_servers, enable_auto_commit=False, group_id=None, auto_offset_reset="earliest",
        max_partition_fetch_bytes=16 * 1024 * 1024, fetch_max_bytes=64 * 1024 * 1024,
    )
    await consumer.start()
    try:
        tp = TopicPartition(RAW_TOPIC, 0)
        consumer.assign([tp])
        await consumer.seek_to_beginning(tp)
        gelezen = 0
        start = time.perf_counter()
        einde = start + 120
        while gelezen < aantal and time.perf_counter() < einde:
            batch = await consumer.getmany(tp, timeout_ms=1000, max_records=20_000)
            gelezen += len(batch.get(tp, []))
        consume_s = time.perf_counter() - start
    finally:
        await consumer.stop()
    meld(f"raw consume: {gelezen} records in {consume_s:.2f}s")
    return {
        "produce_per_s": aantal / produce_s,
        "consume_per_s": gelezen / consume_s if gelezen == aantal else float("nan"),
    }


# -- event store --------------------------------------------------------------------------------


class Meting(Aggregate):
    """A bare aggregate: one creation event, a payload the size of a small domain event."""

    def __init__(self, naam: str, waarde: int) -> None:
        self.naam = naam
        self.waarde = waarde

    @event("Gewijzigd")
    def wijzig(self, waarde: int) -> None:
        self.waarde = waarde


class RuweApplicatie(Application):
    """A bare eventsourcing Application with its own explicit name (it names the tables)."""

    name = "bench_raw"


def _store_meting(env: dict[str, str], enkel: int, batches: int, per_batch: int) -> dict[str, float]:
    app = RuweApplicatie(env=env)
    try:
        start = time.perf_counter()
        for i in range(enkel):
            app.save(Meting(naam=f"enkel-{i}", waarde=i))
        enkel_s = time.perf_counter() - start
        start = time.perf_counter()
        for b in range(batches):
            app.save(*(Meting(naam=f"batch-{b}-{i}", waarde=i) for i in range(per_batch)))
        batch_s = time.perf_counter() - start
        # sanity: everything is really stored
        assert app.recorder.max_notification_id() is not None
    finally:
        app.close()
    return {"single_commits_per_s": enkel / enkel_s, "batched_events_per_s": batches * per_batch / batch_s}


def store_limieten(backend: str, database_url: str, enkel: int = 500, batches: int = 100,
                   per_batch: int = 100) -> dict[str, float]:
    """(a) single-event commits/s over `enkel` saves; (b) events/s saving `per_batch` new aggregates per save."""
    tmp = Path(tempfile.mkdtemp(prefix="welkom-bench-raw-"))
    schema = None
    try:
        if backend == "postgres":
            settings = Settings(database_url=database_url, database_schema_prefix=f"bench_raw_{secrets.token_hex(4)}_",
                                data_dir=tmp)
            schema = schema_voor(settings, "store")
            env = application_env(settings, "store")  # creates the fresh schema
        else:
            env = application_env(Settings(data_dir=tmp), "store")  # one SQLite file in the temp dir
        uit = _store_meting(env, enkel, batches, per_batch)
    finally:
        if schema is not None:
            with psycopg.connect(database_url, autocommit=True, connect_timeout=10) as conn:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        shutil.rmtree(tmp, ignore_errors=True)
    meld(f"raw store {backend}: {uit['single_commits_per_s']:.0f} single commits/s, "
         f"{uit['batched_events_per_s']:.0f} events/s in batches of {per_batch}")
    return uit


# -- report -------------------------------------------------------------------------------------


def percentiel(waarden: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    if not waarden:
        return float("nan")
    geordend = sorted(waarden)
    return geordend[max(0, math.ceil(q * len(geordend)) - 1)]


def _getal(x: Any) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    return f"{x:,.0f}" if abs(x) >= 10 else f"{x:.1f}"


def _pct(x: Any) -> str:
    return "-" if x is None or math.isnan(x) else f"{x * 100:.2f}%"


def tabel(uitkomst: dict[str, Any], per_huishouden: int) -> str:
    """The figures as a plain-text table (ratios, not assertions)."""
    backends = [b for b in ("sqlite", "postgres") if b in uitkomst["backends"]]
    kafka = uitkomst["kafka"]
    regels = [f"welkom bench: {uitkomst['huishoudens']} households, {per_huishouden} inbound events each",
              "", f"{'raw aiokafka produce (records/s, 400 B, acks=all)':<52}{_getal(kafka['produce_per_s']):>14}",
              f"{'raw aiokafka consume (records/s)':<52}{_getal(kafka['consume_per_s']):>14}", "",
              f"{'':<52}" + "".join(f"{b:>14}" for b in backends)]
    rijen = [
        ("raw store single-event commits/s", lambda d: _getal(d["store"]["single_commits_per_s"])),
        ("raw store events/s (100 aggregates per save)", lambda d: _getal(d["store"]["batched_events_per_s"])),
        ("welkom households offered a home", lambda d: f"{d['e2e']['offered']}/{d['e2e']['households']}"),
        ("welkom households/s through the chain", lambda d: _getal(d["e2e"]["households_per_s"])),
        ("welkom inbound events/s", lambda d: _getal(d["e2e"]["inbound_events_per_s"])),
        ("  as ratio of raw consume/s", lambda d: _pct(d["ratio"]["of_raw_consume"])),
        ("  as ratio of raw batched store events/s", lambda d: _pct(d["ratio"]["of_raw_store_batched"])),
        ("all services and relays drained after (s)", lambda d: _getal(d["e2e"]["drained_seconds"])),
        ("burst latency inbound -> offer p50 (ms)", lambda d: _getal(d["e2e"]["latency_p50_ms"])),
        ("burst latency inbound -> offer p99 (ms)", lambda d: _getal(d["e2e"]["latency_p99_ms"])),
        ("quiet chain: one household, inbound -> offer p50 (ms)", lambda d: _getal(d["e2e"]["quiet_latency_p50_ms"])),
        ("quiet chain: one household, inbound -> offer max (ms)", lambda d: _getal(d["e2e"]["quiet_latency_max_ms"])),
        ("rebuild (herbouw) events/s", lambda d: _getal(d["e2e"]["rebuild_events_per_s"])),
        ("rebuild events folded", lambda d: _getal(d["e2e"]["rebuild_events"])),
    ]
    for naam, f in rijen:
        regels.append(f"{naam:<52}" + "".join(f"{f(uitkomst['backends'][b]):>14}" for b in backends))
    return "\n".join(regels)
