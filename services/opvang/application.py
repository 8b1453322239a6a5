"""The opvang Application: placements, moves, permits, and uitstroom when a household moves in."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from events import coa, huisvesting, ind, topics
from events.envelope import Bericht
from services.runtime.application import Invoer, WelkomApplication, Werkeenheid
from services.opvang.bewoners import Bewoners
from services.opvang.domain.bewoner import Bewoner
from services.opvang.locaties import Locaties
from services.opvang.ontheemden import Ontheemden
from services.runtime.toekomstvenster import MetToekomstvenster


class Opvang(Bewoners, Locaties, Ontheemden, MetToekomstvenster, WelkomApplication):
    """Follows each person's stay in the reception locations."""

    name = "opvang"

    def invoer(self) -> Sequence[Invoer]:
        return (
            Invoer(topics.KETEN_COA, coa.ASIELZOEKER_GEPLAATST, self.geplaatst),
            Invoer(topics.KETEN_COA, coa.ASIELZOEKER_VERPLAATST, self.verplaatst),
            *self.bewoner_invoer(),
            Invoer(topics.KETEN_IND, ind.VERBLIJFSVERGUNNING_VERLEEND, self.vergunning_verleend),
            Invoer(topics.GEMEENTE_HUISVESTING, huisvesting.VERHUISD, self.verhuisd),
            Invoer(topics.GEMEENTE_HUISVESTING, huisvesting.VERHUIZING_GECORRIGEERD, self.verhuizing_gecorrigeerd),
            *self.locatie_invoer(),
            *self.ontheemde_invoer(),
        )

    def _bewoner(self, uow: Werkeenheid, persoon_id: uuid.UUID) -> Bewoner:
        return uow.get(Bewoner.create_id(persoon_id)) or uow.add(Bewoner(persoon_id=persoon_id, gemeentecode=self.gemeentecode))

    def geplaatst(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: coa.AsielzoekerGeplaatst = bericht.data  # type: ignore[assignment]
        self.eis_binnen_venster(data.datum)
        self._bewoner(uow, self.persoon(data.vnummer)).plaats(
            data.locatie_id, data.datum, data.geboortedatum, data.bijzondere_behoefte
        )

    def verplaatst(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: coa.AsielzoekerVerplaatst = bericht.data  # type: ignore[assignment]
        self.eis_binnen_venster(data.datum)
        self._bewoner(uow, self.persoon(data.vnummer)).verplaats(
            data.van_locatie_id, data.naar_locatie_id, data.datum, self.kind_verplaatsing_dagen
        )

    def vergunning_verleend(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: ind.VerblijfsvergunningVerleend = bericht.data  # type: ignore[assignment]
        self.eis_binnen_venster(data.besluitdatum)
        self._bewoner(uow, self.persoon(data.vnummer)).verleen_status(data.besluitdatum, data.soort)

    def verhuisd(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: huisvesting.Verhuisd = bericht.data  # type: ignore[assignment]
        for persoon_id in data.personen:
            bewoner = uow.get(Bewoner.create_id(persoon_id))
            if bewoner is not None:
                bewoner.stroom_uit(data.datum, "gehuisvest")

    def verhuizing_gecorrigeerd(self, uow: Werkeenheid, bericht: Bericht) -> None:
        """Huisvesting corrected the date of a move: the stays it ended ended on the corrected date."""
        data: huisvesting.VerhuizingGecorrigeerd = bericht.data  # type: ignore[assignment]
        for persoon_id in data.personen:
            bewoner = uow.get(Bewoner.create_id(persoon_id))
            if bewoner is not None:
                bewoner.corrigeer_uitstroom(data.oude_datum, data.datum, "verhuizing-gecorrigeerd")
