"""Ontvangst: the record that one input (CloudEvent or command) has had its effect."""

from __future__ import annotations

import uuid

from eventsourcing.domain import Aggregate

from services.domain.identity import afgeleid_id


class Ontvangst(Aggregate):
    """Saved in the same transaction as the input's effects; a second one cannot be saved."""

    @staticmethod
    def create_id(sleutel: str) -> uuid.UUID:
        return afgeleid_id("ontvangst", sleutel)

    def __init__(self, sleutel: str, type: str, kanaal: str) -> None:
        self.type = type
        self.kanaal = kanaal
