"""Inburgering's read model of the trajecten: each traject's koppeling and intake, as facts, and the state a report reads."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from services.domain.correctie import feitdatum
from services.inburgering.domain.inburgeringstraject import Inburgeringstraject as I
from services.runtime.views import Feit


BRONNEN = (I.Gestart, I.BredeIntakeAfgerond, I.BredeIntakeGecorrigeerd)
"""The stored event classes `feiten` turns into facts (the views decode no others for facts)."""


def feiten(e: Any) -> Iterator[Feit]:
    """The facts of one stored event: a traject started, an intake held."""
    if isinstance(e, I.Gestart):
        yield Feit(str(e.originator_id), "gestart", e.koppeldatum, None, getattr(e, "gemeentecode", None))
    elif isinstance(e, I.BredeIntakeAfgerond):
        yield Feit(str(e.originator_id), "intake", e.datum, [e.leerroute, e.binnen_termijn], getattr(e, "gemeentecode", None))
    elif isinstance(e, I.BredeIntakeGecorrigeerd):  # read whenever the wrong or right date is; counts on the right one
        yield Feit(str(e.originator_id), "intake", feitdatum(e.oude_datum, e.datum),
                   [e.leerroute, e.binnen_termijn, e.datum.isoformat()], getattr(e, "gemeentecode", None))


def staat(rijen: Iterable[Feit]) -> dict[str, Any]:
    """The facts, in stored order, as the report reads them."""
    trajecten: dict[str, dict[str, Any]] = {}
    for f in rijen:
        if f.soort == "gestart":
            trajecten[f.sleutel] = {"koppeldatum": f.datum, "intake_op": None, "leerroute": None,
                                    "binnen_termijn": None}
        elif f.sleutel in trajecten:
            leerroute, binnen_termijn, *gecorrigeerd = f.waarde
            intake_op = dt.date.fromisoformat(gecorrigeerd[0]) if gecorrigeerd else f.datum
            trajecten[f.sleutel].update(intake_op=intake_op, leerroute=leerroute, binnen_termijn=binnen_termijn)
    return {"trajecten": trajecten}


def rapport(staten: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """The trajecten's kengetallen as known on the peildatum."""
    staat = staten[__name__]
    trajecten = [t for t in staat["trajecten"].values() if t["koppeldatum"] <= peildatum]
    afgerond = [t for t in trajecten if t["intake_op"] is not None and t["intake_op"] <= peildatum]
    return {
        "trajecten": len(trajecten),
        "intakes_afgerond": len(afgerond),
        "intakes_binnen_termijn": sum(1 for t in afgerond if t["binnen_termijn"]),
        "intake_wachtlijst": len(trajecten) - len(afgerond),
        "leerroutes": dict(sorted(Counter(t["leerroute"] for t in afgerond).items())),
    }
