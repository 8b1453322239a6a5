"""Opvang in the demo scenario: COA's locations and places, bijzondere behoeften, moves and departures, and the Rijk's decisions."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from events import coa, rijk
from services.demo.huishoudens import GEMEENTECODE, Huishouden, Lid, Nummers, gekozen, geboren
from services.demo.locaties import AZC, COA_LOCATIES, STIELTJESSTRAAT, TGO
from services.domain.leeftijd import MEERDERJARIG, leeftijd

COA, RIJK = "urn:nld:oin:coa", "urn:nld:oin:rijk"
Uit = Callable[[str, str, dt.date, dict[str, Any]], None]
"""Emits one inbound event: (type, source, date, data)."""

VERPLAATST = 0.2
"""The share of households (not AMV) the scenario moves once, to the other COA location (its main draw)."""
IN_STIELTJESSTRAAT = ((STIELTJESSTRAAT.plekken[0][1] / sum(loc.plekken[0][1] for loc in COA_LOCATIES) - VERPLAATST)
                      / (1 - 2 * VERPLAATST))
"""The share COA places in the Stieltjesstraat, so that with the moves both ways they spread as
the places do, 120 to 400."""
NAAR_AZC = 1 - 2 * IN_STIELTJESSTRAAT
"""Of the households the scenario's main draw put in the Stieltjesstraat (half of them), the share
COA places in the AZC instead."""
BEHOEFTEN = (("psychisch", 0.04), ("medisch", 0.03), ("zwangerschap", 0.02), ("beperking", 0.015),
             ("lhbtiq", 0.01))
"""The chance of each bijzondere behoefte for an adult (design; pregnancy and lhbtiq only for adults)."""
TERUG_KANS = 0.15
"""Of the families with a minor that COA moved, those it moves back within weeks (a repeated move)."""
TGO_HUISHOUDENS = ((1, 55), (2, 10), (3, 12), (4, 13), (5, 10))
"""Sizes of the asylum seekers' households in the TGO: mostly single."""
TGO_UITSTROOM = (("overgeplaatst-andere-gemeente", 50), ("via-azc", 15), ("zelfstandig-vertrokken", 20),
                 ("onbekend", 14), ("overleden", 1))
"""How a TGO household leaves: to COA elsewhere, through the AZC (a move, then elsewhere), on their own, unknown."""
IN_OPVANG_KANS = 0.75
"""Of the persons definitively refused, those staying in Nijmegen's opvang when the IND decided."""


def spreidingswet(uit: Uit) -> None:
    """Seed 001 §1.1: 817 places (69 AMV) per 1 July 2025; COA's 400 at the Dommer van Poldersveldtweg
    and 120 at the Stieltjesstraat, closing in September 2027 (`locaties.COA_LOCATIES`)."""
    uit(rijk.SPREIDINGSTAAKSTELLING_VASTGESTELD, RIJK, dt.date(2024, 2, 1), {
        "gemeentecode": GEMEENTECODE, "cyclus": "2024-2026", "fase": "indicatief", "plekken": 817,
        "amv_plekken": 69, "realiseren_per": "2025-07-01", "besluitdatum": "2024-02-01"})
    for loc in COA_LOCATIES:
        (geopend, plekken), *wijzigingen = loc.plekken
        uit(coa.LOCATIE_GEOPEND, COA, geopend, {
            "locatie_id": loc.locatie_id, "naam": loc.naam, "gemeentecode": GEMEENTECODE, "soort": loc.soort,
            "capaciteit": plekken, "datum": geopend.isoformat(),
            "geplande_sluiting": loc.geplande_sluiting.isoformat() if loc.geplande_sluiting else None})
        for vanaf, aantal in wijzigingen:
            uit(coa.LOCATIE_CAPACITEIT_GEWIJZIGD, COA, vanaf, {
                "locatie_id": loc.locatie_id, "capaciteit": aantal, "datum": vanaf.isoformat(),
                "gemeentecode": GEMEENTECODE})


def bescherming_verlengd(uit: Uit) -> None:
    """The Rijk moves the end of the temporary protection from 4 March 2026 to 4 March 2027. The
    decision is dated in the scenario's last month, so the demo shows both ends (the real one was
    taken in 2025, after the scenario's end)."""
    uit(rijk.TIJDELIJKE_BESCHERMING_VERLENGD, RIJK, dt.date(2024, 12, 16),
        {"einddatum": "2027-03-04", "besluitdatum": "2024-12-16"})


def locatie(rng: random.Random, getrokken: str) -> str:
    """Where COA places a household (not an AMV), spread as the places are: `getrokken` is the
    scenario's main draw of the two locations, kept so its other figures keep their values."""
    if getrokken == STIELTJESSTRAAT.locatie_id and rng.random() < NAAR_AZC:
        return AZC.locatie_id
    return getrokken


def behoeften(rng: random.Random, leden: list[Lid], op: dt.date, amv: bool) -> list[str | None]:
    """Per member the one bijzondere behoefte the location must provide for, from the closed list:
    an AMV is an alleenstaande minderjarige, the one adult with children an alleenstaande ouder;
    otherwise now and then a care need, pregnancy, a disability or lhbtiq (only adults)."""
    if amv:
        return ["alleenstaande-minderjarige"]
    volwassen = [leeftijd(lid.geboortedatum, op) >= MEERDERJARIG for lid in leden]
    uit: list[str | None] = []
    for is_volwassen in volwassen:
        if is_volwassen and sum(volwassen) == 1 and len(leden) > 1:
            uit.append("alleenstaande-ouder")
            continue
        kans, gekozen_ = rng.random(), None
        for behoefte, p in BEHOEFTEN:
            if kans < p and (is_volwassen or behoefte in ("psychisch", "medisch", "beperking")):
                gekozen_ = behoefte
                break
            kans -= p
        uit.append(gekozen_)
    return uit


def geplaatst(uit: Uit, lid: Lid, locatie_id: str, datum: dt.date, behoefte: str | None) -> None:
    data: dict[str, Any] = {"vnummer": lid.vnummer, "locatie_id": locatie_id, "datum": datum.isoformat(),
                            "geboortedatum": lid.geboortedatum.isoformat()}
    if behoefte is not None:
        data["bijzondere_behoefte"] = behoefte
    uit(coa.ASIELZOEKER_GEPLAATST, COA, datum, data)


def verplaatst(uit: Uit, lid: Lid, van: str, naar: str, datum: dt.date) -> None:
    uit(coa.ASIELZOEKER_VERPLAATST, COA, datum, {
        "vnummer": lid.vnummer, "van_locatie_id": van, "naar_locatie_id": naar, "datum": datum.isoformat()})


def vertrokken(uit: Uit, vnummer: str, locatie_id: str, datum: dt.date, reden: str) -> None:
    uit(coa.ASIELZOEKER_VERTROKKEN, COA, datum,
        {"vnummer": vnummer, "locatie_id": locatie_id, "datum": datum.isoformat(), "reden": reden})


def terug(rng: random.Random, uit: Uit, h: Huishouden, locatie_id: str, naar: str, eerste: dt.date) -> None:
    """Some families with a minor that COA moved are moved back within weeks, before their koppeling
    (a child's repeated move within the window)."""
    if rng.random() >= TERUG_KANS:
        return
    datum = eerste + dt.timedelta(days=rng.randint(21, 80))
    if datum < h.koppeldatum and any(leeftijd(lid.geboortedatum, datum) < MEERDERJARIG for lid in h.leden):
        for lid in h.leden:
            verplaatst(uit, lid, naar, locatie_id, datum)


def afgewezen(uit: Uit, rng: random.Random, afwijzingen: list[tuple[str, dt.date]], einde: dt.date) -> None:
    """Most of the definitively refused stayed in opvang (the AZC, the Stieltjesstraat or the TGO)
    since months. Some leave on their own within the 28-day vertrektermijn; most leave when COA
    ends the stay after it (`einde-recht-op-opvang`), a few weeks later; of some nobody knows."""
    for vnummer, besluit in afwijzingen:
        if rng.random() >= IN_OPVANG_KANS:
            continue
        datum = besluit - dt.timedelta(days=rng.randint(150, 540))
        if datum >= TGO.geopend and rng.random() < 0.4:
            locatie_id = TGO.locatie_id
        else:
            locatie_id = gekozen(rng, tuple((loc.locatie_id, loc.plekken[0][1]) for loc in COA_LOCATIES))
        lid = Lid(vnummer, geboren(rng, datum, rng.randint(19, 50)))
        geplaatst(uit, lid, locatie_id, datum, "psychisch" if rng.random() < 0.08 else None)
        kans, termijn = rng.random(), besluit + dt.timedelta(days=28)
        if kans < 0.15:
            weg, reden = besluit + dt.timedelta(days=rng.randint(3, 27)), "zelfstandig-vertrokken"
        elif kans < 0.75:
            weg, reden = termijn + dt.timedelta(days=rng.randint(1, 10)), "einde-recht-op-opvang"
        elif kans < 0.9:
            weg, reden = termijn + dt.timedelta(days=rng.randint(20, 75)), "einde-recht-op-opvang"
        else:
            weg, reden = besluit + dt.timedelta(days=rng.randint(5, 60)), "onbekend"
        if weg <= einde:
            vertrokken(uit, vnummer, locatie_id, weg, reden)


def tgo(uit: Uit, rng: random.Random, nummers: Nummers, einde: dt.date) -> None:
    """COA fills the gemeente's TGO from its opening with asylum seekers in procedure. A household
    stays 2 to 13 months, then leaves (`TGO_UITSTROOM`); within weeks the next one takes its places."""
    plekken, eenheden = TGO.plekken[0][1], []
    while sum(eenheden) < plekken - 5:
        grootte = gekozen(rng, TGO_HUISHOUDENS)
        if sum(eenheden) + grootte <= plekken:
            eenheden.append(grootte)
    for grootte in eenheden:
        datum = TGO.geopend + dt.timedelta(days=rng.randint(0, 30))
        while datum <= einde:
            volwassenen = 1 if grootte == 1 or rng.random() < (0.5 if grootte == 2 else 0.3) else 2
            leeftijden = [rng.randint(19, 55) for _ in range(volwassenen)]
            leeftijden += [rng.randint(0, 17) for _ in range(grootte - volwassenen)]
            leden = [Lid(nummers.vnummer(), geboren(rng, datum, a)) for a in leeftijden]
            for lid, behoefte in zip(leden, behoeften(rng, leden, datum, False)):
                geplaatst(uit, lid, TGO.locatie_id, datum, behoefte)
            weg = datum + dt.timedelta(days=rng.randint(60, 400))
            if weg > einde:
                break
            _uitstroom(uit, rng, leden, weg, einde)
            datum = weg + dt.timedelta(days=rng.randint(3, 21))


def _uitstroom(uit: Uit, rng: random.Random, leden: list[Lid], weg: dt.date, einde: dt.date) -> None:
    reden = gekozen(rng, TGO_UITSTROOM)
    if reden == "overleden" and len(leden) > 1:
        reden = "onbekend"
    if reden != "via-azc":
        for lid in leden:
            vertrokken(uit, lid.vnummer, TGO.locatie_id, weg, reden)
        return
    verder = weg + dt.timedelta(days=rng.randint(30, 200))
    for lid in leden:
        verplaatst(uit, lid, TGO.locatie_id, AZC.locatie_id, weg)
        if verder <= einde:
            vertrokken(uit, lid.vnummer, AZC.locatie_id, verder, "overgeplaatst-andere-gemeente")
