"""Inburgering's read model of VWN's maatschappelijke begeleiding: running, extended, ended, and how long it lasted.

The report's key `begeleiding`, as known on the peildatum. A begeleiding runs from its start up to
and including its last day: the earlier of the day VWN ended it and the last day in force (8
months after the start, or the end of the latest extension dated on or before the peildatum, at
most 12 months after the start). Judged by these dates alone, so the figure is the same whether
the clock recorded the end before or after the facts arrived.

- `gestart`: begeleidingen started up to the peildatum; `lopend` running on it, of which
  `lopend_verlengd` extended, `lopend_zonder_traject` of a person inburgering has no traject for
  (VWN guides statushouders; a missing traject is worth a look), and `eindigt_binnen_30_dagen`
  whose last day lies within 30 days after the peildatum (time to decide on an extension).
- `verlengd`: begeleidingen with an extension dated up to the peildatum.
- `afgelopen`: ended before the peildatum: `totaal`, `beeindigd_door_vwn` (VWN ended it before its
  last day in force), `termijn_verstreken` (it ran to its end).
- `duur_dagen`: of the ended ones, start to last day inclusive: `mediaan`, `p90`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from services.inburgering.domain.begeleiding import Begeleiding as B
from services.inburgering.rapport_trajecten import plicht_sinds
from services.rapportage.statistiek import kwantiel
from services.runtime.views import Feit

BRONNEN = (B.Gestart, B.Verlengd, B.Beeindigd)
"""The stored event classes `feiten` turns into facts (the clock's TermijnVerstreken adds nothing the dates do not say)."""
BINNENKORT = dt.timedelta(days=30)


def feiten(e: Any) -> Iterator[Feit]:
    """The facts of one stored event, keyed by the person: a start (with its last day), an extension (with the new last day), an end."""
    gemeente, persoon = getattr(e, "gemeentecode", None), str(e.persoon_id)
    if isinstance(e, B.Gestart):
        yield Feit(persoon, "begeleiding-gestart", e.datum, e.einddatum.isoformat(), gemeente)
    elif isinstance(e, B.Verlengd):
        yield Feit(persoon, "begeleiding-verlengd", e.datum, e.einddatum.isoformat(), gemeente)
    elif isinstance(e, B.Beeindigd):
        yield Feit(persoon, "begeleiding-beeindigd", e.datum, None, gemeente)


def staat(rijen: Iterable[Feit]) -> dict[str, Any]:
    """Per person: the start, the first last day, the extensions (date, last day) and VWN's end (other parts' facts ignored)."""
    begeleidingen: dict[str, dict[str, Any]] = {}
    for f in rijen:
        if f.soort == "begeleiding-gestart":
            begeleidingen[f.sleutel] = {"start": f.datum, "einde": dt.date.fromisoformat(f.waarde),
                                        "verlengingen": [], "beeindigd": None}
        elif f.soort == "begeleiding-verlengd" and f.sleutel in begeleidingen:
            begeleidingen[f.sleutel]["verlengingen"].append((f.datum, dt.date.fromisoformat(f.waarde)))
        elif f.soort == "begeleiding-beeindigd" and f.sleutel in begeleidingen:
            begeleidingen[f.sleutel]["beeindigd"] = f.datum
    return {"begeleidingen": begeleidingen}


def laatste_dag(b: dict[str, Any], peildatum: dt.date) -> tuple[dt.date, bool, bool]:
    """(the last day of a begeleiding as known on the peildatum, whether VWN ended it before its
    term, whether an extension is known)."""
    verlengingen = [einde for datum, einde in b["verlengingen"] if datum <= peildatum]
    einde = max([b["einde"], *verlengingen])
    beeindigd = b["beeindigd"] if b["beeindigd"] is not None and b["beeindigd"] <= peildatum else None
    if beeindigd is not None and beeindigd < einde:
        return beeindigd, True, bool(verlengingen)
    return einde, False, bool(verlengingen)


def rapport(staten: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """The begeleiding's figures as known on the peildatum (`staten`: every part's state, by module name)."""
    met_traject = plicht_sinds(staten)
    lopend = verlengd = lopend_verlengd = zonder_traject = binnenkort = door_vwn = 0
    duren: list[int] = []
    gestart = [(p, b) for p, b in staten[__name__]["begeleidingen"].items() if b["start"] <= peildatum]
    for persoon, b in gestart:
        einde, beeindigd, is_verlengd = laatste_dag(b, peildatum)
        verlengd += is_verlengd
        if peildatum <= einde:
            lopend += 1
            lopend_verlengd += is_verlengd
            zonder_traject += persoon not in met_traject
            binnenkort += einde - peildatum <= BINNENKORT
        else:
            door_vwn += beeindigd
            duren.append((einde - b["start"]).days + 1)
    return {"begeleiding": {
        "gestart": len(gestart), "lopend": lopend, "lopend_verlengd": lopend_verlengd,
        "lopend_zonder_traject": zonder_traject, "eindigt_binnen_30_dagen": binnenkort, "verlengd": verlengd,
        "afgelopen": {"totaal": len(duren), "beeindigd_door_vwn": door_vwn, "termijn_verstreken": len(duren) - door_vwn},
        "duur_dagen": {"mediaan": kwantiel(duren, 0.5), "p90": kwantiel(duren, 0.9)},
    }}
