"""Ontheemde: one displaced person from Ukraine in the gemeente's care (TWOO): stays, moves, departure, eigen bijdrage."""

from __future__ import annotations

import datetime as dt
import uuid

from eventsourcing.domain import event

from services.domain import Domeinfout
from services.domain.identity import afgeleid_id
from services.domain.persoonsaggregate import GemeentelijkPersoonsaggregate

GEMEENTELIJK, PARTICULIER = "gemeentelijk", "particulier"
"""Where an ontheemde stays: in a gemeentelijke Oekraïne-locatie, or in private shelter (particuliere
opvang: no address is recorded, only that it is private)."""
VERTREKREDENEN = ("terugkeer", "ander-land", "andere-gemeente", "eigen-woonruimte", "overleden", "onbekend")
"""Why a stay ends (design): back to Ukraine, on to another country, to another gemeente's opvang,
to a home of their own, died, or left without saying where."""
EIGEN_BIJDRAGE_SINDS = dt.date(2024, 7, 1)
"""Since 1 July 2024 (TWOO) a gemeente must ask ontheemden an eigen bijdrage for their opvang (seed 001 §1.2)."""
VRIJSTELLINGSGRONDEN = ("geen-inkomen", "inkomen-onder-norm", "minderjarig", "hardheidsclausule")
"""Why an ontheemde is exempt from the eigen bijdrage (design, a closed list): no income of their
own (leefgeld only), an income below the norm, under 18, or the gemeente's hardship clause."""


class OntheemdeBestaatAlFout(Domeinfout):
    """A registration of an ontheemde who is registered already."""


class AlInOpvangFout(Domeinfout):
    """A placement of an ontheemde who already stays in opvang (a change is a move)."""


class NietInOpvangFout(Domeinfout):
    """A move or departure of an ontheemde who stays nowhere."""


class ZelfdeOpvangFout(Domeinfout):
    """A move to where the ontheemde stays already."""


class DatumVoorVorigeStapFout(Domeinfout):
    """A step dated before the registration or the previous placement, move or departure."""


class OnbekendeVertrekredenFout(Domeinfout):
    """A departure with a reason outside VERTREKREDENEN."""


class BijdrageVoorTwooFout(Domeinfout):
    """An eigen bijdrage decision dated before 1 July 2024, when the TWOO introduced it."""


class VrijstellingsgrondFout(Domeinfout):
    """An exemption without a ground from VRIJSTELLINGSGRONDEN, or a liability with one."""


class Ontheemde(GemeentelijkPersoonsaggregate):
    """One per person (persoon_id, derived from the BSN: an ontheemde has no V-nummer), registered
    by a gemeente; its events name both. A stay is gemeentelijk (a location) or particulier; every
    change of stay counts as a move (as few as possible). The eigen bijdrage is a dated decision:
    liable, or exempt on a ground from a closed list; the latest dated on or before a day holds."""

    @staticmethod
    def create_id(persoon_id: uuid.UUID) -> uuid.UUID:
        return afgeleid_id("opvang", "ontheemde", persoon_id)

    @event("Geregistreerd")
    def __init__(self, persoon_id: uuid.UUID, datum: dt.date, gemeentecode: str | None = None) -> None:
        self.persoon_id = persoon_id
        self.gemeentecode = gemeentecode
        self.geregistreerd_op = datum
        self.opvang: tuple[str, str | None] | None = None
        """Where the ontheemde stays: (GEMEENTELIJK, locatie_id) or (PARTICULIER, None); None: nowhere."""
        self.laatste_stap = datum
        self.verplaatsingen = 0
        self.eigen_bijdrage: dict[dt.date, tuple[bool, str | None]] = {}
        """Per date of a decision: (liable, ground of the exemption)."""

    @property
    def in_opvang(self) -> bool:
        return self.opvang is not None

    def _eis_na_vorige_stap(self, datum: dt.date) -> None:
        if datum < self.laatste_stap:
            raise DatumVoorVorigeStapFout()

    def plaats(self, opvangsoort: str, locatie_id: str | None, datum: dt.date) -> None:
        if self.in_opvang:
            raise AlInOpvangFout()
        self._eis_na_vorige_stap(datum)
        self._geplaatst(opvangsoort=opvangsoort, locatie_id=locatie_id, datum=datum)

    @event("Geplaatst")
    def _geplaatst(self, opvangsoort: str, locatie_id: str | None, datum: dt.date) -> None:
        self.opvang = (opvangsoort, locatie_id)
        self.laatste_stap = datum

    def verplaats(self, opvangsoort: str, locatie_id: str | None, datum: dt.date) -> None:
        if self.opvang is None:
            raise NietInOpvangFout()
        if self.opvang == (opvangsoort, locatie_id):
            raise ZelfdeOpvangFout()
        self._eis_na_vorige_stap(datum)
        van_soort, van_locatie = self.opvang
        self._verplaatst(van_opvangsoort=van_soort, van_locatie_id=van_locatie, naar_opvangsoort=opvangsoort,
                         naar_locatie_id=locatie_id, datum=datum, verplaatsingen=self.verplaatsingen + 1)

    @event("Verplaatst")
    def _verplaatst(self, van_opvangsoort: str, van_locatie_id: str | None, naar_opvangsoort: str,
                    naar_locatie_id: str | None, datum: dt.date, verplaatsingen: int) -> None:
        self.opvang = (naar_opvangsoort, naar_locatie_id)
        self.laatste_stap = datum
        self.verplaatsingen = verplaatsingen

    def vertrek(self, datum: dt.date, reden: str) -> None:
        """The stay ends; the registration stays, so a later placement is possible."""
        if self.opvang is None:
            raise NietInOpvangFout()
        if reden not in VERTREKREDENEN:
            raise OnbekendeVertrekredenFout()
        self._eis_na_vorige_stap(datum)
        opvangsoort, locatie_id = self.opvang
        self._vertrokken(opvangsoort=opvangsoort, locatie_id=locatie_id, datum=datum, reden=reden)

    @event("Vertrokken")
    def _vertrokken(self, opvangsoort: str, locatie_id: str | None, datum: dt.date, reden: str) -> None:
        self.opvang = None
        self.laatste_stap = datum

    def stel_eigen_bijdrage_vast(self, datum: dt.date, plichtig: bool, vrijstellingsgrond: str | None) -> None:
        """From `datum` on the ontheemde is liable (no ground) or exempt (a ground from the list)."""
        if datum < EIGEN_BIJDRAGE_SINDS:
            raise BijdrageVoorTwooFout()
        if plichtig != (vrijstellingsgrond is None) or vrijstellingsgrond not in (None, *VRIJSTELLINGSGRONDEN):
            raise VrijstellingsgrondFout()
        if datum < self.geregistreerd_op:
            raise DatumVoorVorigeStapFout()
        self._eigen_bijdrage_vastgesteld(datum=datum, plichtig=plichtig, vrijstellingsgrond=vrijstellingsgrond)

    @event("EigenBijdrageVastgesteld")
    def _eigen_bijdrage_vastgesteld(self, datum: dt.date, plichtig: bool, vrijstellingsgrond: str | None) -> None:
        self.eigen_bijdrage[datum] = (plichtig, vrijstellingsgrond)
