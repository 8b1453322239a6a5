"""`make kafka-storing`'s checks: each household's outcomes once per service, DLQs empty, no lag, no relay backlog."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaConsumer
from aiokafka.errors import KafkaError
from aiokafka.structs import TopicPartition

from events import huisvesting, inburgering, opvang, topics
from services.bench.huishoudens import Huishouden
from services.domain.identity import persoon_id
from services.kafkabed import principals
from services.kafkabed.broker import KafkaBed
from services.runtime.achterstand import Achterstandsmeter
from services.stack import Stack

SERVICES = ("opvang", "huisvesting", "inburgering", "mzd")
HOOFD: dict[str, tuple[str, ...]] = {
    "opvang": (opvang.BEWONER_GEPLAATST, opvang.BEWONER_STATUSHOUDER_GEWORDEN),
    "huisvesting": (huisvesting.HUISVESTINGSDOSSIER_GEOPEND, huisvesting.WONING_AANGEBODEN),
    "inburgering": (inburgering.INBURGERINGSTRAJECT_GESTART,),
    "mzd": (),
}
"""What a bench household's four inbound events make each service publish about its main person."""

Sleutel = tuple[str, str, str]
"""(service, CloudEvent type, subject)."""


def _meerderjarig(geboren: dt.date, op: dt.date) -> bool:
    return op.year - geboren.year - ((op.month, op.day) < (geboren.month, geboren.day)) >= 18


def verwachting(huishoudens: list[Huishouden], geheim: str) -> dict[Sleutel, int]:
    """{(service, type, subject): household index} of every outcome that must be published once:
    the main person's in opvang, huisvesting and inburgering, and an inburgeringstraject for each
    other member who is 18 or older on the koppeldatum (the younger ones' start is not announced)."""
    uit: dict[Sleutel, int] = {}
    for h in huishoudens:
        for j, (vnummer, geboren) in enumerate(h.leden):
            subject = str(persoon_id(vnummer, geheim))
            if j == 0:
                uit.update({(s, t, subject): h.index for s, soorten in HOOFD.items() for t in soorten})
            elif _meerderjarig(geboren, h.koppeldatum):
                uit[("inburgering", inburgering.INBURGERINGSTRAJECT_GESTART, subject)] = h.index
    return uit


@dataclass
class Telling:
    """The records read from the gemeente.* topics: per CloudEvent id, per (service, type, subject)."""

    records: int = 0
    per_id: Counter[str] = field(default_factory=Counter)
    per_sleutel: dict[Sleutel, set[str]] = field(default_factory=lambda: defaultdict(set))
    aanbod_gezien: dict[str, float] = field(default_factory=dict)
    """subject -> time.monotonic() at which its first woning-aangeboden was read."""

    def neem(self, topic: str, headers: list[tuple[str, bytes]], nu: float) -> None:
        kop = {k: v.decode(errors="replace") for k, v in headers}
        id_, type_, subject = kop.get("ce_id", ""), kop.get("ce_type", ""), kop.get("ce_subject", "")
        self.records += 1
        self.per_id[id_] += 1
        self.per_sleutel[(topic.removeprefix("gemeente."), type_, subject)].add(id_)
        if type_ == huisvesting.WONING_AANGEBODEN:
            self.aanbod_gezien.setdefault(subject, nu)


def _admin(bed: KafkaBed) -> Any:
    from confluent_kafka.admin import AdminClient

    return AdminClient(bed.librdkafka_config())


def delen(bed: KafkaBed, namen: list[str] | tuple[str, ...]) -> list[TopicPartition]:
    """Every partition of these topics, asked of the cluster with librdkafka. (Not with welkom's
    `bus.delen_van`: on Apache Kafka it finds none, see the report of `make kafka-storing`.)"""
    from confluent_kafka import TopicCollection

    admin = _admin(bed)  # kept until the answers are in: a destroyed handle fails its futures
    beschreven = admin.describe_topics(TopicCollection(list(namen)), request_timeout=30)
    return [TopicPartition(t, p.id) for t, f in beschreven.items() for p in f.result(30).partitions]


def _offsets(admin: Any, tps: list[TopicPartition], laatste: bool) -> dict[TopicPartition, int]:
    from confluent_kafka import TopicPartition as Deel
    from confluent_kafka.admin import OffsetSpec

    spec = OffsetSpec.latest() if laatste else OffsetSpec.earliest()
    antwoord = admin.list_offsets({Deel(d.topic, d.partition): spec for d in tps}, request_timeout=30)
    return {TopicPartition(d.topic, d.partition): f.result(30).offset for d, f in antwoord.items()}


class Lezer:
    """Reads every gemeente.* partition from the beginning, as the super user without a group."""

    def __init__(self, bed: KafkaBed) -> None:
        self.bed = bed
        self.telling = Telling()
        self._consumer: AIOKafkaConsumer | None = None
        self._delen: list[Any] = []

    async def start(self) -> None:
        self._delen = await asyncio.to_thread(delen, self.bed, topics.OUTBOUND)
        self._consumer = AIOKafkaConsumer(bootstrap_servers=self.bed.bootstrap_servers, group_id=None, auto_offset_reset="earliest",
                                          enable_auto_commit=False, **self.bed.admin_config())
        await self._consumer.start()
        self._consumer.assign(self._delen)
        await self._consumer.seek_to_beginning(*self._delen)

    async def ronde(self) -> None:
        assert self._consumer is not None
        batch = await self._consumer.getmany(*self._delen, timeout_ms=500)
        nu = time.monotonic()
        for deel, records in batch.items():
            for record in records:
                self.telling.neem(deel.topic, list(record.headers), nu)

    async def volg(self, stop: asyncio.Event) -> None:
        """Read as records arrive until `stop`; a broker that is away is waited for."""
        while not stop.is_set():
            try:
                await self.ronde()
            except KafkaError:
                await asyncio.sleep(1.0)

    async def tot_einde(self, timeout: float = 120.0) -> bool:
        """Read up to the end offsets of this moment; False when the deadline passed first."""
        assert self._consumer is not None
        eindes = await self._consumer.end_offsets(self._delen)
        grens = time.monotonic() + timeout
        while [d for d, e in eindes.items() if await self._consumer.position(d) < e]:
            if time.monotonic() > grens:
                return False
            await self.ronde()
        return True

    async def stop(self) -> None:
        if self._consumer is not None:
            await self._consumer.stop()


@dataclass
class Beoordeling:
    """Per service: households complete, events, missing, duplicates; and the bus-wide figures."""

    per_service: dict[str, dict[str, int]]
    dlq: dict[str, int]
    lag: dict[str, int]
    backlog: dict[str, int]

    @property
    def geslaagd(self) -> bool:
        fouten = sum(v["ontbreekt"] + v["dubbel_id"] + v["dubbel_soort"] for v in self.per_service.values())
        return not fouten and not any(self.dlq.values()) and not any(self.lag.values()) \
            and not any(self.backlog.values())


def per_service(telling: Telling, verwacht: dict[Sleutel, int], huishoudens: int) -> dict[str, dict[str, int]]:
    """Outcomes per service: households with all their expected outcomes, missing ones, records
    repeated with the same CloudEvent id, (type, subject) published under several ids, and other
    events (reported, not failed: e.g. a term that ran out in data time depends on the interleaving)."""
    uit: dict[str, dict[str, int]] = {}
    for service in SERVICES:
        sleutels = {k: ids for k, ids in telling.per_sleutel.items() if k[0] == service}
        eigen = {k: i for k, i in verwacht.items() if k[0] == service}
        ontbrekend = [i for k, i in eigen.items() if k not in sleutels]
        ids = {i for v in sleutels.values() for i in v}
        uit[service] = {
            "eerste_ontbrekend": sorted(set(ontbrekend))[:10],  # type: ignore[dict-item]
            "huishoudens": len({i for i in eigen.values()} - set(ontbrekend)) if eigen else 0,
            "verwacht_huishoudens": len(set(eigen.values())),
            "events": len(ids),
            "ontbreekt": len(ontbrekend),
            "dubbel_id": sum(telling.per_id[i] - 1 for i in ids),
            "dubbel_soort": sum(len(v) - 1 for v in sleutels.values()),
            "onverwacht": sum(len(v) for k, v in sleutels.items() if k not in eigen),
            "onverwachte_soorten": dict(Counter(k[1] for k in sleutels if k not in eigen)),  # type: ignore[dict-item]
        }
    return uit


def compleet(telling: Telling, verwacht: dict[Sleutel, int]) -> bool:
    return all(k in telling.per_sleutel for k in verwacht)


def dlq_records(bed: KafkaBed) -> dict[str, int]:
    """{dlq topic: records in it} (end offset - beginning offset) of every DLQ of the bus."""
    tps = delen(bed, [topics.dlq(t) for t in topics.INBOUND + topics.OUTBOUND])
    admin = _admin(bed)
    begin, einde = _offsets(admin, tps, laatste=False), _offsets(admin, tps, laatste=True)
    uit: dict[str, int] = defaultdict(int)
    for d in tps:
        uit[d.topic] += einde[d] - begin[d]
    return dict(uit)


def lag_per_service(bed: KafkaBed, abonnementen: dict[str, list[str]]) -> dict[str, int]:
    """Each inbox group's uncommitted records: end offset - committed offset (none: 0), summed over
    every partition of the topics the service subscribes to; asked of the cluster as the super user."""
    from confluent_kafka import ConsumerGroupTopicPartitions

    admin = _admin(bed)
    uit = {}
    for service, namen in abonnementen.items():
        tps = delen(bed, namen)
        einde = _offsets(admin, tps, laatste=True)
        groep = principals.groep(service)
        antwoord = admin.list_consumer_group_offsets([ConsumerGroupTopicPartitions(groep)], request_timeout=30)
        vastgelegd = {TopicPartition(d.topic, d.partition): max(d.offset, 0)
                      for d in antwoord[groep].result(30).topic_partitions}
        uit[service] = sum(max(e - vastgelegd.get(d, 0), 0) for d, e in einde.items())
    return uit


async def welkoms_meter(stack: Stack) -> int:
    """How many partitions welkom's own lag metric (services/runtime/achterstand.py) measures."""
    meter = Achterstandsmeter(stack.settings, stack.bootstrap_servers,
                              {naam: app.topics() for naam, app in stack.apps.items()})
    try:
        await meter.meet()
    finally:
        await meter.sluit()
    return sum(len(d) for per_topic in meter.per_partitie.values() for d in per_topic.values())


async def relay_backlog(stack: Stack) -> dict[str, int]:
    """Each relay's stored events that the broker has not acknowledged, read from its store."""
    uit = {}
    for naam, relay in stack.relays.items():
        await relay.meet()
        uit[naam] = relay.stand[1] if relay.stand is not None else -1
    return uit


def replicatie(bed: KafkaBed) -> tuple[int, int]:
    """(lowest replica count of any partition, lowest min.insync.replicas) over the welkom topics."""
    from confluent_kafka import TopicCollection
    from confluent_kafka.admin import AdminClient, ConfigResource, ResourceType

    admin = AdminClient(bed.librdkafka_config())
    beschreven = admin.describe_topics(TopicCollection(list(topics.ALL)), request_timeout=30)
    replicas = min(len(p.replicas) for f in beschreven.values() for p in f.result(30).partitions)
    bronnen = [ConfigResource(ResourceType.TOPIC, t) for t in topics.ALL]
    isr = min(int(f.result(30)["min.insync.replicas"].value) for f in admin.describe_configs(bronnen).values())
    return replicas, isr
