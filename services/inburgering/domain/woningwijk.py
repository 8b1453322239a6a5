"""Woningwijk: the wijk of a home huisvesting offered, so a move into it says in which wijk a person now lives (never an address)."""

from __future__ import annotations

import uuid

from eventsourcing.domain import Aggregate, event

from services.domain.identity import afgeleid_id


class Woningwijk(Aggregate):
    """One per woning_id: its wijk, from huisvesting's `woning-aangeboden` (a home is no personal data)."""

    @staticmethod
    def create_id(woning_id: str) -> uuid.UUID:
        return afgeleid_id("inburgering", "woning", woning_id)

    @event("Geregistreerd")
    def __init__(self, woning_id: str, wijk: str) -> None:
        self.woning_id = woning_id
        self.wijk = wijk
