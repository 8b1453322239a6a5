"""TijdelijkeBescherming: the end of the temporary protection of ontheemden from Ukraine (RTB), a term the clock records."""

from __future__ import annotations

import datetime as dt
import uuid

from eventsourcing.domain import Aggregate, event

from services.domain import Domeinfout
from services.domain.identity import afgeleid_id

RTB_EINDE = dt.date(2026, 3, 4)
"""The last day of the protection as the RTB stands, twice extended (seed 001 §1.2: "eindigt van
rechtswege op 4 maart 2026"), until a Rijk decision moves it."""
TERMIJN = "tijdelijke-bescherming"


class GeenVerlengingFout(Domeinfout):
    """A Rijk decision `verlengd` whose end date is not after the end in force (and is not that same decision again)."""


class TijdelijkeBeschermingBeeindigdFout(Domeinfout):
    """A registration dated after the last day of the temporary protection in force."""


class TijdelijkeBescherming(Aggregate):
    """One per store (the protection is national). `einddatum` is the last day of protection. Its
    term (`open_termijnen`) runs until that day: the day after, the clock records `Beeindigd`, dated
    on the last day. A Rijk decision moves the end (`Verlengd`): while the term is open it moves the
    term; after the clock recorded the end it reopens the term (`heropend`). A decision made after
    the end that arrives before the clock ran records the end first, so the history is the same
    whenever the clock runs; whether the protection lapsed in between follows from the dates
    (`besluitdatum` after `vorige_einddatum`). Reports judge by the dates alone."""

    @staticmethod
    def create_id() -> uuid.UUID:
        return afgeleid_id("opvang", "tijdelijke-bescherming")

    @event("Ingesteld")
    def __init__(self, einddatum: dt.date = RTB_EINDE) -> None:
        self.einddatum = einddatum
        self.besluitdatum: dt.date | None = None
        """The date of the Rijk decision in force (None: the RTB's own end)."""
        self.beeindigd = False

    def van_kracht_op(self, datum: dt.date) -> bool:
        return datum <= self.einddatum

    def eis_van_kracht(self, datum: dt.date) -> None:
        if not self.van_kracht_op(datum):
            raise TijdelijkeBeschermingBeeindigdFout()

    def open_termijnen(self) -> dict[str, dt.date]:
        return {} if self.beeindigd else {TERMIJN: self.einddatum}

    def verstrijk_termijn(self, soort: str, verloopt_op: dt.date) -> None:
        if soort == TERMIJN and not self.beeindigd:
            self._beeindigd(einddatum=verloopt_op)

    @event("Beeindigd")
    def _beeindigd(self, einddatum: dt.date) -> None:
        self.beeindigd = True

    def verleng(self, einddatum: dt.date, besluitdatum: dt.date) -> bool:
        """The Rijk moved the end to `einddatum` on `besluitdatum`. False when this is the decision
        in force again (a copy: nothing recorded); GeenVerlengingFout when it does not extend."""
        if (einddatum, besluitdatum) == (self.einddatum, self.besluitdatum):
            return False
        if einddatum <= self.einddatum:
            raise GeenVerlengingFout()
        if not self.beeindigd and besluitdatum > self.einddatum:
            self._beeindigd(einddatum=self.einddatum)
        self._verlengd(einddatum=einddatum, besluitdatum=besluitdatum, vorige_einddatum=self.einddatum,
                       heropend=self.beeindigd)
        return True

    @event("Verlengd")
    def _verlengd(self, einddatum: dt.date, besluitdatum: dt.date, vorige_einddatum: dt.date, heropend: bool) -> None:
        self.einddatum = einddatum
        self.besluitdatum = besluitdatum
        self.beeindigd = False
