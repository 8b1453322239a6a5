"""Inburgering's read model of DUO's signals: the plicht per person, the status after three years per cohort, the caseload per doelgroep and the attention list.

Facts are keyed by persoon_id and dated by DUO's registratiedatum (known from then on); the clock's
expiry of a termijn by its last day. Figures (on a peildatum):
- `caseload`: persons with a running plicht or traject per doelgroep (`asielstatushouder`,
  `nareiziger`, `gezinsmigrant`, `oude-wet`): DUO's doelgroep where it said one, a nareiziger stays one.
- `plicht`: `lopend`, `geschorst` (SS109), `beeindigd` per outcome (diploma, vrijstelling, ontheffing,
  vervallen, overleden), `oude_wet_op_verzoek` (running under the old law, guided on their request); `termijnen`: running 3-year termijnen and those past their einddatum.
- `na_drie_jaar`: per cohort (the year the plicht began) whose three years have passed, the status on
  the day three years after the begindatum: `geslaagd` (SS106), `nog_plichtig`,
  `vrijgesteld_of_ontheven` (SS107, SS108), `overig` (SS110, SS111), with the shares (%).
- `examens`: SS199 results per onderdeel and resultaat.
- `aandachtslijst`: counts of `zonder_duo_signaal` (a traject whose plicht signal did not come by the
  date it was expected, stored with the traject) and `onbekend_bij_duo` (a signal for a person without
  a traject, not under the old law). `aandachtslijst()` gives the list itself, by persoon_id.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from services.inburgering import rapport_trajecten
from services.inburgering.domain.inburgeringsplicht import Inburgeringsplicht as D
from services.runtime.views import Feit

BRONNEN = (D.PlichtOntstaan, D.PlichtBevestigd, D.PlichtHervat, D.PlichtGeschorst, D.PlichtBeeindigd,
           D.DoelgroepGewijzigd, D.TermijnGestart, D.TermijnVerlengd, D.TermijnVerstreken, D.Gevestigd,
           D.Leerbaarheidstoets, D.Examenresultaat, D.BegeleidingGevraagd)
"""The stored event classes `feiten` turns into facts."""

_SOORT = {D.PlichtOntstaan: "plicht", D.PlichtBevestigd: "plicht", D.PlichtHervat: "hervat",
          D.PlichtGeschorst: "geschorst", D.PlichtBeeindigd: "einde", D.DoelgroepGewijzigd: "doelgroep",
          D.TermijnGestart: "termijn", D.TermijnVerlengd: "termijn", D.TermijnVerstreken: "termijn-verstreken",
          D.Gevestigd: "gevestigd", D.Leerbaarheidstoets: "leerbaarheid", D.Examenresultaat: "examen",
          D.BegeleidingGevraagd: "verzoek"}
_VELDEN = ("begindatum", "doelgroep", "regime", "datum", "uitkomst", "einddatum", "onderdeel", "resultaat")
UITKOMSTEN = {"diploma": "geslaagd", "vrijstelling": "vrijgesteld_of_ontheven",
              "ontheffing": "vrijgesteld_of_ontheven", "vervallen": "overig", "overleden": "overig"}


def feiten(e: Any) -> Iterator[Feit]:
    """One fact per DUO signal (`duo:<kind>`), its fields as ISO text."""
    waarde = {v: getattr(e, v) for v in _VELDEN if hasattr(e, v)}
    waarde = {k: w.isoformat() if isinstance(w, dt.date) else w for k, w in waarde.items()}
    if isinstance(e, D.TermijnVerstreken):
        yield Feit(str(e.persoon_id), "duo:termijn-verstreken", e.verlopen_op, {}, getattr(e, "gemeentecode", None))
        return
    if isinstance(e, D.PlichtOntstaan):
        waarde["nieuw"] = True
    yield Feit(str(e.persoon_id), "duo:" + _SOORT[type(e)], getattr(e, "registratiedatum", None) or e.datum, waarde,
               getattr(e, "gemeentecode", None))


def _d(waarde: str | None) -> dt.date | None:
    return dt.date.fromisoformat(waarde) if waarde else None


def staat(rijen: Iterable[Feit]) -> dict[str, Any]:
    """Per person, what DUO said by all the facts (in stored order); and the facts, so a report folds
    those dated on or before its own peildatum (`_fold`)."""
    eigen = [f for f in rijen if f.soort.startswith("duo:")]
    return {"personen": _fold(eigen), "feiten": eigen}


def _fold(rijen: Iterable[Feit]) -> dict[str, dict[str, Any]]:
    personen: dict[str, dict[str, Any]] = {}
    for f in rijen:
        p = personen.setdefault(f.sleutel, {"eerste_signaal": f.datum, "begindatum": None, "doelgroep": None,
                                            "regime": None, "plicht_signaal": None, "geschorst": False,
                                            "einde": None, "termijn_einde": None, "examens": [], "op_verzoek": None})
        soort, w = f.soort[4:], f.waarde
        if soort == "plicht":
            p["plicht_signaal"] = p["plicht_signaal"] or f.datum
            if w.get("nieuw"):
                p.update(begindatum=_d(w["begindatum"]), doelgroep=w["doelgroep"], regime=w["regime"], einde=None,
                         geschorst=False)
        elif soort == "hervat":
            p.update(geschorst=False, plicht_signaal=p["plicht_signaal"] or f.datum)
        elif soort == "geschorst":
            p["geschorst"] = True
        elif soort == "einde":
            p["einde"] = (_d(w["datum"]), w["uitkomst"])
        elif soort == "doelgroep":
            p["doelgroep"] = w["doelgroep"]
        elif soort == "termijn":
            p["termijn_einde"] = _d(w["einddatum"])
        elif soort == "verzoek":
            p["op_verzoek"] = p["op_verzoek"] or _d(w["datum"])
        elif soort == "examen":
            p["examens"].append((w["onderdeel"], w["resultaat"]))
    return personen


def _op(staten: dict[str, Any], peildatum: dt.date) -> tuple[dict[str, Any], dict[str, Any]]:
    """(DUO's persons, the trajecten) as known on the peildatum."""
    personen = _fold(f for f in staten[__name__]["feiten"] if f.datum <= peildatum)
    trajecten = rapport_trajecten.trajecten_op(staten, peildatum)
    return personen, trajecten


def _drie_jaar(begin: dt.date) -> dt.date:
    try:
        return begin.replace(year=begin.year + 3)
    except ValueError:  # 29 February
        return dt.date(begin.year + 3, 3, 1)


def aandachtslijst(staten: dict[str, Any], peildatum: dt.date) -> list[dict[str, Any]]:
    """The attention list on the peildatum, by persoon_id (for the klantregisseur only): trajecten whose
    DUO plicht signal did not come by the date it was expected, and DUO signals for persons without a
    traject (not under the old law). The same facts give the same list, whenever it is asked."""
    personen, trajecten = _op(staten, peildatum)
    lijst = []
    for persoon, t in trajecten.items():
        verwacht = t["duo_verwacht"]
        if verwacht is not None and verwacht < peildatum and personen.get(persoon, {}).get("plicht_signaal") is None:
            lijst.append({"persoon_id": persoon, "reden": "geen-duo-signaal", "sinds": verwacht + dt.timedelta(days=1)})
    for persoon, p in personen.items():
        if persoon not in trajecten and p["regime"] != "oude-wet":
            lijst.append({"persoon_id": persoon, "reden": "onbekend-bij-duo", "sinds": p["eerste_signaal"]})
    return sorted(lijst, key=lambda r: (r["reden"], r["persoon_id"]))


def _doelgroep(p: dict[str, Any] | None, t: dict[str, Any] | None) -> str:
    if p is not None and p["regime"] == "oude-wet":
        return "oude-wet"
    if t is not None and t["doelgroep"] == "nareiziger":
        return "nareiziger"
    return (p or {}).get("doelgroep") or (t or {}).get("doelgroep") or "asielstatushouder"


def rapport(staten: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """DUO's side of inburgering as known on the peildatum."""
    personen, trajecten = _op(staten, peildatum)
    caseload: Counter[str] = Counter()
    for persoon in sorted(set(personen) | set(trajecten)):
        p, t = personen.get(persoon), trajecten.get(persoon)
        if p is not None and (p["einde"] is not None or (p["begindatum"] is None and t is None)):
            continue
        caseload[_doelgroep(p, t)] += 1
    lopend = [p for p in personen.values() if p["begindatum"] is not None and p["einde"] is None]
    cohorten: dict[str, Counter[str]] = {}
    for p in personen.values():
        if p["begindatum"] is None or _drie_jaar(p["begindatum"]) > peildatum:
            continue
        grens = _drie_jaar(p["begindatum"])
        einde = p["einde"] if p["einde"] is not None and p["einde"][0] <= grens else None
        status = UITKOMSTEN[einde[1]] if einde else "nog_plichtig"
        cohorten.setdefault(str(p["begindatum"].year), Counter())[status] += 1
    lijst = aandachtslijst(staten, peildatum)
    return {
        "caseload": {d: caseload[d] for d in ("asielstatushouder", "nareiziger", "gezinsmigrant", "oude-wet")},
        "plicht": {
            "lopend": len(lopend),
            "geschorst": sum(1 for p in lopend if p["geschorst"]),
            "beeindigd": dict(sorted(Counter(p["einde"][1] for p in personen.values() if p["einde"]).items())),
            "oude_wet_op_verzoek": sum(1 for p in lopend if p["regime"] == "oude-wet" and p["op_verzoek"]),
        },
        "termijnen": {
            "lopend": sum(1 for p in lopend if p["termijn_einde"] and p["termijn_einde"] >= peildatum),
            "verstreken": sum(1 for p in lopend if p["termijn_einde"] and p["termijn_einde"] < peildatum),
        },
        "na_drie_jaar": {cohort: _status(telling) for cohort, telling in sorted(cohorten.items())},
        "examens": dict(sorted(Counter(f"{o}:{r}" for p in personen.values() for o, r in p["examens"]).items())),
        "aandachtslijst": {
            "zonder_duo_signaal": sum(1 for r in lijst if r["reden"] == "geen-duo-signaal"),
            "onbekend_bij_duo": sum(1 for r in lijst if r["reden"] == "onbekend-bij-duo"),
            "totaal": len(lijst),
        },
    }


def _status(telling: Counter[str]) -> dict[str, Any]:
    totaal = sum(telling.values())
    statussen = ("geslaagd", "nog_plichtig", "vrijgesteld_of_ontheven", "overig")
    return {"totaal": totaal, **{s: telling[s] for s in statussen},
            **{f"aandeel_{s}": round(telling[s] / totaal, 3) for s in statussen}}
