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
from services.domain.verwerkingslog import Verwerkingslog
from services.logboek.register import activiteit_van
from services.runtime.herkomst import HERKOMST, Herkomst, personen_van

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
        self._aangeraakt: set[uuid.UUID] = set()
        """The aggregates got or added since the last `merk`: only they can hold unmarked events."""

    def get(self, aggregate_id: uuid.UUID) -> Any | None:
        """The aggregate as this unit of work sees it, or None when it does not exist."""
        if aggregate_id not in self._aggregates:
            aggregate = self.app.zoek(aggregate_id)
            if aggregate is None:
                return None
            self._aggregates[aggregate_id] = aggregate
        self._aangeraakt.add(aggregate_id)
        return self._aggregates[aggregate_id]

    def add(self, aggregate: T) -> T:
        self._aggregates[aggregate.id] = aggregate  # type: ignore[attr-defined]
        self._aangeraakt.add(aggregate.id)  # type: ignore[attr-defined]
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

    def merk(self, herkomst: Herkomst, *, alles: bool = False) -> None:
        """After one input: give every event it caused its provenance (grondslag, bron, actor,
        traceparent), and log the processing once for every person those events are about, in
        the person's Verwerkingslog of this store (saved in the same transaction)."""
        service = getattr(type(self.app), "name", self.app.name)  # the bench renames an instance per gemeente
        personen: dict[uuid.UUID, str] = {}
        """Each person the events are about, with the activity (of the register) of their first event."""
        ids = list(self._aggregates) if alles else [i for i in self._aangeraakt if i in self._aggregates]
        self._aangeraakt = set()
        for aggregate in [self._aggregates[i] for i in ids]:
            for event in aggregate.pending_events:
                if HERKOMST not in event.__dict__:
                    event.__dict__[HERKOMST] = herkomst.van_event(service, event)
                    if not isinstance(aggregate, Verwerkingslog):
                        for persoon in personen_van(event, aggregate):
                            personen.setdefault(persoon, activiteit_van(service, event).sleutel)
        if not personen:
            return
        records = {activiteit: herkomst.record(service, activiteit=activiteit) for activiteit in set(personen.values())}
        for persoon, activiteit in personen.items():
            log_id = Verwerkingslog.create_id(persoon, service)
            log = self.get(log_id) or self.add(Verwerkingslog(persoon, service))
            log.verwerkt(**records[activiteit])
            for event in log.pending_events:
                event.__dict__.setdefault(HERKOMST, herkomst.van_event(service, event))
        self._aangeraakt = set()

    def commit(self, herkomst: Herkomst | None = None) -> None:
        """Save every touched aggregate in one transaction (events no input marked, such as the
        term calendar's, get `herkomst` or welkom's own). On a version conflict, forget the
        cached copies, so the retry starts from what the store holds."""
        self.merk(herkomst or Herkomst.intern(self.app.name, "werkeenheid"), alles=True)
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
