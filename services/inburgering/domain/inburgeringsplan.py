"""Inburgeringsplan: one person's PIP and what follows it: the leerroute started, voortgangsgesprekken, PVT, MAP and Z-route."""

from __future__ import annotations

import datetime as dt
import uuid

from eventsourcing.domain import event

from services.domain import Domeinfout
from services.domain.identity import afgeleid_id
from services.domain.maanden import plus_maanden
from services.domain.persoonsaggregate import GemeentelijkPersoonsaggregate

VOORTGANG_MAANDEN = 6
"""Design (seed 003): a voortgangsgesprek every six months of the PIP (WELKOM_INBURGERING_VOORTGANG_MAANDEN)."""
ALFABETISERING = ("A", "AA", "NVT")
"""DUO's alfabetiseringsindicator of the PIP: alfabetisering, anderstalig alfabetisering, niet van toepassing."""
NIVEAUS = ("A1", "A2", "B1", "B2")


class PipBestaatAlFout(Domeinfout):
    """A PIP was recorded before: change it (PIP gewijzigd) instead."""


class GeenGefinancierdeLeerrouteFout(Domeinfout):
    """A gezinsmigrant pays their own route: the gemeente starts no leerroute for them."""


class LeerrouteAlGestartFout(Domeinfout):
    """The leerroute of this PIP was started before."""


class PvtAlOndertekendFout(Domeinfout):
    """The participatieverklaring was signed before."""


class MapAlAfgerondFout(Domeinfout):
    """The MAP's final interview was held before."""


class GeenMapFout(Domeinfout):
    """The MAP belongs to the B1-route and the Z-route, not to the onderwijsroute."""


class GeenZrouteFout(Domeinfout):
    """Only a PIP with the Z-route can complete it, and only once."""


class Inburgeringsplan(GemeentelijkPersoonsaggregate):
    """One per person, opened when staff set the PIP (its dagtekening, leerroute, niveau, alfabetisering
    and aanbieder; `gefinancierd` False for a gezinsmigrant). A voortgangsgesprek is due every
    `voortgang_maanden` after the PIP or the last gesprek; the clock records a missed one, and the next
    gesprek sets the next due date. The due date is stored, so a changed setting changes no past term."""

    @staticmethod
    def create_id(persoon_id: uuid.UUID) -> uuid.UUID:
        return afgeleid_id("inburgering", "plan", persoon_id)

    @classmethod
    def stel_vast(cls, persoon_id: uuid.UUID, dagtekening: dt.date, leerroute: str, niveau: str, alfabetisering: str,
                  aanbieder: str | None, gefinancierd: bool, voortgang_maanden: int = VOORTGANG_MAANDEN,
                  gemeentecode: str | None = None) -> Inburgeringsplan:
        return cls(persoon_id=persoon_id, gemeentecode=gemeentecode, dagtekening=dagtekening, leerroute=leerroute,
                   niveau=niveau, alfabetisering=alfabetisering, aanbieder=aanbieder, gefinancierd=gefinancierd,
                   voortgang_op=plus_maanden(dagtekening, voortgang_maanden))

    @event("PipVastgesteld")
    def __init__(self, persoon_id: uuid.UUID, dagtekening: dt.date, leerroute: str, niveau: str, alfabetisering: str,
                 aanbieder: str | None, gefinancierd: bool, voortgang_op: dt.date, gemeentecode: str | None = None) -> None:
        self.persoon_id = persoon_id
        self.gemeentecode = gemeentecode
        self.dagtekening, self.leerroute, self.niveau = dagtekening, leerroute, niveau
        self.alfabetisering, self.aanbieder, self.gefinancierd = alfabetisering, aanbieder, gefinancierd
        self.voortgang_op: dt.date | None = voortgang_op
        self.route_gestart_op: dt.date | None = None
        self.pvt_op: dt.date | None = None
        self.map_op: dt.date | None = None
        self.zroute_op: dt.date | None = None
        self.afgesloten_op: dt.date | None = None

    def open_termijnen(self) -> dict[str, dt.date]:
        if self.voortgang_op is None or self.afgesloten_op is not None:
            return {}
        return {"voortgang": self.voortgang_op}

    def sluit(self, datum: dt.date, uitkomst: str) -> None:
        """The plicht ended (DUO's diploma, vrijstelling, ...): no voortgangsgesprek is due any more."""
        if self.afgesloten_op is None:
            self._afgesloten(datum=datum, uitkomst=uitkomst)

    @event("Afgesloten")
    def _afgesloten(self, datum: dt.date, uitkomst: str) -> None:
        self.afgesloten_op = datum

    def verstrijk_termijn(self, soort: str, verloopt_op: dt.date) -> None:
        if soort == "voortgang":
            self._voortgang_verstreken(verlopen_op=verloopt_op)

    @event("VoortgangstermijnVerstreken")
    def _voortgang_verstreken(self, verlopen_op: dt.date) -> None:
        self.voortgang_op = None

    def wijzig(self, dagtekening: dt.date, leerroute: str, niveau: str, alfabetisering: str,
               aanbieder: str | None) -> None:
        """A changed PIP (a new dagtekening): the gemeente reports it to DUO again."""
        if leerroute != "z-route" and self.zroute_op is not None:
            raise GeenZrouteFout()
        self._gewijzigd(dagtekening=dagtekening, leerroute=leerroute, niveau=niveau, alfabetisering=alfabetisering,
                        aanbieder=aanbieder, vorige_leerroute=self.leerroute)

    @event("PipGewijzigd")
    def _gewijzigd(self, dagtekening: dt.date, leerroute: str, niveau: str, alfabetisering: str,
                   aanbieder: str | None, vorige_leerroute: str) -> None:
        self.dagtekening, self.leerroute, self.niveau = dagtekening, leerroute, niveau
        self.alfabetisering, self.aanbieder = alfabetisering, aanbieder

    def voer_voortgangsgesprek(self, datum: dt.date, voortgang_maanden: int = VOORTGANG_MAANDEN) -> None:
        """A voortgangsgesprek held: within its term or late (the clock, or this, records the miss first)."""
        if "voortgang" in self.open_termijnen() and datum > self.voortgang_op:  # type: ignore[operator]
            self._voortgang_verstreken(verlopen_op=self.voortgang_op)
        self._voortgangsgesprek(datum=datum, volgende_op=plus_maanden(datum, voortgang_maanden))

    @event("VoortgangsgesprekGevoerd")
    def _voortgangsgesprek(self, datum: dt.date, volgende_op: dt.date) -> None:
        self.voortgang_op = volgende_op

    def start_route(self, datum: dt.date, aanbieder: str | None) -> None:
        """The leerroute started, with its aanbieder (by default the PIP's)."""
        if not self.gefinancierd:
            raise GeenGefinancierdeLeerrouteFout()
        if self.route_gestart_op is not None:
            raise LeerrouteAlGestartFout()
        self._route_gestart(datum=datum, aanbieder=aanbieder or self.aanbieder, leerroute=self.leerroute)

    @event("LeerrouteGestart")
    def _route_gestart(self, datum: dt.date, aanbieder: str | None, leerroute: str) -> None:
        self.route_gestart_op = datum

    def onderteken_pvt(self, datum: dt.date, verwijtbaar: bool) -> None:
        """The participatieverklaring signed; `verwijtbaar`: the person is to blame for a delay."""
        if self.pvt_op is not None:
            raise PvtAlOndertekendFout()
        self._pvt(datum=datum, verwijtbaar=verwijtbaar)

    @event("PvtOndertekend")
    def _pvt(self, datum: dt.date, verwijtbaar: bool) -> None:
        self.pvt_op = datum

    def rond_map_af(self, datum: dt.date) -> None:
        if self.leerroute == "onderwijsroute":
            raise GeenMapFout()
        if self.map_op is not None:
            raise MapAlAfgerondFout()
        self._map(datum=datum)

    @event("MapEindgesprekGevoerd")
    def _map(self, datum: dt.date) -> None:
        self.map_op = datum

    def rond_zroute_af(self, datum: dt.date) -> None:
        if self.leerroute != "z-route" or self.zroute_op is not None:
            raise GeenZrouteFout()
        self._zroute(datum=datum)

    @event("ZrouteAfgerond")
    def _zroute(self, datum: dt.date) -> None:
        self.zroute_op = datum
        self.voortgang_op = None
