"""Metric values for tests: samples read by name and labels, never the HELP text."""

from __future__ import annotations

from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families


def waarde(naam: str, **labels: str) -> float:
    """The current value of one sample of this process's registry; 0 when it was never set."""
    return REGISTRY.get_sample_value(naam, labels) or 0.0


def uit_tekst(tekst: str, naam: str, **labels: str) -> float | None:
    """The value of one sample in a /metrics page; None when the page has no such sample."""
    for familie in text_string_to_metric_families(tekst):
        for sample in familie.samples:
            if sample.name == naam and all(sample.labels.get(k) == v for k, v in labels.items()):
                return sample.value
    return None
