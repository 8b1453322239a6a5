"""Zaak: one person's case after a definitive refusal or a withdrawn permit, that follows them: vertrektermijnen, procedures, BBB-opvang, perspective and uitstroom."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

from eventsourcing.domain import Aggregate, event

from services.domain.correctie import eis_wijziging
from services.domain.identity import afgeleid_id
from services.domain.persoonsaggregate import GemeentelijkEvent, GemeentelijkPersoonsaggregate
from services.mzd.domain.regels import (
    BBB_VERTREKREDENEN, LEGALISERING, ORGANISATIES, PERSPECTIEVEN, UITSTROOMREDENEN, VERTREK, VERTREKTERMIJN,
    ZORGBEHOEFTEN, AlAangevraagdFout, AlGeplaatstFout, AlInBbbFout, GeenAanvraagFout, GeslotenZaakFout,
    LegaliseringViaIndFout, NietGeplaatstFout, NietInBbbFout, NietToegelatenFout, beoordeel, eis_in,
)

__all__ = ["VERTREKTERMIJN", "AlInBbbFout", "NietInBbbFout", "Zaak"]


class Zaak(GemeentelijkPersoonsaggregate):
    """One per person (persoon_id), kept by a gemeente; its events name both. It opens on the first
    definitive refusal (or withdrawn permit) and stays the person's case: a repeat application puts
    it in "procedure loopt", a new refusal reopens it with a new vertrektermijn, an uitstroom closes
    it (until a new refusal reopens it)."""

    class Event(GemeentelijkEvent):
        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            GemeentelijkEvent.upcast_v1_v2(state)
            if "besluitdatum" in state:  # Geopend: the vertrektermijn is stored since v2
                state.setdefault("vertrektermijn_verloopt_op", state["besluitdatum"] + VERTREKTERMIJN)

    class Geopend(Event, Aggregate.Created):
        """The case opened. Since class_version 3 it names its `aanleiding` (`afwijzing` or
        `intrekking`); cases opened before were all opened by a definitive refusal."""

        besluitdatum: dt.date
        vertrektermijn_verloopt_op: dt.date
        aanleiding: str
        class_version: ClassVar[int] = 3

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            state.setdefault("aanleiding", "afwijzing")

    class ToegelatenTotBbb(Event):
        """Admitted to BBB-opvang. Since class_version 3 it says whether an assessment recorded in
        welkom admitted the person (`na_beoordeling`); admissions before were all direct."""

        datum: dt.date
        na_beoordeling: bool
        class_version: ClassVar[int] = 3

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            state.setdefault("na_beoordeling", False)

    @classmethod
    def open(cls, persoon_id: uuid.UUID, besluitdatum: dt.date, gemeentecode: str | None = None,
             aanleiding: str = "afwijzing") -> Zaak:
        """A case on a definitive refusal or a withdrawn permit: the 28-day vertrektermijn starts on the besluitdatum."""
        return cls(persoon_id=persoon_id, besluitdatum=besluitdatum, vertrektermijn_verloopt_op=besluitdatum + VERTREKTERMIJN,
                   gemeentecode=gemeentecode, aanleiding=aanleiding)

    @staticmethod
    def create_id(persoon_id: uuid.UUID) -> uuid.UUID:
        return afgeleid_id("mzd", "zaak", persoon_id)

    @event(Geopend)
    def __init__(self, persoon_id: uuid.UUID, besluitdatum: dt.date, vertrektermijn_verloopt_op: dt.date,
                 aanleiding: str, gemeentecode: str | None = None) -> None:
        self.persoon_id = persoon_id
        self.gemeentecode = gemeentecode
        self._nieuwe_termijn(besluitdatum, vertrektermijn_verloopt_op)
        self.gesloten = False
        self.bbb_sinds: dt.date | None = None
        self.aanvraag: dt.date | None = None
        self.organisatie: str | None = None
        self.geplaatst_op: dt.date | None = None
        self.vertrokken: tuple[str, dt.date] | None = None
        self.perspectief: str | None = None

    def _nieuwe_termijn(self, besluitdatum: dt.date, vertrektermijn_verloopt_op: dt.date) -> None:
        self.besluitdatum = besluitdatum
        self.vertrektermijn_verloopt_op = vertrektermijn_verloopt_op
        self.termijn_verstreken = False
        self.procedure_loopt = False

    # -- the case follows the person -------------------------------------------------------------

    def wijs_af(self, besluitdatum: dt.date, aanleiding: str = "afwijzing") -> None:
        """A later definitive refusal or withdrawn permit: the case (re)opens with a new 28-day
        vertrektermijn. The same decision again, or an earlier one arriving late, changes nothing."""
        if besluitdatum > self.besluitdatum:
            self._heropend(besluitdatum=besluitdatum, vertrektermijn_verloopt_op=besluitdatum + VERTREKTERMIJN,
                           aanleiding=aanleiding)

    @event("Heropend")
    def _heropend(self, besluitdatum: dt.date, vertrektermijn_verloopt_op: dt.date, aanleiding: str) -> None:
        self._nieuwe_termijn(besluitdatum, vertrektermijn_verloopt_op)
        if self.gesloten:  # a closed case starts afresh: admission and perspective were of the last time
            self.gesloten, self.bbb_sinds, self.aanvraag, self.perspectief = False, None, None, None

    def start_procedure(self, datum: dt.date) -> None:
        """A repeat asylum application: "procedure loopt", the vertrektermijn stops. Nothing for a
        closed case or one whose procedure runs already."""
        if not self.gesloten and not self.procedure_loopt:
            self._procedure_gestart(datum=datum)

    @event("ProcedureGestart")
    def _procedure_gestart(self, datum: dt.date) -> None:
        self.procedure_loopt = True

    def open_termijnen(self) -> dict[str, dt.date]:
        if self.gesloten or self.procedure_loopt or self.termijn_verstreken:
            return {}
        return {VERTREK: self.vertrektermijn_verloopt_op}

    def verstrijk_termijn(self, soort: str, verloopt_op: dt.date) -> None:
        if soort == VERTREK and self.open_termijnen().get(VERTREK) == verloopt_op:
            self._vertrektermijn_verstreken(verlopen_op=verloopt_op)

    @event("VertrektermijnVerstreken")
    def _vertrektermijn_verstreken(self, verlopen_op: dt.date) -> None:
        self.termijn_verstreken = True

    def _eis_open(self) -> None:
        if self.gesloten:
            raise GeslotenZaakFout()

    # -- BBB-opvang under its conditions ----------------------------------------------------------

    def vraag_bbb_aan(self, datum: dt.date) -> None:
        self._eis_open()
        if self.bbb_sinds is not None:
            raise AlInBbbFout()
        if self.aanvraag is not None:
            raise AlAangevraagdFout()
        self._bbb_aangevraagd(datum=datum)

    @event("BbbAangevraagd")
    def _bbb_aangevraagd(self, datum: dt.date) -> None:
        self.aanvraag = datum

    def beoordeel_bbb(self, datum: dt.date, binding: bool, bindingsgrond: str | None,
                      voorliggende_voorziening: bool) -> None:
        """Assess the open application: admitted (also ToegelatenTotBbb) when both conditions hold."""
        self._eis_open()
        if self.aanvraag is None:
            raise GeenAanvraagFout()
        redenen = beoordeel(binding, bindingsgrond, voorliggende_voorziening)
        self._bbb_beoordeeld(datum=datum, binding=binding, bindingsgrond=bindingsgrond,
                             voorliggende_voorziening=voorliggende_voorziening, toegelaten=not redenen,
                             weigerredenen=redenen)
        if not redenen:
            self._toegelaten_tot_bbb(datum=datum, na_beoordeling=True)

    @event("BbbBeoordeeld")
    def _bbb_beoordeeld(self, datum: dt.date, binding: bool, bindingsgrond: str | None,
                        voorliggende_voorziening: bool, toegelaten: bool, weigerredenen: list[str]) -> None:
        self.aanvraag = None

    def laat_toe_tot_bbb(self, datum: dt.date) -> None:
        """The direct admission (the first command, kept): an admission whose assessment welkom has
        not recorded; it also settles an open application."""
        self._eis_open()
        if self.bbb_sinds is not None:
            raise AlInBbbFout()
        self._toegelaten_tot_bbb(datum=datum, na_beoordeling=False)

    @event(ToegelatenTotBbb)
    def _toegelaten_tot_bbb(self, datum: dt.date, na_beoordeling: bool) -> None:
        self.bbb_sinds = datum
        self.aanvraag = None

    def corrigeer_bbb_toelating(self, datum: dt.date, reden: str) -> None:
        """Staff correct the date of the BBB admission they recorded."""
        if self.bbb_sinds is None:
            raise NietInBbbFout()
        eis_wijziging(self.bbb_sinds, datum)
        self._bbb_toelating_gecorrigeerd(datum=datum, oude_datum=self.bbb_sinds, reden=reden)

    @event("BbbToelatingGecorrigeerd")
    def _bbb_toelating_gecorrigeerd(self, datum: dt.date, oude_datum: dt.date, reden: str) -> None:
        self.bbb_sinds = datum

    def plaats_in_bbb(self, organisatie: str, datum: dt.date) -> None:
        """A BBB organisation took the person in: only someone admitted, in an open case. The same
        placement again changes nothing."""
        eis_in(organisatie, ORGANISATIES)
        if self.organisatie == organisatie and self.geplaatst_op == datum:
            return
        self._eis_open()
        if self.bbb_sinds is None:
            raise NietToegelatenFout()
        if self.organisatie is not None:
            raise AlGeplaatstFout()
        self._bbb_geplaatst(organisatie=organisatie, datum=datum)

    @event("BbbGeplaatst")
    def _bbb_geplaatst(self, organisatie: str, datum: dt.date) -> None:
        self.organisatie, self.geplaatst_op = organisatie, datum

    def vertrek_uit_bbb(self, organisatie: str, datum: dt.date, reden: str) -> None:
        """The person left the organisation's BBB-opvang (also after the case closed)."""
        eis_in(reden, BBB_VERTREKREDENEN)
        if self.organisatie is None and self.vertrokken == (organisatie, datum):
            return  # the same departure again
        if self.organisatie != organisatie:
            raise NietGeplaatstFout()
        self._bbb_vertrokken(organisatie=organisatie, datum=datum, reden=reden)

    @event("BbbVertrokken")
    def _bbb_vertrokken(self, organisatie: str, datum: dt.date, reden: str) -> None:
        self.organisatie, self.vertrokken = None, (organisatie, datum)

    # -- perspective, contact person, care needs --------------------------------------------------

    def stel_perspectief_vast(self, perspectief: str, datum: dt.date) -> None:
        self._eis_open()
        eis_in(perspectief, PERSPECTIEVEN)
        self._perspectief_vastgesteld(perspectief=perspectief, datum=datum)

    @event("PerspectiefVastgesteld")
    def _perspectief_vastgesteld(self, perspectief: str, datum: dt.date) -> None:
        self.perspectief = perspectief

    def wijs_contactpersoon_toe(self, contactpersoon: str, datum: dt.date) -> None:
        """The vaste contactpersoon: a staff reference (never a name)."""
        self._eis_open()
        self._contactpersoon_toegewezen(contactpersoon=contactpersoon, datum=datum)

    @event("ContactpersoonToegewezen")
    def _contactpersoon_toegewezen(self, contactpersoon: str, datum: dt.date) -> None:
        pass

    def stel_zorgbehoefte_vast(self, zorgbehoefte: str | None, datum: dt.date) -> None:
        """The care need from the closed list, from a date (None: none any more)."""
        self._eis_open()
        eis_in(zorgbehoefte, ZORGBEHOEFTEN)
        self._zorgbehoefte_vastgesteld(zorgbehoefte=zorgbehoefte, datum=datum)

    @event("ZorgbehoefteVastgesteld")
    def _zorgbehoefte_vastgesteld(self, zorgbehoefte: str | None, datum: dt.date) -> None:
        pass

    # -- uitstroom closes the case ----------------------------------------------------------------

    def stroom_uit(self, datum: dt.date, reden: str) -> None:
        """Staff record the uitstroom with its reason; legalisering comes from the IND's permit."""
        self._eis_open()
        eis_in(reden, UITSTROOMREDENEN)
        if reden == LEGALISERING:
            raise LegaliseringViaIndFout()
        self._uitgestroomd(datum=datum, reden=reden)

    @event("Uitgestroomd")
    def _uitgestroomd(self, datum: dt.date, reden: str) -> None:
        self.gesloten = True

    def legaliseer(self, besluitdatum: dt.date, soort: str) -> None:
        """The IND granted a permit: an open case closes with uitstroom legalisering (the person
        re-enters the chain). Nothing for a closed case: there is nothing to hand over."""
        if not self.gesloten:
            self._gelegaliseerd(besluitdatum=besluitdatum, soort=soort)

    @event("Gelegaliseerd")
    def _gelegaliseerd(self, besluitdatum: dt.date, soort: str) -> None:
        self.gesloten = True
