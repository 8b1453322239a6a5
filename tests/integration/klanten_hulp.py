"""Foreign clients of the bus: the kafkajs partner of klanten/, partner events in both CloudEvents modes, and the checks of what welkom publishes (CNCF SDK, AsyncAPI)."""

from __future__ import annotations

import datetime as dt
import functools
import json
import secrets
import subprocess
import uuid
from pathlib import Path
from typing import Any

from cloudevents.v1.http import CloudEvent
from cloudevents.v1.kafka import KafkaMessage, from_binary, to_binary
from jsonschema import Draft7Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from events import coa
from events.envelope import STRUCTURED_CONTENT_TYPE, bron
from events.registry import soort
from keten import cloudevent

KLANTEN = Path(__file__).parent / "klanten"
ASYNCAPI = Path(__file__).resolve().parents[2] / "events" / "asyncapi.json"
SEQUENCE = "^[0-9]+$"
"""The `sequence` extension as welkom publishes it: a string of digits (zero-padded: it sorts as it was published)."""


def nu() -> str:
    """The partner's registration time: now (a record's timestamp follows it, and retention counts from there)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def traceparent() -> str:
    """A W3C Trace Context the partner starts: welkom's events that follow from its record continue it."""
    return f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-01"


def plaatsing(vnummer: str, locatie_id: str, **extensies: str) -> dict[str, Any]:
    """COA places a person in a reception location: a structured CloudEvent (attributes and data)."""
    event = cloudevent(coa.ASIELZOEKER_GEPLAATST, {"vnummer": vnummer, "locatie_id": locatie_id, "datum": "2024-03-04"})
    return {**event, "time": nu(), **extensies}


def trace_id(traceparent_: str | None) -> str | None:
    return traceparent_.split("-")[1] if traceparent_ else None


# -- the kafkajs client ----------------------------------------------------------------------------

def kafkajs_verbinding(librdkafka: dict[str, Any]) -> dict[str, Any]:
    """kafkajs's connection from the same settings a librdkafka client gets (SASL_SSL on Kafka)."""
    verbinding: dict[str, Any] = {"brokers": librdkafka["bootstrap.servers"].split(",")}
    if librdkafka.get("security.protocol") == "SASL_SSL":
        verbinding["sasl"] = {"mechanism": librdkafka["sasl.mechanism"].lower(),
                              "username": librdkafka["sasl.username"], "password": librdkafka["sasl.password"]}
        verbinding["ca"] = librdkafka["ssl.ca.location"]
    return verbinding


def kafkajs(job: dict[str, Any], timeout: float = 120.0) -> dict[str, Any]:
    """Runs klanten/klant.mjs once on `job` (node, the packages `make setup` installed with npm ci)."""
    if not (KLANTEN / "node_modules" / "kafkajs").is_dir():
        raise AssertionError(f"{KLANTEN}/node_modules is missing: `make setup` installs it (npm ci)")
    uit = subprocess.run(["node", "klant.mjs"], cwd=KLANTEN, input=json.dumps({"asyncapi": str(ASYNCAPI), **job}),
                         capture_output=True, text=True, timeout=timeout)
    assert uit.returncode == 0, f"klant.mjs failed ({uit.returncode}):\n{uit.stderr[-3000:]}"
    return {**json.loads(uit.stdout), "log": uit.stderr}


# -- what welkom published, checked ----------------------------------------------------------------

@functools.cache
def _asyncapi() -> tuple[dict[str, Any], Registry, dict[str, str]]:
    """The AsyncAPI document, a registry that resolves its $refs, and {type: its message's name}."""
    document = json.loads(ASYNCAPI.read_text(encoding="utf-8"))
    registry = Registry().with_resource("urn:welkom:asyncapi", Resource.from_contents(document, DRAFT7))
    berichten = {}
    for naam, operatie in document["operations"].items():
        kanaal = document["channels"][operatie["channel"]["$ref"].rsplit("/", 1)[1]]
        for ref in kanaal["messages"].values():
            berichten[naam] = ref["$ref"].rsplit("/", 1)[1]
    return document, registry, berichten


def asyncapi_fouten(headers: dict[str, str], value: bytes) -> list[str]:
    """Where a binary-mode record differs from the AsyncAPI message of its type: headers and payload."""
    _, registry, berichten = _asyncapi()
    bericht = berichten.get(headers.get("ce_type", ""))
    if bericht is None:
        return [f"no AsyncAPI message for type {headers.get('ce_type')!r}"]
    fouten = []
    for deel, waarde in (("headers", headers), ("payload", json.loads(value))):
        schema = {"$ref": f"urn:welkom:asyncapi#/components/messages/{bericht}/{deel}"}
        validator = Draft7Validator(schema, registry=registry, format_checker=FormatChecker())  # every format, uuid too
        fouten += [f"{deel} {'/'.join(map(str, f.absolute_path))}: {f.message}" for f in validator.iter_errors(waarde)]
    return fouten


def python_event(key: bytes | None, headers: dict[str, str], value: bytes) -> CloudEvent:
    """The record through the Python SDK's Kafka binding (binary mode, as welkom publishes)."""
    bericht = KafkaMessage({k: v.encode() for k, v in headers.items()}, key, value)
    return from_binary(bericht, data_unmarshaller=json.loads)


def controleer_uitgaand(service: str, key: bytes | None, headers: dict[str, str], value: bytes) -> CloudEvent:
    """One outbound record as a subscriber checks it: binary mode, the Python SDK, the AsyncAPI schema,
    key = subject, and the `sequence` extension a string of digits."""
    assert headers.get("content-type") == "application/json", headers
    fouten = asyncapi_fouten(headers, value)
    assert not fouten, f"{headers.get('ce_type')}: {fouten}"
    event = python_event(key, headers, value)
    assert event["specversion"] == "1.0" and event["source"] == bron(service)
    assert event["subject"] == str(uuid.UUID(event["subject"]))
    registratie = soort(event["type"])
    if registratie is not None and registratie.sleutel.aggregaat == "persoon":
        assert key is not None and key.decode() == event["subject"], "a person's events are keyed by the subject"
    assert isinstance(event.get("sequence"), str), "sequence is a string"
    assert event["sequence"].isdigit(), event["sequence"]
    return event


# -- the librdkafka client (the confluent-kafka wheel) ---------------------------------------------

def librdkafka_record(modus: str, event: dict[str, Any], key: bytes | None) -> dict[str, Any]:
    """confluent-kafka `produce` arguments: binary mode from the Python SDK's binding, structured mode
    as the binding spells it (the SDK's own structured form moves datacontenttype to a header)."""
    if modus == "binary":
        attributen = {k: v for k, v in event.items() if k != "data"}
        bericht = to_binary(CloudEvent(attributen, event["data"]), data_marshaller=lambda d: json.dumps(d).encode(),
                            key_mapper=lambda _: key)
        return {"key": bericht.key, "value": bericht.value, "headers": list(bericht.headers.items())}
    return {"key": key, "value": json.dumps(event).encode(), "headers": [("content-type", STRUCTURED_CONTENT_TYPE.encode())]}


def librdkafka_stuur(config: dict[str, Any], topic: str, records: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Produces and waits for every acknowledgement: (partition, offset) per record."""
    from confluent_kafka import Producer

    producer = Producer({**config, "acks": "all", "client.id": "partner-librdkafka"})
    bevestigd: list[Any] = []
    for record in records:
        producer.produce(topic, **record, on_delivery=lambda fout, bericht: bevestigd.append(fout or bericht))
    assert producer.flush(60) == 0, "records still unacknowledged"
    fouten = [b for b in bevestigd if not hasattr(b, "offset")]
    assert not fouten, fouten
    return [(b.partition(), b.offset()) for b in bevestigd]


def librdkafka_lees(config: dict[str, Any], topic: str, groep: str, verwacht: dict[str, int],
                    timeout: float = 60.0) -> list[Any]:
    """Subscribes in `groep` from the beginning until the expected number of each type arrived."""
    import time

    from confluent_kafka import Consumer

    consumer = Consumer({**config, "group.id": groep, "auto.offset.reset": "earliest", "enable.auto.commit": True,
                         "session.timeout.ms": 6000, "heartbeat.interval.ms": 1000, "client.id": "afnemer-librdkafka"})
    gelezen: list[Any] = []
    try:
        consumer.subscribe([topic])
        grens = time.monotonic() + timeout
        while time.monotonic() < grens:
            bericht = consumer.poll(0.5)
            if bericht is None:
                continue
            assert bericht.error() is None, bericht.error()
            gelezen.append(bericht)
            typen = [dict(b.headers() or []).get("ce_type", b"").decode() for b in gelezen]
            if all(typen.count(t) >= n for t, n in verwacht.items()):
                break
    finally:
        consumer.close()
    return gelezen
