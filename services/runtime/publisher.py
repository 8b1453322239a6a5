"""Publishing structured CloudEvents from JSON lines (`welkom publish`), keyed by the aggregate they concern."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from aiokafka import AIOKafkaProducer

from events.envelope import STRUCTURED_CONTENT_TYPE
from events.registry import soort
from events.sleutels import Pseudoniem
from services.runtime.bus import MAX_REQUEST_BYTES, PARTNERS, kafka_verbinding
from services.domain.identity import persoon_id, persoon_id_van_bsn
from services.runtime.settings import Settings


def lees_regels(regels: Iterable[str], topic: str | None = None) -> list[tuple[str, dict[str, Any]]]:
    """Parse every line first, so a bad line stops the run before anything is published."""
    uit = []
    for nummer, regel in enumerate(regels, start=1):
        if not regel.strip():
            continue
        try:
            envelope = json.loads(regel)
        except ValueError:
            raise ValueError(f"line {nummer}: not JSON; nothing was published") from None
        if not isinstance(envelope, dict) or "type" not in envelope:
            raise ValueError(f"line {nummer}: not a structured CloudEvent; nothing was published")
        gevonden = soort(envelope["type"])
        if topic is None and gevonden is None:
            raise ValueError(f"line {nummer}: unknown type, give --topic; nothing was published")
        uit.append((topic or gevonden.topic, envelope))  # type: ignore[union-attr]
    return uit


def pseudoniem(settings: Settings) -> Pseudoniem:
    """The pseudonym of a vnummer or BSN in a record key: the persoon_id welkom gives that person."""
    geheim = settings.pseudonym_secret.get_secret_value()
    return lambda veld, waarde: str(persoon_id_van_bsn(waarde, geheim) if veld == "bsn" else persoon_id(waarde, geheim))


def sleutel_van(type_: object, data: Any, settings: Settings) -> bytes | None:
    """The record key of an event of this type: the aggregate its registry entry names (a person's
    persoon_id, never the vnummer or BSN; a location, a home, a taakstelling). None for an unknown type."""
    gevonden = soort(type_) if isinstance(type_, str) else None
    return gevonden.sleutel.van(data, pseudoniem(settings)) if gevonden is not None else None


def sleutel(envelope: dict[str, Any], settings: Settings) -> bytes | None:
    """The record key of a structured CloudEvent, so one aggregate's events stay in one partition, in
    order. An unknown type has none (it goes to the DLQ): a partner's subject may be anything."""
    return sleutel_van(envelope.get("type"), envelope.get("data"), settings)


async def publiceer(bootstrap_servers: str, regels: list[tuple[str, dict[str, Any]]], settings: Settings) -> int:
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap_servers, acks="all", max_request_size=MAX_REQUEST_BYTES,
        **kafka_verbinding(settings, PARTNERS),
    )
    try:
        await producer.start()  # inside: a broker that does not answer still closes the producer
        bevestigingen = []
        for topic, envelope in regels:
            bevestigingen.append(
                await producer.send(
                    topic,
                    value=json.dumps(envelope, ensure_ascii=False).encode(),
                    key=sleutel(envelope, settings),
                    headers=[("content-type", STRUCTURED_CONTENT_TYPE.encode())],
                )
            )
        for b in bevestigingen:
            await b
        return len(bevestigingen)
    finally:
        await producer.stop()
