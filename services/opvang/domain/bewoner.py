"""Bewoner: one person's stays in reception locations, moves between them, the end of the right to opvang, and uitstroom."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

from eventsourcing.domain import event

from services.domain import Domeinfout
from services.domain.identity import afgeleid_id
from services.domain.leeftijd import MEERDERJARIG, leeftijd
from services.domain.leeftijd import meerderjarig_op as achttiende_verjaardag
from services.domain.persoonsaggregate import GemeentelijkEvent, GemeentelijkPersoonsaggregate

VERTREKTERMIJN = dt.timedelta(days=28)
"""Vreemdelingenwet (seed 001 §4.1): after a definitive refusal the person must leave within 28 days;
then the right to COA opvang ends. The same term as mzd's vertrektermijn, kept by opvang for its stays."""
VERTREK = "vertrek"
"""The soort of that term in opvang's Termijnkalender."""
KIND_VERPLAATSING_DAGEN = 90
"""Design: a child's move within this many days of their previous move is a repeated move
(WELKOM_OPVANG_KIND_VERPLAATSING_DAGEN sets it; each signal stores the window it was judged with)."""

BIJZONDERE_BEHOEFTEN = (
    "medisch", "psychisch", "beperking", "zwangerschap", "alleenstaande-minderjarige", "alleenstaande-ouder", "lhbtiq",
)
"""The closed list of a placement's `bijzondere_behoefte` (design, no free text): a somatic and a
mental-health care need, a physical, sensory or intellectual disability that needs an adapted place,
pregnancy, an unaccompanied minor (AMV), a single parent, and LHBTIQ+ (a safe place). These are the
kwetsbare groepen of seed 001 §1.2 and the AMV, as COA places them; each needs something of the
location. At most one per placement, the one the location must provide for."""
GEHUISVEST = "gehuisvest"
"""The stay ended because the household moved into a home (huisvesting's `verhuisd`)."""
VERTREKREDENEN = ("zelfstandig-vertrokken", "overgeplaatst-andere-gemeente", "einde-recht-op-opvang", "overleden",
                  "onbekend")
"""Why COA reports a departure (`nl.opvang.asielzoeker-vertrokken`)."""
UITSTROOMREDENEN = (GEHUISVEST, *VERTREKREDENEN)
"""Every reason a stay ends with, in the order reports list them."""


class AlInOpvangFout(Domeinfout):
    """A placement for a person who already stays in a location."""


class NietInOpvangFout(Domeinfout):
    """A move or departure of a person who does not stay in any location."""


class ZelfdeLocatieFout(Domeinfout):
    """A move from a location to the same location."""


class AndereLocatieFout(Domeinfout):
    """A departure from a location the person does not stay in."""


class OnbekendeBijzondereBehoefteFout(Domeinfout):
    """A placement with a bijzondere behoefte outside the closed list."""


class OnbekendeVertrekredenFout(Domeinfout):
    """A departure with a reason outside VERTREKREDENEN."""


class Bewoner(GemeentelijkPersoonsaggregate):
    """One per person (persoon_id), registered by a gemeente's opvang; its events name both.
    Counts every move: the goal is as few as possible, especially for children."""

    class Geplaatst(GemeentelijkEvent):
        """A stay began. Since class_version 3 it carries `meerderjarig_op`, the day a person placed
        as a minor turns 18 (None for an adult or an unknown age: the birth date itself is not
        stored), and `bijzondere_behoefte` (one of BIJZONDERE_BEHOEFTEN, or None). Placements stored
        before have neither."""

        locatie_id: str
        datum: dt.date
        meerderjarig_op: dt.date | None
        bijzondere_behoefte: str | None
        class_version: ClassVar[int] = 3

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            state.setdefault("meerderjarig_op", None)
            state.setdefault("bijzondere_behoefte", None)

    @staticmethod
    def create_id(persoon_id: uuid.UUID) -> uuid.UUID:
        return afgeleid_id("opvang", "bewoner", persoon_id)

    @event("Geregistreerd")
    def __init__(self, persoon_id: uuid.UUID, gemeentecode: str | None = None) -> None:
        self.persoon_id = persoon_id
        self.gemeentecode = gemeentecode
        self.locatie_id: str | None = None
        self.verplaatsingen = 0
        self.statushouder = False
        self.uitstroom: tuple[str | None, dt.date] | None = None
        """The last stay that ended: (locatie_id, datum)."""
        self.meerderjarig_op: dt.date | None = None
        self.laatste_verplaatsing: dt.date | None = None
        self.vertrektermijn_verloopt_op: dt.date | None = None
        """The last day of the vertrektermijn running in this stay, after a definitive refusal."""
        self.recht_op_opvang_beeindigd = False

    @property
    def in_opvang(self) -> bool:
        return self.locatie_id is not None

    def minderjarig_op(self, datum: dt.date) -> bool:
        """Under 18 on the date, as far as opvang knows (only of a person placed as a minor)."""
        return self.meerderjarig_op is not None and datum < self.meerderjarig_op

    def plaats(self, locatie_id: str, datum: dt.date, geboortedatum: dt.date | None = None,
               bijzondere_behoefte: str | None = None) -> None:
        """A stay begins. Of the birth date only the day the person turns 18 is kept, and only when
        they are a minor on the placement date: that is all the children's figures need."""
        if self.in_opvang:
            raise AlInOpvangFout()
        if bijzondere_behoefte is not None and bijzondere_behoefte not in BIJZONDERE_BEHOEFTEN:
            raise OnbekendeBijzondereBehoefteFout()
        minderjarig = geboortedatum is not None and leeftijd(geboortedatum, datum) < MEERDERJARIG
        self._geplaatst(locatie_id=locatie_id, datum=datum,
                        meerderjarig_op=achttiende_verjaardag(geboortedatum) if minderjarig else None,  # type: ignore[arg-type]
                        bijzondere_behoefte=bijzondere_behoefte)

    @event(Geplaatst)
    def _geplaatst(self, locatie_id: str, datum: dt.date, meerderjarig_op: dt.date | None,
                   bijzondere_behoefte: str | None) -> None:
        self.locatie_id = locatie_id
        self.meerderjarig_op = meerderjarig_op or self.meerderjarig_op

    def verplaats(self, van_locatie_id: str, naar_locatie_id: str, datum: dt.date,
                  kind_venster_dagen: int = KIND_VERPLAATSING_DAGEN) -> None:
        """A move, counted. A child's move within `kind_venster_dagen` days of their previous move is
        also recorded as a repeated move (KindHerhaaldVerplaatst), with the window it was judged by."""
        if not self.in_opvang:
            raise NietInOpvangFout()
        if van_locatie_id == naar_locatie_id:
            raise ZelfdeLocatieFout()
        vorige = self.laatste_verplaatsing
        self._verplaatst(
            van_locatie_id=van_locatie_id,
            naar_locatie_id=naar_locatie_id,
            datum=datum,
            verplaatsingen=self.verplaatsingen + 1,
        )
        if vorige is not None and self.minderjarig_op(datum) and abs((datum - vorige).days) <= kind_venster_dagen:
            self._kind_herhaald_verplaatst(datum=datum, vorige_datum=vorige, dagen=abs((datum - vorige).days),
                                           venster_dagen=kind_venster_dagen)

    @event("Verplaatst")
    def _verplaatst(
        self, van_locatie_id: str, naar_locatie_id: str, datum: dt.date, verplaatsingen: int
    ) -> None:
        self.locatie_id = naar_locatie_id
        self.verplaatsingen = verplaatsingen
        self.laatste_verplaatsing = datum

    @event("KindHerhaaldVerplaatst")
    def _kind_herhaald_verplaatst(self, datum: dt.date, vorige_datum: dt.date, dagen: int, venster_dagen: int) -> None:
        pass

    def verleen_status(self, besluitdatum: dt.date, soort: str) -> None:
        if not self.statushouder:
            self._statushouder_geworden(besluitdatum=besluitdatum, soort=soort)

    @event("StatushouderGeworden")
    def _statushouder_geworden(self, besluitdatum: dt.date, soort: str) -> None:
        self.statushouder = True

    # -- the end of the right to opvang ---------------------------------------------------------

    def wijs_definitief_af(self, besluitdatum: dt.date) -> None:
        """A definitive refusal of the asylum application: the 28-day vertrektermijn starts. Nothing
        for a person not in opvang, or whose term already runs (or ran) in this stay."""
        if self.in_opvang and self.vertrektermijn_verloopt_op is None:
            self._definitief_afgewezen(besluitdatum=besluitdatum, locatie_id=self.locatie_id,
                                       vertrektermijn_verloopt_op=besluitdatum + VERTREKTERMIJN)

    @event("DefinitiefAfgewezen")
    def _definitief_afgewezen(self, besluitdatum: dt.date, locatie_id: str | None,
                              vertrektermijn_verloopt_op: dt.date) -> None:
        self.vertrektermijn_verloopt_op = vertrektermijn_verloopt_op

    def open_termijnen(self) -> dict[str, dt.date]:
        """The vertrektermijn while it runs: only in opvang, until the right ended or the stay did."""
        if self.in_opvang and self.vertrektermijn_verloopt_op and not self.recht_op_opvang_beeindigd:
            return {VERTREK: self.vertrektermijn_verloopt_op}
        return {}

    def verstrijk_termijn(self, soort: str, verloopt_op: dt.date) -> None:
        """The clock: the vertrektermijn passed, so the right to opvang ended (the person still stays
        until their departure closes the stay)."""
        if soort == VERTREK and self.open_termijnen().get(VERTREK) == verloopt_op:
            self._recht_op_opvang_beeindigd(verlopen_op=verloopt_op, locatie_id=self.locatie_id)

    @event("RechtOpOpvangBeeindigd")
    def _recht_op_opvang_beeindigd(self, verlopen_op: dt.date, locatie_id: str | None) -> None:
        self.recht_op_opvang_beeindigd = True

    # -- uitstroom ------------------------------------------------------------------------------

    def stroom_uit(self, datum: dt.date, reden: str) -> None:
        if self.in_opvang:
            self._uitgestroomd(locatie_id=self.locatie_id, datum=datum, reden=reden)

    def vertrek(self, locatie_id: str, datum: dt.date, reden: str) -> None:
        """COA reports the person left `locatie_id`, with one of VERTREKREDENEN. Nothing when the
        stay already ended (a move into a home ended it)."""
        if reden not in VERTREKREDENEN:
            raise OnbekendeVertrekredenFout()
        if not self.in_opvang:
            return
        if locatie_id != self.locatie_id:
            raise AndereLocatieFout()
        self._uitgestroomd(locatie_id=locatie_id, datum=datum, reden=reden)

    @event("Uitgestroomd")
    def _uitgestroomd(self, locatie_id: str | None, datum: dt.date, reden: str) -> None:
        self.locatie_id = None
        self.uitstroom = (locatie_id, datum)
        self.vertrektermijn_verloopt_op = None
        self.recht_op_opvang_beeindigd = False

    def corrigeer_uitstroom(self, oude_datum: dt.date, datum: dt.date, reden: str) -> None:
        """The move that ended the last stay on `oude_datum` was corrected: the stay ended on `datum`.
        Nothing when the last stay did not end on that date (a later move ended no stay)."""
        if self.uitstroom is not None and self.uitstroom[1] == oude_datum != datum:
            self._uitstroom_gecorrigeerd(locatie_id=self.uitstroom[0], datum=datum, oude_datum=oude_datum, reden=reden)

    @event("UitstroomGecorrigeerd")
    def _uitstroom_gecorrigeerd(self, locatie_id: str | None, datum: dt.date, oude_datum: dt.date, reden: str) -> None:
        self.uitstroom = (locatie_id, datum)
