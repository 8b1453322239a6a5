"""Opvang's read model for the reports: each person's dated stays and moves."""

from __future__ import annotations

import datetime as dt
from typing import Any

from services.opvang.domain.bewoner import Bewoner as B


def nieuw() -> dict[str, Any]:
    return {"verblijven": {}, "verplaatsingen": []}


def pas_toe(staat: dict[str, Any], e: Any) -> None:
    """Fold one stored event into the read model."""
    sleutel = str(e.originator_id)
    if isinstance(e, (B.Geplaatst, B.Verplaatst)):
        staat["verblijven"].setdefault(sleutel, []).append((e.datum, True))
        if isinstance(e, B.Verplaatst):
            staat["verplaatsingen"].append(e.datum)
    elif isinstance(e, B.Uitgestroomd):
        staat["verblijven"].setdefault(sleutel, []).append((e.datum, False))


def rapport(staat: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """Opvang's kengetallen as known on the peildatum."""
    in_opvang = 0
    for wijzigingen in staat["verblijven"].values():
        tot_dan = sorted((w for w in wijzigingen if w[0] <= peildatum), key=lambda w: w[0])
        if tot_dan and tot_dan[-1][1]:
            in_opvang += 1
    return {
        "bewoners_in_opvang": in_opvang,
        "verplaatsingen": sum(1 for d in staat["verplaatsingen"] if d <= peildatum),
    }
