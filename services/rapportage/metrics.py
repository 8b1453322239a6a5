"""The read side's own gauges (the peildatum the kengetallen describe), and the kwantiel gauges of the reports."""

from __future__ import annotations

import datetime as dt

from prometheus_client import Gauge

from services.runtime.metrics import zet_reeksen

PEILDATUM = Gauge(
    "welkom_kengetallen_peildatum_seconds",
    "The peildatum (00:00 UTC, as Unix time) the kengetallen gauges were last set for; "
    "figures of 'the current period' belong to the period of this date.",
)
GEMETEN = Gauge("welkom_kengetallen_gemeten_seconds", "When the kengetallen gauges were last set (Unix time).")

KWANTIEL = "kwantiel"
"""The label of a report's quantiles: "0.5" (the median) and "0.9" (p90), the values Prometheus'
own `quantile` label takes. That label is reserved for summaries, whose quantiles come from
observations the process made; these come from the report for the peildatum (every person or
household it counts, also those of earlier runs), so they are gauges with a label of their own."""


def kwantiel_gauge(naam: str, wat: str) -> Gauge:
    """A gauge of a report's median and p90, labelled `kwantiel`; its help says what and why."""
    return Gauge(naam, f"{wat} By kwantiel: 0.5 (median), 0.9 (p90), linear interpolation over the report "
                       "for the peildatum; a report's figure, not a summary of observations, so not the "
                       "label quantile.", [KWANTIEL])


def zet_kwantielen(gauge: Gauge, mediaan: float | None, p90: float | None = None) -> None:
    """Replace the gauge's series by the report's median and p90; an unknown one (None) has no series."""
    zet_reeksen(gauge, {"0.5": mediaan, "0.9": p90})


def peildatum_gezet(peildatum: dt.date, nu: dt.datetime) -> None:
    PEILDATUM.set(dt.datetime(peildatum.year, peildatum.month, peildatum.day, tzinfo=dt.UTC).timestamp())
    GEMETEN.set(nu.timestamp())
