"""The unit of work (the aggregates one or more inputs touch, saved in one transaction) and a service's inputs."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from eventsourcing.domain import Aggregate
from eventsourcing.persistence import IntegrityError

from events.envelope import Bericht
from services.domain.termijnkalender import Termijnkalender

T = TypeVar("T")


class Opslag(Protocol):
    """What a unit of work needs of its service's Application (WelkomApplication is one)."""

    name: str
    repository: Any

    def zoek(self, aggregate_id: uuid.UUID) -> Any | None: ...

    def save(self, *aggregates: Any) -> Any: ...

    def opgeslagen(self, aggregate_ids: Any) -> None: ...


class Werkeenheid:
    """The aggregates one or more inputs touch, saved together in one transaction."""

    def __init__(self, app: Opslag) -> None:
        self.app = app
        self._aggregates: dict[uuid.UUID, Aggregate] = {}

    def get(self, aggregate_id: uuid.UUID) -> Any | None:
        """The aggregate as this unit of work sees it, or None when it does not exist."""
        if aggregate_id not in self._aggregates:
            aggregate = self.app.zoek(aggregate_id)
            if aggregate is None:
                return None
            self._aggregates[aggregate_id] = aggregate
        return self._aggregates[aggregate_id]

    def add(self, aggregate: T) -> T:
        self._aggregates[aggregate.id] = aggregate  # type: ignore[attr-defined]
        return aggregate

    def kalender(self) -> Termijnkalender:
        service = self.app.name
        return self.get(Termijnkalender.create_id(service)) or self.add(Termijnkalender(service))

    def bij_kalender(self) -> None:
        """Mirror the open terms of every changed aggregate in the service's Termijnkalender."""
        gewijzigd = [
            a for a in self._aggregates.values()
            if a.pending_events and hasattr(a, "open_termijnen")
        ]
        if gewijzigd:
            kalender = self.kalender()
            for aggregate in gewijzigd:
                kalender.bij(aggregate.id, aggregate.open_termijnen())

    def commit(self) -> None:
        """Save every touched aggregate in one transaction. On a version conflict, forget the
        cached copies, so the retry starts from what the store holds."""
        try:
            self.app.save(*self._aggregates.values())
            self.app.opgeslagen(self._aggregates)
        except IntegrityError:
            self.app.opgeslagen(self._aggregates)
            cache = self.app.repository.cache
            if cache is not None:
                for aggregate_id in self._aggregates:
                    try:
                        cache.get(aggregate_id, evict=True)
                    except KeyError:
                        pass
            raise


Handler = Callable[[Werkeenheid, Bericht], None]


@dataclass(frozen=True)
class Invoer:
    """One inbound event type a service acts on: the topic it arrives on, and its handler."""

    topic: str
    type: str
    handler: Handler


class Batchuitkomst(list[tuple[Bericht, str]]):
    """What `verwerk_batch` did with a batch: as a list, the inputs a domain rule rejected, each
    with its reason (for the DLQ); in `dubbel`, the inputs that had had their effect already
    (redelivered after it was stored, or a copy of another input in the same batch)."""

    def __init__(self, afgewezen: Iterable[tuple[Bericht, str]] = (), dubbel: Iterable[Bericht] = ()) -> None:
        super().__init__(afgewezen)
        self.dubbel: list[Bericht] = list(dubbel)
