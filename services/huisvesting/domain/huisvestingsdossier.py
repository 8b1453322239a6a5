"""Huisvestingsdossier: one household's way from koppeling to moving into a home."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from eventsourcing.domain import event

from services.domain.identity import afgeleid_id
from services.domain.persoonsaggregate import GemeentelijkEvent, GemeentelijkPersoonsaggregate
from services.huisvesting.domain import aanbodstappen as stappen
from services.huisvesting.domain.aanbodstappen import AANGEBODEN, GEACCEPTEERD, VERHUISD, WACHTEND, Aanbodstappen
from services.huisvesting.domain.blokkering import Blokkering
from services.huisvesting.domain.fouten import (  # noqa: F401 (the dossier's errors, importable from here)
    AlGekoppeldFout, GeenOpenAanbodFout, HoofdpersoonOntbreektFout, NogNietGeaccepteerdFout,
    StapOntbreektFout, VerhuistermijnLooptNogFout, VoorHetAanbodFout,
)

HUISVESTINGSTERMIJN = dt.timedelta(weeks=10)
"""Huisvestingswet 2014: offer passende woonruimte within 10 weeks of koppeling."""
VERHUISTERMIJN = dt.timedelta(weeks=2)
"""Practice (seed 001 §2.1): move within 2 weeks of the offer."""

DOORSTROOM = "doorstroom"
"""A woningsoort: a temporary home for a single person, who keeps their place for a regular one."""


class Huisvestingsdossier(Blokkering, Aanbodstappen, GemeentelijkPersoonsaggregate):
    """One per household, named after its main person (members keep their own persoon_id); its
    events name that person and the gemeente, and Geopend stores the 10-week term. A term the
    clock recorded as expired and a later-arriving fact met is revised (`...Herzien`); staff
    correct their own facts with `...Gecorrigeerd` events."""

    class Event(GemeentelijkEvent):
        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            GemeentelijkEvent.upcast_v1_v2(state)
            if "koppeldatum" in state:  # Geopend: the term and the AMV flag are stored since v2
                state.setdefault("termijn_verloopt_op", state["koppeldatum"] + HUISVESTINGSTERMIJN)
                state.setdefault("amv", False)

    @classmethod
    def open(cls, persoon_id: uuid.UUID, personen: list[uuid.UUID], koppeldatum: dt.date,
             amv: bool = False, gemeentecode: str | None = None) -> Huisvestingsdossier:
        """A dossier at koppeling to a gemeente: the 10-week huisvestingstermijn starts on the koppeldatum."""
        return cls(persoon_id=persoon_id, personen=personen, koppeldatum=koppeldatum,
                   termijn_verloopt_op=koppeldatum + HUISVESTINGSTERMIJN, amv=amv, gemeentecode=gemeentecode)

    @staticmethod
    def create_id(persoon_id: uuid.UUID) -> uuid.UUID:
        return afgeleid_id("huisvesting", "dossier", persoon_id)

    @event("Geopend")
    def __init__(self, persoon_id: uuid.UUID, personen: list[uuid.UUID], koppeldatum: dt.date,
                 termijn_verloopt_op: dt.date, amv: bool = False, gemeentecode: str | None = None) -> None:
        if persoon_id not in personen:
            raise HoofdpersoonOntbreektFout()
        self.persoon_id = persoon_id
        self.personen = list(personen)
        self.koppeldatum = koppeldatum
        self.gemeentecode = gemeentecode
        self.amv = amv
        self.termijn_verloopt_op = termijn_verloopt_op
        self.status = WACHTEND
        self.ontbreekt: list[str] = []
        self.geblokkeerd_sinds: dt.date | None = None
        self.aangevuld: dict[str, dt.date] = {}
        """Per persoonsgegeven that blocked the dossier: the date it stopped missing."""
        self.blokkade: tuple[dt.date, dt.date] | None = None
        """The lifted block: (geblokkeerd_sinds, gedeblokkeerd_op)."""
        self.gehuisvest_op: dt.date | None = None
        """The first move-in: the date the household counts as gerealiseerd (doorstroom included)."""
        self.in_doorstroom = False
        self.vervolgbehoefte = False
        self.eerste_aanbod_op: dt.date | None = None
        self.termijn_verstreken = False
        self.woning_id: str | None = None
        self.woningsoort: str | None = None
        self.aangeboden_op: dt.date | None = None
        self.verhuistermijn_verloopt_op: dt.date | None = None
        self.verhuistermijn_verstreken = False
        self.verhuisd_op: dt.date | None = None
        self.aanbiedingen: dict[str, dict[str, Any]] = {}
        """Per home offered: the dates of its steps, its move term and whether it was recorded expired."""

    @property
    def huishoudgrootte(self) -> int:
        return len(self.personen)

    @property
    def geblokkeerd(self) -> bool:
        return bool(self.ontbreekt)

    @property
    def definitief_gehuisvest(self) -> bool:
        return self.status == VERHUISD

    # -- events: persoonsgegevens as blockers (commands in Blokkering) --------------------------

    @event("Geblokkeerd")
    def _geblokkeerd(self, ontbreekt: list[str], datum: dt.date) -> None:
        self.aangevuld.update({g: datum for g in self.ontbreekt if g not in ontbreekt})
        self.ontbreekt = list(ontbreekt)
        self.geblokkeerd_sinds = self.geblokkeerd_sinds or datum

    @event("Gedeblokkeerd")
    def _gedeblokkeerd(self, datum: dt.date, geblokkeerd_sinds: dt.date) -> None:
        self.aangevuld.update({g: datum for g in self.ontbreekt})
        self.blokkade = (geblokkeerd_sinds, datum)
        self.ontbreekt = []
        self.geblokkeerd_sinds = None

    @event("DeblokkeringGecorrigeerd")
    def _deblokkering_gecorrigeerd(self, gegeven: str, aangevuld_op: dt.date, datum: dt.date,
                                   oude_datum: dt.date, geblokkeerd_sinds: dt.date, reden: str) -> None:
        self.aangevuld[gegeven] = aangevuld_op
        self.blokkade = (geblokkeerd_sinds, datum)

    # -- nareizigers ---------------------------------------------------------------------------

    def voeg_nareiziger_toe(self, nareiziger_id: uuid.UUID, datum: dt.date) -> bool:
        """A family member follows: before (definitive) housing the household needs a bigger home;
        after it, a follow-up need is recorded. False when the person is already in the household."""
        if nareiziger_id in self.personen:
            return False
        self._nareiziger_toegevoegd(nareiziger_id=nareiziger_id, datum=datum,
                                    huishoudgrootte=self.huishoudgrootte + 1,
                                    vervolgbehoefte=self.definitief_gehuisvest)
        return True

    @event("NareizigerToegevoegd")
    def _nareiziger_toegevoegd(
        self, nareiziger_id: uuid.UUID, datum: dt.date, huishoudgrootte: int, vervolgbehoefte: bool
    ) -> None:
        self.personen.append(nareiziger_id)
        self.amv = False  # no longer alone
        if vervolgbehoefte:
            self.vervolgbehoefte = True

    # -- terms: expired by the clock or a late command, revised by a late fact that met them -----

    def open_termijnen(self) -> dict[str, dt.date]:
        termijnen = {}
        if self.eerste_aanbod_op is None and not self.termijn_verstreken:
            termijnen["huisvesting"] = self.termijn_verloopt_op
        if self.status in (AANGEBODEN, GEACCEPTEERD) and not self.verhuistermijn_verstreken:
            assert self.verhuistermijn_verloopt_op is not None
            termijnen["verhuizen"] = self.verhuistermijn_verloopt_op
        return termijnen

    def verstrijk_termijn(self, soort: str, verloopt_op: dt.date) -> None:
        if soort == "huisvesting":
            self._huisvestingstermijn_verstreken(verlopen_op=verloopt_op)
        elif soort == "verhuizen":
            self._verhuistermijn_verstreken(woning_id=self.woning_id, verlopen_op=verloopt_op)

    @event("HuisvestingstermijnVerstreken")
    def _huisvestingstermijn_verstreken(self, verlopen_op: dt.date) -> None:
        self.termijn_verstreken = True

    @event("HuisvestingstermijnHerzien")
    def _huisvestingstermijn_herzien(self, verlopen_op: dt.date, gehaald_op: dt.date, reden: str) -> None:
        self.termijn_verstreken = False

    @event("VerhuistermijnVerstreken")
    def _verhuistermijn_verstreken(self, woning_id: str | None, verlopen_op: dt.date) -> None:
        if woning_id is None or woning_id == self.woning_id:
            self.verhuistermijn_verstreken = True
        if woning_id in self.aanbiedingen:
            self.aanbiedingen[woning_id]["verstreken"] = True

    @event("VerhuistermijnHerzien")
    def _verhuistermijn_herzien(self, woning_id: str, verlopen_op: dt.date, gehaald_op: dt.date, reden: str) -> None:
        if woning_id == self.woning_id:
            self.verhuistermijn_verstreken = False
        self.aanbiedingen[woning_id]["verstreken"] = False

    # -- the offer lifecycle (staff's steps and their corrections in Aanbodstappen) ------------

    def bied_aan(self, woning_id: str, wijk: str, soort: str, datum: dt.date, max_bewoners: int = 0) -> None:
        """Offer a home. A term that ran out before this date is recorded first, so late clocks
        and replays give the same history; a first offer within a term the clock already recorded
        as expired revises that."""
        if self.status != WACHTEND:
            raise GeenOpenAanbodFout()
        if "huisvesting" in self.open_termijnen() and datum > self.termijn_verloopt_op:
            self._huisvestingstermijn_verstreken(verlopen_op=self.termijn_verloopt_op)
        herzien = self.eerste_aanbod_op is None and self.termijn_verstreken and datum <= self.termijn_verloopt_op
        self._woning_aangeboden(woning_id=woning_id, wijk=wijk, soort=soort,
                                max_bewoners=max_bewoners or self.huishoudgrootte,
                                huishoudgrootte=self.huishoudgrootte, datum=datum,
                                verhuistermijn_verloopt_op=datum + VERHUISTERMIJN)
        if herzien:
            self._huisvestingstermijn_herzien(verlopen_op=self.termijn_verloopt_op, gehaald_op=datum,
                                              reden="woning-aangeboden")

    @event("WoningAangeboden")
    def _woning_aangeboden(self, woning_id: str, wijk: str, soort: str, max_bewoners: int, huishoudgrootte: int,
                           datum: dt.date, verhuistermijn_verloopt_op: dt.date) -> None:
        self.status = AANGEBODEN
        self.woning_id = woning_id
        self.woningsoort = soort
        self.aangeboden_op = datum
        self.eerste_aanbod_op = self.eerste_aanbod_op or datum
        self.verhuistermijn_verloopt_op = verhuistermijn_verloopt_op
        self.verhuistermijn_verstreken = False
        self.aanbiedingen[woning_id] = {stappen.AANGEBODEN: datum, "verhuistermijn": verhuistermijn_verloopt_op,
                                        "woningsoort": soort}

    @event("AanbodGeaccepteerd")
    def _aanbod_geaccepteerd(self, woning_id: str, datum: dt.date) -> None:
        self.status = GEACCEPTEERD
        self.aanbiedingen.setdefault(woning_id, {})[stappen.GEACCEPTEERD] = datum

    @event("AanbodGeweigerd")
    def _aanbod_geweigerd(self, woning_id: str, datum: dt.date, reden: str) -> None:
        self.aanbiedingen.setdefault(woning_id, {}).update({stappen.GEWEIGERD: datum, "reden": reden})
        self._weer_wachtend()

    def _weer_wachtend(self) -> None:
        self.status = WACHTEND
        self.woning_id = None
        self.verhuistermijn_verloopt_op = None

    @event("AanbodIngetrokken")
    def _aanbod_ingetrokken(self, woning_id: str, datum: dt.date, reden: str) -> None:
        self.aanbiedingen.setdefault(woning_id, {}).update({stappen.INGETROKKEN: datum, "reden": reden})
        self._weer_wachtend()

    @event("Verhuisd")
    def _verhuisd(self, woning_id: str, woningsoort: str, personen: list[uuid.UUID], datum: dt.date,
                  verhuistermijn_gehaald: bool, eerste_huisvesting: bool) -> None:
        self.gehuisvest_op = self.gehuisvest_op or datum
        self.verhuisd_op = datum
        self.aanbiedingen.setdefault(woning_id, {}).update(
            {stappen.VERHUISD: datum, "personen": list(personen), "eerste": eerste_huisvesting})
        if woningsoort == DOORSTROOM:  # housed for now; keeps its place in the queue for a regular home
            self._weer_wachtend()
            self.in_doorstroom = True
        else:
            self.status = VERHUISD
            self.in_doorstroom = False

    # -- events: corrections of staff-entered steps (commands in Aanbodstappen) --------------------

    @event("AcceptatieGecorrigeerd")
    def _acceptatie_gecorrigeerd(self, woning_id: str, datum: dt.date, oude_datum: dt.date, reden: str) -> None:
        self.aanbiedingen[woning_id][stappen.GEACCEPTEERD] = datum

    @event("WeigeringGecorrigeerd")
    def _weigering_gecorrigeerd(self, woning_id: str, datum: dt.date, oude_datum: dt.date, weigerreden: str,
                                oude_weigerreden: str, reden: str) -> None:
        self.aanbiedingen[woning_id].update({stappen.GEWEIGERD: datum, "reden": weigerreden})

    @event("IntrekkingGecorrigeerd")
    def _intrekking_gecorrigeerd(self, woning_id: str, datum: dt.date, oude_datum: dt.date, intrekreden: str,
                                 oude_intrekreden: str, reden: str) -> None:
        self.aanbiedingen[woning_id].update({stappen.INGETROKKEN: datum, "reden": intrekreden})

    @event("VerhuizingGecorrigeerd")
    def _verhuizing_gecorrigeerd(self, woning_id: str, woningsoort: str, personen: list[uuid.UUID], datum: dt.date,
                                 oude_datum: dt.date, verhuistermijn_gehaald: bool, eerste_huisvesting: bool,
                                 reden: str) -> None:
        self.aanbiedingen[woning_id][stappen.VERHUISD] = datum
        if eerste_huisvesting:
            self.gehuisvest_op = datum
        if self.verhuisd_op == oude_datum:
            self.verhuisd_op = datum
