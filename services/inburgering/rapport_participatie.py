"""Inburgering's read model of participatie: the participatieladder and the zelfredzaamheidsmatrix now, and against seed 004's targets after three years.

The report's key `participatie`, as known on the peildatum:

- `gemeten`: persons with a trede measured; `per_trede` ("1" ... "6") by their latest trede.
- `zelfredzaamheid`: `gemeten`, persons with a matrix; `per_levensgebied`, per levensgebied the
  persons per score ("1" ... "5") of their latest matrix, each cell under 5 shown as "<5" (the
  matrix scores physical and mental health; no gauge has these cells).
- `na_drie_jaar`: the persons whose inburgering started (`rapport_trajecten.plicht_sinds`) three
  years or more before the peildatum, judged by what was measured up to their third anniversary
  (seed 004 §1.1: "na maximaal drie jaar"): `cohort`; `gemeten` (a trede by then);
  `trede_4_plus` (at least unpaid work), `trede_5_6` (paid work or education: out of bijstand);
  `doelen_behaald`: a step forward on at least two levensgebieden between the first and the last
  matrix by then (seed 004 §6.1: how the POP's goals are judged); the shares of the cohort
  `aandeel_trede_4_plus`, `aandeel_doelen_behaald`, and `aandeel_trede_5_6_van_trede_4_plus`
  ("waarvan 50%": of those at trede 4 or higher); `aandeel_taal`, the share that passed the
  inburgeringsexamen by then (DUO's diploma, SS106, as the plicht part `rapport_plicht` records
  the end of the plicht; None in a read model without that part); `doelen`, the targets under the same keys
  (80%, 50%, 80%, 90%).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from services.domain.kleine_aantallen import onderdruk_telling
from services.domain.maanden import plus_maanden
from services.inburgering.domain.participatie import LEVENSGEBIEDEN, SCORES, TREDEN
from services.inburgering.domain.participatie import Participatie as P
from services.inburgering.rapport_trajecten import plicht_sinds
from services.runtime.views import Feit

BRONNEN = (P.TredeGemeten, P.ZelfredzaamheidGemeten)
"""The stored event classes `feiten` turns into facts."""
DOELEN = {"aandeel_trede_4_plus": 0.8, "aandeel_trede_5_6_van_trede_4_plus": 0.5, "aandeel_doelen_behaald": 0.8,
          "aandeel_taal": 0.9}
"""Seed 004 §1.1, after three years: 80% at least unpaid work (trede 4), of whom 50% out of bijstand
(trede 5-6); 80% reached the goals of their plan; 90% master the language (the inburgeringsexamen)."""
PLICHT = "services.inburgering.rapport_plicht"
"""The part that records the plicht's end per person (its state `personen[p]["einde"]`: (date, reason))."""
DRIE_JAAR = 36
"""Months from the start of a person's inburgering to the moment the targets judge."""


def feiten(e: Any) -> Iterator[Feit]:
    """The facts of one measurement, keyed by the person: a trede, or a matrix's scores."""
    gemeente, persoon = getattr(e, "gemeentecode", None), str(e.persoon_id)
    if isinstance(e, P.TredeGemeten):
        yield Feit(persoon, "participatietrede", e.datum, e.trede, gemeente)
    elif isinstance(e, P.ZelfredzaamheidGemeten):
        yield Feit(persoon, "zelfredzaamheid", e.datum, dict(e.scores), gemeente)


def staat(rijen: Iterable[Feit]) -> dict[str, Any]:
    """Per person their measurements (date, value), in stored order (other parts' facts ignored)."""
    treden: dict[str, list[tuple[dt.date, int]]] = {}
    matrices: dict[str, list[tuple[dt.date, dict[str, int]]]] = {}
    for f in rijen:
        if f.soort == "participatietrede":
            treden.setdefault(f.sleutel, []).append((f.datum, f.waarde))
        elif f.soort == "zelfredzaamheid":
            matrices.setdefault(f.sleutel, []).append((f.datum, f.waarde))
    return {"treden": treden, "matrices": matrices}


def _tot(metingen: Iterable[tuple[dt.date, Any]], datum: dt.date) -> list[tuple[dt.date, Any]]:
    """The measurements dated on or before `datum`, oldest first."""
    return sorted((m for m in metingen if m[0] <= datum), key=lambda m: m[0])


def _aandeel(deel: int, geheel: int) -> float | None:
    return round(deel / geheel, 3) if geheel else None


def vooruit(matrices: list[tuple[dt.date, dict[str, int]]]) -> int:
    """On how many levensgebieden the last matrix scores higher than the first."""
    if len(matrices) < 2:
        return 0
    eerste, laatste = matrices[0][1], matrices[-1][1]
    return sum(1 for g in LEVENSGEBIEDEN if laatste[g] > eerste[g])


def rapport(staten: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """The participatie figures as known on the peildatum (`staten`: every part's state, by module name)."""
    staat = staten[__name__]
    laatste_trede = {p: m[-1][1] for p, rij in staat["treden"].items() if (m := _tot(rij, peildatum))}
    laatste_matrix = {p: m[-1][1] for p, rij in staat["matrices"].items() if (m := _tot(rij, peildatum))}
    per_trede = {str(t): 0 for t in TREDEN}
    for trede in laatste_trede.values():
        per_trede[str(trede)] += 1
    per_levensgebied = {}
    for gebied in LEVENSGEBIEDEN:
        telling = {str(s): 0 for s in SCORES}
        for scores in laatste_matrix.values():
            telling[str(scores[gebied])] += 1
        per_levensgebied[gebied] = onderdruk_telling(telling)
    return {"participatie": {
        "gemeten": len(laatste_trede), "per_trede": per_trede,
        "zelfredzaamheid": {"gemeten": len(laatste_matrix), "per_levensgebied": per_levensgebied},
        "na_drie_jaar": _na_drie_jaar(staten, peildatum),
    }}


def diplomas(staten: dict[str, Any]) -> dict[str, dt.date]:
    """Per persoon_id, the day of their inburgeringsdiploma (SS106) as the plicht part records it."""
    personen = staten.get(PLICHT, {}).get("personen", {})
    return {p: einde[0] for p, pl in personen.items() if (einde := pl.get("einde")) and einde[1] == "diploma"}


def _na_drie_jaar(staten: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    staat, sinds = staten[__name__], plicht_sinds(staten)
    cohort = gemeten = vier_plus = vijf_zes = behaald = taal = 0
    diploma = diplomas(staten)
    for persoon, begin in sinds.items():
        drie_jaar = plus_maanden(begin, DRIE_JAAR)
        if drie_jaar > peildatum:
            continue
        cohort += 1
        treden = _tot(staat["treden"].get(persoon, ()), drie_jaar)
        if treden:
            gemeten += 1
            vier_plus += treden[-1][1] >= 4
            vijf_zes += treden[-1][1] >= 5
        behaald += vooruit(_tot(staat["matrices"].get(persoon, ()), drie_jaar)) >= 2
        taal += diploma.get(persoon, drie_jaar + dt.timedelta(days=1)) <= drie_jaar
    return {
        "cohort": cohort, "gemeten": gemeten, "trede_4_plus": vier_plus, "trede_5_6": vijf_zes,
        "doelen_behaald": behaald, "aandeel_trede_4_plus": _aandeel(vier_plus, cohort),
        "aandeel_trede_5_6_van_trede_4_plus": _aandeel(vijf_zes, vier_plus),
        "aandeel_doelen_behaald": _aandeel(behaald, cohort),
        "aandeel_taal": _aandeel(taal, cohort) if PLICHT in staten else None, "doelen": dict(DOELEN),
    }
