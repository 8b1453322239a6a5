"""A test double of the chain partners: publishes their CloudEvents and reads what welkom emits."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from events.envelope import STRUCTURED_CONTENT_TYPE, lees
from events.registry import soort
from services.domain.identity import persoon_id
from services.runtime.localbroker import TANSU_FETCH_MS
from services.runtime.publisher import sleutel
from services.runtime.settings import Settings

BRONNEN = {"IND": "urn:nld:oin:ind", "COA": "urn:nld:oin:coa", "Rijk": "urn:nld:oin:rijk",
           "woningcorporaties": "urn:nld:wbb-nijmegen", "BRP": "urn:nld:brp:nijmegen"}


def cloudevent(type_: str, data: dict[str, Any], id: str | None = None) -> dict[str, Any]:
    """A structured CloudEvent as a chain partner sends it."""
    registratie = soort(type_)
    return {
        "specversion": "1.0",
        "id": id or str(uuid.uuid4()),
        "source": BRONNEN.get(registratie.producent if registratie else "", "urn:nld:oin:onbekend"),
        "type": type_,
        "time": "2024-01-01T09:00:00Z",
        "datacontenttype": "application/json",
        "data": data,
    }


class Keten:
    """Producer of inbound events and reader of any topic, from the beginning, without a group."""

    def __init__(self, bootstrap_servers: str, settings: Settings, **verbinding: Any) -> None:
        self.bootstrap_servers = bootstrap_servers
        self.settings = settings
        self.verbinding = verbinding  # aiokafka security arguments, for a TLS+SASL listener
        self.verzonden: list[Any] = []
        """What the broker acknowledged of each record sent (topic, partition, offset)."""

    async def __aenter__(self) -> Keten:
        self.producer = AIOKafkaProducer(
            bootstrap_servers=self.bootstrap_servers, acks="all", max_request_size=4 * 1024 * 1024,
            **self.verbinding,
        )
        await self.producer.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.producer.stop()

    def persoon(self, vnummer: str) -> uuid.UUID:
        return persoon_id(vnummer, self.settings.pseudonym_secret.get_secret_value())

    async def stuur(self, *envelopes: dict[str, Any]) -> None:
        for envelope in envelopes:
            registratie = soort(envelope["type"])
            assert registratie is not None
            await self.stuur_rauw(registratie.topic, json.dumps(envelope).encode(),
                                  key=sleutel(envelope, self.settings))

    async def stuur_rauw(self, topic: str, value: bytes, key: bytes | None = None,
                         headers: list[tuple[str, bytes]] | None = None) -> None:
        self.verzonden.append(await self.producer.send_and_wait(
            topic, value=value, key=key,
            headers=headers if headers is not None else [("content-type", STRUCTURED_CONTENT_TYPE.encode())],
        ))

    async def records(self, topic: str) -> list[Any]:
        """Every record on the topic so far, over all its partitions (each partition in order)."""
        # auto_offset_reset as the seek below: the reset that `assign` starts with the default
        # ("latest") could land after the seek's and leave the reader at the end, reading nothing.
        consumer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap_servers, enable_auto_commit=False,
                                    auto_offset_reset="earliest", fetch_max_wait_ms=TANSU_FETCH_MS,
                                    max_partition_fetch_bytes=8 * 1024 * 1024, **self.verbinding)
        await consumer.start()
        try:
            delen = await _delen(consumer, topic)
            consumer.assign(delen)
            eindes = await consumer.end_offsets(delen)
            await consumer.seek_to_beginning(*delen)
            uit: list[Any] = []
            open_ = [d for d in delen if await consumer.position(d) < eindes[d]]  # a test bed's emptied
            while open_:  # partitions start past offset 0: read up to each end, not a count of records
                for records in (await consumer.getmany(*open_, timeout_ms=1000)).values():
                    uit += records  # (Tansu's end offset may fall inside its last batch: keep the whole batch)
                open_ = [d for d in open_ if await consumer.position(d) < eindes[d]]
            return sorted(uit, key=lambda r: (r.partition, r.offset))
        finally:
            await consumer.stop()

    async def wacht_tot_verwerkt(self, service: str, *topics_: str, timeout: float = 30.0) -> None:
        """Until the service's inbox committed every record now on these topics, in every partition:
        their effects are stored. (With one partition a later record's effect said as much; with six
        it does not: that record may come from a partition the inbox read first.)"""
        lezer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap_servers, group_id=f"welkom-{service}",
                                 enable_auto_commit=False, **self.verbinding)
        await lezer.start()
        try:
            delen = [d for t in topics_ for d in await _delen(lezer, t)]
            eindes, beginnen = await lezer.end_offsets(delen), await lezer.beginning_offsets(delen)
            einde = time.monotonic() + timeout
            while True:
                achter = [d for d in delen if max(await lezer.committed(d) or 0, beginnen[d]) < eindes[d]]
                if not achter:
                    return
                if time.monotonic() > einde:
                    raise AssertionError(f"timed out: welkom-{service} has not committed {achter}")
                await asyncio.sleep(0.1)
        finally:
            await lezer.stop()

    async def events(self, topic: str) -> list[Any]:
        """The CloudEvents welkom published on a topic, decoded and validated."""
        return [lees(r.value, r.headers) for r in await self.records(topic)]

    async def wacht_op(self, topic: str, klaar: Callable[[list[Any]], bool], timeout: float = 30.0,
                       rauw: bool = False) -> list[Any]:
        einde = time.monotonic() + timeout
        while True:
            gevonden = await (self.records(topic) if rauw else self.events(topic))
            if klaar(gevonden):
                return gevonden
            if time.monotonic() > einde:
                raise AssertionError(f"timed out waiting on {topic}; saw {len(gevonden)} records")
            await asyncio.sleep(0.2)


def welkom_env(settings: Settings, **extra: str) -> dict[str, str]:
    """The environment a `welkom` subprocess needs to use the same broker and stores."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("WELKOM_")}
    env.update({
        "KAFKA_BOOTSTRAP_SERVERS": settings.kafka_bootstrap_servers or "",
        "WELKOM_DATA_DIR": str(settings.data_dir),
        "WELKOM_HTTP_PORT": str(settings.http_port),
        "WELKOM_CLOCK": "manual",
        "WELKOM_TESTING": "1",  # a test's child: the development pseudonym secret is allowed, with PostgreSQL too
        **kafka_env(settings),
    })
    if settings.database_url:
        env["WELKOM_DATABASE_URL"] = settings.database_url
        env["WELKOM_DATABASE_SCHEMA_PREFIX"] = settings.database_schema_prefix
    env.update(extra)
    return env


async def _delen(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition]:
    """Every partition of a topic, from the client's own metadata once it holds the topic (a fresh
    client may not yet: reading partition 0 alone then would miss five of six on Kafka)."""
    for _ in range(100):
        await consumer._client.force_metadata_update()
        if consumer.partitions_for_topic(topic):
            return [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic))]
        await asyncio.sleep(0.1)
    raise AssertionError(f"the broker has no metadata for {topic}")


def kafka_env(settings: Settings) -> dict[str, str]:
    """The broker settings of `settings` as WELKOM_* variables (Tansu's, or Kafka's SASL_SSL and principals)."""
    velden = ("kafka_idempotent_producer", "kafka_create_topics", "kafka_session_timeout_ms", "kafka_fetch_max_wait_ms",
              "kafka_security_protocol", "kafka_sasl_mechanism", "kafka_sasl_username", "kafka_sasl_password_file",
              "kafka_ssl_cafile", "kafka_partitions")
    uit = {}
    for veld in velden:
        waarde = getattr(settings, veld)
        if waarde is not None:
            uit[f"WELKOM_{veld.upper()}"] = str(waarde).lower() if isinstance(waarde, bool) else str(waarde)
    return uit


def van_type(events: list[Any], type_: str) -> list[Any]:
    return [e for e in events if e.type == type_]


async def wacht_tot(voorwaarde: Callable[[], bool], timeout: float = 30.0, wat: str = "a condition") -> None:
    """Poll until the condition holds: for effects that are stored but not published (and for
    ordering inputs on different topics, which the bus does not order)."""
    einde = time.monotonic() + timeout
    while not voorwaarde():
        if time.monotonic() > einde:
            raise AssertionError(f"timed out waiting for {wat}")
        await asyncio.sleep(0.1)


async def gezond(settings: Settings, proces: Any, log: Any) -> None:
    """Until the `welkom up` subprocess answers /health with 200; fails at once when it exits."""
    async with httpx.AsyncClient() as client:
        for _ in range(300):
            assert proces.poll() is None, log.read_text()[-3000:]
            try:
                if (await client.get(f"http://127.0.0.1:{settings.http_port}/health", timeout=2)).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise AssertionError("welkom did not become healthy")
