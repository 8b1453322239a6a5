"""Mzd's read model of its cases: each case's dated course (opened, procedures, reopened, perspective, care need, uitstroom), as facts, and their figures.

Every figure counts only facts dated on or before the peildatum, replayed per case in stored order
(the order the case recorded them), so the same stores give the same figures on any day:

- `zaken_open`: cases open on the peildatum: opened (or reopened) on or before it, and not closed
  by an uitstroom since.
- `zaken_per_status`: those open cases by state: `vertrektermijn` (the 28-day vertrektermijn of
  the latest refusal or withdrawal runs: peildatum up to its last day), `na-vertrektermijn` (it
  passed), `procedure-loopt` (a repeat application since the latest refusal). They add up to
  `zaken_open`.
- `vertrektermijnen`: `lopend` (as `zaken_per_status.vertrektermijn`) and `verstreken`: every
  vertrektermijn, of any case, whose last day lies before the peildatum and that no repeat
  application, uitstroom or new refusal ended on or before that day (one case may have several).
- `perspectieven`: open cases by their current perspective (`terugkeer`, `doormigratie`,
  `legalisering`, or `geen` when none was set since the case (re)opened).
- `uitstroom`: cases closed by reason (the six of UITSTROOMREDENEN; `legalisering` from the
  IND's permit), in the calendar `maand` and `jaar` of the peildatum up to and including it:
  `periode`, `totaal`, `per_reden`.
- `zorgbehoeften`: open cases by their current care need (the closed list ZORGBEHOEFTEN), every
  cell suppressed under 5 ("<5", services.domain.kleine_aantallen); no total beside it.
- `zonder_contactpersoon`: open cases without a vaste contactpersoon.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from services.domain.kleine_aantallen import onderdruk_telling
from services.mzd.domain.regels import PERSPECTIEVEN, UITSTROOMREDENEN, ZORGBEHOEFTEN
from services.mzd.domain.zaak import VERTREKTERMIJN
from services.mzd.domain.zaak import Zaak as Z
from services.runtime.views import Feit

BRONNEN = (Z.Geopend, Z.Heropend, Z.ProcedureGestart, Z.Uitgestroomd, Z.Gelegaliseerd, Z.PerspectiefVastgesteld,
           Z.ZorgbehoefteVastgesteld, Z.ContactpersoonToegewezen)
"""The stored event classes `feiten` turns into facts (the views decode no others for facts)."""

OPEN = ("geopend", "heropend")
SLUIT = "uitstroom"
SOORTEN = (*OPEN, "procedure", SLUIT, "perspectief", "zorgbehoefte", "contactpersoon")
"""The kinds of fact of this part (the state ignores the facts of other parts)."""
STATUSSEN = ("vertrektermijn", "na-vertrektermijn", "procedure-loopt")


def feiten(e: Any) -> Iterator[Feit]:
    """The facts of one stored event of a case's course."""
    gemeente, sleutel = getattr(e, "gemeentecode", None), str(e.originator_id)
    if isinstance(e, (Z.Geopend, Z.Heropend)):
        soort = "geopend" if isinstance(e, Z.Geopend) else "heropend"
        yield Feit(sleutel, soort, e.besluitdatum, e.vertrektermijn_verloopt_op.isoformat(), gemeente)
    elif isinstance(e, Z.ProcedureGestart):
        yield Feit(sleutel, "procedure", e.datum, None, gemeente)
    elif isinstance(e, Z.Uitgestroomd):
        yield Feit(sleutel, SLUIT, e.datum, e.reden, gemeente)
    elif isinstance(e, Z.Gelegaliseerd):
        yield Feit(sleutel, SLUIT, e.besluitdatum, "legalisering", gemeente)
    elif isinstance(e, Z.PerspectiefVastgesteld):
        yield Feit(sleutel, "perspectief", e.datum, e.perspectief, gemeente)
    elif isinstance(e, Z.ZorgbehoefteVastgesteld):
        yield Feit(sleutel, "zorgbehoefte", e.datum, e.zorgbehoefte, gemeente)
    elif isinstance(e, Z.ContactpersoonToegewezen):  # that there is one, not who
        yield Feit(sleutel, "contactpersoon", e.datum, None, gemeente)


def tijdlijnen(rijen: Iterable[Feit], soorten: tuple[str, ...]) -> dict[str, list[tuple[dt.date, str, Any]]]:
    """Per case its facts of these kinds as (datum, soort, waarde), in stored order."""
    uit: dict[str, list[tuple[dt.date, str, Any]]] = {}
    for f in rijen:
        if f.soort in soorten:
            uit.setdefault(f.sleutel, []).append((f.datum, f.soort, f.waarde))
    return uit


def staat(rijen: Iterable[Feit]) -> dict[str, Any]:
    """The facts, in stored order, as the report reads them."""
    return {"zaken": tijdlijnen(rijen, SOORTEN)}


@dataclass
class ZaakOp:
    """One case as known on a peildatum."""

    open: bool = False
    procedure: bool = False
    laatste_dag: dt.date | None = None
    perspectief: str | None = None
    zorgbehoefte: str | None = None
    contactpersoon: bool = False
    verstreken: int = 0
    uitstroom: list[tuple[dt.date, str]] = field(default_factory=list)


def op(tijdlijn: list[tuple[dt.date, str, Any]], peildatum: dt.date) -> ZaakOp:
    """Replay one case's facts dated up to the peildatum, in the order the case recorded them."""
    z, termijn = ZaakOp(), None  # termijn: the last day of a vertrektermijn not ended early
    for datum, soort, waarde in tijdlijn:
        if datum > peildatum:
            continue
        if soort in (*OPEN, "procedure", SLUIT) and termijn is not None:
            z.verstreken += termijn < datum  # the term had run out before this ended it
            termijn = None
        if soort in OPEN:
            if not z.open:  # (re)opened after an uitstroom: a new start
                z.perspectief = None
            z.open, z.procedure = True, False
            z.laatste_dag = dt.date.fromisoformat(waarde) if waarde else datum + VERTREKTERMIJN  # a view built before it carried the day
            termijn = z.laatste_dag
        elif soort == "procedure":
            z.procedure = True
        elif soort == SLUIT:
            z.open = False
            z.uitstroom.append((datum, waarde))
        elif soort == "perspectief":
            z.perspectief = waarde
        elif soort == "zorgbehoefte":
            z.zorgbehoefte = waarde
        else:
            z.contactpersoon = True
    if termijn is not None and termijn < peildatum:
        z.verstreken += 1
    return z


def status(z: ZaakOp, peildatum: dt.date) -> str:
    """The state of an open case on the peildatum (one of STATUSSEN)."""
    if z.procedure:
        return "procedure-loopt"
    return "vertrektermijn" if z.laatste_dag is not None and peildatum <= z.laatste_dag else "na-vertrektermijn"


def perioden(peildatum: dt.date) -> tuple[tuple[str, dt.date, str], ...]:
    """The peildatum's calendar month and year: (name, first day, period)."""
    return (("maand", peildatum.replace(day=1), f"{peildatum:%Y-%m}"),
            ("jaar", peildatum.replace(month=1, day=1), f"{peildatum:%Y}"))


def per_periode(einden: Iterable[tuple[dt.date, str]], sleutels: tuple[str, ...],
                peildatum: dt.date) -> dict[str, Any]:
    """Dated events counted per kind in the peildatum's calendar month and year, up to the peildatum."""
    einden = [e for e in einden if e[0] <= peildatum]
    uit = {}
    for naam, begin, periode in perioden(peildatum):
        per_reden = dict.fromkeys(sleutels, 0)
        for datum, reden in einden:
            if datum >= begin:
                per_reden[reden] = per_reden.get(reden, 0) + 1
        uit[naam] = {"periode": periode, "totaal": sum(per_reden.values()), "per_reden": per_reden}
    return uit


def rapport(staten: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """The cases' figures as known on the peildatum (`staten`: every part's state, by module name)."""
    zaken = [op(t, peildatum) for t in staten[__name__]["zaken"].values()]
    open_ = [z for z in zaken if z.open]
    per_status = dict.fromkeys(STATUSSEN, 0)
    perspectieven = dict.fromkeys((*PERSPECTIEVEN, "geen"), 0)
    zorg = dict.fromkeys(ZORGBEHOEFTEN, 0)
    for z in open_:
        per_status[status(z, peildatum)] += 1
        perspectieven[z.perspectief or "geen"] += 1
        if z.zorgbehoefte is not None:
            zorg[z.zorgbehoefte] += 1
    return {
        "zaken_open": len(open_),
        "zaken_per_status": per_status,
        "vertrektermijnen": {"lopend": per_status["vertrektermijn"], "verstreken": sum(z.verstreken for z in zaken)},
        "perspectieven": perspectieven,
        "uitstroom": per_periode((u for z in zaken for u in z.uitstroom), UITSTROOMREDENEN, peildatum),
        "zorgbehoeften": onderdruk_telling(zorg),
        "zonder_contactpersoon": sum(1 for z in open_ if not z.contactpersoon),
    }
