"""Records built to hurt: each kind of raw Kafka record a partner can send, made from a valid CloudEvent."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

STRUCTURED = [("content-type", b"application/cloudevents+json")]

Koppen = list[tuple[str, bytes | None]]


@dataclass(frozen=True)
class Rauw:
    """One record as a raw producer sends it, and what welkom must make of it."""

    soort: str
    value: bytes | None
    headers: Koppen
    key: bytes | None = None
    reden: str | None = None
    """The DLQ reason (its code, up to the first ':' of a detail) it must get; None: it is valid
    and must be applied, whatever else it carries."""

    @property
    def geldig(self) -> bool:
        return self.reden is None


def binair(envelope: dict[str, Any]) -> tuple[bytes, Koppen]:
    """The CloudEvent in Kafka binary mode: `ce_*` headers, `data` as the value."""
    koppen: Koppen = [(f"ce_{k}", str(v).encode()) for k, v in envelope.items() if k != "data"]
    return json.dumps(envelope["data"]).encode(), [*koppen, ("content-type", b"application/json")]


def zonder(koppen: Koppen, naam: str) -> Koppen:
    return [(k, v) for k, v in koppen if k != naam]


def geldige(nieuw: Callable[[], dict[str, Any]]) -> list[Rauw]:
    """Valid CloudEvents with what a hostile partner adds around them: each must be applied.
    `nieuw()` gives a valid structured CloudEvent of its own (a fresh id, aggregate and person)."""
    met_id = nieuw
    gestructureerd = json.dumps(met_id()).encode()
    waarde, koppen = binair(met_id())
    return [
        Rauw("gestructureerd", gestructureerd, STRUCTURED),
        Rauw("binair", waarde, koppen),
        Rauw("vreemde-kop-geen-utf8", json.dumps(met_id()).encode(),
             [*STRUCTURED, ("x-partner", b"\xff\xfe\xc3\x28"), ("x-latin1", "überweisung".encode("latin-1"))]),
        Rauw("vreemde-kop-null", json.dumps(met_id()).encode(), [*STRUCTURED, ("x-leeg", None)]),
        Rauw("vreemde-kop-dubbel", json.dumps(met_id()).encode(), [("x-a", b"1"), *STRUCTURED, ("x-a", b"\x00")]),
        Rauw("sleutel-geen-utf8", json.dumps(met_id()).encode(), STRUCTURED, key=b"\xff\x00\xfe"),
        Rauw("binair-vreemde-kop", *_met(binair(met_id()), ("x-trace", b"\x80\x81"))),
    ]


def _met(bericht: tuple[bytes, Koppen], kop: tuple[str, bytes | None]) -> tuple[bytes, Koppen]:
    return bericht[0], [*bericht[1], kop]


def vijandige(envelope: dict[str, Any], max_bytes: int) -> list[Rauw]:
    """Every kind of record that is not an acceptable CloudEvent, each with the reason it must get."""
    waarde, koppen = binair(envelope)
    return [
        Rauw("waarde-geen-utf8", b"\xff\xfe\xfd{", STRUCTURED, reden="geen-json"),
        Rauw("leeg", b"", STRUCTURED, reden="geen-json"),
        Rauw("tombstone", None, [], key=b"partner-sleutel", reden="leeg-bericht"),
        Rauw("rommel", bytes(range(256)) * 3, [("\x00kop", b"\xff")], reden="geen-json"),
        Rauw("geen-koppen-geen-json", b"PK\x03\x04 not a cloudevent", [], reden="geen-json"),
        Rauw("json-geen-cloudevent", b'{"hallo": "wereld"}', STRUCTURED, reden="geen-cloudevent"),
        Rauw("ce-id-ontbreekt", waarde, zonder(koppen, "ce_id"), reden="ongeldige-envelop"),
        Rauw("ce-type-dubbel", waarde, [*koppen, ("ce_type", b"nl.iets.anders")], reden="ongeldige-envelop"),
        Rauw("ce-source-geen-utf8", waarde, [*zonder(koppen, "ce_source"), ("ce_source", b"\xff\xfe")],
             reden="ongeldige-envelop"),
        Rauw("ce-specversion-null", waarde, [*zonder(koppen, "ce_specversion"), ("ce_specversion", None)],
             reden="ongeldige-envelop"),
        Rauw("te-diep", b"[" * 20_000 + b"]" * 20_000, STRUCTURED, reden="te-diep"),
        Rauw("te-groot", json.dumps({**envelope, "x": "y" * max_bytes}).encode(), STRUCTURED, reden="te-groot"),
    ]


def door_elkaar(geldig: list[Rauw], vijandig: list[Rauw]) -> list[Rauw]:
    """The valid records interleaved with the hostile ones: each valid record has hostile neighbours."""
    uit: list[Rauw] = []
    for i in range(max(len(geldig), len(vijandig))):
        uit += vijandig[i:i + 1] + geldig[i:i + 1]
    return uit


def als_kopie(rauw: Rauw) -> Rauw:
    """The same record sent once more (a partner's retry): it must count as a duplicate."""
    return replace(rauw, soort=f"{rauw.soort}-opnieuw")
