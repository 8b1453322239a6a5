"""The huisvesting Application: koppelingen, taakstellingen, homes, offers and moves, and staff's corrections."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from eventsourcing.domain import Aggregate
from stdnum import iban as _iban

from events import brp, coa, corporaties, ind, rijk, topics
from events.envelope import Bericht
from services.runtime.application import Invoer, WelkomApplication, Werkeenheid
from services.domain import Domeinfout
from services.domain.termijnkalender import Termijnkalender
from services.domain.leeftijd import is_amv
from services.huisvesting.domain.huisvestingsdossier import AlGekoppeldFout, Huisvestingsdossier
from services.huisvesting.domain.persoonsgegevens import BLOKKERENDE_GEGEVENS, BSN, IBAN, Persoonsgegevens
from services.huisvesting.domain.taakstelling import Taakstelling
from services.huisvesting.domain.wachtrij import Wachtrij
from services.huisvesting.legalisering import Legalisering
from services.runtime.toekomstvenster import MetToekomstvenster


class DossierOnbekendFout(Domeinfout):
    """The command names a household without a huisvestingsdossier."""


class OngeldigIbanFout(Domeinfout):
    """The IBAN does not pass its checksum (ISO 13616)."""


class ReferentZonderDossierFout(Domeinfout):
    """A nareiziger's referent is in no huisvestingsdossier of this gemeente."""


class PersoonOnbekendFout(Domeinfout):
    """The command names a person huisvesting has no record of (no koppeling, nareis permit or BRP registration)."""


class IbanAlGeregistreerdFout(Domeinfout):
    """This person's IBAN was registered before, on another date: correct that date with the IBAN correction."""


class Huisvesting(Legalisering, MetToekomstvenster, WelkomApplication):
    """Opens a dossier per household, matches homes to households, and follows each offer."""

    name = "huisvesting"
    snapshotting_intervals: dict[type[Aggregate], int] = {Termijnkalender: 100, Wachtrij: 100}

    def __init__(self, *args: object, vereist: Sequence[str] = BLOKKERENDE_GEGEVENS, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.vereist = tuple(g for g in BLOKKERENDE_GEGEVENS if g in vereist)
        """The persoonsgegevens whose absence blocks a dossier (WELKOM_HUISVESTING_VEREIST)."""

    def invoer(self) -> Sequence[Invoer]:
        return (
            Invoer(topics.KETEN_COA, coa.GEKOPPELD_AAN_GEMEENTE, self.koppeling),
            Invoer(topics.KETEN_RIJK, rijk.TAAKSTELLING_VASTGESTELD, self.taakstelling),
            Invoer(topics.KETEN_CORPORATIES, corporaties.WONING_BESCHIKBAAR_GESTELD, self.woning_beschikbaar),
            Invoer(topics.KETEN_BRP, brp.INGESCHREVEN_IMMIGRATIE, self.ingeschreven),
            Invoer(topics.KETEN_IND, ind.VERBLIJFSVERGUNNING_VERLEEND, self.vergunning),
            *self.legalisering_invoer(),
        )

    def _wachtrij(self, uow: Werkeenheid) -> Wachtrij:
        return uow.get(Wachtrij.create_id(self.gemeentecode)) or uow.add(Wachtrij(self.gemeentecode))

    def _dossier(self, uow: Werkeenheid, persoon_id: uuid.UUID) -> Huisvestingsdossier:
        dossier = uow.get(Huisvestingsdossier.create_id(persoon_id))
        if dossier is None:
            raise DossierOnbekendFout()
        return dossier

    def _gegevens(self, uow: Werkeenheid, persoon_id: uuid.UUID) -> Persoonsgegevens:
        return uow.get(Persoonsgegevens.create_id(persoon_id)) or uow.add(Persoonsgegevens(persoon_id))

    def _deel_in(self, uow: Werkeenheid, persoon_id: uuid.UUID, dossier_id: uuid.UUID, datum: dt.date) -> None:
        """The person belongs to this dossier (one event for a person huisvesting did not know yet)."""
        gegevens = uow.get(Persoonsgegevens.create_id(persoon_id))
        if gegevens is None:
            uow.add(Persoonsgegevens(persoon_id, dossier_id=dossier_id, datum=datum))
        else:
            gegevens.deel_in(dossier_id, datum)

    def _ontbreekt(self, gegevens: Persoonsgegevens) -> list[str]:
        return [g for g in gegevens.ontbreekt() if g in self.vereist]

    # -- inbound events ------------------------------------------------------------------------

    def koppeling(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: coa.GekoppeldAanGemeente = bericht.data  # type: ignore[assignment]
        if self.niet_voor_ons(bericht, data.gemeentecode):
            return
        self.eis_binnen_venster(data.koppeldatum)
        hoofd = self.persoon(data.vnummer)
        personen = [self.persoon(lid.vnummer) for lid in data.huishouden]
        if uow.get(Huisvestingsdossier.create_id(hoofd)) is not None:
            raise AlGekoppeldFout()
        amv = is_amv([lid.geboortedatum for lid in data.huishouden], data.koppeldatum)
        self.open_dossier(uow, hoofd, personen, data.koppeldatum, amv)

    def open_dossier(self, uow: Werkeenheid, hoofd: uuid.UUID, personen: list[uuid.UUID], datum: dt.date,
                     amv: bool = False) -> None:
        """A household's dossier from `datum` (its koppeldatum): every person in it, blocked while the main
        person's BSN or IBAN is missing, in the queue, and matched to a home if one waits."""
        dossier = uow.add(Huisvestingsdossier.open(persoon_id=hoofd, personen=personen, koppeldatum=datum, amv=amv,
                                                   gemeentecode=self.gemeentecode))
        for persoon in personen:
            self._deel_in(uow, persoon, dossier.id, datum)
        gegevens = self._gegevens(uow, hoofd)
        dossier.blokkeer(self._ontbreekt_op(gegevens, datum), datum)
        self._wachtrij(uow).schrijf_in(dossier_id=dossier.id, koppeldatum=datum, grootte=dossier.huishoudgrootte,
                                       persoon_id=hoofd, termijn_verloopt_op=dossier.termijn_verloopt_op, amv=amv,
                                       geblokkeerd=dossier.geblokkeerd)
        self._vul_later_bekende_aan(uow, dossier, gegevens)
        self._match(uow, datum)

    def _ontbreekt_op(self, gegevens: Persoonsgegevens, datum: dt.date) -> list[str]:
        """What the main person lacked on this date: unknown, or known only from a later date (a
        BSN registered after the koppeling whose message arrived first: the bus orders per topic)."""
        return [g for g in self.vereist if g not in gegevens.bekend or gegevens.bekend[g] > datum]

    def _vul_later_bekende_aan(self, uow: Werkeenheid, dossier: Huisvestingsdossier, gegevens: Persoonsgegevens) -> None:
        """Lift the block on the dates the missing data became known, as if they had arrived in that order."""
        for gegeven, datum in sorted(((g, d) for g, d in gegevens.bekend.items() if g in dossier.ontbreekt),
                                     key=lambda gd: gd[1]):
            if dossier.vul_aan(gegeven, datum):
                self._wachtrij(uow).zet_blokkade(dossier.id, geblokkeerd=False)
                self._match(uow, datum)

    def taakstelling(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: rijk.TaakstellingVastgesteld = bericht.data  # type: ignore[assignment]
        if self.niet_voor_ons(bericht, data.gemeentecode):
            return
        bestaand = uow.get(Taakstelling.create_id(data.gemeentecode, data.periode))
        if bestaand is None:
            uow.add(Taakstelling(
                gemeentecode=data.gemeentecode, periode=data.periode, aantal=data.aantal,
                amv_aantal=data.amv_aantal,
            ))
        else:
            bestaand.stel_vast(aantal=data.aantal, amv_aantal=data.amv_aantal)

    def woning_beschikbaar(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: corporaties.WoningBeschikbaarGesteld = bericht.data  # type: ignore[assignment]
        self.eis_binnen_venster(data.beschikbaar_per)
        self._wachtrij(uow).meld_woning(
            woning_id=data.woning_id,
            wijk=data.wijk,
            soort=data.soort,
            max_bewoners=data.max_bewoners,
            beschikbaar_per=data.beschikbaar_per,
        )
        self._match(uow, data.beschikbaar_per)

    def ingeschreven(self, uow: Werkeenheid, bericht: Bericht) -> None:
        """BRP registration: the person has a BSN (the number itself is not kept)."""
        data: brp.IngeschrevenImmigratie = bericht.data  # type: ignore[assignment]
        self.eis_binnen_venster(data.datum)
        self._registreer(uow, self.persoon(data.vnummer), BSN, data.datum)

    def vergunning(self, uow: Werkeenheid, bericht: Bericht) -> None:
        """A nareis permit with a referent adds the nareiziger to the referent's household."""
        data: ind.VerblijfsvergunningVerleend = bericht.data  # type: ignore[assignment]
        if data.soort != "nareis" or data.referent_vnummer is None:
            return
        self.eis_binnen_venster(data.besluitdatum)
        referent = uow.get(Persoonsgegevens.create_id(self.persoon(data.referent_vnummer)))
        if referent is None or referent.dossier_id is None:
            raise ReferentZonderDossierFout()
        dossier: Huisvestingsdossier = uow.get(referent.dossier_id)
        nareiziger = self.persoon(data.vnummer)
        if not dossier.voeg_nareiziger_toe(nareiziger, data.besluitdatum):
            return
        self._deel_in(uow, nareiziger, dossier.id, data.besluitdatum)
        wachtrij = self._wachtrij(uow)
        wachtrij.wijzig_huishouden(dossier_id=dossier.id, grootte=dossier.huishoudgrootte, amv=dossier.amv)
        self._match(uow, data.besluitdatum)

    def _registreer(self, uow: Werkeenheid, persoon_id: uuid.UUID, gegeven: str, datum: dt.date) -> None:
        """A BSN or IBAN became known; a dossier of which this person is the main person may be
        unblocked, and then matched."""
        gegevens = self._gegevens(uow, persoon_id)
        if not gegevens.registreer(gegeven, datum) or gegevens.dossier_id is None:
            return
        dossier: Huisvestingsdossier = uow.get(gegevens.dossier_id)
        if dossier.persoon_id == persoon_id and dossier.vul_aan(gegeven, datum):
            self._wachtrij(uow).zet_blokkade(dossier.id, geblokkeerd=False)
            self._match(uow, datum)

    def _match(self, uow: Werkeenheid, datum: dt.date) -> None:
        """Offer every available home that fits a candidate (the Wachtrij's rule)."""
        wachtrij = self._wachtrij(uow)
        for woning_id in wachtrij.beschikbare_woningen():
            woning = wachtrij.woningen[woning_id]
            dag = max(datum, woning["beschikbaar_per"])
            dossier_id = wachtrij.kandidaat(woning_id, dag)
            if dossier_id is None:
                continue
            dossier: Huisvestingsdossier = uow.get(dossier_id)
            dag = max(dag, dossier.koppeldatum)
            wachtrij.wijs_toe(woning_id=woning_id, dossier_id=dossier_id, datum=dag)
            dossier.bied_aan(
                woning_id=woning_id,
                wijk=woning["wijk"],
                soort=woning["soort"],
                max_bewoners=woning["max_bewoners"],
                datum=dag,
            )

    # -- staff commands (every date within the window of the future) ------------------------------

    def _staf(self, uow: Werkeenheid, persoon_id: uuid.UUID, *datums: dt.date) -> Huisvestingsdossier:
        self.eis_binnen_venster(*datums)
        return self._dossier(uow, persoon_id)

    def accepteer(self, uow: Werkeenheid, persoon_id: uuid.UUID, woning_id: str, datum: dt.date) -> None:
        self._staf(uow, persoon_id, datum).accepteer(woning_id=woning_id, datum=datum)

    def weiger(
        self, uow: Werkeenheid, persoon_id: uuid.UUID, woning_id: str, datum: dt.date, reden: str
    ) -> None:
        dossier = self._staf(uow, persoon_id, datum)
        dossier.weiger(woning_id=woning_id, datum=datum, reden=reden)
        self._wachtrij(uow).geef_vrij(woning_id=woning_id, dossier_id=dossier.id)
        self._match(uow, datum)

    def trek_in(
        self, uow: Werkeenheid, persoon_id: uuid.UUID, woning_id: str, datum: dt.date, reden: str
    ) -> None:
        """Withdraw an offer whose move term expired: the home goes to the next candidate."""
        dossier = self._staf(uow, persoon_id, datum)
        dossier.trek_in(woning_id=woning_id, datum=datum, reden=reden)
        self._wachtrij(uow).geef_vrij(woning_id=woning_id, dossier_id=dossier.id)
        self._match(uow, datum)

    def verhuis(self, uow: Werkeenheid, persoon_id: uuid.UUID, woning_id: str, datum: dt.date) -> None:
        dossier = self._staf(uow, persoon_id, datum)
        dossier.verhuis(woning_id=woning_id, datum=datum)
        self._wachtrij(uow).verhuur(woning_id=woning_id, dossier_id=dossier.id)

    def registreer_iban(self, uow: Werkeenheid, persoon_id: uuid.UUID, iban: str, datum: dt.date) -> None:
        """Staff register this person's IBAN: checked (ISO 13616 checksum), then only its existence
        is recorded, never the number. Only for a person huisvesting knows; the same IBAN date
        again changes nothing, another date is refused (that is a correction)."""
        self.eis_binnen_venster(datum)
        if not _iban.is_valid(iban):
            raise OngeldigIbanFout()
        bekend = self._bekende_gegevens(uow, persoon_id).bekend.get(IBAN)
        if bekend not in (None, datum):
            raise IbanAlGeregistreerdFout()
        self._registreer(uow, persoon_id, IBAN, datum)

    def _bekende_gegevens(self, uow: Werkeenheid, persoon_id: uuid.UUID) -> Persoonsgegevens:
        gegevens = uow.get(Persoonsgegevens.create_id(persoon_id))
        if gegevens is None:
            raise PersoonOnbekendFout()
        return gegevens

    # -- corrections of staff-entered facts ------------------------------------------------------

    def corrigeer_iban(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date, reden: str) -> None:
        """Correct the date of an IBAN registration; a dossier it unblocked then ends its block on
        the corrected date."""
        self.eis_binnen_venster(datum)
        gegevens = self._bekende_gegevens(uow, persoon_id)
        gegevens.corrigeer(IBAN, datum, reden)
        dossier = uow.get(gegevens.dossier_id) if gegevens.dossier_id is not None else None
        if dossier is not None and dossier.persoon_id == persoon_id:
            dossier.corrigeer_aanvulling(IBAN, datum, reden)

    def corrigeer_acceptatie(self, uow: Werkeenheid, persoon_id: uuid.UUID, woning_id: str, datum: dt.date,
                             reden: str) -> None:
        self._staf(uow, persoon_id, datum).corrigeer_acceptatie(woning_id, datum, reden)

    def corrigeer_weigering(self, uow: Werkeenheid, persoon_id: uuid.UUID, woning_id: str, datum: dt.date,
                            weigerreden: str, reden: str) -> None:
        self._staf(uow, persoon_id, datum).corrigeer_weigering(woning_id, datum, weigerreden, reden)

    def corrigeer_intrekking(self, uow: Werkeenheid, persoon_id: uuid.UUID, woning_id: str, datum: dt.date,
                             intrekreden: str, reden: str) -> None:
        self._staf(uow, persoon_id, datum).corrigeer_intrekking(woning_id, datum, intrekreden, reden)

    def corrigeer_verhuizing(self, uow: Werkeenheid, persoon_id: uuid.UUID, woning_id: str, datum: dt.date,
                             reden: str) -> None:
        self._staf(uow, persoon_id, datum).corrigeer_verhuizing(woning_id, datum, reden)
