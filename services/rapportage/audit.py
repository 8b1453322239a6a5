"""The audit timeline: one person's history across all four event stores, oldest first."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from services.runtime.application import WelkomApplication

INTERN = ("Ontvangst", "Termijnkalender", "Wachtrij")
"""Bookkeeping aggregates: not part of a person's history."""

DATUMVELDEN = ("datum", "koppeldatum", "besluitdatum", "verlopen_op")
"""Where an event keeps its real-world date, in order of preference."""


def _datum(event: Any) -> dt.date | None:
    for veld in DATUMVELDEN:
        waarde = getattr(event, veld, None)
        if isinstance(waarde, dt.date):
            return waarde
    return None


def _betreft(event: Any, persoon_id: uuid.UUID) -> bool:
    return persoon_id in (getattr(event, "persoon_id", None), getattr(event, "nareiziger_id", None)) or (
        persoon_id in (getattr(event, "personen", None) or ())
    )


def _feiten(event: Any) -> dict[str, Any]:
    verborgen = {"originator_id", "originator_version", "timestamp", "originator_topic"}
    return {k: _json(v) for k, v in vars(event).items() if k not in verborgen}


def _json(waarde: Any) -> Any:
    if isinstance(waarde, (dt.date, uuid.UUID)):
        return str(waarde)
    if isinstance(waarde, list):
        return [_json(w) for w in waarde]
    return waarde


def tijdlijn(apps: Mapping[str, WelkomApplication], persoon_id: uuid.UUID) -> list[dict[str, Any]]:
    """Every stored event of every aggregate that concerns the person: oldest first by the
    real-world date of the fact, then by the time it was recorded."""
    regels = []
    for service, app in apps.items():
        events = []
        start = 1
        while notifications := app.recorder.select_notifications(start, 1000):
            for notification in notifications:
                if notification.topic.rsplit(":", 1)[-1].split(".")[0] in INTERN:
                    continue
                events.append(app.mapper.to_domain_event(notification))
            start = notifications[-1].id + 1
        van_persoon = {e.originator_id for e in events if _betreft(e, persoon_id)}
        # An event without a date of its own (a record being opened) takes the date of the
        # aggregate's next dated event: it happened for that reason.
        volgende: dict[Any, dt.date] = {}
        datums: dict[int, dt.date | None] = {}
        for e in reversed(events):
            if e.originator_id in van_persoon:
                eigen = _datum(e)
                if eigen is not None:
                    volgende[e.originator_id] = eigen
                datums[id(e)] = eigen or volgende.get(e.originator_id)
        for e in events:
            if e.originator_id in van_persoon:
                regels.append(
                    {
                        "datum": str(datums[id(e)] or e.timestamp.date()),
                        "tijd": e.timestamp.isoformat(),
                        "service": service,
                        "aggregate": type(e).__qualname__.split(".")[0],
                        "gebeurtenis": type(e).__name__,
                        "versie": e.originator_version,
                        "feiten": _feiten(e),
                    }
                )
    return sorted(regels, key=lambda r: (r["datum"], r["tijd"], r["service"], r["versie"]))
