"""The staff's steps on an offer (accept, refuse, withdraw, move) and their corrections: the commands of a dossier."""

from __future__ import annotations

import datetime as dt
from typing import Any

from services.domain.correctie import eis_wijziging
from services.huisvesting.domain.fouten import (
    GeenOpenAanbodFout, NogNietGeaccepteerdFout, StapOntbreektFout, VerhuistermijnLooptNogFout, VoorHetAanbodFout,
)

WACHTEND, AANGEBODEN, GEACCEPTEERD, VERHUISD = "wachtend", "aangeboden", "geaccepteerd", "verhuisd"
"""A dossier's states; the last three also name the steps of an offer in the dossier's `aanbiedingen`."""
GEWEIGERD, INGETROKKEN = "geweigerd", "ingetrokken"


class Aanbodstappen:
    """Mixin of Huisvestingsdossier (whose events these commands record). Staff accept, refuse or
    withdraw an open offer and record the move; a step after the move term records its expiry
    first, a move within a term the clock already recorded as expired revises that.

    Staff correct the date (and reason) of a step they entered wrongly: one `...Gecorrigeerd`
    event with the old and new values and why; a corrected move settles its move term like a
    late move would. What followed from the wrong date is not redone: the next offer of a refused
    home keeps its date."""

    status: str
    woning_id: str | None
    woningsoort: str | None
    personen: list[Any]
    gehuisvest_op: dt.date | None
    verhuistermijn_verloopt_op: dt.date | None
    verhuistermijn_verstreken: bool
    aanbiedingen: dict[str, dict[str, Any]]
    open_termijnen: Any
    _aanbod_geaccepteerd: Any
    _aanbod_geweigerd: Any
    _aanbod_ingetrokken: Any
    _verhuisd: Any
    _verhuistermijn_verstreken: Any
    _verhuistermijn_herzien: Any
    _acceptatie_gecorrigeerd: Any
    _weigering_gecorrigeerd: Any
    _intrekking_gecorrigeerd: Any
    _verhuizing_gecorrigeerd: Any

    # -- the steps -----------------------------------------------------------------------------

    def _eis_aanbod(self, woning_id: str) -> None:
        if self.status not in (AANGEBODEN, GEACCEPTEERD) or self.woning_id != woning_id:
            raise GeenOpenAanbodFout()

    def accepteer(self, woning_id: str, datum: dt.date) -> None:
        self._eis_aanbod(woning_id)
        if self.status != AANGEBODEN:
            raise GeenOpenAanbodFout()
        self._aanbod_geaccepteerd(woning_id=woning_id, datum=datum)

    def _verhuistermijn_bij(self, datum: dt.date) -> None:
        """A move term that ran out before this date is recorded first (same history, any clock)."""
        if "verhuizen" in self.open_termijnen() and datum > self.verhuistermijn_verloopt_op:  # type: ignore[operator]
            self._verhuistermijn_verstreken(woning_id=self.woning_id, verlopen_op=self.verhuistermijn_verloopt_op)

    def weiger(self, woning_id: str, datum: dt.date, reden: str) -> None:
        self._eis_aanbod(woning_id)
        self._verhuistermijn_bij(datum)
        self._aanbod_geweigerd(woning_id=woning_id, datum=datum, reden=reden)

    def trek_in(self, woning_id: str, datum: dt.date, reden: str) -> None:
        """Staff withdraw an offer whose move term expired; the household waits again."""
        self._eis_aanbod(woning_id)
        self._verhuistermijn_bij(datum)
        if not self.verhuistermijn_verstreken:
            raise VerhuistermijnLooptNogFout()
        self._aanbod_ingetrokken(woning_id=woning_id, datum=datum, reden=reden)

    def verhuis(self, woning_id: str, datum: dt.date) -> None:
        self._eis_aanbod(woning_id)
        if self.status != GEACCEPTEERD:
            raise NogNietGeaccepteerdFout()
        termijn = self.verhuistermijn_verloopt_op
        assert termijn is not None
        self._verhuistermijn_bij(datum)
        herzien = self.verhuistermijn_verstreken and datum <= termijn
        self._verhuisd(woning_id=woning_id, woningsoort=self.woningsoort, personen=list(self.personen), datum=datum,
                       verhuistermijn_gehaald=datum <= termijn, eerste_huisvesting=self.gehuisvest_op is None)
        if herzien:  # the clock recorded the expiry before this move, dated within the term, arrived
            self._verhuistermijn_herzien(woning_id=woning_id, verlopen_op=termijn, gehaald_op=datum, reden="verhuisd")

    # -- their corrections ---------------------------------------------------------------------

    def _stap(self, woning_id: str, stap: str, datum: dt.date) -> dict[str, Any]:
        """The offer of this home, which took this step; its corrected date may not precede the offer."""
        aanbod = self.aanbiedingen.get(woning_id, {})
        if stap not in aanbod:
            raise StapOntbreektFout()
        if datum < aanbod[AANGEBODEN]:
            raise VoorHetAanbodFout()
        return aanbod

    def corrigeer_acceptatie(self, woning_id: str, datum: dt.date, reden: str) -> None:
        oud = self._stap(woning_id, GEACCEPTEERD, datum)[GEACCEPTEERD]
        eis_wijziging(oud, datum)
        self._acceptatie_gecorrigeerd(woning_id=woning_id, datum=datum, oude_datum=oud, reden=reden)

    def corrigeer_weigering(self, woning_id: str, datum: dt.date, weigerreden: str, reden: str) -> None:
        aanbod = self._stap(woning_id, GEWEIGERD, datum)
        eis_wijziging((aanbod[GEWEIGERD], aanbod["reden"]), (datum, weigerreden))
        self._weigering_gecorrigeerd(woning_id=woning_id, datum=datum, oude_datum=aanbod[GEWEIGERD],
                                     weigerreden=weigerreden, oude_weigerreden=aanbod["reden"], reden=reden)

    def corrigeer_intrekking(self, woning_id: str, datum: dt.date, intrekreden: str, reden: str) -> None:
        """A withdrawal comes after the move term: a corrected date within it is refused."""
        aanbod = self._stap(woning_id, INGETROKKEN, datum)
        if datum <= aanbod["verhuistermijn"]:
            raise VerhuistermijnLooptNogFout()
        eis_wijziging((aanbod[INGETROKKEN], aanbod["reden"]), (datum, intrekreden))
        self._intrekking_gecorrigeerd(woning_id=woning_id, datum=datum, oude_datum=aanbod[INGETROKKEN],
                                      intrekreden=intrekreden, oude_intrekreden=aanbod["reden"], reden=reden)

    def corrigeer_verhuizing(self, woning_id: str, datum: dt.date, reden: str) -> None:
        """A corrected move past its term records the expiry first (unless it was); one within a
        term recorded as expired revises that."""
        aanbod = self._stap(woning_id, VERHUISD, datum)
        eis_wijziging(aanbod[VERHUISD], datum)
        termijn, verstreken = aanbod["verhuistermijn"], aanbod.get("verstreken", False)
        if datum > termijn and not verstreken:
            self._verhuistermijn_verstreken(woning_id=woning_id, verlopen_op=termijn)
        self._verhuizing_gecorrigeerd(
            woning_id=woning_id, woningsoort=aanbod["woningsoort"], personen=aanbod["personen"], datum=datum,
            oude_datum=aanbod[VERHUISD], verhuistermijn_gehaald=datum <= termijn,
            eerste_huisvesting=aanbod["eerste"], reden=reden)
        if datum <= termijn and verstreken:
            self._verhuistermijn_herzien(woning_id=woning_id, verlopen_op=termijn, gehaald_op=datum,
                                         reden="verhuizing-gecorrigeerd")
