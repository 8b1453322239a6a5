"""Bewoner: one person's stays in reception locations, moves between them, and uitstroom."""

from __future__ import annotations

import datetime as dt
import uuid

from eventsourcing.domain import event

from services.domain import Domeinfout
from services.domain.identity import afgeleid_id
from services.domain.persoonsaggregate import GemeentelijkPersoonsaggregate


class AlInOpvangFout(Domeinfout):
    """A placement for a person who already stays in a location."""


class NietInOpvangFout(Domeinfout):
    """A move of a person who does not stay in any location."""


class ZelfdeLocatieFout(Domeinfout):
    """A move from a location to the same location."""


class Bewoner(GemeentelijkPersoonsaggregate):
    """One per person (persoon_id), registered by a gemeente's opvang; its events name both.
    Counts every move: the goal is as few as possible."""

    @staticmethod
    def create_id(persoon_id: uuid.UUID) -> uuid.UUID:
        return afgeleid_id("opvang", "bewoner", persoon_id)

    @event("Geregistreerd")
    def __init__(self, persoon_id: uuid.UUID, gemeentecode: str | None = None) -> None:
        self.persoon_id = persoon_id
        self.gemeentecode = gemeentecode
        self.locatie_id: str | None = None
        self.verplaatsingen = 0
        self.statushouder = False
        self.uitstroom: tuple[str | None, dt.date] | None = None
        """The last stay that ended: (locatie_id, datum)."""

    @property
    def in_opvang(self) -> bool:
        return self.locatie_id is not None

    def plaats(self, locatie_id: str, datum: dt.date) -> None:
        if self.in_opvang:
            raise AlInOpvangFout()
        self._geplaatst(locatie_id=locatie_id, datum=datum)

    @event("Geplaatst")
    def _geplaatst(self, locatie_id: str, datum: dt.date) -> None:
        self.locatie_id = locatie_id

    def verplaats(self, van_locatie_id: str, naar_locatie_id: str, datum: dt.date) -> None:
        if not self.in_opvang:
            raise NietInOpvangFout()
        if van_locatie_id == naar_locatie_id:
            raise ZelfdeLocatieFout()
        self._verplaatst(
            van_locatie_id=van_locatie_id,
            naar_locatie_id=naar_locatie_id,
            datum=datum,
            verplaatsingen=self.verplaatsingen + 1,
        )

    @event("Verplaatst")
    def _verplaatst(
        self, van_locatie_id: str, naar_locatie_id: str, datum: dt.date, verplaatsingen: int
    ) -> None:
        self.locatie_id = naar_locatie_id
        self.verplaatsingen = verplaatsingen

    def verleen_status(self, besluitdatum: dt.date, soort: str) -> None:
        if not self.statushouder:
            self._statushouder_geworden(besluitdatum=besluitdatum, soort=soort)

    @event("StatushouderGeworden")
    def _statushouder_geworden(self, besluitdatum: dt.date, soort: str) -> None:
        self.statushouder = True

    def stroom_uit(self, datum: dt.date, reden: str) -> None:
        if self.in_opvang:
            self._uitgestroomd(locatie_id=self.locatie_id, datum=datum, reden=reden)

    @event("Uitgestroomd")
    def _uitgestroomd(self, locatie_id: str | None, datum: dt.date, reden: str) -> None:
        self.locatie_id = None
        self.uitstroom = (locatie_id, datum)

    def corrigeer_uitstroom(self, oude_datum: dt.date, datum: dt.date, reden: str) -> None:
        """The move that ended the last stay on `oude_datum` was corrected: the stay ended on `datum`.
        Nothing when the last stay did not end on that date (a later move ended no stay)."""
        if self.uitstroom is not None and self.uitstroom[1] == oude_datum != datum:
            self._uitstroom_gecorrigeerd(locatie_id=self.uitstroom[0], datum=datum, oude_datum=oude_datum, reden=reden)

    @event("UitstroomGecorrigeerd")
    def _uitstroom_gecorrigeerd(self, locatie_id: str | None, datum: dt.date, oude_datum: dt.date, reden: str) -> None:
        self.uitstroom = (locatie_id, datum)
