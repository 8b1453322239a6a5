"""Prometheus metrics of the runtime and the domain; labels never carry personal data."""

from __future__ import annotations

from typing import Any

from prometheus_client import Counter, Gauge, Histogram

INBOX_RECORDS = Counter(
    "welkom_inbox_records_total",
    "Inbound records read by a service's inbox, each counted once by outcome: applied (its effect is "
    "stored, or it needs none from this service), duplicate (it had its effect already: a redelivery "
    "or a copy; nothing changed), dead-lettered (in <topic>.dlq, by this service or by the topic's "
    "primary one). Per service and topic, records sent = applied + duplicate + dead-lettered + lag.",
    ["service", "topic", "outcome"],
)
INBOX_BERICHTEN = Counter(
    "welkom_inbox_messages_total",
    "Superseded by welkom_inbox_records_total (kept for existing dashboards): inbound records handled, by "
    "outcome: verwerkt, dubbel (had its effect already), dlq (dead-lettered by this service).",
    ["service", "topic", "outcome"],
)
INBOX_EINDE = Gauge(
    "welkom_inbox_end_offset",
    "The end offset of an inbound topic's partition as the lag meter last read it: how many records "
    "partners have written to it. Its increase over an interval is what was sent in it.",
    ["topic", "partition"],
)
DLQ = Counter(
    "welkom_inbox_dlq_messages_total",
    "Inbound records sent to the dead-letter topic, by reason code.",
    ["service", "topic", "reason"],
)
ANDERE_GEMEENTE = Counter(
    "welkom_inbox_other_gemeente_messages_total",
    "Inbound events for another gemeente: not for us, not an error.",
    ["service", "type"],
)
BATCH_SECONDEN = Histogram(
    "welkom_inbox_batch_seconds",
    "Time to apply one batch of inbound records and commit it.",
    ["service"],
)
INBOX_HERHALINGEN = Counter(
    "welkom_inbox_retries_total",
    "Batches that failed (store or bus unavailable) and were sought back to be tried again.",
    ["service"],
)
INBOX_VAST = Gauge(
    "welkom_inbox_stuck_seconds",
    "How long the inbox has been retrying the same failing batch; 0 while records flow.",
    ["service"],
)
INBOX_ACHTERSTAND = Gauge(
    "welkom_inbox_lag_records",
    "Records on a topic that the service's inbox has not committed yet (end offset minus committed offset).",
    ["service", "topic"],
)
INBOX_ACHTERSTAND_PARTITIE = Gauge(
    "welkom_inbox_lag_partition_records",
    "welkom_inbox_lag_records per partition: one aggregate's records wait in one partition, so one stuck"
    " partition shows here while the topic's sum still looks small.",
    ["service", "topic", "partition"],
)
RELAY_GEPUBLICEERD = Counter(
    "welkom_relay_published_events_total",
    "Domain events published by the relay and acknowledged by the broker.",
    ["service", "type"],
)
RELAY_ACHTERSTAND = Gauge(
    "welkom_relay_lag_events",
    "Stored events whose publication the broker has not acknowledged yet (read from the store, also while the broker is down).",
    ["service"],
)
RELAY_FOUTEN = Counter(
    "welkom_relay_errors_total",
    "Relay rounds that failed (broker or store unavailable); the relay tries again.",
    ["service"],
)
KLOK_VERLOPEN = Counter(
    "welkom_clock_expired_terms_total", "Legal terms recorded as expired by the clock.", ["service"]
)


def zet_reeksen(gauge: Gauge, waarden: dict[Any, Any]) -> None:
    """Replace a labelled family's series by these (a label value, or a tuple of them, per figure);
    unknown (None) figures have no series."""
    gauge.clear()
    for labels, waarde in waarden.items():
        if waarde is not None:
            gauge.labels(*(labels if isinstance(labels, tuple) else (labels,))).set(waarde)
