"""Inburgeringstraject: the gemeente's guidance of one adult from the start (koppeling, permit, legalisering, 18th birthday, DUO) to the brede intake."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from eventsourcing.domain import event

from services.domain import Domeinfout
from services.domain.correctie import eis_wijziging
from services.domain.identity import afgeleid_id
from services.domain.persoonsaggregate import GemeentelijkEvent, GemeentelijkPersoonsaggregate

INTAKETERMIJN = dt.timedelta(weeks=10)
"""Design (DOMAIN.md §4, seed 001 §3.1): invite for the brede intake within 10 weeks of koppeling."""
LEERROUTES = ("B1", "onderwijsroute", "z-route")
DOELGROEPEN = ("asielstatushouder", "nareiziger", "gezinsmigrant")
AANLEIDINGEN = ("koppeling", "nareis", "legalisering", "meerderjarig", "duo")
"""Why a traject started: COA's koppeling, IND's nareis permit, mzd's legalisering, an 18th birthday after the
koppeling, or DUO's plicht signal for a gezinsmigrant."""


class IntakeAlAfgerondFout(Domeinfout):
    """The brede intake of this traject was recorded before."""


class OnbekendeLeerrouteFout(Domeinfout):
    """The leerroute is not B1, onderwijsroute or z-route."""


class GeenIntakeFout(Domeinfout):
    """The correction names a brede intake this traject has not recorded."""


class AlUitgenodigdFout(Domeinfout):
    """The invitation for the brede intake was recorded before."""


class Inburgeringstraject(GemeentelijkPersoonsaggregate):
    """One per adult person (persoon_id). `startdatum` is the day the gemeente's guidance began (the
    koppeldatum, the permit's besluitdatum, the 18th birthday, DUO's begindatum); the 10-week intake
    term runs from it, and DUO's plicht signal is expected by `duo_signaal_verwacht_op` (the window
    the traject was started with). An intake within an intake term the clock already recorded as
    expired revises that (IntaketermijnHerzien); staff correct the intake's date and leerroute with
    BredeIntakeGecorrigeerd."""

    class Event(GemeentelijkEvent):
        class_version = 3

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            GemeentelijkEvent.upcast_v1_v2(state)
            if "koppeldatum" in state:  # Gestart: the intake term is stored since v2
                state.setdefault("intaketermijn_verloopt_op", state["koppeldatum"] + INTAKETERMIJN)

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            if "koppeldatum" in state:  # Gestart: why, for whom and since when, stored since v3
                for veld in ("startdatum", "doelgroep", "aanleiding", "duo_signaal_verwacht_op"):
                    state.setdefault(veld, None)  # None: as before (the koppeldatum, asielstatushouder, koppeling)

    @classmethod
    def start(cls, persoon_id: uuid.UUID, koppeldatum: dt.date, gemeentecode: str | None = None, *,
              startdatum: dt.date | None = None, doelgroep: str = "asielstatushouder", aanleiding: str = "koppeling",
              duo_signaal_weken: int | None = None) -> Inburgeringstraject:
        """A traject from `startdatum` (by default the koppeldatum): the 10-week intake term starts then,
        and DUO's plicht signal is expected within `duo_signaal_weken` of it (None: not watched)."""
        start = startdatum or koppeldatum
        verwacht = start + dt.timedelta(weeks=duo_signaal_weken) if duo_signaal_weken is not None else None
        return cls(persoon_id=persoon_id, koppeldatum=koppeldatum, intaketermijn_verloopt_op=start + INTAKETERMIJN,
                   gemeentecode=gemeentecode, startdatum=start, doelgroep=doelgroep, aanleiding=aanleiding,
                   duo_signaal_verwacht_op=verwacht)

    @staticmethod
    def create_id(persoon_id: uuid.UUID) -> uuid.UUID:
        return afgeleid_id("inburgering", "traject", persoon_id)

    @event("Gestart")
    def __init__(self, persoon_id: uuid.UUID, koppeldatum: dt.date, intaketermijn_verloopt_op: dt.date,
                 gemeentecode: str | None = None, startdatum: dt.date | None = None,
                 doelgroep: str | None = None, aanleiding: str | None = None,
                 duo_signaal_verwacht_op: dt.date | None = None) -> None:
        self.persoon_id = persoon_id
        self.gemeentecode = gemeentecode
        self.koppeldatum = koppeldatum
        self.startdatum = startdatum or koppeldatum
        self.doelgroep = doelgroep or "asielstatushouder"
        self.aanleiding = aanleiding or "koppeling"
        self.intaketermijn_verloopt_op = intaketermijn_verloopt_op
        self.intake_op: dt.date | None = None
        self.leerroute: str | None = None
        self.termijn_verstreken = False
        self.uitgenodigd_op: dt.date | None = None
        self.wijk: str | None = None

    def nodig_uit(self, datum: dt.date) -> None:
        """Staff sent the invitation for the brede intake (once; an intake needs none)."""
        if self.uitgenodigd_op is not None:
            raise AlUitgenodigdFout()
        if self.intake_op is not None:
            raise IntakeAlAfgerondFout()
        self._uitgenodigd(datum=datum)

    @event("UitnodigingVerstuurd")
    def _uitgenodigd(self, datum: dt.date) -> None:
        self.uitgenodigd_op = datum

    def vestig_in_wijk(self, wijk: str, datum: dt.date) -> None:
        """Welkom in de wijk: the person moved into a home in this wijk (never an address)."""
        self._in_wijk(wijk=wijk, datum=datum, vorige_wijk=self.wijk)

    @event("InWijkGevestigd")
    def _in_wijk(self, wijk: str, datum: dt.date, vorige_wijk: str | None) -> None:
        self.wijk = wijk

    def open_termijnen(self) -> dict[str, dt.date]:
        if self.intake_op is None and not self.termijn_verstreken:
            return {"intake": self.intaketermijn_verloopt_op}
        return {}

    def verstrijk_termijn(self, soort: str, verloopt_op: dt.date) -> None:
        if soort == "intake":
            self._intaketermijn_verstreken(verlopen_op=verloopt_op)

    @event("IntaketermijnVerstreken")
    def _intaketermijn_verstreken(self, verlopen_op: dt.date) -> None:
        self.termijn_verstreken = True

    @event("IntaketermijnHerzien")
    def _intaketermijn_herzien(self, verlopen_op: dt.date, gehaald_op: dt.date, reden: str) -> None:
        self.termijn_verstreken = False

    def _intaketermijn_bij(self, datum: dt.date, reden: str) -> None:
        """Settle the intake term for an intake on this date: past the term, its expiry is recorded
        first (unless it was); within a term recorded as expired, that is revised."""
        termijn = self.intaketermijn_verloopt_op
        if datum > termijn and not self.termijn_verstreken:
            self._intaketermijn_verstreken(verlopen_op=termijn)
        elif datum <= termijn and self.termijn_verstreken:
            self._intaketermijn_herzien(verlopen_op=termijn, gehaald_op=datum, reden=reden)

    def rond_intake_af(self, datum: dt.date, leerroute: str) -> None:
        if self.intake_op is not None:
            raise IntakeAlAfgerondFout()
        if leerroute not in LEERROUTES:
            raise OnbekendeLeerrouteFout()
        if "intake" in self.open_termijnen() and datum > self.intaketermijn_verloopt_op:
            self._intaketermijn_verstreken(verlopen_op=self.intaketermijn_verloopt_op)
        self._brede_intake_afgerond(
            datum=datum, leerroute=leerroute, binnen_termijn=datum <= self.intaketermijn_verloopt_op
        )
        self._intaketermijn_bij(datum, "brede-intake-afgerond")

    def corrigeer_intake(self, datum: dt.date, leerroute: str, reden: str) -> None:
        """Staff correct the date and/or leerroute of the intake they recorded; the intake term
        follows the corrected date."""
        if self.intake_op is None:
            raise GeenIntakeFout()
        if leerroute not in LEERROUTES:
            raise OnbekendeLeerrouteFout()
        eis_wijziging((self.intake_op, self.leerroute), (datum, leerroute))
        binnen = datum <= self.intaketermijn_verloopt_op
        if not binnen:
            self._intaketermijn_bij(datum, "brede-intake-gecorrigeerd")
        self._intake_gecorrigeerd(datum=datum, oude_datum=self.intake_op, leerroute=leerroute,
                                  oude_leerroute=self.leerroute, binnen_termijn=binnen, reden=reden)
        if binnen:
            self._intaketermijn_bij(datum, "brede-intake-gecorrigeerd")

    @event("BredeIntakeGecorrigeerd")
    def _intake_gecorrigeerd(self, datum: dt.date, oude_datum: dt.date, leerroute: str, oude_leerroute: str,
                             binnen_termijn: bool, reden: str) -> None:
        self.intake_op = datum
        self.leerroute = leerroute

    @event("BredeIntakeAfgerond")
    def _brede_intake_afgerond(self, datum: dt.date, leerroute: str, binnen_termijn: bool) -> None:
        self.intake_op = datum
        self.leerroute = leerroute
