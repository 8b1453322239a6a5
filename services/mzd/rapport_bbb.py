"""Mzd's read model of BBB-opvang: applications, assessments and admissions, the BBB organisations' placements and departures, as facts, and their figures.

Every figure counts only facts dated on or before the peildatum, replayed per case in stored order
(with the cases' own openings and uitstroom, facts of `rapport_zaken` this part reads too):

- `in_bbb_opvang`: persons admitted to BBB-opvang (by assessment or directly; a corrected
  admission on its corrected date) whose case has not closed since: admitted, not necessarily
  placed.
- `bbb_aanvragen`: in the calendar `maand` and `jaar` of the peildatum up to it (`periode`):
  `aanvragen` (applications), `toegelaten` and `geweigerd` (assessments), `weigerredenen` (each
  condition not met: `geen-binding`, `voorliggende-voorziening`; a refusal may count for both),
  and `direct_toegelaten` (admissions by the direct command, whose assessment welkom did not record).
- `bbb_bezetting`: persons staying with a BBB organisation on the peildatum (placed on or before
  it, not departed before or on it), `totaal` and `per_organisatie` (snov, stichting-gast,
  wereldvrouwenhuis).
- `bbb_stromen`: in the calendar `maand` and `jaar` (`periode`): `geplaatst`, `vertrokken`, and
  `vertrokken_per_reden` (the organisations' reasons).
- `tijd_in_bbb`: days between placement and departure of every stay ended on or before the
  peildatum (`afgerond`: `verblijven`, `mediaan_dagen`, `p90_dagen`), and days since placement of
  the persons staying on the peildatum (`lopend`: `personen`, `mediaan_dagen`, `p90_dagen`);
  quantiles by services.rapportage.statistiek.kwantiel (linear interpolation, one decimal).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from services.domain.correctie import feitdatum
from services.mzd.domain.regels import BBB_VERTREKREDENEN, ORGANISATIES, WEIGERREDENEN
from services.mzd.domain.zaak import Zaak as Z
from services.mzd.rapport_zaken import OPEN, SLUIT, perioden, tijdlijnen
from services.rapportage.statistiek import kwantiel
from services.runtime.views import Feit

BRONNEN = (Z.ToegelatenTotBbb, Z.BbbToelatingGecorrigeerd, Z.BbbAangevraagd, Z.BbbBeoordeeld, Z.BbbGeplaatst,
           Z.BbbVertrokken)
"""The stored event classes `feiten` turns into facts (the views decode no others for facts)."""

SOORTEN = ("bbb", "bbb-aanvraag", "bbb-beoordeling", "bbb-geplaatst", "bbb-vertrokken")
"""The kinds of fact of this part; its state also reads the cases' openings and uitstroom."""


def feiten(e: Any) -> Iterator[Feit]:
    """The facts of one stored event about BBB-opvang."""
    gemeente, sleutel = getattr(e, "gemeentecode", None), str(e.originator_id)
    if isinstance(e, Z.ToegelatenTotBbb):
        yield Feit(sleutel, "bbb", e.datum, {"na_beoordeling": e.na_beoordeling}, gemeente)
    elif isinstance(e, Z.BbbToelatingGecorrigeerd):  # read whenever the wrong or the right date is
        yield Feit(sleutel, "bbb", feitdatum(e.oude_datum, e.datum), e.datum.isoformat(), gemeente)
    elif isinstance(e, Z.BbbAangevraagd):
        yield Feit(sleutel, "bbb-aanvraag", e.datum, None, gemeente)
    elif isinstance(e, Z.BbbBeoordeeld):
        yield Feit(sleutel, "bbb-beoordeling", e.datum, list(e.weigerredenen), gemeente)
    elif isinstance(e, Z.BbbGeplaatst):
        yield Feit(sleutel, "bbb-geplaatst", e.datum, e.organisatie, gemeente)
    elif isinstance(e, Z.BbbVertrokken):
        yield Feit(sleutel, "bbb-vertrokken", e.datum, [e.organisatie, e.reden], gemeente)


def staat(rijen: Iterable[Feit]) -> dict[str, Any]:
    """The facts, in stored order, as the report reads them."""
    return {"zaken": tijdlijnen(rijen, (*SOORTEN, *OPEN, SLUIT))}


@dataclass
class BbbOp:
    """One case's BBB-opvang as known on a peildatum."""

    open: bool = False
    toegelaten_op: dt.date | None = None
    toelatingen: list[list[Any]] = field(default_factory=list)
    """[date, na_beoordeling] of every admission (a correction moves the last one)."""
    aanvragen: list[dt.date] = field(default_factory=list)
    beoordelingen: list[tuple[dt.date, list[str]]] = field(default_factory=list)
    geplaatst: tuple[str, dt.date] | None = None
    verblijven: list[tuple[dt.date, dt.date, str]] = field(default_factory=list)
    """(placed, departed, reason) of every stay ended."""


def op(tijdlijn: list[tuple[dt.date, str, Any]], peildatum: dt.date) -> BbbOp:
    """Replay one case's facts dated up to the peildatum, in the order the case recorded them."""
    b = BbbOp()
    for datum, soort, waarde in tijdlijn:
        if datum > peildatum:
            continue
        if soort in OPEN:
            if not b.open:
                b.toegelaten_op = None
            b.open = True
        elif soort == SLUIT:
            b.open, b.toegelaten_op = False, None
        elif soort == "bbb" and isinstance(waarde, str):  # a correction: the admission's right date
            b.toegelaten_op = dt.date.fromisoformat(waarde)
            if b.toelatingen:
                b.toelatingen[-1][0] = b.toegelaten_op
            else:  # the admission itself lies past the peildatum, on its wrong date
                b.toelatingen.append([b.toegelaten_op, False])
        elif soort == "bbb":
            b.toegelaten_op = datum
            b.toelatingen.append([datum, bool(waarde and waarde["na_beoordeling"])])
        elif soort == "bbb-aanvraag":
            b.aanvragen.append(datum)
        elif soort == "bbb-beoordeling":
            b.beoordelingen.append((datum, waarde))
        elif soort == "bbb-geplaatst":
            b.geplaatst = (waarde, datum)
        elif b.geplaatst is not None:  # bbb-vertrokken
            b.verblijven.append((b.geplaatst[1], datum, waarde[1]))
            b.geplaatst = None
    return b


def _duur(dagen: list[int], naam: str) -> dict[str, Any]:
    return {naam: len(dagen), "mediaan_dagen": kwantiel(dagen, 0.5), "p90_dagen": kwantiel(dagen, 0.9)}


def _periode(bbb: list[BbbOp], begin: dt.date, periode: str, peildatum: dt.date) -> tuple[dict[str, Any], dict[str, Any]]:
    """Applications and assessments, and placements and departures, dated from `begin` up to the peildatum."""
    def binnen(datum: dt.date) -> bool:
        return begin <= datum <= peildatum

    beoordelingen = [r for b in bbb for d, r in b.beoordelingen if binnen(d)]
    aanvragen = {
        "periode": periode, "aanvragen": sum(1 for b in bbb for d in b.aanvragen if binnen(d)),
        "toegelaten": sum(1 for r in beoordelingen if not r), "geweigerd": sum(1 for r in beoordelingen if r),
        "weigerredenen": {w: sum(1 for r in beoordelingen if w in r) for w in WEIGERREDENEN},
        "direct_toegelaten": sum(1 for b in bbb for d, na in b.toelatingen if binnen(d) and not na),
    }
    plaatsingen = [v[0] for b in bbb for v in b.verblijven] + [b.geplaatst[1] for b in bbb if b.geplaatst]
    vertrokken = [reden for b in bbb for _, d, reden in b.verblijven if binnen(d)]
    stromen = {"periode": periode, "geplaatst": sum(1 for d in plaatsingen if binnen(d)), "vertrokken": len(vertrokken),
               "vertrokken_per_reden": {r: vertrokken.count(r) for r in BBB_VERTREKREDENEN}}
    return aanvragen, stromen


def rapport(staten: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """The BBB figures as known on the peildatum (`staten`: every part's state, by module name)."""
    bbb = [op(t, peildatum) for t in staten[__name__]["zaken"].values()]
    geplaatst = [b.geplaatst for b in bbb if b.geplaatst is not None]
    per_organisatie = dict.fromkeys(ORGANISATIES, 0)
    for organisatie, _ in geplaatst:
        per_organisatie[organisatie] += 1
    per_periode = {naam: _periode(bbb, begin, periode, peildatum) for naam, begin, periode in perioden(peildatum)}
    return {
        "in_bbb_opvang": sum(1 for b in bbb if b.open and b.toegelaten_op is not None and b.toegelaten_op <= peildatum),
        "bbb_aanvragen": {naam: delen[0] for naam, delen in per_periode.items()},
        "bbb_bezetting": {"totaal": len(geplaatst), "per_organisatie": per_organisatie},
        "bbb_stromen": {naam: delen[1] for naam, delen in per_periode.items()},
        "tijd_in_bbb": {
            "afgerond": _duur([(eind - begin).days for b in bbb for begin, eind, _ in b.verblijven], "verblijven"),
            "lopend": _duur([(peildatum - sinds).days for _, sinds in geplaatst], "personen"),
        },
    }
