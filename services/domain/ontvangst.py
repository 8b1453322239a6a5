"""Ontvangst: the record that one input (CloudEvent or command) has had its effect."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import Aggregate, event

from services.domain import Domeinfout
from services.domain.identity import afgeleid_id


class SleutelHergebruiktFout(Domeinfout):
    """The idempotency key was used before for another request (another URL or body); nothing was recorded."""


class Ontvangst(Aggregate):
    """Saved in the same transaction as the input's effects; a second one cannot be saved.

    A command's Ontvangst is then `Beantwoord`: it keeps a keyed fingerprint of the request (never
    the request itself, which may hold a V-nummer) and the answer given, so that the same key with
    the same request gets that answer again (IETF Idempotency-Key). An Ontvangst stored before
    this event existed, or of a CloudEvent, has neither: its fingerprint and answer are None.
    """

    @staticmethod
    def create_id(sleutel: str) -> uuid.UUID:
        return afgeleid_id("ontvangst", sleutel)

    def __init__(self, sleutel: str, type: str, kanaal: str) -> None:
        self.type = type
        self.kanaal = kanaal
        self.vingerafdruk: str | None = None
        self.antwoord: dict[str, Any] | None = None

    @event("Beantwoord")
    def beantwoord(self, vingerafdruk: str, antwoord: dict[str, Any] | None) -> None:
        """Record the fingerprint of the request and the answer it got (small, no personal data)."""
        self.vingerafdruk = vingerafdruk
        self.antwoord = antwoord

    def herhaal(self, vingerafdruk: str | None) -> dict[str, Any] | None:
        """The first answer, for the same request again; SleutelHergebruiktFout for another request.
        Without a recorded fingerprint (an old Ontvangst) or a given one, the request counts as the same."""
        if vingerafdruk is not None and self.vingerafdruk is not None and vingerafdruk != self.vingerafdruk:
            raise SleutelHergebruiktFout()
        return self.antwoord
