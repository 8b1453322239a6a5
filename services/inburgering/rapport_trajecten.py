"""Inburgering's read model of the trajecten and plans: start, intake, PIP, route, PVT, MAP, Z-route and wijk per person, and their figures.

Facts are keyed by persoon_id. Figures (on a peildatum, from the facts dated on or before it):
- `trajecten`, `intakes_afgerond`, `intakes_binnen_termijn`, `intake_wachtlijst`, `leerroutes` (the
  intake's): as before; a traject counts from its start (a minor's from the 18th birthday).
- `leerroutes_binnen_10_weken`: of the trajecten whose leerroute is set (the intake's or the PIP's, the
  first), how many within the 10-week term from the start, and the share (%).
- `leerroute_verdeling`: the current leerroute (the PIP's, else the intake's) per route.
- `doorlooptijden`: days from start to intake, intake to PIP, PIP to route start, route start to diploma,
  start to diploma (DUO's SS106): per step n, median and p90.
- `plan`: PIPs set and changed, routes started, PVTs signed (and verwijtbaar late), MAP final interviews,
  Z-routes completed, voortgangsgesprekken missed (recorded by the clock or a late one).
- `wijken`: persons with a traject per wijk they moved into (cells under 5 as "<5").
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from services.domain.correctie import feitdatum
from services.domain.kleine_aantallen import onderdruk_telling
from services.inburgering.domain.inburgeringsplan import Inburgeringsplan as P
from services.inburgering.domain.inburgeringstraject import Inburgeringstraject as I
from services.rapportage.statistiek import kwantiel
from services.runtime.views import Feit

BRONNEN = (I.Gestart, I.BredeIntakeAfgerond, I.BredeIntakeGecorrigeerd, I.UitnodigingVerstuurd, I.InWijkGevestigd,
           P.PipVastgesteld, P.PipGewijzigd, P.LeerrouteGestart, P.PvtOndertekend, P.MapEindgesprekGevoerd,
           P.ZrouteAfgerond, P.VoortgangstermijnVerstreken)
"""The stored event classes `feiten` turns into facts (the views decode no others for facts)."""

SOORTEN = ("gestart", "intake", "uitgenodigd", "wijk", "pip", "pip-gewijzigd", "route", "pvt", "map", "zroute",
           "voortgang-verstreken")
"""The kinds of fact this part makes (and the only ones its `staat` reads)."""

_DATUM = {P.LeerrouteGestart: "route", P.MapEindgesprekGevoerd: "map", P.ZrouteAfgerond: "zroute",
          I.UitnodigingVerstuurd: "uitgenodigd"}


def feiten(e: Any) -> Iterator[Feit]:
    """The facts of one stored event of a traject or a plan."""
    sleutel, gemeente = str(e.persoon_id), getattr(e, "gemeentecode", None)
    if isinstance(e, I.Gestart):
        verwacht, start = e.duo_signaal_verwacht_op, e.startdatum or e.koppeldatum
        yield Feit(sleutel, "gestart", start, [
            e.koppeldatum.isoformat(), e.doelgroep or "asielstatushouder", e.aanleiding or "koppeling",
            e.intaketermijn_verloopt_op.isoformat(), verwacht.isoformat() if verwacht else None], gemeente)
    elif isinstance(e, I.BredeIntakeAfgerond):
        yield Feit(sleutel, "intake", e.datum, [e.leerroute, e.binnen_termijn], gemeente)
    elif isinstance(e, I.BredeIntakeGecorrigeerd):  # read whenever the wrong or right date is; counts on the right one
        yield Feit(sleutel, "intake", feitdatum(e.oude_datum, e.datum),
                   [e.leerroute, e.binnen_termijn, e.datum.isoformat()], gemeente)
    elif isinstance(e, I.InWijkGevestigd):
        yield Feit(sleutel, "wijk", e.datum, e.wijk, gemeente)
    elif isinstance(e, (P.PipVastgesteld, P.PipGewijzigd)):
        soort = "pip" if isinstance(e, P.PipVastgesteld) else "pip-gewijzigd"
        yield Feit(sleutel, soort, e.dagtekening, [e.leerroute, getattr(e, "gefinancierd", True)], gemeente)
    elif isinstance(e, P.PvtOndertekend):
        yield Feit(sleutel, "pvt", e.datum, e.verwijtbaar, gemeente)
    elif isinstance(e, P.VoortgangstermijnVerstreken):
        yield Feit(sleutel, "voortgang-verstreken", e.verlopen_op, None, gemeente)
    elif type(e) in _DATUM:
        yield Feit(sleutel, _DATUM[type(e)], e.datum, None, gemeente)


def _nieuw(f: Feit) -> dict[str, Any]:
    koppeldatum, doelgroep, aanleiding, termijn, verwacht = f.waarde
    return {"start": f.datum, "koppeldatum": dt.date.fromisoformat(koppeldatum), "doelgroep": doelgroep,
            "aanleiding": aanleiding, "intaketermijn": dt.date.fromisoformat(termijn),
            "duo_verwacht": dt.date.fromisoformat(verwacht) if verwacht else None, "intake_op": None,
            "leerroute": None, "binnen_termijn": None, "pip_op": None, "pip_route": None, "voortgang_verstreken": 0,
            "wijk": None, "gewijzigd": 0, "pvt_verwijtbaar": None}


def staat(rijen: Iterable[Feit]) -> dict[str, Any]:
    """Per person, the traject and its plan as all the facts (in stored order) give them; and the facts,
    so a report folds those dated on or before its own peildatum (`_fold`)."""
    eigen = [f for f in rijen if f.soort in SOORTEN]
    return {"trajecten": _fold(eigen), "feiten": eigen}


def _fold(rijen: Iterable[Feit]) -> dict[str, dict[str, Any]]:
    trajecten: dict[str, dict[str, Any]] = {}
    for f in rijen:
        if f.soort == "gestart":
            trajecten[f.sleutel] = _nieuw(f)
            continue
        t = trajecten.get(f.sleutel)
        if t is None:
            continue
        if f.soort == "intake":
            leerroute, binnen_termijn, *gecorrigeerd = f.waarde
            intake_op = dt.date.fromisoformat(gecorrigeerd[0]) if gecorrigeerd else f.datum
            t.update(intake_op=intake_op, leerroute=leerroute, binnen_termijn=binnen_termijn)
        elif f.soort == "pip":
            t.update(pip_op=f.datum, pip_route=f.waarde[0], gefinancierd=f.waarde[1])
        elif f.soort == "pip-gewijzigd":
            t.update(pip_route=f.waarde[0], gewijzigd=t["gewijzigd"] + 1)
        elif f.soort == "voortgang-verstreken":
            t["voortgang_verstreken"] += 1
        elif f.soort == "pvt":
            t.update(pvt_op=f.datum, pvt_verwijtbaar=f.waarde)
        elif f.soort == "wijk":
            t["wijk"] = f.waarde
        else:
            t[f"{f.soort}_op"] = f.datum
    return trajecten


def plicht_sinds(staten: dict[str, Any]) -> dict[str, dt.date]:
    """Per persoon_id with a traject, the day their inburgering started: the traject's start (koppeling,
    nareis permit, legalisering, 18th birthday, DUO's begindatum for a gezinsmigrant), or DUO's
    begindatum of the plicht when that is earlier."""
    plichten = staten.get("services.inburgering.rapport_plicht", {}).get("personen", {})
    uit: dict[str, dt.date] = {}
    for persoon, t in staten[__name__]["trajecten"].items():
        begin = plichten.get(persoon, {}).get("begindatum")
        uit[persoon] = min(t["start"], begin) if begin else t["start"]
    return uit


def _op(datum: dt.date | None, peildatum: dt.date) -> dt.date | None:
    return datum if datum is not None and datum <= peildatum else None


def _duur(paren: Iterable[tuple[dt.date | None, dt.date | None]]) -> dict[str, Any]:
    dagen = [(b - a).days for a, b in paren if a is not None and b is not None and b >= a]
    return {"n": len(dagen), "mediaan": kwantiel(dagen, 0.5), "p90": kwantiel(dagen, 0.9)}


def _aandeel(deel: int, geheel: int) -> float | None:
    return round(deel / geheel, 3) if geheel else None


def rapport(staten: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """The trajecten's kengetallen as known on the peildatum."""
    alle = trajecten_op(staten, peildatum)
    trajecten = list(alle.values())
    afgerond = [t for t in trajecten if _op(t["intake_op"], peildatum)]
    diploma = staten.get("services.inburgering.rapport_plicht", {}).get("personen", {})
    gezet, binnen, routes = 0, 0, Counter()
    rijen: list[dict[str, Any]] = []
    for persoon, t in alle.items():
        intake, pip = _op(t["intake_op"], peildatum), _op(t["pip_op"], peildatum)
        eerste = min(d for d in (intake, pip, dt.date.max) if d is not None)
        if eerste != dt.date.max:
            gezet += 1
            binnen += eerste <= t["intaketermijn"]
            routes[(t["pip_route"] if pip else None) or t["leerroute"]] += 1
        einde = diploma.get(persoon, {}).get("einde")
        rijen.append({"start": t["start"], "intake": intake, "pip": pip, "route": _op(t.get("route_op"), peildatum),
                      "diploma": einde[0] if einde and einde[1] == "diploma" and einde[0] <= peildatum else None})
    wijken = Counter(t["wijk"] for t in trajecten if t["wijk"] is not None)
    met_pip = [t for t in trajecten if _op(t["pip_op"], peildatum)]
    return {
        "trajecten": len(trajecten),
        "intakes_afgerond": len(afgerond),
        "intakes_binnen_termijn": sum(1 for t in afgerond if t["binnen_termijn"]),
        "intake_wachtlijst": len(trajecten) - len(afgerond),
        "leerroutes": dict(sorted(Counter(t["leerroute"] for t in afgerond).items())),
        "leerroutes_binnen_10_weken": {"gezet": gezet, "binnen": binnen, "aandeel": _aandeel(binnen, gezet)},
        "leerroute_verdeling": dict(sorted(routes.items())),
        "doorlooptijden": {
            "start_intake": _duur((r["start"], r["intake"]) for r in rijen),
            "intake_pip": _duur((r["intake"], r["pip"]) for r in rijen),
            "pip_route": _duur((r["pip"], r["route"]) for r in rijen),
            "route_diploma": _duur((r["route"], r["diploma"]) for r in rijen),
            "start_diploma": _duur((r["start"], r["diploma"]) for r in rijen),
        },
        "plan": {
            "pip_vastgesteld": len(met_pip),
            "pip_gewijzigd": sum(t["gewijzigd"] > 0 for t in met_pip),
            "route_gestart": sum(1 for t in met_pip if _op(t.get("route_op"), peildatum)),
            "pvt_ondertekend": sum(1 for t in met_pip if _op(t.get("pvt_op"), peildatum)),
            "pvt_verwijtbaar": sum(1 for t in met_pip if _op(t.get("pvt_op"), peildatum) and t["pvt_verwijtbaar"]),
            "map_eindgesprek": sum(1 for t in met_pip if _op(t.get("map_op"), peildatum)),
            "zroute_afgerond": sum(1 for t in met_pip if _op(t.get("zroute_op"), peildatum)),
            "voortgang_gemist": sum(t["voortgang_verstreken"] for t in met_pip),
        },
        "wijken": onderdruk_telling(dict(sorted(wijken.items()))),
    }


def trajecten_op(staten: dict[str, Any], peildatum: dt.date) -> dict[str, dict[str, Any]]:
    """Per persoon_id the trajecten as known on the peildatum (started on or before it)."""
    return _fold(f for f in staten[__name__]["feiten"] if f.datum <= peildatum)
