"""Verwerkingslog: one person's Logboek Dataverwerkingen in one store, an event per processing of their data."""

from __future__ import annotations

import uuid

from eventsourcing.domain import Aggregate, event

from services.domain.identity import afgeleid_id


class Verwerkingslog(Aggregate):
    """Saved in the transaction of the processing it records, so a record exists exactly when the
    processing took effect. It names the person only by `persoon_id` (never a V-nummer); its
    events hold the Logboek fields of the Logius standard."""

    @staticmethod
    def create_id(persoon_id: uuid.UUID, store: str) -> uuid.UUID:
        return afgeleid_id("verwerkingslog", store, persoon_id)

    def __init__(self, persoon_id: uuid.UUID, store: str) -> None:
        self.persoon_id = persoon_id
        self.store = store
        self.aantal = 0

    @event("Verwerkt")
    def verwerkt(self, trace_id: str, span_id: str, parent_span_id: str | None, naam: str, activiteit: str,
                 status: str, start: str, eind: str, actor: str, bron: str, doel: str | None) -> None:
        """One processing of this person's data: its trace and span (W3C), its name, the URI of its
        activity in the register, status (`ok` or `fout`), start and end (ISO 8601, UTC), who
        caused it (`actor`), what it came from (`bron`) and, for a read, its stated purpose."""
        self.aantal += 1
