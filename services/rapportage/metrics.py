"""The read side's own gauge: which peildatum the kengetallen gauges describe."""

from __future__ import annotations

import datetime as dt

from prometheus_client import Gauge

PEILDATUM = Gauge(
    "welkom_kengetallen_peildatum_seconds",
    "The peildatum (00:00 UTC, as Unix time) the kengetallen gauges were last set for; "
    "figures of 'the current period' belong to the period of this date.",
)
GEMETEN = Gauge("welkom_kengetallen_gemeten_seconds", "When the kengetallen gauges were last set (Unix time).")


def peildatum_gezet(peildatum: dt.date, nu: dt.datetime) -> None:
    PEILDATUM.set(dt.datetime(peildatum.year, peildatum.month, peildatum.day, tzinfo=dt.UTC).timestamp())
    GEMETEN.set(nu.timestamp())
