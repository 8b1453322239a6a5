"""Persoonsgegevens: which blocking data of one person huisvesting has (not the data itself)."""

from __future__ import annotations

import datetime as dt
import uuid

from eventsourcing.domain import Aggregate, event

from services.domain import Domeinfout
from services.domain.correctie import eis_wijziging
from services.domain.identity import afgeleid_id

BSN, IBAN = "bsn", "iban"
BLOKKERENDE_GEGEVENS = (BSN, IBAN)
"""Seed 001 §2.1: without BSN and IBAN a statushouder cannot be housed."""


class NietGeregistreerdFout(Domeinfout):
    """The correction names a persoonsgegeven that was never registered for this person."""


class Persoonsgegevens(Aggregate):
    """One per person: since when a valid BSN and IBAN are known, and the dossier the person is in.

    Data minimisation: welkom needs to know *that* a valid BSN and IBAN exist, not what they are,
    so neither number is stored.
    """

    @staticmethod
    def create_id(persoon_id: uuid.UUID) -> uuid.UUID:
        return afgeleid_id("huisvesting", "persoonsgegevens", persoon_id)

    @event("Aangelegd")
    def __init__(
        self, persoon_id: uuid.UUID, dossier_id: uuid.UUID | None = None, datum: dt.date | None = None
    ) -> None:
        """Laid out on the first fact about the person: a BSN or IBAN, or a dossier (then in one event)."""
        self.persoon_id = persoon_id
        self.bekend: dict[str, dt.date] = {}
        self.dossier_id = dossier_id

    def ontbreekt(self) -> list[str]:
        return [g for g in BLOKKERENDE_GEGEVENS if g not in self.bekend]

    def registreer(self, gegeven: str, datum: dt.date) -> bool:
        """A valid BSN or IBAN became known on this date. False when it was known already."""
        if gegeven in self.bekend:
            return False
        self._geregistreerd(gegeven=gegeven, datum=datum)
        return True

    @event("Geregistreerd")
    def _geregistreerd(self, gegeven: str, datum: dt.date) -> None:
        self.bekend[gegeven] = datum

    def corrigeer(self, gegeven: str, datum: dt.date, reden: str) -> dt.date:
        """Staff correct the date on which a gegeven (their IBAN registration) became known; the old date."""
        if gegeven not in self.bekend:
            raise NietGeregistreerdFout()
        oud = self.bekend[gegeven]
        eis_wijziging(oud, datum)
        self._gecorrigeerd(persoon_id=self.persoon_id, gegeven=gegeven, datum=datum, oude_datum=oud, reden=reden)
        return oud

    @event("RegistratieGecorrigeerd")
    def _gecorrigeerd(self, persoon_id: uuid.UUID, gegeven: str, datum: dt.date, oude_datum: dt.date,
                      reden: str) -> None:
        self.bekend[gegeven] = datum

    def deel_in(self, dossier_id: uuid.UUID, datum: dt.date) -> None:
        """The person belongs to this household's dossier (at koppeling, or as a nareiziger)."""
        if self.dossier_id != dossier_id:
            self._ingedeeld(dossier_id=dossier_id, datum=datum)

    @event("Ingedeeld")
    def _ingedeeld(self, dossier_id: uuid.UUID, datum: dt.date) -> None:
        self.dossier_id = dossier_id
