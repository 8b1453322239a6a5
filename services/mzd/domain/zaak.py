"""Zaak: one person's case after a definitive refusal: the vertrektermijn and BBB-opvang."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from eventsourcing.domain import event

from services.domain import Domeinfout
from services.domain.correctie import eis_wijziging
from services.domain.identity import afgeleid_id
from services.domain.persoonsaggregate import GemeentelijkEvent, GemeentelijkPersoonsaggregate

VERTREKTERMIJN = dt.timedelta(days=28)
"""Vreemdelingenwet (seed 001 §4.1): leave within 28 days after a definitive refusal."""


class ZaakBestaatAlFout(Domeinfout):
    """A second definitive refusal for a person who already has a case."""


class AlInBbbFout(Domeinfout):
    """The person was admitted to BBB-opvang before."""


class NietInBbbFout(Domeinfout):
    """The correction names a BBB admission this case has not recorded."""


class Zaak(GemeentelijkPersoonsaggregate):
    """One per person (persoon_id), kept by a gemeente; its events name both."""

    class Event(GemeentelijkEvent):
        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            GemeentelijkEvent.upcast_v1_v2(state)
            if "besluitdatum" in state:  # Geopend: the vertrektermijn is stored since v2
                state.setdefault("vertrektermijn_verloopt_op", state["besluitdatum"] + VERTREKTERMIJN)

    @classmethod
    def open(cls, persoon_id: uuid.UUID, besluitdatum: dt.date, gemeentecode: str | None = None) -> Zaak:
        """A case on a definitive refusal: the 28-day vertrektermijn starts on the besluitdatum."""
        return cls(persoon_id=persoon_id, besluitdatum=besluitdatum,
                   vertrektermijn_verloopt_op=besluitdatum + VERTREKTERMIJN, gemeentecode=gemeentecode)

    @staticmethod
    def create_id(persoon_id: uuid.UUID) -> uuid.UUID:
        return afgeleid_id("mzd", "zaak", persoon_id)

    @event("Geopend")
    def __init__(self, persoon_id: uuid.UUID, besluitdatum: dt.date, vertrektermijn_verloopt_op: dt.date,
                 gemeentecode: str | None = None) -> None:
        self.persoon_id = persoon_id
        self.gemeentecode = gemeentecode
        self.besluitdatum = besluitdatum
        self.vertrektermijn_verloopt_op = vertrektermijn_verloopt_op
        self.termijn_verstreken = False
        self.bbb_sinds: dt.date | None = None

    def open_termijnen(self) -> dict[str, dt.date]:
        return {} if self.termijn_verstreken else {"vertrek": self.vertrektermijn_verloopt_op}

    def verstrijk_termijn(self, soort: str, verloopt_op: dt.date) -> None:
        if soort == "vertrek":
            self._vertrektermijn_verstreken(verlopen_op=verloopt_op)

    @event("VertrektermijnVerstreken")
    def _vertrektermijn_verstreken(self, verlopen_op: dt.date) -> None:
        self.termijn_verstreken = True

    def laat_toe_tot_bbb(self, datum: dt.date) -> None:
        if self.bbb_sinds is not None:
            raise AlInBbbFout()
        self._toegelaten_tot_bbb(datum=datum)

    @event("ToegelatenTotBbb")
    def _toegelaten_tot_bbb(self, datum: dt.date) -> None:
        self.bbb_sinds = datum

    def corrigeer_bbb_toelating(self, datum: dt.date, reden: str) -> None:
        """Staff correct the date of the BBB admission they recorded."""
        if self.bbb_sinds is None:
            raise NietInBbbFout()
        eis_wijziging(self.bbb_sinds, datum)
        self._bbb_toelating_gecorrigeerd(datum=datum, oude_datum=self.bbb_sinds, reden=reden)

    @event("BbbToelatingGecorrigeerd")
    def _bbb_toelating_gecorrigeerd(self, datum: dt.date, oude_datum: dt.date, reden: str) -> None:
        self.bbb_sinds = datum
