"""The Kafka test bed itself: SASL_SSL with a principal per party, ACLs that refuse, leeg(), and data that survives a restart."""

from __future__ import annotations

import uuid

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.errors import GroupAuthorizationFailedError, TopicAuthorizationFailedError

from events import topics
from services.kafkabed import principals
from services.kafkabed.broker import KafkaBed

pytestmark = pytest.mark.integration


@pytest.fixture
def bed(kafka_bed: KafkaBed) -> KafkaBed:
    """The session's Kafka bed (tests/integration/conftest.py), running and emptied."""
    if not kafka_bed.pids():
        kafka_bed.start()
    kafka_bed.leeg()
    return kafka_bed


async def stuur(bed: KafkaBed, principal: str, topic: str, waarde: bytes) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bed.bootstrap_servers, acks="all", enable_idempotence=True,
                                **bed.client_config(principal))
    await producer.start()
    try:
        await producer.send_and_wait(topic, waarde, key=b"persoon-1")
    finally:
        await producer.stop()


async def alles_van(bed: KafkaBed, topic: str) -> list[bytes]:
    """Every record of `topic`, read by the super user without a group."""
    lezer = AIOKafkaConsumer(topic, bootstrap_servers=bed.bootstrap_servers, group_id=None,
                             auto_offset_reset="earliest", enable_auto_commit=False, **bed.admin_config())
    await lezer.start()
    try:
        gelezen = await lezer.getmany(timeout_ms=3000)
        return [r.value for records in gelezen.values() for r in records]
    finally:
        await lezer.stop()


async def test_a_chain_partner_publishes_on_keten_coa(bed: KafkaBed) -> None:
    waarde = uuid.uuid4().bytes
    await stuur(bed, principals.KETEN, topics.KETEN_COA, waarde)
    assert waarde in await alles_van(bed, topics.KETEN_COA)


async def test_opvang_may_not_write_the_topic_of_huisvesting(bed: KafkaBed) -> None:
    with pytest.raises(TopicAuthorizationFailedError):
        await stuur(bed, principals.service_principal("opvang"), topics.GEMEENTE_HUISVESTING, b"nep")


async def test_opvang_may_not_consume_in_the_group_of_huisvesting(bed: KafkaBed) -> None:
    lezer = AIOKafkaConsumer(topics.KETEN_COA, group_id=principals.groep("huisvesting"),
                             bootstrap_servers=bed.bootstrap_servers, auto_offset_reset="earliest",
                             **bed.client_config(principals.service_principal("opvang")))
    try:
        with pytest.raises(GroupAuthorizationFailedError):
            await lezer.start()
            await lezer.getmany(timeout_ms=5000)
    finally:
        await lezer.stop()


async def test_leeg_empties_every_topic_and_forgets_the_groups(bed: KafkaBed) -> None:
    await stuur(bed, principals.KETEN, topics.KETEN_IND, b"voor leeg")
    lezer = AIOKafkaConsumer(topics.KETEN_IND, group_id=principals.groep("opvang"), auto_offset_reset="earliest",
                             enable_auto_commit=False, bootstrap_servers=bed.bootstrap_servers,
                             **bed.client_config(principals.service_principal("opvang")))
    await lezer.start()
    try:
        assert await lezer.getmany(timeout_ms=5000)
        await lezer.commit()
    finally:
        await lezer.stop()

    bed.leeg()

    assert await alles_van(bed, topics.KETEN_IND) == []
    from confluent_kafka.admin import AdminClient
    groepen = AdminClient(bed.librdkafka_config()).list_consumer_groups().result(10).valid
    assert [g.group_id for g in groepen] == []


async def test_an_acknowledged_record_survives_a_restart(bed: KafkaBed) -> None:
    waarde = uuid.uuid4().bytes
    await stuur(bed, principals.KETEN, topics.KETEN_BRP, waarde)  # acks=all: on disk before the answer
    bed.stop()
    assert not bed.pids()
    bed.start()
    assert waarde in await alles_van(bed, topics.KETEN_BRP)
