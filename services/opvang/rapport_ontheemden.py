"""Opvang's read model of ontheemden from Ukraine: stays, places against the 785, locations to replace, eigen bijdrage, end of protection.

The report's key `ontheemden`, as known on the peildatum:

- `geregistreerd`, `in_gemeentelijke_opvang`, `in_particuliere_opvang`: persons by their last change
  dated on or before the peildatum; `per_locatie` the persons per Oekraïne-locatie; `verplaatsingen`
  and `vertrekken` (per reason) counted up to the peildatum.
- `plekken`: `afspraak` is OEKRAINE_PLEKKEN, the 785 places the region agreed to keep (seed 001
  §1.2: no more, no fewer, but replace some); `capaciteit` the places of the Oekraïne-locaties open
  on the peildatum by the locations' records (None while no Oekraïne-locatie is registered);
  `bezet` the persons in gemeentelijke opvang; `beschikbaar` = capaciteit (else the afspraak) - bezet;
  `tekort_op_afspraak` = afspraak - capaciteit, at least 0 (None without capacity).
- `te_vervangen`: the locations of the replacement plan (TE_VERVANGEN, seed 001 §1.2 action 1.A:
  the ships in the Waalhaven by 2025-03-01, Tarweweg by 2025-12-31; the gemeente registers them
  under these ids), and every other Oekraïne-locatie with a planned closing: the date to be replaced
  by, the planned closing and closing as recorded, its places and persons, and `te_laat` (open or
  holding persons after that date).
- `eigen_bijdrage`: of the persons in gemeentelijke opvang, by the decision dated last on or before
  the peildatum: `plichtig`, `vrijgesteld` (and `per_grond`), `onbekend` (no decision yet).
- `tijdelijke_bescherming`: the end in force on the peildatum (the Rijk decision with the latest
  besluitdatum on or before it, else the RTB's own end), `van_kracht` (peildatum <= einddatum) and
  `dagen_resterend`. Judged by the dates alone, so the same whenever the clock recorded the end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from services.opvang import rapport_locaties
from services.opvang.domain.ontheemde import GEMEENTELIJK, PARTICULIER, VRIJSTELLINGSGRONDEN
from services.opvang.domain.ontheemde import Ontheemde as O
from services.opvang.domain.tijdelijke_bescherming import RTB_EINDE
from services.opvang.domain.tijdelijke_bescherming import TijdelijkeBescherming as T
from services.opvang.ontheemden import OEKRAINE
from services.runtime.views import Feit

OEKRAINE_PLEKKEN = 785
"""The places for ontheemden in Nijmegen the region agreed to keep (seed 001 §1.2)."""
TE_VERVANGEN = {
    "waalhaven": ("Schepen in de Waalhaven", dt.date(2025, 3, 1)),
    "tarweweg": ("Tarweweg", dt.date(2025, 12, 31)),
}
"""Locatie id -> (name, replaced by): the replacement plan of seed 001 §1.2, action 1.A."""
BESCHERMING = "tijdelijke-bescherming"

BRONNEN = (O.Geregistreerd, O.Geplaatst, O.Verplaatst, O.Vertrokken, O.EigenBijdrageVastgesteld,
           T.Ingesteld, T.Verlengd)
"""The stored event classes `feiten` turns into facts (the views decode no others for facts)."""


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def feiten(e: Any) -> Iterator[Feit]:
    """The facts of one stored event: a registration, a stay begins or ends (where, and why it
    ended), an eigen bijdrage decision; the end of the protection, instituted or moved (dated on
    the Rijk's besluitdatum)."""
    gemeente = getattr(e, "gemeentecode", None)
    sleutel = str(e.originator_id)
    if isinstance(e, O.Geregistreerd):
        yield Feit(sleutel, "ontheemde-geregistreerd", e.datum, None, gemeente)
    elif isinstance(e, O.Geplaatst):
        yield Feit(sleutel, "ontheemde-verblijf", e.datum, [e.opvangsoort, e.locatie_id, False, None], gemeente)
    elif isinstance(e, O.Verplaatst):
        yield Feit(sleutel, "ontheemde-verblijf", e.datum, [e.naar_opvangsoort, e.naar_locatie_id, True, None],
                   gemeente)
    elif isinstance(e, O.Vertrokken):
        yield Feit(sleutel, "ontheemde-verblijf", e.datum, [None, None, False, e.reden], gemeente)
    elif isinstance(e, O.EigenBijdrageVastgesteld):
        yield Feit(sleutel, "eigen-bijdrage", e.datum, [e.plichtig, e.vrijstellingsgrond], gemeente)
    elif isinstance(e, T.Ingesteld):
        yield Feit(BESCHERMING, "bescherming-ingesteld", None, e.einddatum.isoformat())
    elif isinstance(e, T.Verlengd):
        yield Feit(BESCHERMING, "bescherming-verlengd", e.besluitdatum, e.einddatum.isoformat())


def staat(rijen: Iterable[Feit]) -> dict[str, Any]:
    """The facts of this part, in stored order, as the report reads them (other parts' facts ignored)."""
    geregistreerd: dict[str, dt.date] = {}
    verblijven: dict[str, list[tuple[dt.date, str | None, str | None]]] = {}
    verplaatsingen: list[dt.date] = []
    vertrekken: list[tuple[dt.date, str]] = []
    bijdragen: dict[str, list[tuple[dt.date, bool, str | None]]] = {}
    bescherming: dict[str, Any] = {"einddatum": RTB_EINDE, "besluiten": []}
    for f in rijen:
        if f.soort == "ontheemde-geregistreerd":
            geregistreerd[f.sleutel] = f.datum
        elif f.soort == "ontheemde-verblijf":
            soort, locatie, verplaatst, reden = f.waarde
            verblijven.setdefault(f.sleutel, []).append((f.datum, soort, locatie))
            if verplaatst:
                verplaatsingen.append(f.datum)
            if reden is not None:
                vertrekken.append((f.datum, reden))
        elif f.soort == "eigen-bijdrage":
            bijdragen.setdefault(f.sleutel, []).append((f.datum, *f.waarde))
        elif f.soort == "bescherming-ingesteld":
            bescherming["einddatum"] = dt.date.fromisoformat(f.waarde)
        elif f.soort == "bescherming-verlengd":
            bescherming["besluiten"].append((f.datum, dt.date.fromisoformat(f.waarde)))
    return {"geregistreerd": geregistreerd, "verblijven": verblijven, "verplaatsingen": verplaatsingen,
            "vertrekken": vertrekken, "bijdragen": bijdragen, "bescherming": bescherming}


def _laatste(rijen: Iterable[tuple[Any, ...]], peildatum: dt.date) -> tuple[Any, ...] | None:
    """The row dated last on or before the peildatum (of one date: the one stored last)."""
    tot_dan = sorted((r for r in rijen if r[0] <= peildatum), key=lambda r: r[0])
    return tot_dan[-1] if tot_dan else None


def rapport(staten: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """The ontheemden's figures as known on the peildatum (`staten`: every part's state, by module name)."""
    staat = staten[__name__]
    waar = {p: r for p, rijen in staat["verblijven"].items() if (r := _laatste(rijen, peildatum)) and r[1]}
    per_locatie: dict[str, int] = {}
    for _, soort, locatie in waar.values():
        if soort == GEMEENTELIJK:
            per_locatie[locatie] = per_locatie.get(locatie, 0) + 1
    vertrekken: dict[str, int] = {}
    for datum, reden in staat["vertrekken"]:
        if datum <= peildatum:
            vertrekken[reden] = vertrekken.get(reden, 0) + 1
    bezet = sum(per_locatie.values())
    return {"ontheemden": {
        "geregistreerd": sum(1 for d in staat["geregistreerd"].values() if d <= peildatum),
        "in_gemeentelijke_opvang": bezet,
        "in_particuliere_opvang": sum(1 for _, soort, _ in waar.values() if soort == PARTICULIER),
        "per_locatie": dict(sorted(per_locatie.items())),
        "verplaatsingen": sum(1 for d in staat["verplaatsingen"] if d <= peildatum),
        "vertrekken": dict(sorted(vertrekken.items())),
        **_plekken(staten, peildatum, per_locatie),
        "eigen_bijdrage": _eigen_bijdrage(staat["bijdragen"], [p for p, r in waar.items() if r[1] == GEMEENTELIJK],
                                          peildatum),
        "tijdelijke_bescherming": _bescherming(staat["bescherming"], peildatum),
    }}


def _oekraine_locaties(staten: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The Oekraïne-locaties in the records of the locations' part."""
    locaties = staten.get(rapport_locaties.__name__, {}).get("locaties", {})
    return {i: loc for i, loc in locaties.items() if loc.get("soort") == OEKRAINE}


def _plekken(staten: dict[str, Any], peildatum: dt.date, per_locatie: dict[str, int]) -> dict[str, Any]:
    locaties = _oekraine_locaties(staten)
    open_ = {i: c for i, loc in locaties.items() if (c := rapport_locaties.capaciteit_op(loc, peildatum)) is not None}
    capaciteit = sum(open_.values()) if locaties else None
    bezet = sum(per_locatie.values())
    te_vervangen = {}
    plan = {**{i: (loc["naam"], _datum(loc.get("geplande_sluiting"))) for i, loc in locaties.items()
               if loc.get("geplande_sluiting")}, **TE_VERVANGEN}
    for locatie_id, (naam, per) in sorted(plan.items()):
        loc = locaties.get(locatie_id, {})
        gesloten = loc.get("gesloten")
        gesloten = gesloten if gesloten and gesloten <= peildatum else None
        bewoners = per_locatie.get(locatie_id, 0)
        te_vervangen[locatie_id] = {
            "naam": loc.get("naam") or naam, "vervangen_per": per.isoformat(),
            "geplande_sluiting": loc.get("geplande_sluiting"), "gesloten_op": _iso(gesloten),
            "capaciteit": open_.get(locatie_id), "bewoners": bewoners,
            "te_laat": peildatum > per and (locatie_id in open_ or bewoners > 0)}
    return {
        "plekken": {"afspraak": OEKRAINE_PLEKKEN, "capaciteit": capaciteit, "bezet": bezet,
                    "beschikbaar": (OEKRAINE_PLEKKEN if capaciteit is None else capaciteit) - bezet,
                    "tekort_op_afspraak": None if capaciteit is None else max(OEKRAINE_PLEKKEN - capaciteit, 0)},
        "te_vervangen": te_vervangen,
    }


def _datum(waarde: Any) -> dt.date:
    return waarde if isinstance(waarde, dt.date) else dt.date.fromisoformat(waarde)


def _eigen_bijdrage(bijdragen: dict[str, list[tuple[dt.date, bool, str | None]]], personen: list[str],
                    peildatum: dt.date) -> dict[str, Any]:
    telling: dict[str, Any] = {"plichtig": 0, "vrijgesteld": 0, "onbekend": 0,
                               "per_grond": dict.fromkeys(VRIJSTELLINGSGRONDEN, 0)}
    for persoon in personen:
        besluit = _laatste(bijdragen.get(persoon, ()), peildatum)
        if besluit is None:
            telling["onbekend"] += 1
        elif besluit[1]:
            telling["plichtig"] += 1
        else:
            telling["vrijgesteld"] += 1
            telling["per_grond"][besluit[2]] = telling["per_grond"].get(besluit[2], 0) + 1
    return telling


def _bescherming(bescherming: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    besluit = _laatste(bescherming["besluiten"], peildatum)
    besluitdatum, einddatum = besluit if besluit else (None, bescherming["einddatum"])
    return {"einddatum": einddatum.isoformat(), "besluitdatum": _iso(besluitdatum),
            "van_kracht": peildatum <= einddatum, "dagen_resterend": max((einddatum - peildatum).days, 0)}
