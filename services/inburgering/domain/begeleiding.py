"""Begeleiding: VluchtelingenWerk's maatschappelijke begeleiding of one person, 8 months, extendable to at most 12, its end a term the clock records."""

from __future__ import annotations

import datetime as dt
import uuid

from eventsourcing.domain import event

from services.domain import Domeinfout
from services.domain.identity import afgeleid_id
from services.domain.maanden import plus_maanden
from services.domain.persoonsaggregate import GemeentelijkPersoonsaggregate

DUUR_MAANDEN, UITERSTE_MAANDEN = 8, 12
"""Maatschappelijke begeleiding by VWN lasts 8 months, extendable to 12 in total (seed 001 §3.5)."""
TERMIJN = "begeleiding"
"""The soort of its term in inburgering's Termijnkalender."""


class BegeleidingBestaatAlFout(Domeinfout):
    """VWN started a begeleiding for a person who has had one (it is given once)."""


class GeenBegeleidingFout(Domeinfout):
    """VWN extended or ended a begeleiding welkom has no start of."""


class DatumVoorStartFout(Domeinfout):
    """An extension or end dated before the begeleiding started."""


class BegeleidingBeeindigdFout(Domeinfout):
    """An extension or a second end of a begeleiding VWN has ended."""


class BegeleidingAfgelopenFout(Domeinfout):
    """An extension decided after the begeleiding's last day: nothing runs to extend."""


class VerlengingTeLangFout(Domeinfout):
    """An extension past 12 months after the start."""


class GeenVerlengingFout(Domeinfout):
    """An extension whose end is not after the end in force (or a second one to the 12 months)."""


class Begeleiding(GemeentelijkPersoonsaggregate):
    """One per person (persoon_id), started by VWN whether or not inburgering has a traject for
    the person (VWN guides statushouders; the report says who has none). `einddatum` is the last
    day: 8 months after the start, moved by an extension up to 12 months after it. While it runs
    its term is open; the day after the last day the clock records `TermijnVerstreken`. VWN may
    end it before (`Beeindigd`). An extension decided within the term that arrives after the clock
    recorded the end reopens it (`heropend`); an end VWN reports after the last day adds nothing but
    the end's record. Reports judge by the dates: the begeleiding runs from its start up to and
    including the earlier of VWN's end and the last day in force."""

    @staticmethod
    def create_id(persoon_id: uuid.UUID) -> uuid.UUID:
        return afgeleid_id("inburgering", "begeleiding", persoon_id)

    @classmethod
    def start(cls, persoon_id: uuid.UUID, datum: dt.date, gemeentecode: str | None = None) -> Begeleiding:
        return cls(persoon_id=persoon_id, datum=datum, einddatum=plus_maanden(datum, DUUR_MAANDEN),
                   uiterste_einddatum=plus_maanden(datum, UITERSTE_MAANDEN), gemeentecode=gemeentecode)

    @event("Gestart")
    def __init__(self, persoon_id: uuid.UUID, datum: dt.date, einddatum: dt.date, uiterste_einddatum: dt.date,
                 gemeentecode: str | None = None) -> None:
        self.persoon_id = persoon_id
        self.gemeentecode = gemeentecode
        self.gestart_op = datum
        self.einddatum = einddatum
        self.uiterste_einddatum = uiterste_einddatum
        self.beeindigd_op: dt.date | None = None
        self.verstreken = False

    def open_termijnen(self) -> dict[str, dt.date]:
        if self.beeindigd_op is not None or self.verstreken:
            return {}
        return {TERMIJN: self.einddatum}

    def verstrijk_termijn(self, soort: str, verloopt_op: dt.date) -> None:
        if soort == TERMIJN and TERMIJN in self.open_termijnen():
            self._termijn_verstreken(einddatum=verloopt_op)

    @event("TermijnVerstreken")
    def _termijn_verstreken(self, einddatum: dt.date) -> None:
        self.verstreken = True

    def _eis_na_start(self, datum: dt.date) -> None:
        if datum < self.gestart_op:
            raise DatumVoorStartFout()

    def verleng(self, datum: dt.date, einddatum: dt.date | None = None) -> None:
        """VWN extends, on `datum` (within the term), to `einddatum`, or else to the 12 months."""
        if self.beeindigd_op is not None:
            raise BegeleidingBeeindigdFout()
        self._eis_na_start(datum)
        if datum > self.einddatum:
            raise BegeleidingAfgelopenFout()
        nieuw = einddatum or self.uiterste_einddatum
        if nieuw > self.uiterste_einddatum:
            raise VerlengingTeLangFout()
        if nieuw <= self.einddatum:
            raise GeenVerlengingFout()
        self._verlengd(datum=datum, einddatum=nieuw, vorige_einddatum=self.einddatum, heropend=self.verstreken)

    @event("Verlengd")
    def _verlengd(self, datum: dt.date, einddatum: dt.date, vorige_einddatum: dt.date, heropend: bool) -> None:
        self.einddatum = einddatum
        self.verstreken = False

    def beeindig(self, datum: dt.date) -> None:
        """VWN ends the begeleiding on `datum`, its last day. Dated after the last day in force, the
        term had run out first: that end is recorded (if the clock has not yet), and nothing more."""
        if self.beeindigd_op is not None:
            raise BegeleidingBeeindigdFout()
        self._eis_na_start(datum)
        if datum > self.einddatum:
            if not self.verstreken:
                self._termijn_verstreken(einddatum=self.einddatum)
            return
        self._beeindigd(datum=datum)

    @event("Beeindigd")
    def _beeindigd(self, datum: dt.date) -> None:
        self.beeindigd_op = datum
