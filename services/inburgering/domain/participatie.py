"""Participatie: one person's dated measurements on the participatieladder (trede 1-6) and the zelfredzaamheidsmatrix (1-5 per levensgebied)."""

from __future__ import annotations

import datetime as dt
import uuid

from eventsourcing.domain import event

from services.domain import Domeinfout
from services.domain.identity import afgeleid_id
from services.domain.persoonsaggregate import GemeentelijkPersoonsaggregate

TREDEN = range(1, 7)
"""The participatieladder: 1 geïsoleerd, 2 sociale contacten buiten de deur, 3 deelname aan
georganiseerde activiteiten, 4 onbetaald werk, 5 betaald werk met ondersteuning, 6 betaald werk
(seed 004 §1.1: trede 4 is at least unpaid work, 5 and 6 paid work or education, out of bijstand)."""
LEVENSGEBIEDEN = ("financien", "sociaal-netwerk", "werk-en-opleiding", "maatschappelijke-participatie",
                  "huisvesting", "fysieke-gezondheid", "mentale-gezondheid")
"""The seven levensgebieden of the zelfredzaamheidsmatrix (seed 004 §6.1, footnote 7)."""
SCORES = range(1, 6)
"""A levensgebied's score: 1 acute problematiek ... 5 volledig zelfredzaam (seed 004 §6.1, footnote 8)."""


class OngeldigeTredeFout(Domeinfout):
    """A trede outside 1-6."""


class OnvolledigeMatrixFout(Domeinfout):
    """A zelfredzaamheidsmatrix that does not score exactly the seven levensgebieden."""


class OngeldigeScoreFout(Domeinfout):
    """A levensgebied's score outside 1-5."""


class MetingBestaatAlFout(Domeinfout):
    """A measurement of a kind the person already has on that date."""


class Participatie(GemeentelijkPersoonsaggregate):
    """One per person (persoon_id), kept by the klantregisseurs of inburgering. Each measurement is
    dated (staff may enter one after another day's); one of each kind per date. The scores of the
    matrix include health: they stay here and in counts of the report, never on the bus."""

    @staticmethod
    def create_id(persoon_id: uuid.UUID) -> uuid.UUID:
        return afgeleid_id("inburgering", "participatie", persoon_id)

    @event("Aangelegd")
    def __init__(self, persoon_id: uuid.UUID, gemeentecode: str | None = None) -> None:
        self.persoon_id = persoon_id
        self.gemeentecode = gemeentecode
        self.treden: dict[dt.date, int] = {}
        self.matrices: dict[dt.date, dict[str, int]] = {}

    def meet_trede(self, datum: dt.date, trede: int) -> None:
        if trede not in TREDEN:
            raise OngeldigeTredeFout()
        if datum in self.treden:
            raise MetingBestaatAlFout()
        self._trede_gemeten(datum=datum, trede=trede)

    @event("TredeGemeten")
    def _trede_gemeten(self, datum: dt.date, trede: int) -> None:
        self.treden[datum] = trede

    def meet_zelfredzaamheid(self, datum: dt.date, scores: dict[str, int]) -> None:
        if set(scores) != set(LEVENSGEBIEDEN):
            raise OnvolledigeMatrixFout()
        if any(score not in SCORES for score in scores.values()):
            raise OngeldigeScoreFout()
        if datum in self.matrices:
            raise MetingBestaatAlFout()
        self._zelfredzaamheid_gemeten(datum=datum, scores={g: scores[g] for g in LEVENSGEBIEDEN})

    @event("ZelfredzaamheidGemeten")
    def _zelfredzaamheid_gemeten(self, datum: dt.date, scores: dict[str, int]) -> None:
        self.matrices[datum] = dict(scores)
