"""Opvang's read model of its bewoners: each person's dated stays and moves, as facts, and their figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from services.domain.correctie import feitdatum
from services.opvang.domain.bewoner import Bewoner as B
from services.runtime.views import Feit


BRONNEN = (B.Geplaatst, B.Verplaatst, B.Uitgestroomd, B.UitstroomGecorrigeerd)
"""The stored event classes `feiten` turns into facts (the views decode no others for facts)."""


def feiten(e: Any) -> Iterator[Feit]:
    """The facts of one stored event: a stay begins (placement, move) or ends (uitstroom)."""
    gemeente = getattr(e, "gemeentecode", None)
    if isinstance(e, (B.Geplaatst, B.Verplaatst)):
        yield Feit(str(e.originator_id), "verblijf", e.datum, [True, isinstance(e, B.Verplaatst)], gemeente)
    elif isinstance(e, B.Uitgestroomd):
        yield Feit(str(e.originator_id), "verblijf", e.datum, [False, False], gemeente)
    elif isinstance(e, B.UitstroomGecorrigeerd):  # read whenever the wrong or the right date is
        yield Feit(str(e.originator_id), "uitstroom-gecorrigeerd", feitdatum(e.oude_datum, e.datum),
                   [e.oude_datum.isoformat(), e.datum.isoformat()], gemeente)


def staat(rijen: Iterable[Feit]) -> dict[str, Any]:
    """The facts, in stored order, as the report reads them."""
    verblijven: dict[str, list[tuple[dt.date, bool]]] = {}
    verplaatsingen = []
    for f in rijen:
        if f.soort == "uitstroom-gecorrigeerd":  # the end of the stay moves to its corrected date
            oud, nieuw = (dt.date.fromisoformat(d) for d in f.waarde)
            wijzigingen = verblijven.setdefault(f.sleutel, [])
            if (oud, False) in wijzigingen:
                wijzigingen.remove((oud, False))
            wijzigingen.append((nieuw, False))
            continue
        in_opvang, verplaatst = f.waarde
        verblijven.setdefault(f.sleutel, []).append((f.datum, in_opvang))
        if verplaatst:
            verplaatsingen.append(f.datum)
    return {"verblijven": verblijven, "verplaatsingen": verplaatsingen}


def rapport(staten: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """The bewoners' figures as known on the peildatum (`staten`: every part's state, by module name)."""
    staat = staten[__name__]
    in_opvang = 0
    for wijzigingen in staat["verblijven"].values():
        tot_dan = sorted((w for w in wijzigingen if w[0] <= peildatum), key=lambda w: w[0])
        if tot_dan and tot_dan[-1][1]:
            in_opvang += 1
    return {
        "bewoners_in_opvang": in_opvang,
        "verplaatsingen": sum(1 for d in staat["verplaatsingen"] if d <= peildatum),
    }
