"""Opvang's read model of its locations: capacity and occupancy per location and soort, and the Spreidingswet taakstelling.

- `spreidingstaakstelling`: the decision that holds on the peildatum (of the cyclus decided last;
  within a cyclus a later decision replaces an earlier one from its besluitdatum on), with
  `capaciteit_telt_mee` (the places that count on the peildatum, `telt_mee` in
  `domain/spreidingstaakstelling.py`), `gerealiseerd` (of those, at most the taakstelling) and
  `nog_te_gaan` (at least 0); `amv` the same for the AMV part. No decision: its figures are None.
- `locaties`: per soort the locations open on the peildatum, their places and the persons in them.
- `bezetting`: places and persons in all open locations, persons staying in a location that is not
  open on the peildatum by opvang's records (unknown, not yet opened or closed: `buiten_open_locaties`),
  the locations over capacity, and per location (open, or holding persons) its naam, soort,
  capacity (None when not open), persons and planned closing.

Occupancy is computed from the events that name the location of a stay (`VERBLIJF`: a bewoner's
placement, move, uitstroom and its correction; an ontheemde's placement, move and departure): a
person counts in the location of their last change dated on or before the peildatum.

The state's `locaties` (per id: naam, soort, beheerder, geplande_sluiting as ISO text, the dates
`geopend` and `gesloten`, and the dated `capaciteiten`) and `capaciteit_op` are also read by
`rapport_ontheemden` (the Oekraïne-locaties against the 785 places): keep their shape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any, get_args

from events.coa import Locatiesoort
from services.domain.correctie import feitdatum, verschuif_einde
from services.opvang.domain.bewoner import Bewoner as B
from services.opvang.domain.locatie import Locatie as L
from services.opvang.domain.ontheemde import Ontheemde as O
from services.opvang.domain.spreidingstaakstelling import Spreidingstaakstelling as S
from services.opvang.domain.spreidingstaakstelling import geldend, telt_mee, telt_mee_voor_amv
from services.runtime.views import Feit

SOORTEN: tuple[str, ...] = get_args(Locatiesoort)

VERBLIJF = (B.Geplaatst, B.Verplaatst, B.Uitgestroomd, O.Geplaatst, O.Verplaatst, O.Vertrokken)
"""A person's stay in a location begins, moves or ends: a bewoner's (COA) or an ontheemde's (the
gemeente's Oekraïne-locaties; particuliere opvang is no location)."""
BRONNEN = (L.Geopend, L.CapaciteitGewijzigd, L.Gesloten, S.Vastgesteld, S.Bijgesteld, *VERBLIJF, B.UitstroomGecorrigeerd)
"""The stored event classes `feiten` turns into facts (the views decode no others for facts)."""


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def feiten(e: Any) -> Iterator[Feit]:
    """The facts of one stored event: a location opens, changes capacity or closes; a decision on the
    taakstelling (dated on its besluitdatum); a person's stay in a location begins or ends."""
    gemeente = getattr(e, "gemeentecode", None)
    if isinstance(e, L.Geopend):
        yield Feit(e.locatie_id, "locatie-geopend", e.datum, {
            "naam": e.naam, "soort": e.soort, "beheerder": e.beheerder, "capaciteit": e.capaciteit,
            "geplande_sluiting": _iso(e.geplande_sluiting)}, gemeente)
    elif isinstance(e, L.CapaciteitGewijzigd):
        yield Feit(e.locatie_id, "locatie-capaciteit", e.datum, e.capaciteit, gemeente)
    elif isinstance(e, L.Gesloten):
        yield Feit(e.locatie_id, "locatie-gesloten", e.datum, None, gemeente)
    elif isinstance(e, (S.Vastgesteld, S.Bijgesteld)):
        yield Feit(e.cyclus, "spreidingstaakstelling", e.besluitdatum, [
            e.fase, e.plekken, e.amv_plekken, e.realiseren_per.isoformat()], gemeente)
    elif isinstance(e, VERBLIJF):
        naar = e.locatie_id if isinstance(e, (B.Geplaatst, O.Geplaatst)) else getattr(e, "naar_locatie_id", None)
        yield Feit(str(e.originator_id), "locatieverblijf", e.datum, naar, gemeente)
    elif isinstance(e, B.UitstroomGecorrigeerd):  # read whenever the wrong or the right date is
        yield Feit(str(e.originator_id), "locatieverblijf-gecorrigeerd", feitdatum(e.oude_datum, e.datum),
                   [e.oude_datum.isoformat(), e.datum.isoformat()], gemeente)


def staat(rijen: Iterable[Feit]) -> dict[str, Any]:
    """The facts of this part, in stored order, as the report reads them (other parts' facts ignored)."""
    locaties: dict[str, dict[str, Any]] = {}
    besluiten: dict[str, list[Any]] = {}
    verblijven: dict[str, list[tuple[dt.date, str | None]]] = {}
    for f in rijen:
        if f.soort == "locatie-geopend":
            locaties[f.sleutel] = {**f.waarde, "geopend": f.datum, "gesloten": None,
                                   "capaciteiten": [(f.datum, f.waarde["capaciteit"])]}
        elif f.soort == "locatie-capaciteit" and f.sleutel in locaties:
            locaties[f.sleutel]["capaciteiten"].append((f.datum, f.waarde))
        elif f.soort == "locatie-gesloten" and f.sleutel in locaties:
            locaties[f.sleutel]["gesloten"] = f.datum
        elif f.soort == "spreidingstaakstelling":
            fase, plekken, amv, per = f.waarde
            besluiten.setdefault(f.sleutel, []).append((f.datum, fase, plekken, amv, dt.date.fromisoformat(per)))
        elif f.soort == "locatieverblijf":
            verblijven.setdefault(f.sleutel, []).append((f.datum, f.waarde))
        elif f.soort == "locatieverblijf-gecorrigeerd":  # the end of the stay moves to its corrected date
            verschuif_einde(verblijven.setdefault(f.sleutel, []), f.waarde, None)
    return {"locaties": locaties, "besluiten": besluiten, "verblijven": verblijven}


def capaciteit_op(locatie: dict[str, Any], peildatum: dt.date) -> int | None:
    """The places of a location on the peildatum; None when it is not open then."""
    if locatie["geopend"] > peildatum or (locatie["gesloten"] is not None and locatie["gesloten"] <= peildatum):
        return None
    return sorted((w for w in locatie["capaciteiten"] if w[0] <= peildatum), key=lambda w: w[0])[-1][1]


def bezetting_op(verblijven: dict[str, list[tuple[dt.date, str | None]]], peildatum: dt.date) -> dict[str, int]:
    """Per location id the persons staying there on the peildatum (their last change on or before it)."""
    per_locatie: dict[str, int] = {}
    for wijzigingen in verblijven.values():
        tot_dan = sorted((w for w in wijzigingen if w[0] <= peildatum), key=lambda w: w[0])
        if tot_dan and tot_dan[-1][1] is not None:
            per_locatie[tot_dan[-1][1]] = per_locatie.get(tot_dan[-1][1], 0) + 1
    return per_locatie


def rapport(staten: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """The locations' figures as known on the peildatum (`staten`: every part's state, by module name)."""
    staat = staten[__name__]
    personen = bezetting_op(staat["verblijven"], peildatum)
    capaciteit = {i: c for i, loc in staat["locaties"].items() if (c := capaciteit_op(loc, peildatum)) is not None}
    per_soort = {s: {"aantal": 0, "capaciteit": 0, "bezetting": 0} for s in SOORTEN}
    per_locatie: dict[str, dict[str, Any]] = {}
    for locatie_id in sorted(capaciteit.keys() | personen.keys()):
        loc = staat["locaties"].get(locatie_id) or {"naam": None, "soort": None, "geplande_sluiting": None}
        n = personen.get(locatie_id, 0)
        per_locatie[locatie_id] = {
            "naam": loc["naam"], "soort": loc["soort"], "capaciteit": capaciteit.get(locatie_id), "bezetting": n,
            "geplande_sluiting": loc["geplande_sluiting"]}
        if locatie_id in capaciteit:
            telling = per_soort.setdefault(loc["soort"], {"aantal": 0, "capaciteit": 0, "bezetting": 0})
            telling["aantal"] += 1
            telling["capaciteit"] += capaciteit[locatie_id]
            telling["bezetting"] += n
    open_ = [(staat["locaties"][i], c) for i, c in capaciteit.items()]
    telt = sum(c for loc, c in open_ if telt_mee(loc["soort"], loc["beheerder"]))
    amv = sum(c for loc, c in open_ if telt_mee_voor_amv(loc["soort"], loc["beheerder"]))
    return {
        "spreidingstaakstelling": _taakstelling(staat["besluiten"], peildatum, telt, amv),
        "locaties": per_soort,
        "bezetting": {
            "capaciteit": sum(capaciteit.values()),
            "bezetting": sum(n for i, n in personen.items() if i in capaciteit),
            "buiten_open_locaties": sum(n for i, n in personen.items() if i not in capaciteit),
            "locaties_boven_capaciteit": sum(1 for p in per_locatie.values()
                                             if p["capaciteit"] is not None and p["bezetting"] > p["capaciteit"]),
            "per_locatie": per_locatie,
        },
    }


def _taakstelling(besluiten: dict[str, list[Any]], peildatum: dt.date, telt: int, amv: int) -> dict[str, Any]:
    """The taakstelling of the cyclus decided last on or before the peildatum, against what counts."""
    geldend_per_cyclus = {c: b for c, bs in besluiten.items() if (b := geldend(bs, peildatum)) is not None}
    cyclus = max(geldend_per_cyclus, key=lambda c: (geldend_per_cyclus[c][0], c), default=None)
    besluitdatum, fase, plekken, amv_plekken, per = geldend_per_cyclus[cyclus] if cyclus else (None,) * 5
    return {
        "cyclus": cyclus, "fase": fase, "besluitdatum": _iso(besluitdatum), "plekken": plekken,
        "amv_plekken": amv_plekken, "realiseren_per": _iso(per), "capaciteit_telt_mee": telt,
        **_realisatie(plekken, telt),
        "amv": {"plekken": amv_plekken, "capaciteit_telt_mee": amv, **_realisatie(amv_plekken, amv)},
    }


def _realisatie(plekken: int | None, telt: int) -> dict[str, int | None]:
    if plekken is None:
        return {"gerealiseerd": None, "nog_te_gaan": None}
    return {"gerealiseerd": min(telt, plekken), "nog_te_gaan": max(plekken - telt, 0)}
