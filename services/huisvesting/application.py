"""The huisvesting Application: koppelingen, taakstellingen, homes, offers and moves."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping

from eventsourcing.domain import Aggregate

from events import coa, corporaties, rijk, topics
from events.envelope import Bericht
from services.application import Handler, WelkomApplication, Werkeenheid
from services.domain import Domeinfout
from services.domain.termijnkalender import Termijnkalender
from services.huisvesting.domain.huisvestingsdossier import AlGekoppeldFout, Huisvestingsdossier
from services.huisvesting.domain.taakstelling import Taakstelling
from services.huisvesting.domain.wachtrij import Wachtrij
from services.metrics import ANDERE_GEMEENTE

TOPICS = (topics.KETEN_COA, topics.KETEN_RIJK, topics.KETEN_CORPORATIES)


class DossierOnbekendFout(Domeinfout):
    """The command names a household without a huisvestingsdossier."""


class Huisvesting(WelkomApplication):
    """Opens a dossier per household, matches homes to households, and follows each offer."""

    name = "huisvesting"
    snapshotting_intervals: dict[type[Aggregate], int] = {Termijnkalender: 100, Wachtrij: 100}

    def handlers(self) -> Mapping[str, Handler]:
        return {
            coa.GEKOPPELD_AAN_GEMEENTE: self.koppeling,
            rijk.TAAKSTELLING_VASTGESTELD: self.taakstelling,
            corporaties.WONING_BESCHIKBAAR_GESTELD: self.woning_beschikbaar,
        }

    def _wachtrij(self, uow: Werkeenheid) -> Wachtrij:
        return uow.get(Wachtrij.create_id(self.gemeentecode)) or uow.add(Wachtrij(self.gemeentecode))

    def _dossier(self, uow: Werkeenheid, persoon_id: uuid.UUID) -> Huisvestingsdossier:
        dossier = uow.get(Huisvestingsdossier.create_id(persoon_id))
        if dossier is None:
            raise DossierOnbekendFout()
        return dossier

    def koppeling(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: coa.GekoppeldAanGemeente = bericht.data  # type: ignore[assignment]
        if data.gemeentecode != self.gemeentecode:
            ANDERE_GEMEENTE.labels(service=self.name, type=bericht.type).inc()
            return
        hoofd = self.persoon(data.vnummer)
        personen = [self.persoon(lid.vnummer) for lid in data.huishouden]
        if uow.get(Huisvestingsdossier.create_id(hoofd)) is not None:
            raise AlGekoppeldFout()
        dossier = uow.add(
            Huisvestingsdossier(persoon_id=hoofd, personen=personen, koppeldatum=data.koppeldatum)
        )
        self._wachtrij(uow).schrijf_in(
            dossier_id=dossier.id, koppeldatum=data.koppeldatum, grootte=dossier.huishoudgrootte
        )
        self._match(uow, data.koppeldatum)

    def taakstelling(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: rijk.TaakstellingVastgesteld = bericht.data  # type: ignore[assignment]
        if data.gemeentecode != self.gemeentecode:
            ANDERE_GEMEENTE.labels(service=self.name, type=bericht.type).inc()
            return
        bestaand = uow.get(Taakstelling.create_id(data.gemeentecode, data.periode))
        if bestaand is None:
            uow.add(Taakstelling(gemeentecode=data.gemeentecode, periode=data.periode, aantal=data.aantal))
        elif bestaand.aantal != data.aantal:
            bestaand.wijzig(aantal=data.aantal)

    def woning_beschikbaar(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: corporaties.WoningBeschikbaarGesteld = bericht.data  # type: ignore[assignment]
        self._wachtrij(uow).meld_woning(
            woning_id=data.woning_id,
            wijk=data.wijk,
            soort=data.soort,
            max_bewoners=data.max_bewoners,
            beschikbaar_per=data.beschikbaar_per,
        )
        self._match(uow, data.beschikbaar_per)

    def _match(self, uow: Werkeenheid, datum: dt.date) -> None:
        """Offer every available home that fits a waiting household (the Wachtrij's rule)."""
        wachtrij = self._wachtrij(uow)
        for woning_id in wachtrij.beschikbare_woningen():
            dossier_id = wachtrij.kandidaat(woning_id)
            if dossier_id is None:
                continue
            woning = wachtrij.woningen[woning_id]
            wachtrij.wijs_toe(woning_id=woning_id, dossier_id=dossier_id)
            dossier: Huisvestingsdossier = uow.get(dossier_id)
            dossier.bied_aan(
                woning_id=woning_id,
                wijk=woning["wijk"],
                soort=woning["soort"],
                datum=max(datum, woning["beschikbaar_per"], dossier.koppeldatum),
            )

    # -- staff commands ---------------------------------------------------------------------

    def accepteer(self, uow: Werkeenheid, persoon_id: uuid.UUID, woning_id: str, datum: dt.date) -> None:
        self._dossier(uow, persoon_id).accepteer(woning_id=woning_id, datum=datum)

    def weiger(
        self, uow: Werkeenheid, persoon_id: uuid.UUID, woning_id: str, datum: dt.date, reden: str
    ) -> None:
        dossier = self._dossier(uow, persoon_id)
        dossier.weiger(woning_id=woning_id, datum=datum, reden=reden)
        self._wachtrij(uow).geef_vrij(woning_id=woning_id, dossier_id=dossier.id)
        self._match(uow, datum)

    def verhuis(self, uow: Werkeenheid, persoon_id: uuid.UUID, woning_id: str, datum: dt.date) -> None:
        dossier = self._dossier(uow, persoon_id)
        dossier.verhuis(woning_id=woning_id, datum=datum)
        self._wachtrij(uow).verhuur(woning_id=woning_id, dossier_id=dossier.id)
