"""Bsnverwijzing: from the pseudonym of a person's BSN to their persoon_id, so a DUO signal with only a BSN finds the person (two pseudonyms, never the BSN)."""

from __future__ import annotations

import datetime as dt
import uuid

from eventsourcing.domain import Aggregate, event

from services.domain.identity import afgeleid_id


class Bsnverwijzing(Aggregate):
    """One per BSN pseudonym (`persoon_id_van_bsn`), recorded when the BRP registers a person known by
    V-nummer (`nl.brp.ingeschreven-immigratie`): it names that person's persoon_id, from the day of
    the registration (so a person's timeline shows it on that day)."""

    @staticmethod
    def create_id(bsn_pseudoniem: uuid.UUID) -> uuid.UUID:
        return afgeleid_id("inburgering", "bsn", bsn_pseudoniem)

    @event("Vastgelegd")
    def __init__(self, bsn_pseudoniem: uuid.UUID, persoon_id: uuid.UUID, datum: dt.date) -> None:
        self.persoon_id = persoon_id
        self.datum = datum
