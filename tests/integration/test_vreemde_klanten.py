"""Clients welkom did not write: a COA partner on kafkajs and one on librdkafka send placements in both CloudEvents modes, and a subscriber on the same client reads what welkom made of them, checked with both CNCF SDKs and the AsyncAPI schemas."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from events import opvang, topics
from events.envelope import STRUCTURED_CONTENT_TYPE
from keten import Keten
from klanten_hulp import (controleer_uitgaand, kafkajs, kafkajs_verbinding, librdkafka_lees, librdkafka_record,
                          librdkafka_stuur, plaatsing, trace_id, traceparent)
from services.kafkabed.principals import AFNEMER, AFNEMER_GROEP, KETEN
from services.runtime.publisher import sleutel
from services.stack import Stack

# The clients meet the bus, not the store: PostgreSQL (production's, and Kafka's pair) on both brokers.
pytestmark = [pytest.mark.integration, pytest.mark.kafka, pytest.mark.parametrize("backend", ["postgres"])]


def verwacht(aantal: int) -> dict[str, int]:
    return {opvang.BEWONER_GEPLAATST: aantal}


async def de_partner_stuurde_beide_vormen(keten: Keten) -> None:
    """On keten.coa, as any reader sees it: one binary record (ce_* headers, data as value) and one
    structured record (the whole envelope as value)."""
    kop = [dict(r.headers) for r in await keten.records(topics.KETEN_COA)]
    vormen = sorted("binary" if "ce_specversion" in h else
                    "structured" if h.get("content-type", b"").decode().startswith(STRUCTURED_CONTENT_TYPE) else "?"
                    for h in kop)
    assert vormen == ["binary", "structured"], kop


def welkom_plaatste(keten: Keten, events: list[Any], *, binair: dict[str, Any], gestructureerd: dict[str, Any]) -> None:
    """Each placement the partner sent became BewonerGeplaatst for that person at that location; the
    binary one's trace goes on in welkom's event."""
    geplaatst = {e["subject"]: e for e in events if e["type"] == opvang.BEWONER_GEPLAATST}
    for verzonden in (binair, gestructureerd):
        event = geplaatst[str(keten.persoon(verzonden["data"]["vnummer"]))]
        assert event.get_data()["locatie_id"] == verzonden["data"]["locatie_id"]
        assert event.get_data()["datum"] == "2024-03-04"
    assert trace_id(geplaatst[str(keten.persoon(binair["data"]["vnummer"]))].get("traceparent")) == \
        trace_id(binair["traceparent"])


def in_volgorde(events: list[Any], partities: list[int]) -> None:
    """Per partition (publication order of one source) the `sequence` strings sort as they were read."""
    for partitie in set(partities):
        reeks = [e["sequence"] for e, p in zip(events, partities, strict=True) if p == partitie]
        assert reeks == sorted(reeks), reeks


async def test_a_partner_on_kafkajs_sends_both_modes_and_its_subscriber_reads_welkoms_events(
        stack: Stack, broker: Any, keten: Keten) -> None:
    binair = plaatsing("3041000001", "azc-heumensoord", traceparent=traceparent())
    gestructureerd = plaatsing("3041000002", "azc-dommer")
    job = {
        "partner": kafkajs_verbinding(broker.librdkafka(KETEN)),
        "afnemer": kafkajs_verbinding(broker.librdkafka(AFNEMER)),
        "berichten": [{"topic": topics.KETEN_COA, "modus": modus, "event": event,
                       "partitionkey": sleutel(event, stack.settings).decode()}
                      for modus, event in (("binary", binair), ("structured", gestructureerd))],
        "lezen": {"topic": topics.GEMEENTE_OPVANG, "groep": AFNEMER_GROEP, "verwacht": verwacht(2), "timeout_ms": 60000},
    }
    antwoord = await asyncio.to_thread(kafkajs, job)

    await de_partner_stuurde_beide_vormen(keten)
    gelezen = antwoord["gelezen"]
    assert sum(r["headers"].get("ce_type") == opvang.BEWONER_GEPLAATST for r in gelezen) == 2, gelezen
    # The JavaScript SDK (Kafka.toEvent + validate) and ajv (AsyncAPI) accepted every record kafkajs read ...
    assert [c["fouten"] for c in antwoord["controles"]] == [[] for _ in gelezen]
    assert {c["event"]["type"] for c in antwoord["controles"]} >= {opvang.BEWONER_GEPLAATST}
    # ... and so do the Python SDK and jsonschema.
    events = [controleer_uitgaand("opvang", r["key"].encode(), r["headers"], r["value"].encode()) for r in gelezen]
    welkom_plaatste(keten, events, binair=binair, gestructureerd=gestructureerd)
    in_volgorde(events, [r["partition"] for r in gelezen])


async def test_a_partner_on_librdkafka_sends_both_modes_and_its_subscriber_reads_welkoms_events(
        stack: Stack, broker: Any, keten: Keten) -> None:
    binair = plaatsing("3042000001", "azc-heumensoord", traceparent=traceparent())
    gestructureerd = plaatsing("3042000002", "azc-dommer")
    records = [librdkafka_record(modus, event, sleutel(event, stack.settings))
               for modus, event in (("binary", binair), ("structured", gestructureerd))]
    await asyncio.to_thread(librdkafka_stuur, broker.librdkafka(KETEN), topics.KETEN_COA, records)
    gelezen = await asyncio.to_thread(librdkafka_lees, broker.librdkafka(AFNEMER), topics.GEMEENTE_OPVANG,
                                      AFNEMER_GROEP, verwacht(2))

    await de_partner_stuurde_beide_vormen(keten)
    kop = [{k: v.decode() for k, v in r.headers() or []} for r in gelezen]
    assert sum(h.get("ce_type") == opvang.BEWONER_GEPLAATST for h in kop) == 2, kop
    events = [controleer_uitgaand("opvang", r.key(), h, r.value()) for r, h in zip(gelezen, kop, strict=True)]
    welkom_plaatste(keten, events, binair=binair, gestructureerd=gestructureerd)
    in_volgorde(events, [r.partition() for r in gelezen])
    # What librdkafka read, the JavaScript SDK and ajv accept too (node once, no broker).
    antwoord = await asyncio.to_thread(kafkajs, {"records": [
        {"key": r.key().decode(), "headers": h, "value": r.value().decode()} for r, h in zip(gelezen, kop, strict=True)]})
    assert [c["fouten"] for c in antwoord["controles"]] == [[] for _ in gelezen]
