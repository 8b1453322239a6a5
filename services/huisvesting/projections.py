"""Huisvesting's read model for the reports: dated facts per dossier and the taakstellingen."""

from __future__ import annotations

import datetime as dt
from typing import Any

from services.huisvesting.domain.huisvestingsdossier import Huisvestingsdossier as D
from services.huisvesting.domain.taakstelling import Taakstelling as T


def nieuw() -> dict[str, Any]:
    return {"taakstellingen": {}, "dossiers": {}}


def pas_toe(staat: dict[str, Any], e: Any) -> None:
    """Fold one stored event into the read model."""
    if isinstance(e, (T.Vastgesteld,)):
        staat["taakstellingen"][e.periode] = e.aantal
        staat.setdefault("taakstelling_periode", {})[str(e.originator_id)] = e.periode
    elif isinstance(e, T.Gewijzigd):
        periode = staat["taakstelling_periode"][str(e.originator_id)]
        staat["taakstellingen"][periode] = e.aantal
    elif isinstance(e, D.Geopend):
        staat["dossiers"][str(e.originator_id)] = {
            "koppeldatum": e.koppeldatum,
            "personen": len(e.personen),
            "termijn_verloopt_op": e.koppeldatum + dt.timedelta(weeks=10),
            "eerste_aanbod_op": None,
            "verhuisd_op": None,
        }
    elif isinstance(e, D.WoningAangeboden):
        dossier = staat["dossiers"][str(e.originator_id)]
        dossier["eerste_aanbod_op"] = dossier["eerste_aanbod_op"] or e.datum
    elif isinstance(e, D.Verhuisd):
        dossier = staat["dossiers"][str(e.originator_id)]
        dossier["verhuisd_op"] = e.datum
        dossier["personen"] = len(e.personen)


def periode_van(datum: dt.date) -> tuple[str, dt.date]:
    """The half-year period containing a date, and its first day."""
    if datum.month <= 6:
        return f"{datum.year}-H1", dt.date(datum.year, 1, 1)
    return f"{datum.year}-H2", dt.date(datum.year, 7, 1)


def rapport(staat: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """Huisvesting's kengetallen as known on the peildatum."""
    periode, begin = periode_van(peildatum)
    dossiers = staat["dossiers"].values()
    open_ = [d for d in dossiers if d["koppeldatum"] <= peildatum and not _verhuisd(d, peildatum)]
    over_termijn = [
        d for d in open_
        if d["termijn_verloopt_op"] < peildatum
        and (d["eerste_aanbod_op"] is None or d["eerste_aanbod_op"] > d["termijn_verloopt_op"])
    ]
    gerealiseerd = sum(
        d["personen"] for d in dossiers if d["verhuisd_op"] and begin <= d["verhuisd_op"] <= peildatum
    )
    taakstelling = staat["taakstellingen"].get(periode)
    return {
        "periode": periode,
        "taakstelling": taakstelling,
        "gerealiseerd": gerealiseerd,
        "nog_te_gaan": None if taakstelling is None else max(taakstelling - gerealiseerd, 0),
        "dossiers_open": len(open_),
        "personen_wachtend": sum(d["personen"] for d in open_),
        "dossiers_over_termijn": len(over_termijn),
    }


def _verhuisd(dossier: dict[str, Any], peildatum: dt.date) -> bool:
    return dossier["verhuisd_op"] is not None and dossier["verhuisd_op"] <= peildatum
