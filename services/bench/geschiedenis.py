"""`welkom bench --schaal`: the chain's inputs for many gemeenten and years (the demo's households per gemeente), deterministic per seed."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from events import corporaties, ind, rijk
from services.demo.huishoudens import (
    AANBOD,
    ALLEENSTAAND_KANS,
    AMV_KANS,
    BASIS,
    EINDE,
    GEMEENTECODE,
    GEZINSGROOTTE,
    MAX_BEWONERS_REGULIER,
    TAAKSTELLINGEN,
    WIJKEN,
    Nummers,
    _huishouden,
    _verdeel,
    dag,
    gekozen,
)
from services.demo.scenario import IND, RIJK, WBB, _Uit, perioden
from services.demo.scenario import _huishouden as _ketenweg

GROOTTES = ((12, 30), (25, 30), (50, 20), (90, 12), (150, 6), (300, 2))
"""Households linked per year (in how many of every 100 gemeenten): many small gemeenten, a few cities; about 47 on average
(national about 40,000 statushouders a year over 342 gemeenten)."""
GEMIDDELD = sum(g * w for g, w in GROOTTES) / sum(w for _, w in GROOTTES)
VNUMMERS_PER_GEMEENTE = 100_000
"""Each gemeente draws its V-nummers from its own range (Nummers counts up from the range's start)."""
WONINGFACTOR = 1.1
"""Homes a year as the demo's 2024 supply scaled to the gemeente, a little more: over ten years the
achterstand stays months, not decades."""


@dataclass(frozen=True)
class Gemeente:
    """One generated gemeente: its CBS-like code, its place in the run and its size."""

    code: str
    index: int
    huishoudens: int
    """Households linked per year."""
    seed: int


def gemeenten(aantal: int, seed: int) -> list[Gemeente]:
    """The first `aantal` gemeenten of a run: 0268 at Nijmegen's pace (the demo's 150 households a
    year) first, then 0001, 0002, ... with sizes from GROOTTES, dealt from a deck shuffled per seed
    (every 100 gemeenten the exact mix, so no size is over-represented early)."""
    rng = random.Random(f"gemeenten:{seed}")
    codes = [GEMEENTECODE] + [f"{c:04d}" for c in range(1, 10_000) if f"{c:04d}" != GEMEENTECODE]
    if aantal > len(codes):
        raise ValueError(f"at most {len(codes)} gemeenten")
    stapel: list[int] = []
    while len(stapel) < aantal:
        blok = [grootte for grootte, gewicht in GROOTTES for _ in range(gewicht)]
        rng.shuffle(blok)
        stapel += blok
    return [Gemeente(codes[i], i, BASIS if i == 0 else stapel[i - 1], seed) for i in range(aantal)]


def periode(jaren: int) -> tuple[dt.date, dt.date]:
    """The span of a history of `jaren` years, ending when the demo's does (31 December 2024)."""
    if not 1 <= jaren <= 10:
        raise ValueError("jaren must be 1-10")
    return dt.date(EINDE.year - jaren + 1, 1, 1), EINDE


def geschiedenis(g: Gemeente, jaren: int) -> list[dict[str, Any]]:
    """The gemeente's inbound CloudEvents of `jaren` years, sorted by date: per half year its
    taakstelling; per year its households with the demo's mix (placements, moves, permits, BRP
    registrations, koppeling, nareizigers), its homes, and asylum refusals."""
    rng = random.Random(f"geschiedenis:{g.seed}:{g.code}")
    orng = random.Random(f"geschiedenis:{g.seed}:{g.code}:opvang")  # the demo's opvang details
    uit = _Uit(rng)
    nummers = Nummers(rng, eerste_vnummer=3_100_000_000 + g.index * VNUMMERS_PER_GEMEENTE)
    schaal = g.huishoudens / BASIS
    begin, einde = periode(jaren)
    for jaar in range(begin.year, einde.year + 1):
        _taakstellingen(uit, g, jaar, schaal)
        for h in _koppelingen(rng, nummers, jaar, g.huishoudens):
            _ketenweg(uit, rng, nummers, h, orng)
        _woningen(uit, rng, g, jaar, schaal)
        for _ in range(max(1, g.huishoudens // 6)):
            besluit = dag(rng, dt.date(jaar, 1, 2), dt.date(jaar, 12, 1))
            uit(ind.ASIELAANVRAAG_AFGEWEZEN, IND, besluit, {
                "vnummer": nummers.vnummer(), "besluitdatum": besluit.isoformat(), "definitief": True})
    events = uit.gesorteerd()
    for e in events:  # the demo's koppelingen are Nijmegen's: these are this gemeente's
        if "gemeentecode" in e["data"]:
            e["data"]["gemeentecode"] = g.code
    return events


def _taakstellingen(uit: _Uit, g: Gemeente, jaar: int, schaal: float) -> None:
    """H1 set mid-December before, H2 mid-June: the demo's 2024 figures scaled to the gemeente."""
    _, _, h1, amv = TAAKSTELLINGEN[2]
    for periode_, datum in ((f"{jaar}-H1", dt.date(jaar - 1, 12, 14)), (f"{jaar}-H2", dt.date(jaar, 6, 12))):
        uit(rijk.TAAKSTELLING_VASTGESTELD, RIJK, datum, {
            "gemeentecode": g.code, "periode": periode_, "aantal": max(1, round(h1 * schaal)),
            "amv_aantal": round((amv or 0) * schaal)})


def _koppelingen(rng: random.Random, nummers: Nummers, jaar: int, aantal: int) -> list[Any]:
    """`aantal` households linked in `jaar`, with the demo's mix of kinds and sizes, by koppeldatum."""
    soorten = _verdeel(aantal, (("amv", AMV_KANS), ("alleen", ALLEENSTAAND_KANS),
                                ("gezin", 1 - AMV_KANS - ALLEENSTAAND_KANS)))
    groottes = _verdeel(soorten.count("gezin"), tuple((g, w / 100) for g, w in GEZINSGROOTTE))
    rng.shuffle(soorten)
    rng.shuffle(groottes)
    data = sorted(dag(rng, dt.date(jaar, 1, 1), dt.date(jaar, 12, 31)) for _ in soorten)
    return [_huishouden(rng, nummers, koppeldatum, soort, groottes.pop() if soort == "gezin" else 1)
            for soort, koppeldatum in zip(soorten, data)]


def _woningen(uit: _Uit, rng: random.Random, g: Gemeente, jaar: int, schaal: float) -> None:
    """The year's homes like the demo's 2024 supply (doorstroom from September), spread over the year."""
    aanbod = AANBOD[-1]
    volgnummer = 0
    for soort, aantal, vanaf in (("regulier", aanbod.regulier, 1), ("flex", aanbod.flex, 1),
                                 ("doorstroom", aanbod.doorstroom, 9), ("amv", aanbod.amv, 1)):
        begin, einde = dt.date(jaar, vanaf, 1), dt.date(jaar, 12, 31)
        stuks = max(1, round(aantal * schaal * WONINGFACTOR))
        for i in range(stuks):
            per = begin + dt.timedelta(days=int((i + rng.random()) * ((einde - begin).days + 1) / stuks))
            if soort == "regulier":
                max_bewoners = gekozen(rng, MAX_BEWONERS_REGULIER)
            else:
                max_bewoners = rng.choice((1, 1, 2)) if soort == "flex" else 1
            volgnummer += 1
            uit(corporaties.WONING_BESCHIKBAAR_GESTELD, WBB, per - dt.timedelta(days=rng.randint(0, 14)), {
                "woning_id": f"{g.code}-{soort}-{jaar}-{volgnummer:04d}", "wijk": gekozen(rng, WIJKEN),
                "soort": soort, "max_bewoners": max_bewoners, "beschikbaar_per": per.isoformat()})


def maanden(events: list[dict[str, Any]], jaren: int) -> Iterator[tuple[dt.date, list[dict[str, Any]]]]:
    """The history a calendar month at a time (what came before the first month in the first),
    each step with its last day: the demo's steps over this history's years."""
    begin, einde = periode(jaren)
    return perioden(events, begin, einde)


def vnummers(events: list[dict[str, Any]]) -> list[str]:
    """Every V-nummer the history names, in first-mention order."""
    return list(dict.fromkeys(e["data"]["vnummer"] for e in events if "vnummer" in e["data"]))
