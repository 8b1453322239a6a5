"""On Apache Kafka, create-acls.sh (production's script) leaves exactly the ACLs of the code, and they let operators re-send."""

from __future__ import annotations

import uuid

import pytest
from aiokafka import AIOKafkaProducer

from events import topics
from services.kafkabed import principals
from services.kafkabed.broker import KafkaBed

pytestmark = pytest.mark.integration


def test_the_cluster_holds_exactly_the_acls_of_the_code(kafka_bed: KafkaBed) -> None:
    from confluent_kafka.admin import (AclBindingFilter, AclOperation, AclPermissionType, AdminClient,
                                       ResourcePatternType, ResourceType)

    alles = AclBindingFilter(ResourceType.ANY, None, ResourcePatternType.ANY, None, None, AclOperation.ANY,
                             AclPermissionType.ANY)
    admin = AdminClient(kafka_bed.librdkafka_config())  # kept: the answer needs the live client
    bindingen = admin.describe_acls(alles, request_timeout=30).result(30)
    soort = {ResourceType.TOPIC: "topic", ResourceType.GROUP: "group", ResourceType.BROKER: "cluster"}
    op_cluster = {principals.Recht(b.principal.removeprefix("User:"), soort[b.restype], b.name, b.operation.name)
                  for b in bindingen if b.permission_type == AclPermissionType.ALLOW}
    assert all(b.permission_type == AclPermissionType.ALLOW and b.host == "*" for b in bindingen)
    assert op_cluster == set(principals.rechten())


async def test_an_operator_may_resend_a_dead_letter_to_a_gemeente_topic(kafka_bed: KafkaBed) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bed.bootstrap_servers, acks="all", enable_idempotence=True,
                                **kafka_bed.client_config(principals.BEHEER))
    await producer.start()
    try:
        await producer.send_and_wait(topics.GEMEENTE_OPVANG, uuid.uuid4().bytes, key=b"persoon-1")
    finally:
        await producer.stop()
