"""Opvang's read model of its bewoners: each person's dated stays, moves, uitstroom and vertrektermijn, as facts, and their figures.

`rapport(staten, peildatum)` counts only facts dated on or before the peildatum, so the same stores
give the same figures on any day (dates of the real world, never of the clock's run):

- `bewoners_in_opvang`: persons staying in a location on the peildatum; `verplaatsingen`: moves
  dated up to the peildatum (both as before).
- `verplaatsingen_per_persoon`: of every person placed on or before the peildatum (the whole
  history, also those who left), their moves up to the peildatum: `personen`, `mediaan`, `p90`
  (linear interpolation between the sorted counts, position q·(n-1), one decimal, as huisvesting's
  doorlooptijd; None without persons), `twee_of_meer` (persons with 2 or more moves) and
  `aandeel_twee_of_meer` (their share, 3 decimals).
- `kinderen`: the same for the persons placed as a minor (only of them opvang keeps the day they
  turn 18), counting only the moves dated before that day; plus `verplaatsingen` (those moves) and
  `herhaald_verplaatst`: children whose move came within the window of their previous move
  (KindHerhaaldVerplaatst, WELKOM_OPVANG_KIND_VERPLAATSING_DAGEN), each person once.
- `uitstroom`: stays ended, by the reason they ended with (`gehuisvest` and COA's reasons of a
  departure, every reason listed), in the calendar `maand` and the calendar `jaar` of the
  peildatum up to and including it: `periode` (`2024-10`, `2024`), `totaal`, `per_reden`. A stay
  whose end huisvesting corrected counts on its corrected date.
- `vertrektermijn_lopend`: persons in opvang on the peildatum whose 28-day vertrektermijn after a
  definitive refusal runs (besluitdatum <= peildatum <= its last day).
- `recht_op_opvang_beeindigd`: `personen` whose vertrektermijn's last day lies before the peildatum
  while they still stayed on that day (their right to opvang ended), and of them `nog_in_opvang`
  on the peildatum (staying without a right, until their departure).
- `bijzondere_behoeften`: persons in opvang on the peildatum by the bijzondere behoefte of their
  current stay's placement, every category of the closed list, each cell suppressed under 5
  (`services.domain.kleine_aantallen`: "<5"); no total of them is shown.

Facts are added, never changed: views built before these figures existed lack the new facts
until `welkom rebuild --activeer`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from services.rapportage.statistiek import kwantiel
from services.domain.correctie import feitdatum, verschuif_einde
from services.domain.kleine_aantallen import onderdruk_telling
from services.opvang.domain.bewoner import BIJZONDERE_BEHOEFTEN, GEHUISVEST, UITSTROOMREDENEN
from services.opvang.domain.bewoner import Bewoner as B
from services.runtime.views import Feit

BRONNEN = (B.Geplaatst, B.Verplaatst, B.Uitgestroomd, B.UitstroomGecorrigeerd, B.DefinitiefAfgewezen,
           B.KindHerhaaldVerplaatst)
"""The stored event classes `feiten` turns into facts (the views decode no others for facts)."""

SOORTEN = ("verblijf", "uitstroom-gecorrigeerd", "bewoner", "uitstroom", "vertrektermijn", "kind-herhaald-verplaatst")
"""The kinds of fact of this part (the state ignores the facts of other parts)."""


def feiten(e: Any) -> Iterator[Feit]:
    """The facts of one stored event: a stay begins (placement, move) or ends (uitstroom, with its
    reason), who was placed (as a minor until when, with which bijzondere behoefte), a
    vertrektermijn, a child's repeated move."""
    gemeente = getattr(e, "gemeentecode", None)
    sleutel = str(e.originator_id)
    if isinstance(e, (B.Geplaatst, B.Verplaatst)):
        yield Feit(sleutel, "verblijf", e.datum, [True, isinstance(e, B.Verplaatst)], gemeente)
    if isinstance(e, B.Geplaatst):
        yield Feit(sleutel, "bewoner", e.datum, {"meerderjarig_op": _iso(e.meerderjarig_op),
                                                 "bijzondere_behoefte": e.bijzondere_behoefte}, gemeente)
    elif isinstance(e, B.Uitgestroomd):
        yield Feit(sleutel, "verblijf", e.datum, [False, False], gemeente)
        yield Feit(sleutel, "uitstroom", e.datum, e.reden, gemeente)
    elif isinstance(e, B.UitstroomGecorrigeerd):  # read whenever the wrong or the right date is
        yield Feit(sleutel, "uitstroom-gecorrigeerd", feitdatum(e.oude_datum, e.datum),
                   [e.oude_datum.isoformat(), e.datum.isoformat()], gemeente)
    elif isinstance(e, B.DefinitiefAfgewezen):
        yield Feit(sleutel, "vertrektermijn", e.besluitdatum, e.vertrektermijn_verloopt_op.isoformat(), gemeente)
    elif isinstance(e, B.KindHerhaaldVerplaatst):
        yield Feit(sleutel, "kind-herhaald-verplaatst", e.datum,
                   {"dagen": e.dagen, "venster_dagen": e.venster_dagen}, gemeente)


def _iso(datum: dt.date | None) -> str | None:
    return datum.isoformat() if datum else None


def _datum(tekst: str | None) -> dt.date | None:
    return dt.date.fromisoformat(tekst) if tekst else None


def staat(rijen: Iterable[Feit]) -> dict[str, Any]:
    """The facts, in stored order, as the report reads them."""
    verblijven: dict[str, list[tuple[dt.date, bool]]] = {}
    verplaatsingen: list[dt.date] = []
    verplaatst: dict[str, list[dt.date]] = {}
    plaatsingen: dict[str, list[tuple[dt.date, dt.date | None, str | None]]] = {}
    uitstroom: dict[str, list[tuple[dt.date, str]]] = {}
    vertrektermijnen: dict[str, list[tuple[dt.date, dt.date]]] = {}
    kind_herhaald: dict[str, list[dt.date]] = {}
    for f in rijen:
        if f.soort not in SOORTEN:
            continue  # another part's fact
        if f.soort == "uitstroom-gecorrigeerd":  # the end of the stay moves to its corrected date
            verschuif_einde(verblijven.setdefault(f.sleutel, []), f.waarde, False)
            oud, nieuw = (dt.date.fromisoformat(d) for d in f.waarde)
            einden = uitstroom.setdefault(f.sleutel, [])
            oude = [i for i, (datum, _) in enumerate(einden) if datum == oud]
            if oude:
                einden[oude[0]] = (nieuw, einden[oude[0]][1])
            else:  # the wrong, later date lies past the peildatum: only huisvesting corrects a move into a home
                einden.append((nieuw, GEHUISVEST))
        elif f.soort == "verblijf":
            in_opvang, is_verplaatsing = f.waarde
            verblijven.setdefault(f.sleutel, []).append((f.datum, in_opvang))
            if is_verplaatsing:
                verplaatsingen.append(f.datum)
                verplaatst.setdefault(f.sleutel, []).append(f.datum)
        elif f.soort == "bewoner":
            plaatsingen.setdefault(f.sleutel, []).append(
                (f.datum, _datum(f.waarde["meerderjarig_op"]), f.waarde["bijzondere_behoefte"]))
        elif f.soort == "uitstroom":
            uitstroom.setdefault(f.sleutel, []).append((f.datum, f.waarde))
        elif f.soort == "vertrektermijn":
            vertrektermijnen.setdefault(f.sleutel, []).append((f.datum, dt.date.fromisoformat(f.waarde)))
        else:
            kind_herhaald.setdefault(f.sleutel, []).append(f.datum)
    return {"verblijven": verblijven, "verplaatsingen": verplaatsingen, "verplaatst": verplaatst,
            "plaatsingen": plaatsingen, "uitstroom": uitstroom, "vertrektermijnen": vertrektermijnen,
            "kind_herhaald": kind_herhaald}


def in_opvang_op(wijzigingen: list[tuple[dt.date, bool]], datum: dt.date) -> bool:
    """Whether a person's stays (their dated begin and end facts) put them in a location on the date."""
    tot_dan = sorted((w for w in wijzigingen if w[0] <= datum), key=lambda w: w[0])
    return bool(tot_dan) and tot_dan[-1][1]




def _verdeling(aantallen: list[int]) -> dict[str, Any]:
    """Moves per person: how many persons, the median and p90, and who had two or more."""
    twee_of_meer = sum(1 for a in aantallen if a >= 2)
    return {"personen": len(aantallen), "mediaan": kwantiel(aantallen, 0.5), "p90": kwantiel(aantallen, 0.9),
            "twee_of_meer": twee_of_meer,
            "aandeel_twee_of_meer": round(twee_of_meer / len(aantallen), 3) if aantallen else None}


def rapport(staten: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """The bewoners' figures as known on the peildatum (`staten`: every part's state, by module name)."""
    s = staten[__name__]
    verblijven = s["verblijven"]
    in_opvang = {p for p, ws in verblijven.items() if in_opvang_op(ws, peildatum)}
    geplaatst = [p for p, ws in verblijven.items() if any(binnen and d <= peildatum for d, binnen in ws)]
    verplaatst = {p: [d for d in ds if d <= peildatum] for p, ds in s["verplaatst"].items()}
    plaatsingen = {p: sorted((pl for pl in pls if pl[0] <= peildatum), key=lambda pl: pl[0])
                   for p, pls in s["plaatsingen"].items()}
    meerderjarig = {p: max(m for _, m, _ in pls if m) for p, pls in plaatsingen.items() if any(m for _, m, _ in pls)}
    kindverplaatsingen = {p: [d for d in verplaatst.get(p, []) if d < m] for p, m in meerderjarig.items()}
    return {
        "bewoners_in_opvang": len(in_opvang),
        "verplaatsingen": sum(1 for d in s["verplaatsingen"] if d <= peildatum),
        "verplaatsingen_per_persoon": _verdeling([len(verplaatst.get(p, [])) for p in geplaatst]),
        "kinderen": {
            **_verdeling([len(ds) for ds in kindverplaatsingen.values()]),
            "verplaatsingen": sum(len(ds) for ds in kindverplaatsingen.values()),
            "herhaald_verplaatst": sum(1 for ds in s["kind_herhaald"].values() if min(ds) <= peildatum),
        },
        "uitstroom": _uitstroom(s["uitstroom"], peildatum),
        **_recht_op_opvang(s["vertrektermijnen"], verblijven, in_opvang, peildatum),
        "bijzondere_behoeften": _behoeften(plaatsingen, in_opvang),
    }


def _uitstroom(uitstroom: dict[str, list[tuple[dt.date, str]]], peildatum: dt.date) -> dict[str, Any]:
    """Stays ended per reason in the peildatum's calendar month and year, up to the peildatum."""
    einden = [e for es in uitstroom.values() for e in es if e[0] <= peildatum]
    uit = {}
    for naam, begin, periode in (("maand", peildatum.replace(day=1), f"{peildatum:%Y-%m}"),
                                 ("jaar", peildatum.replace(month=1, day=1), f"{peildatum:%Y}")):
        per_reden = dict.fromkeys(UITSTROOMREDENEN, 0)
        for datum, reden in einden:
            if datum >= begin:
                per_reden[reden] = per_reden.get(reden, 0) + 1
        uit[naam] = {"periode": periode, "totaal": sum(per_reden.values()), "per_reden": per_reden}
    return uit


def _recht_op_opvang(termijnen: dict[str, list[tuple[dt.date, dt.date]]], verblijven: dict[str, Any],
                     in_opvang: set[str], peildatum: dt.date) -> dict[str, Any]:
    """Persons whose vertrektermijn runs, and whose right to opvang ended while they stayed."""
    lopend, beeindigd = set(), set()
    for p, ts in termijnen.items():
        for besluitdatum, laatste_dag in ts:
            if besluitdatum <= peildatum <= laatste_dag and p in in_opvang:
                lopend.add(p)
            elif laatste_dag < peildatum and in_opvang_op(verblijven.get(p, []), laatste_dag):
                beeindigd.add(p)
    return {"vertrektermijn_lopend": len(lopend),
            "recht_op_opvang_beeindigd": {"personen": len(beeindigd), "nog_in_opvang": len(beeindigd & in_opvang)}}


def _behoeften(plaatsingen: dict[str, list[tuple[dt.date, dt.date | None, str | None]]],
               in_opvang: set[str]) -> dict[str, int | str]:
    """Persons in opvang by the bijzondere behoefte of their latest placement, every cell suppressed under 5."""
    telling = dict.fromkeys(BIJZONDERE_BEHOEFTEN, 0)
    for p in in_opvang:
        if plaatsingen.get(p) and (behoefte := plaatsingen[p][-1][2]) is not None:
            telling[behoefte] += 1
    return onderdruk_telling(telling)
