"""Huisvestingsdossier: one household's way from koppeling to moving into a home."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from eventsourcing.domain import event

from services.domain import Domeinfout
from services.domain.identity import afgeleid_id
from services.domain.persoonsaggregate import GemeentelijkEvent, GemeentelijkPersoonsaggregate

HUISVESTINGSTERMIJN = dt.timedelta(weeks=10)
"""Huisvestingswet 2014: offer passende woonruimte within 10 weeks of koppeling."""
VERHUISTERMIJN = dt.timedelta(weeks=2)
"""Practice (seed 001 §2.1): move within 2 weeks of the offer."""

WACHTEND, AANGEBODEN, GEACCEPTEERD, VERHUISD = "wachtend", "aangeboden", "geaccepteerd", "verhuisd"
DOORSTROOM = "doorstroom"
"""A woningsoort: a temporary home for a single person, who keeps their place for a regular one."""


class HoofdpersoonOntbreektFout(Domeinfout):
    """The household of a koppeling does not contain the main person."""


class AlGekoppeldFout(Domeinfout):
    """The household already has a dossier."""


class GeenOpenAanbodFout(Domeinfout):
    """The command names an offer this dossier does not have open."""


class NogNietGeaccepteerdFout(Domeinfout):
    """Moving in requires an accepted offer."""


class VerhuistermijnLooptNogFout(Domeinfout):
    """Staff may withdraw an offer only once its 2-week move term has expired."""


class Huisvestingsdossier(GemeentelijkPersoonsaggregate):
    """One per household, named after its main person (members keep their own persoon_id); its
    events name that person and the gemeente, and Geopend stores the 10-week term."""

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

    @property
    def huishoudgrootte(self) -> int:
        return len(self.personen)

    @property
    def geblokkeerd(self) -> bool:
        return bool(self.ontbreekt)

    @property
    def definitief_gehuisvest(self) -> bool:
        return self.status == VERHUISD

    # -- persoonsgegevens as blockers ---------------------------------------------------------

    def blokkeer(self, ontbreekt: list[str], datum: dt.date) -> None:
        """The main person lacks these persoonsgegevens (bsn, iban): not matched until they arrive."""
        ontbreekt = sorted(set(ontbreekt))
        if ontbreekt and ontbreekt != self.ontbreekt and not self.definitief_gehuisvest:
            self._geblokkeerd(ontbreekt=ontbreekt, datum=datum)

    def vul_aan(self, gegeven: str, datum: dt.date) -> bool:
        """A missing persoonsgegeven arrived. True when that lifts the block."""
        if gegeven not in self.ontbreekt:
            return False
        assert self.geblokkeerd_sinds is not None
        datum = max(datum, self.geblokkeerd_sinds)  # known before the block began: lifted as it began
        rest = [g for g in self.ontbreekt if g != gegeven]
        if rest:
            self._geblokkeerd(ontbreekt=rest, datum=datum)
            return False
        self._gedeblokkeerd(datum=datum, geblokkeerd_sinds=self.geblokkeerd_sinds)
        return True

    @event("Geblokkeerd")
    def _geblokkeerd(self, ontbreekt: list[str], datum: dt.date) -> None:
        self.ontbreekt = list(ontbreekt)
        self.geblokkeerd_sinds = self.geblokkeerd_sinds or datum

    @event("Gedeblokkeerd")
    def _gedeblokkeerd(self, datum: dt.date, geblokkeerd_sinds: dt.date) -> None:
        self.ontbreekt = []
        self.geblokkeerd_sinds = None

    # -- nareizigers ---------------------------------------------------------------------------

    def voeg_nareiziger_toe(self, nareiziger_id: uuid.UUID, datum: dt.date) -> bool:
        """A family member follows: before (definitive) housing the household needs a bigger home;
        after it, a follow-up need is recorded. False when the person is already in the household."""
        if nareiziger_id in self.personen:
            return False
        self._nareiziger_toegevoegd(
            nareiziger_id=nareiziger_id,
            datum=datum,
            huishoudgrootte=self.huishoudgrootte + 1,
            vervolgbehoefte=self.definitief_gehuisvest,
        )
        return True

    @event("NareizigerToegevoegd")
    def _nareiziger_toegevoegd(
        self, nareiziger_id: uuid.UUID, datum: dt.date, huishoudgrootte: int, vervolgbehoefte: bool
    ) -> None:
        self.personen.append(nareiziger_id)
        self.amv = False  # no longer alone
        if vervolgbehoefte:
            self.vervolgbehoefte = True
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

    @event("VerhuistermijnVerstreken")
    def _verhuistermijn_verstreken(self, woning_id: str | None, verlopen_op: dt.date) -> None:
        self.verhuistermijn_verstreken = True

    def bied_aan(self, woning_id: str, wijk: str, soort: str, datum: dt.date, max_bewoners: int = 0) -> None:
        """Offer a home. A term that ran out before this date is recorded first, so late clocks
        and replays give the same history."""
        if self.status != WACHTEND:
            raise GeenOpenAanbodFout()
        if "huisvesting" in self.open_termijnen() and datum > self.termijn_verloopt_op:
            self._huisvestingstermijn_verstreken(verlopen_op=self.termijn_verloopt_op)
        self._woning_aangeboden(
            woning_id=woning_id,
            wijk=wijk,
            soort=soort,
            max_bewoners=max_bewoners or self.huishoudgrootte,
            huishoudgrootte=self.huishoudgrootte,
            datum=datum,
            verhuistermijn_verloopt_op=datum + VERHUISTERMIJN,
        )

    @event("WoningAangeboden")
    def _woning_aangeboden(
        self,
        woning_id: str,
        wijk: str,
        soort: str,
        max_bewoners: int,
        huishoudgrootte: int,
        datum: dt.date,
        verhuistermijn_verloopt_op: dt.date,
    ) -> None:
        self.status = AANGEBODEN
        self.woning_id = woning_id
        self.woningsoort = soort
        self.aangeboden_op = datum
        self.eerste_aanbod_op = self.eerste_aanbod_op or datum
        self.verhuistermijn_verloopt_op = verhuistermijn_verloopt_op
        self.verhuistermijn_verstreken = False

    def _eis_aanbod(self, woning_id: str) -> None:
        if self.status not in (AANGEBODEN, GEACCEPTEERD) or self.woning_id != woning_id:
            raise GeenOpenAanbodFout()

    def accepteer(self, woning_id: str, datum: dt.date) -> None:
        self._eis_aanbod(woning_id)
        if self.status != AANGEBODEN:
            raise GeenOpenAanbodFout()
        self._aanbod_geaccepteerd(woning_id=woning_id, datum=datum)

    @event("AanbodGeaccepteerd")
    def _aanbod_geaccepteerd(self, woning_id: str, datum: dt.date) -> None:
        self.status = GEACCEPTEERD

    def _verhuistermijn_bij(self, datum: dt.date) -> None:
        """A move term that ran out before this date is recorded first (same history, any clock)."""
        if "verhuizen" in self.open_termijnen() and datum > self.verhuistermijn_verloopt_op:  # type: ignore[operator]
            self._verhuistermijn_verstreken(
                woning_id=self.woning_id, verlopen_op=self.verhuistermijn_verloopt_op
            )

    def weiger(self, woning_id: str, datum: dt.date, reden: str) -> None:
        self._eis_aanbod(woning_id)
        self._verhuistermijn_bij(datum)
        self._aanbod_geweigerd(woning_id=woning_id, datum=datum, reden=reden)

    @event("AanbodGeweigerd")
    def _aanbod_geweigerd(self, woning_id: str, datum: dt.date, reden: str) -> None:
        self._weer_wachtend()

    def _weer_wachtend(self) -> None:
        self.status = WACHTEND
        self.woning_id = None
        self.verhuistermijn_verloopt_op = None

    def trek_in(self, woning_id: str, datum: dt.date, reden: str) -> None:
        """Staff withdraw an offer whose move term expired; the household waits again."""
        self._eis_aanbod(woning_id)
        self._verhuistermijn_bij(datum)
        if not self.verhuistermijn_verstreken:
            raise VerhuistermijnLooptNogFout()
        self._aanbod_ingetrokken(woning_id=woning_id, datum=datum, reden=reden)

    @event("AanbodIngetrokken")
    def _aanbod_ingetrokken(self, woning_id: str, datum: dt.date, reden: str) -> None:
        self._weer_wachtend()

    def verhuis(self, woning_id: str, datum: dt.date) -> None:
        self._eis_aanbod(woning_id)
        if self.status != GEACCEPTEERD:
            raise NogNietGeaccepteerdFout()
        assert self.verhuistermijn_verloopt_op is not None
        self._verhuistermijn_bij(datum)
        self._verhuisd(
            woning_id=woning_id,
            woningsoort=self.woningsoort,
            personen=list(self.personen),
            datum=datum,
            verhuistermijn_gehaald=datum <= self.verhuistermijn_verloopt_op,
            eerste_huisvesting=self.gehuisvest_op is None,
        )

    @event("Verhuisd")
    def _verhuisd(
        self,
        woning_id: str,
        woningsoort: str,
        personen: list[uuid.UUID],
        datum: dt.date,
        verhuistermijn_gehaald: bool,
        eerste_huisvesting: bool,
    ) -> None:
        self.gehuisvest_op = self.gehuisvest_op or datum
        self.verhuisd_op = datum
        if woningsoort == DOORSTROOM:  # housed for now; keeps its place in the queue for a regular home
            self._weer_wachtend()
            self.in_doorstroom = True
        else:
            self.status = VERHUISD
            self.in_doorstroom = False
