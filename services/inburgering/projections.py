"""Inburgering's read model for the reports: each traject's koppeling and intake dates."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from services.inburgering.domain.inburgeringstraject import Inburgeringstraject as I


def nieuw() -> dict[str, Any]:
    return {"trajecten": {}}


def pas_toe(staat: dict[str, Any], e: Any) -> None:
    """Fold one stored event into the read model."""
    if isinstance(e, I.Gestart):
        staat["trajecten"][str(e.originator_id)] = {
            "koppeldatum": e.koppeldatum,
            "intake_op": None,
            "leerroute": None,
            "binnen_termijn": None,
        }
    elif isinstance(e, I.BredeIntakeAfgerond):
        traject = staat["trajecten"][str(e.originator_id)]
        traject.update(intake_op=e.datum, leerroute=e.leerroute, binnen_termijn=e.binnen_termijn)


def rapport(staat: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """Inburgering's kengetallen as known on the peildatum."""
    trajecten = [t for t in staat["trajecten"].values() if t["koppeldatum"] <= peildatum]
    afgerond = [t for t in trajecten if t["intake_op"] is not None and t["intake_op"] <= peildatum]
    return {
        "trajecten": len(trajecten),
        "intakes_afgerond": len(afgerond),
        "intakes_binnen_termijn": sum(1 for t in afgerond if t["binnen_termijn"]),
        "intake_wachtlijst": len(trajecten) - len(afgerond),
        "leerroutes": dict(sorted(Counter(t["leerroute"] for t in afgerond).items())),
    }
