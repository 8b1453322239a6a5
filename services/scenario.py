"""A realistic year of inputs for Nijmegen (2024), deterministic per seed, for the demo."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

from events import coa, corporaties, ind, rijk

JAAR = 2024
LOCATIES = ("azc-dommer-van-poldersveldtweg", "tgo-stieltjesstraat")
WIJKEN = ("Dukenburg", "Lindenholt", "Nijmegen-Zuid", "Nijmegen-Oost", "Nijmegen-West", "Nijmegen-Noord",
          "Nijmegen-Midden", "Nijmegen-Centrum")
GROOTTE = ((1, 55), (2, 14), (3, 14), (4, 11), (5, 6))
"""Household sizes: more than half are single persons (seed 001 §2.1)."""


def _dag(rng: random.Random, begin: dt.date, einde: dt.date) -> dt.date:
    return begin + dt.timedelta(days=rng.randrange((einde - begin).days + 1))


def _ce(type_: str, bron: str, datum: dt.date, data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    return {
        "specversion": "1.0",
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "source": bron,
        "type": type_,
        "time": f"{datum.isoformat()}T09:00:00Z",
        "datacontenttype": "application/json",
        "data": data,
    }


def genereer(huishoudens: int = 150, seed: int = JAAR) -> list[dict[str, Any]]:
    """Inbound CloudEvents of a year, sorted by date: taakstelling, IND, COA, homes, refusals."""
    rng = random.Random(seed)
    uit: list[tuple[dt.date, dict[str, Any]]] = []
    for periode, datum in (("2024-H1", dt.date(2023, 12, 15)), ("2024-H2", dt.date(2024, 6, 14))):
        uit.append((datum, _ce(rijk.TAAKSTELLING_VASTGESTELD, "urn:nld:oin:rijk", datum,
                               {"gemeentecode": "0268", "periode": periode, "aantal": 182}, rng)))
    volgnummer = 3100000000
    personen = 0
    for _ in range(huishoudens):
        grootte = rng.choices([g for g, _ in GROOTTE], [w for _, w in GROOTTE])[0]
        koppeldatum = _dag(rng, dt.date(JAAR, 1, 2), dt.date(JAAR, 11, 30))
        leden = []
        for i in range(grootte):
            volgnummer += 1
            leeftijd = rng.randint(19, 55) if i < min(2, grootte) else rng.randint(0, 17)
            leden.append({"vnummer": str(volgnummer),
                          "geboortedatum": (koppeldatum - dt.timedelta(days=365 * leeftijd + rng.randrange(365))).isoformat()})
        personen += grootte
        for lid in leden:
            geplaatst = koppeldatum - dt.timedelta(days=rng.randint(90, 240))
            locatie = rng.choice(LOCATIES)
            uit.append((geplaatst, _ce(coa.ASIELZOEKER_GEPLAATST, "urn:nld:oin:coa", geplaatst, {
                "vnummer": lid["vnummer"], "locatie_id": locatie, "datum": geplaatst.isoformat(),
                "geboortedatum": lid["geboortedatum"]}, rng)))
            if rng.random() < 0.2:
                verplaatst = geplaatst + dt.timedelta(days=rng.randint(20, 60))
                naar = LOCATIES[1 - LOCATIES.index(locatie)]
                uit.append((verplaatst, _ce(coa.ASIELZOEKER_VERPLAATST, "urn:nld:oin:coa", verplaatst, {
                    "vnummer": lid["vnummer"], "van_locatie_id": locatie, "naar_locatie_id": naar,
                    "datum": verplaatst.isoformat()}, rng)))
            besluit = koppeldatum - dt.timedelta(days=rng.randint(10, 40))
            uit.append((besluit, _ce(ind.VERBLIJFSVERGUNNING_VERLEEND, "urn:nld:oin:ind", besluit, {
                "vnummer": lid["vnummer"], "besluitdatum": besluit.isoformat(), "soort": "asiel"}, rng)))
        uit.append((koppeldatum, _ce(coa.GEKOPPELD_AAN_GEMEENTE, "urn:nld:oin:coa", koppeldatum, {
            "vnummer": leden[0]["vnummer"], "gemeentecode": "0268", "koppeldatum": koppeldatum.isoformat(),
            "huishouden": leden}, rng)))
    # A supply that leaves an achterstand: homes for about three quarters of the persons.
    woningen = 0
    while woningen < huishoudens * 0.7:
        woningen += 1
        soort = rng.choices(["regulier", "flex", "doorstroom"], [60, 30, 10])[0]
        max_bewoners = 1 if soort != "regulier" else rng.choice([2, 3, 4, 5, 6])
        per = _dag(rng, dt.date(JAAR, 1, 15), dt.date(JAAR, 12, 15))
        uit.append((per, _ce(corporaties.WONING_BESCHIKBAAR_GESTELD, "urn:nld:wbb-nijmegen", per, {
            "woning_id": f"wbb-{JAAR}-{woningen:04d}", "wijk": rng.choice(WIJKEN), "soort": soort,
            "max_bewoners": max_bewoners, "beschikbaar_per": per.isoformat()}, rng)))
    for _ in range(max(1, huishoudens // 6)):
        volgnummer += 1
        besluit = _dag(rng, dt.date(JAAR, 1, 2), dt.date(JAAR, 12, 1))
        uit.append((besluit, _ce(ind.ASIELAANVRAAG_AFGEWEZEN, "urn:nld:oin:ind", besluit, {
            "vnummer": str(volgnummer), "besluitdatum": besluit.isoformat(), "definitief": True}, rng)))
    return [ce for _, ce in sorted(uit, key=lambda t: (t[0], t[1]["type"], t[1]["id"]))]
