"""Huisvestingsdossier: one household's way from koppeling to moving into a home."""

from __future__ import annotations

import datetime as dt
import uuid

from eventsourcing.domain import Aggregate, event

from services.domain import Domeinfout
from services.identity import afgeleid_id

HUISVESTINGSTERMIJN = dt.timedelta(weeks=10)
"""Huisvestingswet 2014: offer passende woonruimte within 10 weeks of koppeling."""
VERHUISTERMIJN = dt.timedelta(weeks=2)
"""Practice (seed 001 §2.1): move within 2 weeks of the offer."""

WACHTEND, AANGEBODEN, GEACCEPTEERD, VERHUISD = "wachtend", "aangeboden", "geaccepteerd", "verhuisd"


class HoofdpersoonOntbreektFout(Domeinfout):
    """The household of a koppeling does not contain the main person."""


class AlGekoppeldFout(Domeinfout):
    """The household already has a dossier."""


class GeenOpenAanbodFout(Domeinfout):
    """The command names an offer this dossier does not have open."""


class NogNietGeaccepteerdFout(Domeinfout):
    """Moving in requires an accepted offer."""


class Huisvestingsdossier(Aggregate):
    """One per household, named after its main person; members keep their own persoon_id."""

    @staticmethod
    def create_id(persoon_id: uuid.UUID) -> uuid.UUID:
        return afgeleid_id("huisvesting", "dossier", persoon_id)

    @event("Geopend")
    def __init__(self, persoon_id: uuid.UUID, personen: list[uuid.UUID], koppeldatum: dt.date) -> None:
        if persoon_id not in personen:
            raise HoofdpersoonOntbreektFout()
        self.persoon_id = persoon_id
        self.personen = list(personen)
        self.koppeldatum = koppeldatum
        self.termijn_verloopt_op = koppeldatum + HUISVESTINGSTERMIJN
        self.status = WACHTEND
        self.eerste_aanbod_op: dt.date | None = None
        self.termijn_verstreken = False
        self.woning_id: str | None = None
        self.aangeboden_op: dt.date | None = None
        self.verhuistermijn_verloopt_op: dt.date | None = None
        self.verhuistermijn_verstreken = False
        self.verhuisd_op: dt.date | None = None

    @property
    def huishoudgrootte(self) -> int:
        return len(self.personen)

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

    def bied_aan(self, woning_id: str, wijk: str, soort: str, datum: dt.date) -> None:
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
        huishoudgrootte: int,
        datum: dt.date,
        verhuistermijn_verloopt_op: dt.date,
    ) -> None:
        self.status = AANGEBODEN
        self.woning_id = woning_id
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
        self.status = WACHTEND
        self.woning_id = None
        self.verhuistermijn_verloopt_op = None

    def verhuis(self, woning_id: str, datum: dt.date) -> None:
        self._eis_aanbod(woning_id)
        if self.status != GEACCEPTEERD:
            raise NogNietGeaccepteerdFout()
        assert self.verhuistermijn_verloopt_op is not None
        self._verhuistermijn_bij(datum)
        self._verhuisd(
            woning_id=woning_id,
            personen=list(self.personen),
            datum=datum,
            verhuistermijn_gehaald=datum <= self.verhuistermijn_verloopt_op,
        )

    @event("Verhuisd")
    def _verhuisd(
        self, woning_id: str, personen: list[uuid.UUID], datum: dt.date, verhuistermijn_gehaald: bool
    ) -> None:
        self.status = VERHUISD
        self.verhuisd_op = datum
