"""Emptying a Kafka bed between tests: every record of every welkom topic and every consumer group deleted."""

from __future__ import annotations

import time
from typing import Any

from events import topics


class LegenFout(RuntimeError):
    """A consumer group kept a member past the timeout: it could not be deleted."""


def leeg(config: dict[str, Any], timeout: float = 30.0) -> None:
    """Delete-records up to the high watermark of every partition, then delete every consumer group.
    A group whose member was killed with -9 keeps it until its session times out: wait for that."""
    from confluent_kafka import TopicCollection, TopicPartition
    from confluent_kafka.admin import AdminClient, OffsetSpec

    admin = AdminClient(config)
    beschreven = admin.describe_topics(TopicCollection(list(topics.ALL)), request_timeout=timeout)
    delen = [TopicPartition(t, p.id) for t, f in beschreven.items() for p in f.result(timeout).partitions]
    eindes = admin.list_offsets({d: OffsetSpec.latest() for d in delen}, request_timeout=timeout)
    wissen = [TopicPartition(d.topic, d.partition, f.result(timeout).offset) for d, f in eindes.items()]
    wissen = [d for d in wissen if d.offset > 0]
    if wissen:
        for f in admin.delete_records(wissen, request_timeout=timeout).values():
            f.result(timeout)
    grens = time.monotonic() + timeout
    while groepen := [g.group_id for g in admin.list_consumer_groups(request_timeout=timeout).result(timeout).valid]:
        bezet = []
        for groep, f in admin.delete_consumer_groups(groepen, request_timeout=timeout).items():
            try:
                f.result(timeout)
            except Exception as e:  # noqa: BLE001 - NON_EMPTY_GROUP: wait for the broker to drop the member
                if time.monotonic() > grens:
                    raise LegenFout(f"consumer group {groep} kept a member: {e}") from e
                bezet.append(groep)
        if not bezet:
            return
        time.sleep(0.5)
