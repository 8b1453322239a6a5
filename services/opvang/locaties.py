"""Opvang's handlers for reception locations and the Spreidingswet taakstelling: COA's and the Rijk's events, and staff's commands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from events import coa, rijk, topics
from events.envelope import Bericht
from services.domain import Domeinfout
from services.opvang.domain.locatie import COA, GEMEENTE, Locatie, LocatieBestaatAlFout
from services.opvang.domain.spreidingstaakstelling import Spreidingstaakstelling
from services.runtime.werkeenheid import Invoer, Werkeenheid


class LocatieOnbekendFout(Domeinfout):
    """A change of a location opvang has no record of (not opened, or another gemeente's)."""


class Locaties:
    """Mixin of the opvang Application (before WelkomApplication): locations COA runs come from
    keten.coa, those the gemeente runs itself (TGO, Oekraïne) from staff's commands, with the same
    facts; the Spreidingswet taakstelling from keten.rijk. Another gemeente's location or
    taakstelling is not for us (counted in welkom_inbox_other_gemeente_messages_total)."""

    name: str
    gemeentecode: str
    eis_binnen_venster: Any
    niet_voor_ons: Any

    def locatie_invoer(self) -> Sequence[Invoer]:
        return (
            Invoer(topics.KETEN_COA, coa.LOCATIE_GEOPEND, self.locatie_geopend),
            Invoer(topics.KETEN_COA, coa.LOCATIE_CAPACITEIT_GEWIJZIGD, self.locatie_capaciteit_gewijzigd),
            Invoer(topics.KETEN_COA, coa.LOCATIE_GESLOTEN, self.locatie_gesloten),
            Invoer(topics.KETEN_RIJK, rijk.SPREIDINGSTAAKSTELLING_VASTGESTELD, self.spreidingstaakstelling),
        )

    # -- COA's events ------------------------------------------------------------------------------

    def locatie_geopend(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: coa.LocatieGeopend = bericht.data  # type: ignore[assignment]
        if not self.niet_voor_ons(bericht, data.gemeentecode):
            self._open(uow, COA, data.locatie_id, data.naam, data.soort, data.capaciteit, data.datum,
                       data.geplande_sluiting)

    def locatie_capaciteit_gewijzigd(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: coa.LocatieCapaciteitGewijzigd = bericht.data  # type: ignore[assignment]
        if not self.niet_voor_ons(bericht, data.gemeentecode):
            self._wijzig(uow, COA, data.locatie_id, data.capaciteit, data.datum)

    def locatie_gesloten(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: coa.LocatieGesloten = bericht.data  # type: ignore[assignment]
        if not self.niet_voor_ons(bericht, data.gemeentecode):
            self._sluit(uow, COA, data.locatie_id, data.datum)

    def spreidingstaakstelling(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: rijk.SpreidingstaakstellingVastgesteld = bericht.data  # type: ignore[assignment]
        if self.niet_voor_ons(bericht, data.gemeentecode):
            return
        self.eis_binnen_venster(data.besluitdatum)
        besluit = {"fase": data.fase, "plekken": data.plekken, "amv_plekken": data.amv_plekken,
                   "realiseren_per": data.realiseren_per, "besluitdatum": data.besluitdatum}
        bestaand = uow.get(Spreidingstaakstelling.create_id(data.gemeentecode, data.cyclus))
        if bestaand is None:
            uow.add(Spreidingstaakstelling.stel_in(gemeentecode=data.gemeentecode, cyclus=data.cyclus, **besluit))
        else:
            bestaand.stel_vast(**besluit)

    # -- staff's commands: the locations the gemeente runs itself ----------------------------------

    def open_gemeentelijke_locatie(self, uow: Werkeenheid, locatie_id: str, naam: str, soort: str, capaciteit: int,
                                   datum: dt.date, geplande_sluiting: dt.date | None = None) -> None:
        self._open(uow, GEMEENTE, locatie_id, naam, soort, capaciteit, datum, geplande_sluiting)

    def wijzig_gemeentelijke_capaciteit(self, uow: Werkeenheid, locatie_id: str, capaciteit: int,
                                        datum: dt.date) -> None:
        self._wijzig(uow, GEMEENTE, locatie_id, capaciteit, datum)

    def sluit_gemeentelijke_locatie(self, uow: Werkeenheid, locatie_id: str, datum: dt.date) -> None:
        self._sluit(uow, GEMEENTE, locatie_id, datum)

    # -- shared ------------------------------------------------------------------------------------

    def _open(self, uow: Werkeenheid, beheerder: str, locatie_id: str, naam: str, soort: str, capaciteit: int,
              datum: dt.date, geplande_sluiting: dt.date | None) -> None:
        self.eis_binnen_venster(datum)
        if uow.get(Locatie.create_id(locatie_id)) is not None:
            raise LocatieBestaatAlFout()
        uow.add(Locatie.open(locatie_id=locatie_id, naam=naam, gemeentecode=self.gemeentecode, soort=soort,
                             beheerder=beheerder, capaciteit=capaciteit, datum=datum,
                             geplande_sluiting=geplande_sluiting))

    def _locatie(self, uow: Werkeenheid, beheerder: str, locatie_id: str) -> Locatie:
        locatie: Locatie | None = uow.get(Locatie.create_id(locatie_id))
        if locatie is None or locatie.gemeentecode != self.gemeentecode:
            raise LocatieOnbekendFout()
        locatie.eis_beheerder(beheerder)
        return locatie

    def _wijzig(self, uow: Werkeenheid, beheerder: str, locatie_id: str, capaciteit: int, datum: dt.date) -> None:
        self.eis_binnen_venster(datum)
        self._locatie(uow, beheerder, locatie_id).wijzig_capaciteit(capaciteit, datum)

    def _sluit(self, uow: Werkeenheid, beheerder: str, locatie_id: str, datum: dt.date) -> None:
        self.eis_binnen_venster(datum)
        self._locatie(uow, beheerder, locatie_id).sluit(datum)
