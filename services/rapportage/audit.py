"""The audit timeline: one person's history across all four event stores, found by index, oldest first."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from services.rapportage.projectie import Projectie
from services.runtime.application import WelkomApplication
from services.runtime.herkomst import HERKOMST, ONBEKEND

DATUMVELDEN = ("datum", "koppeldatum", "besluitdatum", "verlopen_op")
"""Where an event keeps its real-world date, in order of preference."""


def _datum(event: Any) -> dt.date | None:
    for veld in DATUMVELDEN:
        waarde = getattr(event, veld, None)
        if isinstance(waarde, dt.date):
            return waarde
    return None


def _feiten(event: Any) -> dict[str, Any]:
    verborgen = {"originator_id", "originator_version", "timestamp", "originator_topic", HERKOMST}
    return {k: _json(v) for k, v in vars(event).items() if k not in verborgen}


def _json(waarde: Any) -> Any:
    if isinstance(waarde, (dt.date, uuid.UUID)):
        return str(waarde)
    if isinstance(waarde, list):
        return [_json(w) for w in waarde]
    return waarde


def tijdlijn(
    apps: Mapping[str, WelkomApplication], persoon_id: uuid.UUID, projectie: Projectie | None = None
) -> list[dict[str, Any]]:
    """Every stored event of every aggregate that concerns the person, found through the person
    index of the views (no store is scanned): oldest first by the real-world date of the fact,
    then by the time it was recorded."""
    projectie = projectie or Projectie(apps)
    projectie.bij()
    regels = []
    for service, aggregaten in projectie.aggregaten(persoon_id).items():
        app = apps[service]
        for aggregate_id in aggregaten:
            events = [app.mapper.to_domain_event(s) for s in app.recorder.select_events(aggregate_id)]
            regels += [_regel(service, e, datum) for e, datum in _gedateerd(events)]
    return sorted(regels, key=lambda r: (r["datum"], r["tijd"], r["service"], r["versie"]))


def _gedateerd(events: list[Any]) -> list[tuple[Any, dt.date | None]]:
    """An event without a date of its own (a record being opened) takes the date of the
    aggregate's next dated event: it happened for that reason."""
    uit: list[tuple[Any, dt.date | None]] = []
    volgende: dt.date | None = None
    for e in reversed(events):
        volgende = _datum(e) or volgende
        uit.append((e, _datum(e) or volgende))
    return uit[::-1]


def _regel(service: str, e: Any, datum: dt.date | None) -> dict[str, Any]:
    """One line: when, where, what, the facts, and why it happened (grondslag, bron, actor)."""
    herkomst = getattr(e, HERKOMST, ONBEKEND)
    return {
        "datum": str(datum or e.timestamp.date()),
        "tijd": e.timestamp.isoformat(),
        "service": service,
        "aggregate": type(e).__qualname__.split(".")[0],
        "gebeurtenis": type(e).__name__,
        "versie": e.originator_version,
        "feiten": _feiten(e),
        **{k: herkomst.get(k, ONBEKEND[k]) for k in ("grondslag", "bron", "actor")},
    }
