"""Locatie: one reception location in a gemeente, its soort, its dated capacity, its opening and closing."""

from __future__ import annotations

import datetime as dt
import uuid

from eventsourcing.domain import Aggregate, event

from services.domain import Domeinfout
from services.domain.identity import afgeleid_id

COA, GEMEENTE = "coa", "gemeente"
"""Who runs a location (its beheerder): COA, or the gemeente itself (TGO, Oekraïne)."""


class OngeldigeCapaciteitFout(Domeinfout):
    """A capacity below 0 places."""


class SluitingVoorOpeningFout(Domeinfout):
    """A closing (planned or actual) dated before the location's opening."""


class WijzigingVoorOpeningFout(Domeinfout):
    """A capacity change dated before the location's opening."""


class LocatieGeslotenFout(Domeinfout):
    """A change of a location that has closed."""


class LocatieBestaatAlFout(Domeinfout):
    """An opening of a location that is known already (open or closed)."""


class AndereBeheerderFout(Domeinfout):
    """A change of a location by another beheerder than the one who runs it (COA or the gemeente)."""


class Locatie(Aggregate):
    """One per location id (COA's id, or the gemeente's for its own locations). Every event names
    the location and its gemeente, so no reader loads the aggregate. The capacity is a dated history:
    a change counts from its date on, also when it arrives after a later change."""

    @staticmethod
    def create_id(locatie_id: str) -> uuid.UUID:
        return afgeleid_id("opvang", "locatie", locatie_id)

    @classmethod
    def open(cls, locatie_id: str, naam: str, gemeentecode: str, soort: str, beheerder: str, capaciteit: int,
             datum: dt.date, geplande_sluiting: dt.date | None = None) -> Locatie:
        """A location opens on `datum` with `capaciteit` places (refused: nonsense capacity or closing)."""
        _eis_capaciteit(capaciteit)
        if geplande_sluiting is not None and geplande_sluiting < datum:
            raise SluitingVoorOpeningFout()
        return cls(locatie_id=locatie_id, naam=naam, gemeentecode=gemeentecode, soort=soort, beheerder=beheerder,
                   capaciteit=capaciteit, datum=datum, geplande_sluiting=geplande_sluiting)

    @event("Geopend")
    def __init__(self, locatie_id: str, naam: str, gemeentecode: str, soort: str, beheerder: str, capaciteit: int,
                 datum: dt.date, geplande_sluiting: dt.date | None) -> None:
        self.locatie_id = locatie_id
        self.naam = naam
        self.gemeentecode = gemeentecode
        self.soort = soort
        self.beheerder = beheerder
        self.geopend_op = datum
        self.geplande_sluiting = geplande_sluiting
        self.gesloten_op: dt.date | None = None
        self.capaciteiten: list[tuple[dt.date, int]] = [(datum, capaciteit)]
        """(from date, places), in the order they were recorded."""

    def capaciteit_op(self, datum: dt.date) -> int:
        """The places on a date: the last change dated on or before it; 0 before opening and from closing."""
        if datum < self.geopend_op or (self.gesloten_op is not None and datum >= self.gesloten_op):
            return 0
        geldig = [(d, n) for d, n in self.capaciteiten if d <= datum]
        return sorted(geldig, key=lambda dn: dn[0])[-1][1]

    def eis_beheerder(self, beheerder: str) -> None:
        """Only who runs the location changes or closes it."""
        if beheerder != self.beheerder:
            raise AndereBeheerderFout()

    def wijzig_capaciteit(self, capaciteit: int, datum: dt.date) -> None:
        """From `datum` on the location has `capaciteit` places; nothing is recorded when that is
        what it has on that date already."""
        _eis_capaciteit(capaciteit)
        if self.gesloten_op is not None:
            raise LocatieGeslotenFout()
        if datum < self.geopend_op:
            raise WijzigingVoorOpeningFout()
        if self.capaciteit_op(datum) != capaciteit:
            self._capaciteit_gewijzigd(locatie_id=self.locatie_id, gemeentecode=self.gemeentecode,
                                       capaciteit=capaciteit, datum=datum)

    @event("CapaciteitGewijzigd")
    def _capaciteit_gewijzigd(self, locatie_id: str, gemeentecode: str, capaciteit: int, datum: dt.date) -> None:
        self.capaciteiten.append((datum, capaciteit))

    def sluit(self, datum: dt.date) -> None:
        """The location closes on `datum`: from that day on it has no places."""
        if self.gesloten_op is not None:
            raise LocatieGeslotenFout()
        if datum < self.geopend_op:
            raise SluitingVoorOpeningFout()
        self._gesloten(locatie_id=self.locatie_id, gemeentecode=self.gemeentecode, datum=datum)

    @event("Gesloten")
    def _gesloten(self, locatie_id: str, gemeentecode: str, datum: dt.date) -> None:
        self.gesloten_op = datum


def _eis_capaciteit(capaciteit: int) -> None:
    if capaciteit < 0:
        raise OngeldigeCapaciteitFout()
