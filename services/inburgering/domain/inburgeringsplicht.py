"""Inburgeringsplicht: DUO's facts about one person's plicht, from its signals (SS101 ...): doelgroep, termijn, outcome, exams."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from eventsourcing.domain import event

from services.domain import Domeinfout
from services.domain.identity import afgeleid_id
from services.domain.persoonsaggregate import GemeentelijkPersoonsaggregate

WI2021 = dt.date(2021, 7, 1)
"""The Wet inburgering 2021 applies to a plicht that began on or after this day; before it, the old law."""

PLICHT_ONTSTAAN = ("SS101", "SS128", "SS129", "SS139")
EINDE = {"SS106": "diploma", "SS107": "vrijstelling", "SS108": "ontheffing", "SS110": "vervallen",
         "SS111": "overleden"}
"""The signals that end the plicht, with the outcome they record."""


class OnbekendeCodeFout(Domeinfout):
    """A gebeurtenisId the inburgeringsplicht does not know (the schema refuses it first)."""


class GeenOudeWetFout(Domeinfout):
    """Guidance on request is for a person DUO registered under the old law (a plicht begun before 1 July 2021)."""


def regime(begindatum: dt.date) -> str:
    """`wi2021` for a plicht from 1 July 2021 on, else `oude-wet` (registered, guided only on request)."""
    return "wi2021" if begindatum >= WI2021 else "oude-wet"


class Inburgeringsplicht(GemeentelijkPersoonsaggregate):
    """One per person DUO signals about, opened by the first signal. The plicht arises (SS101/128/129/139),
    is suspended (SS109) and resumed (a plicht signal), and ends (SS106/107/108/110/111); the 3-year
    termijn starts (SS102), is extended (SS103/104) and expires by the clock. Every signal keeps its
    code and DUO's registratiedatum."""

    @staticmethod
    def create_id(persoon_id: uuid.UUID) -> uuid.UUID:
        return afgeleid_id("inburgering", "plicht", persoon_id)

    @event("Geopend")
    def __init__(self, persoon_id: uuid.UUID, gemeentecode: str | None = None) -> None:
        self.persoon_id = persoon_id
        self.gemeentecode = gemeentecode
        self.begindatum: dt.date | None = None
        self.doelgroep: str | None = None
        self.regime: str | None = None
        self.geschorst = False
        self.einde: str | None = None
        self.termijn_einde: dt.date | None = None
        self.termijn_verstreken = False
        self.op_verzoek: dt.date | None = None

    @property
    def lopend(self) -> bool:
        return self.begindatum is not None and self.einde is None

    def open_termijnen(self) -> dict[str, dt.date]:
        if self.lopend and self.termijn_einde is not None and not self.termijn_verstreken:
            return {"inburgering": self.termijn_einde}
        return {}

    def verstrijk_termijn(self, soort: str, verloopt_op: dt.date) -> None:
        if soort == "inburgering":
            self._termijn_verstreken(verlopen_op=verloopt_op)

    def verwerk(self, code: str, registratiedatum: dt.date, velden: dict[str, Any]) -> None:
        """One DUO signal, by its code, with the fields of its `gegevens`."""
        if code in PLICHT_ONTSTAAN:
            self._plicht(code, registratiedatum, velden["begindatum"], velden["doelgroep"])
        elif code == "SS102":
            self._termijn_gestart(code=code, registratiedatum=registratiedatum, **velden)
        elif code in ("SS103", "SS104"):
            self._termijn_verlengd(code=code, registratiedatum=registratiedatum, **velden)
        elif code in EINDE:
            self._beeindigd(code=code, registratiedatum=registratiedatum, datum=velden["datum"], uitkomst=EINDE[code],
                            grond=velden.get("grond") or velden.get("reden"))
        elif code == "SS109":
            self._geschorst(code=code, registratiedatum=registratiedatum, datum=velden["datum"])
        elif code in ("SS120", "SS121"):
            self._gevestigd(code=code, registratiedatum=registratiedatum, datum=velden["datum"], met_pip=code == "SS121")
        elif code in ("SS124", "SS125"):
            self._doelgroep_gewijzigd(code=code, registratiedatum=registratiedatum, **velden)
        elif code == "SS137":
            self._leerbaarheidstoets(code=code, registratiedatum=registratiedatum, datum=velden["datum"], uitslag=None)
        elif code == "SS131":
            self._leerbaarheidstoets(code=code, registratiedatum=registratiedatum, **velden)
        elif code == "SS199":
            self._examen(code=code, registratiedatum=registratiedatum, **velden)
        else:
            raise OnbekendeCodeFout()

    def _plicht(self, code: str, registratiedatum: dt.date, begindatum: dt.date, doelgroep: str) -> None:
        """A plicht signal: the plicht arises (again, after an end), a suspension ends, or it is confirmed."""
        if self.lopend and self.geschorst:
            self._hervat(code=code, registratiedatum=registratiedatum, datum=begindatum)
        elif self.lopend:
            self._bevestigd(code=code, registratiedatum=registratiedatum, begindatum=begindatum)
        else:
            self._ontstaan(code=code, registratiedatum=registratiedatum, begindatum=begindatum, doelgroep=doelgroep,
                           regime=regime(begindatum))

    @event("PlichtOntstaan")
    def _ontstaan(self, code: str, registratiedatum: dt.date, begindatum: dt.date, doelgroep: str, regime: str) -> None:
        self.begindatum, self.doelgroep, self.regime = begindatum, doelgroep, regime
        self.einde = None
        self.geschorst = False

    @event("PlichtBevestigd")
    def _bevestigd(self, code: str, registratiedatum: dt.date, begindatum: dt.date) -> None:
        pass

    @event("PlichtHervat")
    def _hervat(self, code: str, registratiedatum: dt.date, datum: dt.date) -> None:
        self.geschorst = False

    @event("PlichtGeschorst")
    def _geschorst(self, code: str, registratiedatum: dt.date, datum: dt.date) -> None:
        self.geschorst = True

    @event("PlichtBeeindigd")
    def _beeindigd(self, code: str, registratiedatum: dt.date, datum: dt.date, uitkomst: str, grond: str | None) -> None:
        self.einde = uitkomst

    @event("DoelgroepGewijzigd")
    def _doelgroep_gewijzigd(self, code: str, registratiedatum: dt.date, datum: dt.date, doelgroep: str) -> None:
        self.doelgroep = doelgroep

    @event("TermijnGestart")
    def _termijn_gestart(self, code: str, registratiedatum: dt.date, startdatum: dt.date, einddatum: dt.date) -> None:
        self.termijn_einde = einddatum
        self.termijn_verstreken = False

    @event("TermijnVerlengd")
    def _termijn_verlengd(self, code: str, registratiedatum: dt.date, einddatum: dt.date, grond: str) -> None:
        self.termijn_einde = einddatum
        self.termijn_verstreken = False

    @event("TermijnVerstreken")
    def _termijn_verstreken(self, verlopen_op: dt.date) -> None:
        self.termijn_verstreken = True

    @event("Gevestigd")
    def _gevestigd(self, code: str, registratiedatum: dt.date, datum: dt.date, met_pip: bool) -> None:
        pass

    @event("Leerbaarheidstoets")
    def _leerbaarheidstoets(self, code: str, registratiedatum: dt.date, datum: dt.date, uitslag: str | None) -> None:
        pass

    def vraag_begeleiding(self, datum: dt.date) -> None:
        """A person under the old law asked the gemeente for guidance (the old law's only guidance)."""
        if self.regime != "oude-wet":
            raise GeenOudeWetFout()
        self._begeleiding_gevraagd(datum=datum)

    @event("BegeleidingGevraagd")
    def _begeleiding_gevraagd(self, datum: dt.date) -> None:
        self.op_verzoek = datum

    @event("Examenresultaat")
    def _examen(self, code: str, registratiedatum: dt.date, examendatum: dt.date, onderdeel: str, niveau: str,
                resultaat: str) -> None:
        pass
