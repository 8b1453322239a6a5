"""Inburgeringstraject: one adult's way from koppeling through the brede intake to a leerroute."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from eventsourcing.domain import event

from services.domain import Domeinfout
from services.domain.identity import afgeleid_id
from services.domain.persoonsaggregate import GemeentelijkEvent, GemeentelijkPersoonsaggregate

INTAKETERMIJN = dt.timedelta(weeks=10)
"""Design (DOMAIN.md §4, seed 001 §3.1): invite for the brede intake within 10 weeks of koppeling."""
LEERROUTES = ("B1", "onderwijsroute", "z-route")


class IntakeAlAfgerondFout(Domeinfout):
    """The brede intake of this traject was recorded before."""


class OnbekendeLeerrouteFout(Domeinfout):
    """The leerroute is not B1, onderwijsroute or z-route."""


class Inburgeringstraject(GemeentelijkPersoonsaggregate):
    """One per adult person (persoon_id), opened at koppeling."""

    class Event(GemeentelijkEvent):
        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            GemeentelijkEvent.upcast_v1_v2(state)
            if "koppeldatum" in state:  # Gestart: the intake term is stored since v2
                state.setdefault("intaketermijn_verloopt_op", state["koppeldatum"] + INTAKETERMIJN)

    @classmethod
    def start(cls, persoon_id: uuid.UUID, koppeldatum: dt.date, gemeentecode: str | None = None) -> Inburgeringstraject:
        """A traject at koppeling to a gemeente: the 10-week intake term starts on the koppeldatum."""
        return cls(persoon_id=persoon_id, koppeldatum=koppeldatum,
                   intaketermijn_verloopt_op=koppeldatum + INTAKETERMIJN, gemeentecode=gemeentecode)

    @staticmethod
    def create_id(persoon_id: uuid.UUID) -> uuid.UUID:
        return afgeleid_id("inburgering", "traject", persoon_id)

    @event("Gestart")
    def __init__(self, persoon_id: uuid.UUID, koppeldatum: dt.date, intaketermijn_verloopt_op: dt.date,
                 gemeentecode: str | None = None) -> None:
        self.persoon_id = persoon_id
        self.gemeentecode = gemeentecode
        self.koppeldatum = koppeldatum
        self.intaketermijn_verloopt_op = intaketermijn_verloopt_op
        self.intake_op: dt.date | None = None
        self.leerroute: str | None = None
        self.termijn_verstreken = False

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

    @event("BredeIntakeAfgerond")
    def _brede_intake_afgerond(self, datum: dt.date, leerroute: str, binnen_termijn: bool) -> None:
        self.intake_op = datum
        self.leerroute = leerroute
