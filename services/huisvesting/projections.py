"""Huisvesting's read model: its stored events as dated facts per dossier and taakstellingen.

`feiten` turns one stored event into the facts the report needs (kept in the service's own
database by the runtime's views); `staat` folds the facts dated up to a peildatum, in stored
order, into the state the report (`services.huisvesting.rapport`, re-exported here as `rapport`)
reads:

- `taakstellingen` / `amv_taakstellingen`: period name (`2024-H1`) to persons, the latest decision
  (undated: a decision counts on every peildatum);
- `dossiers`: per dossier its `koppeldatum`, `personen`, `amv`, `gehuisvest` and `feiten`, dated
  (datum, soort, waarde) tuples;
- `aanbiedingen`: (datum, wijk, soort, max_bewoners) of every offer;
- `huisvestingen`: (datum, personen, amv, koppeldatum) of every dossier's first move-in.

A dossier the gemeente opened itself on mzd's `persoon-gelegaliseerd` (a person without documents
who got a permit after all, `services/huisvesting/legalisering.py`: no COA koppeling follows) is a
dossier like any other here: a household of one whose koppeldatum is the permit's besluitdatum, in
`dossiers_open` and the 10-week term from then, and its first move-in is a `huisvesting` that
counts in `gerealiseerd` towards the period's taakstelling, as every household's does.

A staff correction (an acceptance, refusal, withdrawal or move re-dated, or a block lifted on
another day because an IBAN registration date was corrected) is a `correctie` fact dated on the
earlier of the wrong and the right date, so every peildatum that reads the wrong fact also reads
its correction: the fold replaces the wrong fact by the right one, which then counts on its own
date only. A term the clock recorded as expired needs no fact: the report judges terms by the
dates of the facts that meet them (offers, moves), so a revision changes no figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from services.domain.correctie import feitdatum
from services.huisvesting.domain.huisvestingsdossier import DOORSTROOM
from services.huisvesting.domain.huisvestingsdossier import Huisvestingsdossier as D
from services.huisvesting.domain.taakstelling import Taakstelling as T
from services.huisvesting.rapport import AANGEBODEN, GEACCEPTEERD, GEBLOKKEERD, WACHTEND, rapport
from services.runtime.views import Feit

__all__ = ["BRONNEN", "feiten", "staat", "rapport"]


CORRECTIE = "correctie"
CORRECTIES = {D.DeblokkeringGecorrigeerd: "gedeblokkeerd", D.AcceptatieGecorrigeerd: GEACCEPTEERD,
              D.WeigeringGecorrigeerd: WACHTEND, D.IntrekkingGecorrigeerd: WACHTEND, D.VerhuizingGecorrigeerd: "verhuisd"}
"""Per correction event class, the soort of the dossier fact it re-dates."""
BRONNEN = (T.Vastgesteld, T.Gewijzigd, D.Geopend, D.Geblokkeerd, D.Gedeblokkeerd, D.NareizigerToegevoegd,
           D.WoningAangeboden, D.AanbodGeaccepteerd, D.AanbodGeweigerd, D.AanbodIngetrokken, D.Verhuisd, *CORRECTIES)
"""The stored event classes `feiten` turns into facts (the views decode no others for facts)."""


def feiten(e: Any) -> Iterator[Feit]:
    """The facts of one stored event of a Taakstelling or a Huisvestingsdossier, in its gemeente."""
    for f in _feiten(e):
        yield f._replace(gemeentecode=getattr(e, "gemeentecode", None))


def _feiten(e: Any) -> Iterator[Feit]:
    sleutel = str(e.originator_id)
    if isinstance(e, (T.Vastgesteld, T.Gewijzigd)):
        yield Feit(e.periode, "taakstelling", None, [e.periode, e.aantal, e.amv_aantal])
    elif isinstance(e, D.Geopend):
        yield Feit(sleutel, "dossier", e.koppeldatum, [len(e.personen), bool(e.amv)])
    elif isinstance(e, D.Geblokkeerd):
        yield Feit(sleutel, GEBLOKKEERD, e.datum, list(e.ontbreekt))
    elif isinstance(e, D.Gedeblokkeerd):
        yield Feit(sleutel, "gedeblokkeerd", e.datum)
    elif isinstance(e, D.NareizigerToegevoegd):
        yield Feit(sleutel, "nareiziger", e.datum, bool(e.vervolgbehoefte))
    elif isinstance(e, D.WoningAangeboden):
        max_bewoners = getattr(e, "max_bewoners", 0) or getattr(e, "huishoudgrootte", 0)
        yield Feit(sleutel, AANGEBODEN, e.datum, [e.wijk, e.soort, max_bewoners])
    elif isinstance(e, D.AanbodGeaccepteerd):
        yield Feit(sleutel, GEACCEPTEERD, e.datum)
    elif isinstance(e, (D.AanbodGeweigerd, D.AanbodIngetrokken)):
        yield Feit(sleutel, WACHTEND, e.datum)
    elif isinstance(e, D.Verhuisd):
        doorstroom = getattr(e, "woningsoort", None) == DOORSTROOM
        yield Feit(sleutel, "verhuisd", e.datum, [doorstroom, getattr(e, "eerste_huisvesting", None), len(e.personen)])
    elif type(e) in CORRECTIES:
        soort, waarde = CORRECTIES[type(e)], None
        if isinstance(e, D.VerhuizingGecorrigeerd):
            waarde = [e.woningsoort == DOORSTROOM, e.eerste_huisvesting, len(e.personen)]
        yield Feit(sleutel, CORRECTIE, feitdatum(e.oude_datum, e.datum),
                   [soort, e.oude_datum.isoformat(), e.datum.isoformat(), waarde])


def staat(rijen: Iterable[Feit]) -> dict[str, Any]:
    """The facts, in stored order, as the report reads them."""
    s: dict[str, Any] = {"taakstellingen": {}, "amv_taakstellingen": {}, "dossiers": {}, "aanbiedingen": [],
                         "huisvestingen": []}
    for f in rijen:
        if f.soort == "taakstelling":
            periode, aantal, amv_aantal = f.waarde
            s["taakstellingen"][periode] = aantal
            s["amv_taakstellingen"][periode] = amv_aantal
        elif f.soort == "dossier":
            personen, amv = f.waarde
            s["dossiers"][f.sleutel] = {"koppeldatum": f.datum, "personen": personen, "amv": amv, "feiten": [],
                                        "gehuisvest": False}
        elif f.sleutel in s["dossiers"]:
            _dossierfeit(s, s["dossiers"][f.sleutel], f)
    return s


def _dossierfeit(s: dict[str, Any], dossier: dict[str, Any], f: Feit) -> None:
    """A dated fact of a dossier; the dossier's state on a peildatum is replayed from them."""
    if f.soort == CORRECTIE:
        _correctie(s, dossier, *f.waarde)
    elif f.soort == GEBLOKKEERD:
        dossier["feiten"].append((f.datum, GEBLOKKEERD, tuple(f.waarde)))
    elif f.soort == AANGEBODEN:
        dossier["feiten"].append((f.datum, AANGEBODEN, None))
        s["aanbiedingen"].append((f.datum, *f.waarde))
    elif f.soort == "verhuisd":
        doorstroom, eerste, personen = f.waarde
        dossier["feiten"].append((f.datum, "verhuisd", doorstroom))
        if eerste if eerste is not None else not dossier["gehuisvest"]:
            dossier["gehuisvest"] = True
            s["huisvestingen"].append((f.datum, personen, dossier["amv"], dossier["koppeldatum"]))
    else:
        dossier["feiten"].append((f.datum, f.soort, f.waarde))


def _correctie(s: dict[str, Any], dossier: dict[str, Any], soort: str, oud: str, nieuw: str, waarde: Any) -> None:
    """Replace the dossier's fact of this soort on the wrong date (when this fold holds it) by one on
    the right date, placed after every fact dated on or before it (so on any peildatum the facts
    up to it keep one order); a corrected first move-in also moves in `huisvestingen`."""
    oude_datum, datum = dt.date.fromisoformat(oud), dt.date.fromisoformat(nieuw)
    feiten = dossier["feiten"]
    kenmerk = waarde[0] if soort == "verhuisd" else None
    if (oude_datum, soort, kenmerk) in feiten:
        feiten.remove((oude_datum, soort, kenmerk))
    plek = max((i + 1 for i, (d, _, _) in enumerate(feiten) if d <= datum), default=0)
    feiten.insert(plek, (datum, soort, kenmerk))
    if soort == "verhuisd" and waarde[1]:
        _, _, personen = waarde
        oude = (oude_datum, personen, dossier["amv"], dossier["koppeldatum"])
        if oude in s["huisvestingen"]:
            s["huisvestingen"].remove(oude)
        s["huisvestingen"].append((datum, personen, dossier["amv"], dossier["koppeldatum"]))
        dossier["gehuisvest"] = True
