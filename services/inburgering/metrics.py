"""inburgering's kengetallen as Prometheus gauges, set from its report; no personal data in labels."""

from __future__ import annotations

from typing import Any


def werk_bij(rapport: dict[str, Any]) -> None:
    """Placeholder until the metrics move here."""
