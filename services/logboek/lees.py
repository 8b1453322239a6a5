"""Reading a person's Logboek Dataverwerkingen from every store, as records in the shape of the Logius standard."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from eventsourcing.application import Application

from services.domain.verwerkingslog import Verwerkingslog
from services.logboek import register

STATUS = {"ok": "STATUS_CODE_OK", "fout": "STATUS_CODE_ERROR"}
SOORT_ID = "persoon_id"
"""`dpl.core.data_subject_id_type`: the pseudonymous persoon_id, never the V-nummer or BSN."""


def regels(stores: Mapping[str, Application], persoon_id: uuid.UUID) -> list[dict[str, Any]]:
    """Every Logboek record of the person in these stores (the services' and the Logboek's own),
    oldest first: read by the person's Verwerkingslog id in each store, no scan."""
    uit = []
    for naam, app in stores.items():
        for event in app.repository.event_store.get(Verwerkingslog.create_id(persoon_id, naam)):
            if isinstance(event, Verwerkingslog.Verwerkt):
                uit.append((event.start, event.originator_version, _record(naam, persoon_id, event)))
    return [record for *_, record in sorted(uit, key=lambda r: r[:2])]


def _record(store: str, persoon_id: uuid.UUID, e: Verwerkingslog.Verwerkt) -> dict[str, Any]:
    activiteit = register.van_uri(e.activiteit)
    return {
        "trace_id": e.trace_id,
        "operation_id": e.span_id,
        "parent_operation_id": e.parent_span_id,
        "name": e.naam,
        "status_code": STATUS.get(e.status, "STATUS_CODE_UNKNOWN"),
        "start_time": e.start,
        "end_time": e.eind,
        "resource": {"applicatie": "welkom", "component": store},
        "attributes": {
            "dpl.core.processing_activity_id": e.activiteit,
            "dpl.core.data_subject_id": str(persoon_id),
            "dpl.core.data_subject_id_type": SOORT_ID,
        },
        "activiteit": activiteit.naam if activiteit else register.ONBEKEND,
        "grondslag": activiteit.grondslag if activiteit else register.ONBEKEND,
        "actor": e.actor,
        "bron": e.bron,
        "doel": e.doel,
    }
