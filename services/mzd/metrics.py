"""mzd's kengetallen as Prometheus gauges, set from its report; no personal data in labels."""

from __future__ import annotations

from typing import Any

from prometheus_client import Gauge

ZAKEN_OPEN = Gauge("welkom_mzd_zaken_open", "Open mzd cases.")


def werk_bij(rapport: dict[str, Any]) -> None:
    """Set mzd's gauges from its report; an unknown figure is 0."""
    ZAKEN_OPEN.set(rapport.get("zaken_open") or 0)
