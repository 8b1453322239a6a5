"""Dead-lettered records: read them (their reason, never their value) and send chosen ones back to their topic."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from events import topics
from services.runtime.bus import BEHEER, MAX_REQUEST_BYTES, delen_van, kafka_verbinding, ontsleutel_dlq
from services.runtime.publisher import sleutel, sleutel_van
from services.runtime.settings import Settings

DLQ_KOP = "dlq_"
"""Headers that `bus.naar_dlq` adds: they say why and where from, and are not sent back."""
LEES_TIMEOUT_S = 30.0


class DlqFout(Exception):
    """A DLQ topic could not be read, or a chosen record cannot be sent back."""


@dataclass(frozen=True)
class DlqRecord:
    """One dead-lettered record. `value` and `headers` hold the input (personal data): they are
    sent back, never shown; `overzicht` is what may be shown."""

    topic: str
    partition: int
    offset: int
    timestamp_ms: int | None
    value: bytes | None = field(repr=False)
    headers: tuple[tuple[str, bytes], ...] = field(repr=False)

    def kop(self, naam: str) -> str | None:
        waarde = dict(self.headers).get(naam)
        return waarde.decode("utf-8", errors="replace") if waarde is not None else None

    @property
    def reden(self) -> str:
        return self.kop("dlq_reason") or "?"

    @property
    def oorsprong(self) -> str | None:
        """The topic the record was consumed from (header dlq_topic), where it goes back to."""
        return self.kop("dlq_topic")

    @property
    def tijd(self) -> str | None:
        """When it was dead-lettered (the record timestamp), UTC."""
        if self.timestamp_ms is None or self.timestamp_ms < 0:
            return None
        moment = dt.datetime.fromtimestamp(self.timestamp_ms / 1000, dt.UTC)
        return moment.isoformat(timespec="seconds").replace("+00:00", "Z")

    def overzicht(self) -> dict[str, Any]:
        """Topic, offset, time, service and reason, and where it came from: no value, no key."""
        oorsprong_offset = self.kop("dlq_offset")
        oorsprong_partitie = self.kop("dlq_partition")
        return {
            "topic": self.topic, "partition": self.partition, "offset": self.offset, "tijd": self.tijd,
            "service": self.kop("dlq_service"), "reden": self.reden,
            "oorsprong": {
                "topic": self.oorsprong,
                "partition": int(oorsprong_partitie) if oorsprong_partitie and oorsprong_partitie.isdigit() else None,
                "offset": int(oorsprong_offset) if oorsprong_offset and oorsprong_offset.isdigit() else None,
            },
        }

    def terug_headers(self) -> list[tuple[str, bytes]]:
        """The original headers, in their order, without the `dlq_*` ones."""
        return [(k, v) for k, v in self.headers if not k.startswith(DLQ_KOP)]


def dlq_topic(naam: str) -> str:
    """`keten.ind.dlq` as given, or the DLQ of `keten.ind`."""
    return naam if naam.endswith(".dlq") else topics.dlq(naam)


def heeft_reden(record: DlqRecord, code: str) -> bool:
    """The full reason (`domeinregel:ReferentZonderDossierFout`) or its code (`domeinregel`)."""
    return record.reden == code or record.reden.startswith(code + ":")


def kies(
    records: Sequence[DlqRecord], *, dlq_topics: Sequence[str] = (), offsets: Sequence[int] = (),
    reden: str | None = None,
) -> list[DlqRecord]:
    """The records an operator chose: by DLQ topic + offset (one topic for all offsets, or one
    topic per offset), or all with a reason (within the topics, if given). Unknown ones stop it all.
    A DLQ topic has one partition (deploy/topics.txt), so topic + offset names one record."""
    namen = [dlq_topic(t) for t in dlq_topics]
    if offsets and reden is not None:
        raise DlqFout("choose records either with --topic/--offset or with --reden, not both")
    if reden is not None:
        gekozen = [r for r in records if heeft_reden(r, reden) and (not namen or r.topic in namen)]
        if not gekozen:
            raise DlqFout(f"no dead-lettered record has reason {reden}" + (f" on {', '.join(namen)}" if namen else ""))
        return gekozen
    if not offsets:
        raise DlqFout("choose records: --topic T --offset N (repeatable) or --reden CODE")
    if len(namen) == 1:
        plekken = [(namen[0], o) for o in offsets]
    elif len(namen) == len(offsets):
        plekken = list(zip(namen, offsets, strict=True))
    else:
        raise DlqFout("give one --topic for all offsets, or one --topic per --offset")
    per_plek = {(r.topic, r.offset): r for r in records}
    onbekend = [f"{t}@{o}" for t, o in plekken if (t, o) not in per_plek]
    if onbekend:
        raise DlqFout(f"no such dead-lettered record: {', '.join(onbekend)}; nothing was sent")
    return [per_plek[p] for p in dict.fromkeys(plekken)]


async def lees(bootstrap_servers: str, settings: Settings, *, fetch_max_wait_ms: int = 500,
               alleen: Iterable[str] = ()) -> tuple[list[DlqRecord], set[str]]:
    """Every record on the broker's DLQ topics (or only those named), in topic and offset order,
    and the broker's topics. Reads without a consumer group: it commits nothing."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap_servers, enable_auto_commit=False, group_id=None,
        fetch_max_wait_ms=fetch_max_wait_ms, max_partition_fetch_bytes=MAX_REQUEST_BYTES,
        **kafka_verbinding(settings, BEHEER),
    )
    try:
        await consumer.start()  # inside: a broker that does not answer still closes the consumer
        bestaand = set(await consumer.topics())
        gevraagd = {dlq_topic(t) for t in alleen}
        namen = sorted(gevraagd & bestaand if gevraagd else {t for t in bestaand if t.endswith(".dlq")})
        delen = await delen_van(consumer, namen)
        if not delen:
            return [], bestaand
        consumer.assign(delen)
        begin, eind = await consumer.beginning_offsets(delen), await consumer.end_offsets(delen)
        for deel in delen:
            consumer.seek(deel, begin[deel])
        records: list[DlqRecord] = []
        open_ = {d for d in delen if eind[d] > begin[d]}
        grens = time.monotonic() + LEES_TIMEOUT_S
        while open_:
            if time.monotonic() > grens:
                raise DlqFout(f"could not read {', '.join(sorted({d.topic for d in open_}))} to its end")
            for deel, gelezen in (await consumer.getmany(*open_, timeout_ms=1000)).items():
                records += [DlqRecord(r.topic, r.partition, r.offset, r.timestamp, r.value,
                                      tuple(r.headers or ())) for r in gelezen if r.offset < eind[deel]]
            for deel in list(open_):  # by position, not by the last offset seen: offsets may have gaps
                if await consumer.position(deel) >= eind[deel]:
                    open_.discard(deel)
        return sorted(records, key=lambda r: (r.topic, r.partition, r.offset)), bestaand
    finally:
        await consumer.stop()


def terug_sleutel(value: bytes | None, headers: Sequence[tuple[str, bytes]], settings: Settings) -> bytes | None:
    """The key `naar_dlq` dropped, derived again as `welkom publish` and the relay derive it (the
    aggregate the registry names for the type: a pseudonymous persoon_id, never a vnummer), so an
    aggregate's records stay on one partition. In binary mode the data is the value and the type a
    header; a type welkom does not know keeps the subject (the relay's key), if any."""
    koppen = dict(headers)
    try:
        inhoud = json.loads(value) if value else None
    except ValueError:
        inhoud = None
    if "ce_specversion" in koppen:  # binary mode: the attributes are ce_* headers
        soort_ = koppen.get("ce_type", b"").decode("utf-8", errors="replace")
        return sleutel_van(soort_, inhoud, settings) or koppen.get("ce_subject") or None
    return sleutel(inhoud, settings) if isinstance(inhoud, dict) else None


async def stuur_terug(bootstrap_servers: str, settings: Settings, records: Sequence[DlqRecord],
                      bestaand: set[str]) -> list[bytes | None]:
    """Send each record to its original topic: the original value (decrypted) and headers without
    `dlq_*`. Nothing else is written; the receiving service dedupes on CloudEvent source + id.
    Returns each record's key: the pseudonymous persoon_id it concerns, another aggregate's
    name (`locatie:...`), or None."""
    for record in records:
        if not record.oorsprong or record.oorsprong.endswith(".dlq") or record.oorsprong not in bestaand:
            raise DlqFout(f"{record.topic}@{record.offset} names no topic to go back to; nothing was sent")
    terug = []
    for record in records:  # all decrypted first: a wrong cipher key sends nothing (bus.DlqSleutelFout)
        value = ontsleutel_dlq(record.value, record.headers, settings)
        koppen = record.terug_headers()
        terug.append((record.oorsprong, value, terug_sleutel(value, koppen, settings), koppen))
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap_servers, acks="all",
                                max_request_size=MAX_REQUEST_BYTES, **kafka_verbinding(settings, BEHEER))
    try:
        await producer.start()
        bevestigingen = []
        for topic, value, key, koppen in terug:
            bevestigingen.append(await producer.send(topic, value=value, key=key, headers=koppen))
        await asyncio.gather(*bevestigingen)
        return [key for _, _, key, _ in terug]
    finally:
        await producer.stop()
