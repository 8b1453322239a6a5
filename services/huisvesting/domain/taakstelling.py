"""Taakstelling: the number of statushouders (persons) a gemeente must house in a half-year period."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from eventsourcing.domain import Aggregate, event

from services.domain.identity import afgeleid_id


class Taakstelling(Aggregate):
    """One per gemeente and period (`2024-H1`); a new decision for the same period replaces it.

    `amv_aantal` is the indicative AMV taakstelling within `aantal`, when the Rijk gives one.
    """

    class Event(Aggregate.Event):
        """Since class_version 2 every event names its gemeente and period; v1's Gewijzigd takes
        them from Vastgesteld."""

        class_version: ClassVar[int] = 2
        van_oorsprong: ClassVar[tuple[str, ...]] = ("gemeentecode", "periode")

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state.setdefault("gemeentecode", None)
            state.setdefault("periode", None)
            state.setdefault("amv_aantal", None)

    @staticmethod
    def create_id(gemeentecode: str, periode: str) -> uuid.UUID:
        return afgeleid_id("huisvesting", "taakstelling", gemeentecode, periode)

    @event("Vastgesteld")
    def __init__(self, gemeentecode: str, periode: str, aantal: int, amv_aantal: int | None = None) -> None:
        self.gemeentecode = gemeentecode
        self.periode = periode
        self.aantal = aantal
        self.amv_aantal = amv_aantal

    def stel_vast(self, aantal: int, amv_aantal: int | None) -> None:
        """A new decision for the same period: recorded only when it changes a number."""
        if (aantal, amv_aantal) != (self.aantal, self.amv_aantal):
            self.wijzig(gemeentecode=self.gemeentecode, periode=self.periode, aantal=aantal, amv_aantal=amv_aantal)

    @event("Gewijzigd")
    def wijzig(self, gemeentecode: str, periode: str, aantal: int, amv_aantal: int | None = None) -> None:
        self.aantal = aantal
        self.amv_aantal = amv_aantal
