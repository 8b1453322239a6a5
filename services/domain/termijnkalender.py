"""Termijnkalender: the open legal terms of one service, so a clock can find the expired ones."""

from __future__ import annotations

import datetime as dt
import uuid

from eventsourcing.domain import Aggregate, event

from services.domain.identity import afgeleid_id


class Termijnkalender(Aggregate):
    """One per service. Mirrors the terms its aggregates hold open; the aggregates stay the truth."""

    @staticmethod
    def create_id(service: str) -> uuid.UUID:
        return afgeleid_id("termijnkalender", service)

    def __init__(self, service: str) -> None:
        self.termijnen: dict[str, dict] = {}

    @staticmethod
    def _sleutel(aggregate_id: uuid.UUID, soort: str) -> str:
        return f"{aggregate_id}/{soort}"

    def open_voor(self, aggregate_id: uuid.UUID) -> dict[str, dt.date]:
        return {
            t["soort"]: t["verloopt_op"]
            for t in self.termijnen.values()
            if t["aggregate_id"] == aggregate_id
        }

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

    @event("Afgesloten")
    def afgesloten(self, aggregate_id: uuid.UUID, soort: str) -> None:
        self.termijnen.pop(self._sleutel(aggregate_id, soort), None)

    def verlopen(self, op: dt.date) -> list[tuple[uuid.UUID, str, dt.date]]:
        """Terms whose last day lies before `op`, oldest first (deterministic order)."""
        verlopen = [
            (t["aggregate_id"], t["soort"], t["verloopt_op"])
            for t in self.termijnen.values()
            if t["verloopt_op"] < op
        ]
        return sorted(verlopen, key=lambda t: (t[2], str(t[0]), t[1]))
