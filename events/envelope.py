"""The CloudEvents envelope (NL GOV profile) and its Kafka protocol binding, via the CNCF SDK."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from cloudevents.v1.exceptions import GenericException as CloudEventFout
from cloudevents.v1.http import CloudEvent
from cloudevents.v1.kafka import KafkaMessage, from_binary, from_structured, to_binary, to_structured
from pydantic import ValidationError

from events.base import Gegevens
from events.registry import Eventsoort, soort

SPECVERSION = "1.0"
DATACONTENTTYPE = "application/json"
STRUCTURED_CONTENT_TYPE = "application/cloudevents+json"
MAX_EVENT_BYTES = 64 * 1024


SEQUENCE_CIJFERS = 20
"""Digits of the `sequence` attribute: any 64-bit position fits, zero-padded so that strings sort as numbers."""


def volgnummer(positie: int) -> str:
    """The CloudEvents `sequence` of our event at this position in its service's stream: a string
    that sorts lexicographically in publication order per source (the extension as it is today)."""
    if not 0 <= positie < 10**SEQUENCE_CIJFERS:
        raise ValueError(f"a stream position out of range: {positie}")
    return f"{positie:0{SEQUENCE_CIJFERS}d}"


def bron(service: str) -> str:
    """The CloudEvent `source` of one of our services."""
    return f"urn:nld:gemeente-nijmegen:welkom:{service}"


class Afgewezen(Exception):
    """A record that is not an acceptable CloudEvent. `reden` is a short code, free of personal data."""

    def __init__(self, reden: str) -> None:
        super().__init__(reden)
        self.reden = reden


@dataclass(frozen=True)
class Bericht:
    """A received CloudEvent whose envelope and `data` passed validation."""

    id: str
    source: str
    type: str
    time: str | None
    subject: str | None
    data: Gegevens
    soort: Eventsoort
    traceparent: str | None = None
    """The W3C Trace Context of the sender (CloudEvents distributed-tracing extension), if sent."""

    @property
    def dedupe_key(self) -> str:
        """What makes this input unique (guarantee 1): CloudEvent `source` + `id`."""
        return f"{self.source}\x1f{self.id}"


def maak(
    soort_: Eventsoort,
    *,
    service: str,
    id: uuid.UUID | str,
    subject: uuid.UUID | str | None,
    data: Gegevens,
    time: dt.datetime,
    sequence: int | None = None,
    traceparent: str | None = None,
) -> CloudEvent:
    """Build one of our outbound CloudEvents; `traceparent` continues the trace of the input that caused it."""
    attributes: dict[str, Any] = {
        "specversion": SPECVERSION,
        "id": str(id),
        "source": bron(service),
        "type": soort_.type,
        "time": time.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z"),
        "datacontenttype": DATACONTENTTYPE,
        "dataschema": soort_.dataschema,
    }
    if subject is not None:
        attributes["subject"] = str(subject)
    if sequence is not None:
        attributes["sequence"] = volgnummer(sequence)
    if traceparent is not None:
        attributes["traceparent"] = traceparent
    return CloudEvent(attributes, data.model_dump(mode="json", exclude_unset=True))


def _key(event: CloudEvent) -> bytes | None:
    """The record key of one of our events: the aggregate its registry entry names (a person's
    persoon_id, the subject; a location, a taakstelling ...). A partner's type is keyed by the
    subject here: its person fields need the pseudonym secret (`publisher.sleutel`)."""
    gevonden, data = soort(event["type"]), event.get_data()
    if gevonden is not None and gevonden.richting == "uitgaand" and isinstance(data, Mapping):
        return gevonden.sleutel.van(data)
    subject = event.get("subject")
    return subject.encode() if subject else None


def _dumps(data: Any) -> bytes:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()


def naar_binary(event: CloudEvent) -> KafkaMessage:
    """Kafka binary mode (`ce_*` headers, `data` as value, key = subject): how we publish."""
    return to_binary(event, data_marshaller=_dumps, key_mapper=_key)


def naar_structured(event: CloudEvent) -> KafkaMessage:
    """Kafka structured mode (the whole envelope as value), as chain partners may send."""
    message = to_structured(
        event, data_marshaller=lambda d: d, envelope_marshaller=_dumps, key_mapper=_key
    )
    headers = {**message.headers, "content-type": STRUCTURED_CONTENT_TYPE.encode()}
    return KafkaMessage(headers, message.key, message.value)


def uit_json(regel: str | bytes | Mapping[str, Any]) -> CloudEvent:
    """A structured CloudEvent from one JSON line (as `welkom publish` reads them)."""
    envelope = json.loads(regel) if isinstance(regel, (str, bytes)) else dict(regel)
    return CloudEvent({k: v for k, v in envelope.items() if k != "data"}, envelope.get("data"))


def _header_dict(headers: Iterable[tuple[Any, Any]] | Mapping[Any, Any] | None) -> dict[str, bytes]:
    """The record's headers by lower-cased name, from raw bytes. Only the envelope's own headers
    (`ce_*`, `content-type`) count: one of them twice is ambiguous and refused; any other header,
    in any encoding, null or repeated, is the sender's business and ignored."""
    items = headers.items() if isinstance(headers, Mapping) else (headers or ())
    uit: dict[str, bytes] = {}
    for k, v in items:
        naam = (k.decode("utf-8", errors="replace") if isinstance(k, (bytes, bytearray)) else str(k)).lower()
        if not (naam.startswith("ce_") or naam == "content-type"):
            continue
        if naam in uit:
            raise Afgewezen("ongeldige-envelop:dubbele-kop")
        uit[naam] = bytes(v) if isinstance(v, (bytes, bytearray)) else b"" if v is None else str(v).encode()
    return uit


def _json(raw: bytes | str) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, TypeError) as e:
        raise Afgewezen("geen-json") from e
    except RecursionError as e:  # nested deeper than the parser's stack: bad input, not a fault to retry
        raise Afgewezen("te-diep") from e


def _reden(fout: ValidationError) -> str:
    """A reason from a validation error: field locations and error kinds only, never the values."""
    delen = []
    for e in fout.errors(include_input=False, include_url=False)[:3]:
        if e["type"] == "extra_forbidden":
            delen.append("extra_forbidden")  # the name is the sender's: it may hold personal data
            continue
        plek = ".".join(str(p) for p in e["loc"]) or "data"
        soortfout = "veld-ontbreekt" if e["type"] == "missing" else e["type"]
        delen.append(f"{soortfout}:{plek}")
    return "ongeldige-data:" + ",".join(delen)


def lees(
    value: bytes | None,
    headers: Iterable[tuple[str, bytes]] | Mapping[str, bytes] | None,
    *,
    max_bytes: int = MAX_EVENT_BYTES,
) -> Bericht:
    """Decode and validate one Kafka record into a Bericht, or raise Afgewezen with a reason."""
    if value is None:
        raise Afgewezen("leeg-bericht")  # a tombstone: partners have nothing to delete here
    if len(value) > max_bytes:
        raise Afgewezen(f"te-groot:{len(value)}>{max_bytes}")
    hdrs = _header_dict(headers)
    content_type = hdrs.get("content-type", b"").decode(errors="replace")
    message = KafkaMessage(hdrs, None, value)
    try:
        if "ce_specversion" in hdrs and not content_type.startswith(STRUCTURED_CONTENT_TYPE):
            _json(value)
            if not hdrs.get("ce_id"):  # the SDK would invent one, defeating dedupe
                raise Afgewezen("ongeldige-envelop:id")
            event = from_binary(message, data_unmarshaller=_json)
        else:
            # Structured mode; also accepted without the content-type header when the value
            # is a JSON object (lenient towards partners, strict about the envelope itself).
            envelope = _json(value)
            if not isinstance(envelope, dict) or "specversion" not in envelope:
                raise Afgewezen("geen-cloudevent")
            if not envelope.get("id"):  # the SDK would invent one, defeating dedupe
                raise Afgewezen("ongeldige-envelop:id")
            event = from_structured(
                message, envelope_unmarshaller=lambda _: envelope, data_unmarshaller=lambda d: d
            )
    except CloudEventFout as e:
        raise Afgewezen("ongeldige-envelop") from e
    except (KeyError, TypeError, AttributeError, UnicodeDecodeError) as e:
        raise Afgewezen("ongeldige-envelop") from e
    return valideer(event)


def valideer(event: CloudEvent) -> Bericht:
    """Check the envelope attributes and validate `data` against the registered schema."""
    attrs = event.get_attributes()
    if attrs.get("specversion") != SPECVERSION:
        raise Afgewezen("ongeldige-envelop:specversion")
    for naam in ("id", "source", "type"):
        if not isinstance(attrs.get(naam), str) or not attrs[naam]:
            raise Afgewezen(f"ongeldige-envelop:{naam}")
    gevonden = soort(attrs["type"])
    if gevonden is None:
        raise Afgewezen("onbekend-type")
    data = event.get_data()
    if isinstance(data, (bytes, str)):
        data = _json(data)
    try:
        gegevens = gevonden.schema.model_validate_json(_dumps(data))
    except ValidationError as e:
        raise Afgewezen(_reden(e)) from e
    except RecursionError as e:
        raise Afgewezen("te-diep") from e
    return Bericht(
        id=attrs["id"],
        source=attrs["source"],
        type=attrs["type"],
        time=attrs.get("time"),
        subject=attrs.get("subject"),
        data=gegevens,
        soort=gevonden,
        traceparent=attrs.get("traceparent") if isinstance(attrs.get("traceparent"), str) else None,
    )
