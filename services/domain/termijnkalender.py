"""Termijnkalender: the open legal terms of one service, so a clock can find the expired ones."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from eventsourcing.domain import Aggregate, event

from services.domain.identity import afgeleid_id


class Termijnkalender(Aggregate):
    """One per service. Mirrors the terms its aggregates hold open; the aggregates stay the truth."""

    @staticmethod
    def create_id(service: str) -> uuid.UUID:
        return afgeleid_id("termijnkalender", service)

    def __init__(self, service: str) -> None:
        self.termijnen: dict[str, dict] = {}

    def __deepcopy__(self, memo: dict[int, Any]) -> Termijnkalender:
        """The copy the aggregate cache hands each unit of work: every key and value in the calendar is
        immutable (str, UUID, date), so copying its containers is enough. copy.deepcopy walked every
        UUID of thousands of open terms on each input (a third of the demo's time in inburgering)."""
        kopie = object.__new__(type(self))
        for naam, waarde in self.__dict__.items():
            if naam in ("termijnen", "per_aggregate"):
                waarde = {sleutel: dict(binnen) for sleutel, binnen in waarde.items()}
            elif isinstance(waarde, list):  # the pending events
                waarde = list(waarde)
            kopie.__dict__[naam] = waarde
        memo[id(self)] = kopie
        return kopie

    @staticmethod
    def _sleutel(aggregate_id: uuid.UUID, soort: str) -> str:
        return f"{aggregate_id}/{soort}"

    def _per_aggregate(self) -> dict[str, dict[str, dt.date]]:
        """The open terms by aggregate: an index kept beside `termijnen` (and in snapshots), built
        from them when a calendar restored from an older snapshot lacks it. Without it, finding one
        aggregate's terms read every open term of the service, for every input."""
        index = self.__dict__.get("per_aggregate")
        if index is None:
            index = {}
            for t in self.termijnen.values():
                index.setdefault(str(t["aggregate_id"]), {})[t["soort"]] = t["verloopt_op"]
            self.per_aggregate = index
        return index

    def open_voor(self, aggregate_id: uuid.UUID) -> dict[str, dt.date]:
        return dict(self._per_aggregate().get(str(aggregate_id), {}))

    def bij(self, aggregate_id: uuid.UUID, open_termijnen: dict[str, dt.date]) -> None:
        """Bring the calendar in line with the open terms of one aggregate."""
        huidig = self.open_voor(aggregate_id)
        for soort, datum in open_termijnen.items():
            if huidig.get(soort) != datum:
                self.ingepland(aggregate_id=aggregate_id, soort=soort, verloopt_op=datum)
        for soort in huidig.keys() - open_termijnen.keys():
            self.afgesloten(aggregate_id=aggregate_id, soort=soort)

    @event("Ingepland")
    def ingepland(self, aggregate_id: uuid.UUID, soort: str, verloopt_op: dt.date) -> None:
        self.termijnen[self._sleutel(aggregate_id, soort)] = {
            "aggregate_id": aggregate_id,
            "soort": soort,
            "verloopt_op": verloopt_op,
        }
        self._per_aggregate().setdefault(str(aggregate_id), {})[soort] = verloopt_op

    @event("Afgesloten")
    def afgesloten(self, aggregate_id: uuid.UUID, soort: str) -> None:
        self.termijnen.pop(self._sleutel(aggregate_id, soort), None)
        open_termijnen = self._per_aggregate().get(str(aggregate_id))
        if open_termijnen is not None:
            open_termijnen.pop(soort, None)
            if not open_termijnen:
                del self._per_aggregate()[str(aggregate_id)]

    def verlopen(self, op: dt.date) -> list[tuple[uuid.UUID, str, dt.date]]:
        """Terms whose last day lies before `op`, oldest first (deterministic order)."""
        verlopen = [
            (t["aggregate_id"], t["soort"], t["verloopt_op"])
            for t in self.termijnen.values()
            if t["verloopt_op"] < op
        ]
        return sorted(verlopen, key=lambda t: (t[2], str(t[0]), t[1]))
