"""opvang's kengetallen as Prometheus gauges, set from its report; no personal data in labels."""

from __future__ import annotations

from typing import Any

from prometheus_client import Gauge

BEWONERS = Gauge("welkom_opvang_bewoners_personen", "Persons staying in a reception location.")


def werk_bij(rapport: dict[str, Any]) -> None:
    """Set opvang's gauges from its report; an unknown figure is 0."""
    BEWONERS.set(rapport.get("bewoners_in_opvang") or 0)
