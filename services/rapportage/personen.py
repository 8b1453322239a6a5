"""Which persons a stored event concerns: its person, a nareiziger, or every member of a household."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from eventsourcing.domain import CanInitAggregate
from eventsourcing.utils import resolve_topic

from services.runtime.views import intern


def personen_van(event: Any) -> Iterator[uuid.UUID]:
    """The persoon_ids an event names (the audit index is built from these)."""
    for veld in ("persoon_id", "nareiziger_id"):
        waarde = getattr(event, veld, None)
        if isinstance(waarde, uuid.UUID):
            yield waarde
    yield from (p for p in getattr(event, "personen", None) or () if isinstance(p, uuid.UUID))


@cache
def noemt_nieuwe_personen(cls: type) -> bool:
    """An aggregate's first event names its person(s); later events name only the same ones,
    except those that add a person (a nareiziger)."""
    velden = {f.name for f in dataclasses.fields(cls)} if dataclasses.is_dataclass(cls) else set()
    return issubclass(cls, CanInitAggregate) or "nareiziger_id" in velden


def nodig_voor(bronnen: tuple[type, ...]) -> Callable[[str], bool]:
    """Which stored topics the views must decode: those of a projection's fact sources, and those
    that name persons for the audit index. Bookkeeping aggregates never."""

    @cache
    def nodig(topic: str) -> bool:
        if intern(topic):
            return False
        cls = resolve_topic(topic)
        return issubclass(cls, bronnen) or noemt_nieuwe_personen(cls)

    return nodig
