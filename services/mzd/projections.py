"""Mzd's read model: each case's refusal and BBB admission, as facts, and the state a report reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from services.domain.correctie import feitdatum
from services.mzd.domain.zaak import Zaak as Z
from services.runtime.views import Feit


BRONNEN = (Z.Geopend, Z.ToegelatenTotBbb, Z.BbbToelatingGecorrigeerd)
"""The stored event classes `feiten` turns into facts (the views decode no others for facts)."""


def feiten(e: Any) -> Iterator[Feit]:
    """The facts of one stored event: a case opened, a person admitted to BBB-opvang."""
    gemeente = getattr(e, "gemeentecode", None)
    if isinstance(e, Z.Geopend):
        yield Feit(str(e.originator_id), "geopend", e.besluitdatum, None, gemeente)
    elif isinstance(e, Z.ToegelatenTotBbb):
        yield Feit(str(e.originator_id), "bbb", e.datum, None, gemeente)
    elif isinstance(e, Z.BbbToelatingGecorrigeerd):  # read whenever the wrong or the right date is
        yield Feit(str(e.originator_id), "bbb", feitdatum(e.oude_datum, e.datum), e.datum.isoformat(), gemeente)


def staat(rijen: Iterable[Feit]) -> dict[str, Any]:
    """The facts, in stored order, as the report reads them."""
    zaken: dict[str, dict[str, Any]] = {}
    for f in rijen:
        if f.soort == "geopend":
            zaken[f.sleutel] = {"besluitdatum": f.datum, "bbb_sinds": None}
        elif f.sleutel in zaken:  # an admission, or its correction (the admission's own date in its waarde)
            zaken[f.sleutel]["bbb_sinds"] = dt.date.fromisoformat(f.waarde) if f.waarde else f.datum
    return {"zaken": zaken}


def rapport(staat: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """Mzd's kengetallen as known on the peildatum."""
    zaken = [z for z in staat["zaken"].values() if z["besluitdatum"] <= peildatum]
    return {
        "zaken_open": len(zaken),
        "in_bbb_opvang": sum(1 for z in zaken if z["bbb_sinds"] and z["bbb_sinds"] <= peildatum),
    }
