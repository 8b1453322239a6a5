"""Taakstelling: the number of statushouders (persons) a gemeente must house in a half-year period."""

from __future__ import annotations

import uuid

from eventsourcing.domain import Aggregate, event

from services.identity import afgeleid_id


class Taakstelling(Aggregate):
    """One per gemeente and period (`2024-H1`); a new decision for the same period replaces it."""

    @staticmethod
    def create_id(gemeentecode: str, periode: str) -> uuid.UUID:
        return afgeleid_id("huisvesting", "taakstelling", gemeentecode, periode)

    @event("Vastgesteld")
    def __init__(self, gemeentecode: str, periode: str, aantal: int) -> None:
        self.gemeentecode = gemeentecode
        self.periode = periode
        self.aantal = aantal

    @event("Gewijzigd")
    def wijzig(self, aantal: int) -> None:
        self.aantal = aantal
