"""inburgering's kengetallen as Prometheus gauges, set from its report; no personal data in labels."""

from __future__ import annotations

from typing import Any

from prometheus_client import Gauge

INTAKE_WACHTLIJST = Gauge(
    "welkom_inburgering_intake_wachtlijst_personen", "Adults waiting for their brede intake."
)


def werk_bij(rapport: dict[str, Any]) -> None:
    """Set inburgering's gauges from its report; an unknown figure is 0."""
    INTAKE_WACHTLIJST.set(rapport.get("intake_wachtlijst") or 0)
