"""The Kafka side of the runtime: the FastStream broker, the topics, and the DLQ publisher."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from faststream.kafka import KafkaBroker
from faststream.security import SASLPlaintext, SASLScram256, SASLScram512
from ssl import create_default_context

from events import topics
from services.runtime.localbroker import TANSU_FETCH_MS, TANSU_SESSION_MS
from services.runtime.metrics import DLQ
from services.runtime.settings import Settings

FASTSTREAM_LOG = logging.getLogger("welkom.faststream")
FASTSTREAM_LOG.setLevel(logging.WARNING)

MAX_REQUEST_BYTES = 8 * 1024 * 1024
"""Large enough to dead-letter an oversized record whole: a rejected input never disappears."""


def _security(settings: Settings) -> Any:
    if settings.kafka_security_protocol != "SASL_SSL":
        return None
    password = settings.kafka_sasl_password.get_secret_value() if settings.kafka_sasl_password else ""
    cls = {"PLAIN": SASLPlaintext, "SCRAM-SHA-256": SASLScram256, "SCRAM-SHA-512": SASLScram512}[
        settings.kafka_sasl_mechanism
    ]
    return cls(
        username=settings.kafka_sasl_username or "",
        password=password,
        ssl_context=create_default_context(),
    )


def maak_broker(settings: Settings, bootstrap_servers: str, *, lokaal: bool) -> KafkaBroker:
    """A FastStream broker with welkom's producer settings (acks=all; idempotent on real Kafka)."""
    idempotent = settings.kafka_idempotent_producer
    if idempotent is None:
        idempotent = not lokaal  # Tansu answers InitProducerId with an error
    return KafkaBroker(
        bootstrap_servers,
        acks="all",
        enable_idempotence=idempotent,
        max_request_size=MAX_REQUEST_BYTES,
        security=_security(settings),
        client_id="welkom",
        graceful_timeout=10.0,
        allow_auto_create_topics=True,
        logger=FASTSTREAM_LOG,  # to stderr with the rest, warnings and up only
        log_level=logging.DEBUG,  # FastStream's per-message access log: debug, not info
    )


@dataclass(frozen=True)
class ConsumerTuning:
    """Consumer timings that differ between Apache Kafka and the local Tansu broker."""

    session_timeout_ms: int = 10000
    fetch_max_wait_ms: int = 500


def consumer_tuning(settings: Settings, *, lokaal: bool) -> ConsumerTuning:
    """Tansu lets a consumer join only after about half the session timeout, and answers a fetch
    only when its max wait runs out (no wake-up on new data): keep both short there."""
    standaard = ConsumerTuning(TANSU_SESSION_MS, TANSU_FETCH_MS) if lokaal else ConsumerTuning()
    return ConsumerTuning(
        session_timeout_ms=settings.kafka_session_timeout_ms or standaard.session_timeout_ms,
        fetch_max_wait_ms=settings.kafka_fetch_max_wait_ms or standaard.fetch_max_wait_ms,
    )


async def maak_topics(bootstrap_servers: str, partitions: int = 1) -> None:
    """Create every topic of the contract (inbound, outbound and their DLQs) if missing."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers)
    await admin.start()
    try:
        bestaand = set(await admin.list_topics())
        nieuw = [
            NewTopic(t, num_partitions=partitions, replication_factor=1)
            for t in topics.ALL
            if t not in bestaand
        ]
        if nieuw:
            try:
                await admin.create_topics(nieuw)
            except TopicAlreadyExistsError:
                pass
    finally:
        await admin.close()


async def naar_dlq(
    broker: KafkaBroker,
    *,
    service: str,
    topic: str,
    partition: int,
    offset: int,
    value: bytes | None,
    headers: list[tuple[str, bytes]] | tuple[tuple[str, bytes], ...],
    reden: str,
) -> None:
    """Dead-letter one record: the original value and headers, the reason in `dlq_*` headers.

    The key is dropped (partners may key by vnummer); the reason never holds input values.
    """
    kop = {k: (v.decode("utf-8", errors="replace") if isinstance(v, bytes) else str(v)) for k, v in headers}
    kop.update(
        {
            "dlq_reason": reden,
            "dlq_service": service,
            "dlq_topic": topic,
            "dlq_partition": str(partition),
            "dlq_offset": str(offset),
        }
    )
    await broker.publish(value or b"", topic=topics.dlq(topic), headers=kop)
    DLQ.labels(service=service, topic=topic, reason=reden.split(":", 1)[0]).inc()
