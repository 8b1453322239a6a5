"""Mzd's read model for the reports: each case's refusal date and BBB admission."""

from __future__ import annotations

import datetime as dt
from typing import Any

from services.mzd.domain.zaak import Zaak as Z


def nieuw() -> dict[str, Any]:
    return {"zaken": {}}


def pas_toe(staat: dict[str, Any], e: Any) -> None:
    """Fold one stored event into the read model."""
    if isinstance(e, Z.Geopend):
        staat["zaken"][str(e.originator_id)] = {"besluitdatum": e.besluitdatum, "bbb_sinds": None}
    elif isinstance(e, Z.ToegelatenTotBbb):
        staat["zaken"][str(e.originator_id)]["bbb_sinds"] = e.datum


def rapport(staat: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """Mzd's kengetallen as known on the peildatum."""
    zaken = [z for z in staat["zaken"].values() if z["besluitdatum"] <= peildatum]
    return {
        "zaken_open": len(zaken),
        "in_bbb_opvang": sum(1 for z in zaken if z["bbb_sinds"] and z["bbb_sinds"] <= peildatum),
    }
