"""Provenance of one input: where it came from, who caused it and its trace; marks every event it stores and logs it per person."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from services.logboek import register
from services.logboek.trace import Trace, begin

HERKOMST = "herkomst"
"""The attribute of a stored domain event that holds its provenance (grondslag, bron, actor, traceparent)."""
ONBEKEND = {"grondslag": register.ONBEKEND, "bron": register.ONBEKEND, "actor": register.ONBEKEND}
"""The provenance of an event stored before provenance was recorded (the mapper upcasts to it)."""
WELKOM = "urn:nld:gemeente-nijmegen:welkom:"


def nu() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class Herkomst:
    """One input (a CloudEvent, a staff command, the clock): `bron` is the CloudEvent's source and
    id or the command's idempotency key, `actor` the partner's source or the token's subject,
    `naam` what was done (the event type, the command), `trace` its span, `start` when it began."""

    bron: str
    actor: str
    naam: str
    trace: Trace = field(default_factory=begin)
    start: str = field(default_factory=nu)
    doel: str | None = None

    @classmethod
    def van_bericht(cls, source: str, id: str, type: str, traceparent: str | None) -> Herkomst:
        """A CloudEvent of a chain partner (or another service): in the sender's trace when it sent one."""
        return cls(bron=f"{source} {id}", actor=source, naam=type, trace=begin(traceparent))

    @classmethod
    def intern(cls, service: str, naam: str) -> Herkomst:
        """Work welkom does by itself (the clock, the term calendar)."""
        return cls(bron=f"{WELKOM}{service}", actor=f"{WELKOM}{service}", naam=naam)

    def van_event(self, service: str, event: Any) -> dict[str, str]:
        """The provenance stored with one event of `service`: its legal basis from the register."""
        return {"grondslag": register.grondslag_van(service, event), "bron": self.bron, "actor": self.actor,
                "traceparent": self.trace.traceparent}

    def record(self, service: str, status: str = "ok", *, activiteit: str | None = None) -> dict[str, Any]:
        """The Logboek record of this processing in `service` (what Verwerkingslog.verwerkt takes),
        under the service's activity of the register or the one named."""
        gekozen = register.activiteit(activiteit or register.activiteit_sleutel(service))
        return {"trace_id": self.trace.trace_id, "span_id": self.trace.span_id,
                "parent_span_id": self.trace.parent_span_id, "naam": self.naam, "activiteit": gekozen.uri,
                "status": status, "start": self.start, "eind": nu(), "actor": self.actor, "bron": self.bron,
                "doel": self.doel}


def personen_van(event: Any, aggregate: Any = None) -> Iterable[uuid.UUID]:
    """The persons a stored event is about: its `persoon_id` (else its aggregate's, such as the
    persoonsgegevens of one person), and the members of a household it names."""
    persoon = getattr(event, "persoon_id", None) or getattr(aggregate, "persoon_id", None)
    if isinstance(persoon, uuid.UUID):
        yield persoon
    for lid in getattr(event, "personen", None) or ():
        if isinstance(lid, uuid.UUID):
            yield lid
