"""Aggregates about one person (and their gemeente): every event they store names them, so no reader needs a lookup."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from eventsourcing.domain import Aggregate


class PersoonsEvent(Aggregate.Event):
    """An event of an aggregate about one person. Since class_version 2 it carries `persoon_id`.

    Events stored before (class_version 1) lack it: the upcaster marks it unknown, and the
    runtime's mapper takes it from the aggregate's first event, which always had it
    (`van_oorsprong`).
    """

    persoon_id: uuid.UUID
    class_version: ClassVar[int] = 2
    van_oorsprong: ClassVar[tuple[str, ...]] = ("persoon_id",)

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state.setdefault("persoon_id", None)


class Persoonsaggregate(Aggregate):
    """Base of an aggregate that belongs to one person (`persoon_id`), named in each of its events."""

    persoon_id: uuid.UUID

    class Event(PersoonsEvent):
        pass

    def trigger_event(self, event_class: Any, **kwargs: Any) -> None:
        kwargs.setdefault("persoon_id", self.persoon_id)
        super().trigger_event(event_class, **kwargs)


class GemeentelijkEvent(PersoonsEvent):
    """An event of an aggregate about one person linked to a gemeente: it also names the gemeente
    (None in events stored before class_version 2: the deployment's own gemeente)."""

    gemeentecode: str | None

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        PersoonsEvent.upcast_v1_v2(state)
        state.setdefault("gemeentecode", None)


class GemeentelijkPersoonsaggregate(Persoonsaggregate):
    """Base of an aggregate about one person in one gemeente, named in each of its events."""

    gemeentecode: str | None

    class Event(GemeentelijkEvent):
        pass

    def trigger_event(self, event_class: Any, **kwargs: Any) -> None:
        kwargs.setdefault("gemeentecode", self.gemeentecode)
        super().trigger_event(event_class, **kwargs)
