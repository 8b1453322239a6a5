"""Maatschappelijke begeleiding and participatie in the demo: VWN's events per adult statushouder, and the klantregisseurs' measurements after the intake."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Iterator
from typing import Any

from events import vwn
from services.demo.opvang import Uit
from services.domain.leeftijd import MEERDERJARIG, leeftijd
from services.inburgering.domain.begeleiding import DUUR_MAANDEN, plus_maanden
from services.inburgering.domain.participatie import LEVENSGEBIEDEN

VWN = "urn:nld:vluchtelingenwerk"
START_NA_KOPPELING = (120, 420)
"""Days from koppeling to the start of the begeleiding (design: VWN starts once the household has
settled in Nijmegen, which takes months; the scenario does not know the move's date)."""
VERLENGD, BEEINDIGD = 0.35, 0.15
"""Of the begeleidingen: extended (half to 12 months, half to 10), ended early by VWN; the rest run their 8 months."""
METEN = 0.7
"""Of the persons with a brede intake: those whose klantregisseur measures their participatie."""
ELKE = 365
"""Days between two measurements: yearly, at every second voortgangsgesprek (design: at every one,
half-yearly; the demo measures half as often, to keep its fill time)."""


def vwn_events(uit: Uit, rng: random.Random, gekoppeld: Iterable[dict[str, Any]], einde: dt.date) -> None:
    """VWN's begeleiding of every adult of each linked household (`gekoppeld`: the koppelingen'
    data): started months after the koppeling, some extended, some ended early, each event dated
    up to `einde` (a begeleiding that runs out is recorded by the clock, not by VWN)."""
    for k in gekoppeld:
        koppeldatum = dt.date.fromisoformat(k["koppeldatum"])
        start = koppeldatum + dt.timedelta(days=rng.randint(*START_NA_KOPPELING))
        kans, tot = rng.random(), rng.choice((None, 10))
        for lid in k["huishouden"]:
            if leeftijd(dt.date.fromisoformat(lid["geboortedatum"]), koppeldatum) < MEERDERJARIG or start > einde:
                continue
            _zend(uit, vwn.MAATSCHAPPELIJKE_BEGELEIDING_GESTART, start, lid["vnummer"], einde)
            if kans < VERLENGD:
                besluit = plus_maanden(start, DUUR_MAANDEN) - dt.timedelta(days=rng.randint(7, 40))
                _zend(uit, vwn.MAATSCHAPPELIJKE_BEGELEIDING_VERLENGD, besluit, lid["vnummer"], einde,
                      einddatum=plus_maanden(start, tot).isoformat() if tot else None)
            elif kans < VERLENGD + BEEINDIGD:
                _zend(uit, vwn.MAATSCHAPPELIJKE_BEGELEIDING_BEEINDIGD, start + dt.timedelta(days=rng.randint(100, 220)),
                      lid["vnummer"], einde)


def _zend(uit: Uit, type_: str, datum: dt.date, vnummer: str, einde: dt.date, **extra: Any) -> None:
    if datum <= einde:
        uit(type_, VWN, datum, {"vnummer": vnummer, "datum": datum.isoformat(),
                                **{k: v for k, v in extra.items() if v is not None}})


def metingen(rng: random.Random, intake: dt.date, einde: dt.date) -> Iterator[tuple[dt.date, str, str, dict[str, Any]]]:
    """The measurements a klantregisseur gives after a brede intake, yearly up to `einde`:
    (date, the command of inburgering's table, its key suffix, its fields). A trede climbs now and
    then; the matrix's scores improve on a few levensgebieden."""
    if rng.random() >= METEN:
        return
    trede = rng.choices(range(1, 5), (20, 35, 35, 10))[0]
    scores = {g: rng.randint(1, 3) for g in LEVENSGEBIEDEN}
    datum, n = intake + dt.timedelta(days=rng.randint(14, 60)), 0
    while datum <= einde:
        n += 1
        yield datum, "trede", f"trede-{n}", {"trede": trede}
        yield datum, "zelfredzaamheid", f"matrix-{n}", {g.replace("-", "_"): s for g, s in scores.items()}
        trede = min(6, trede + (rng.random() < 0.35))
        for g in rng.sample(LEVENSGEBIEDEN, 3):
            scores[g] = min(5, scores[g] + (rng.random() < 0.6))
        datum += dt.timedelta(days=ELKE + rng.randint(-20, 20))
