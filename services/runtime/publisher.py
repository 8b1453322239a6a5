"""Publishing structured CloudEvents from JSON lines (`welkom publish`), keyed by person."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from aiokafka import AIOKafkaProducer

from events.envelope import STRUCTURED_CONTENT_TYPE
from events.registry import soort
from services.runtime.bus import MAX_REQUEST_BYTES, kafka_verbinding
from services.domain.identity import persoon_id
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


def sleutel(envelope: dict[str, Any], settings: Settings) -> bytes | None:
    """The record key: the pseudonymous persoon_id (never the vnummer), so a person stays ordered."""
    data = envelope.get("data")
    if isinstance(data, dict) and isinstance(data.get("vnummer"), str):
        return str(persoon_id(data["vnummer"], settings.pseudonym_secret.get_secret_value())).encode()
    if isinstance(data, dict) and isinstance(data.get("locatie_id"), str):  # a location's events stay in order
        return data["locatie_id"].encode()
    subject = envelope.get("subject")
    return subject.encode() if isinstance(subject, str) else None


async def publiceer(bootstrap_servers: str, regels: list[tuple[str, dict[str, Any]]], settings: Settings) -> int:
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap_servers, acks="all", max_request_size=MAX_REQUEST_BYTES,
        **kafka_verbinding(settings),
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
