"""With a cipher key, a dead-lettered value is unreadable on the DLQ topic and decrypts back to the original."""

from __future__ import annotations

import json
from typing import Any

import pytest
from eventsourcing.cipher import AESCipher
from faststream.kafka import KafkaBroker, TestKafkaBroker
from faststream.kafka.annotations import KafkaMessage

from events import coa, topics
from services.huisvesting.application import Huisvesting
from services.runtime.bus import DLQ_VERSLEUTELD, DlqSleutelFout, ontsleutel_dlq
from services.runtime.inbox import Inbox
from services.runtime.settings import Settings

STRUCTURED = {"content-type": "application/cloudevents+json"}
ZONDER_HOOFDPERSOON = json.dumps({
    "specversion": "1.0", "id": "k-9", "source": "urn:nld:oin:coa", "type": coa.GEKOPPELD_AAN_GEMEENTE,
    "data": {"vnummer": "5300000001", "gemeentecode": "0268", "koppeldatum": "2024-02-12",
             "huishouden": [{"vnummer": "5300000002", "geboortedatum": "1990-01-01"}]},
}).encode()


async def dead_letter(settings: Settings, value: bytes) -> tuple[bytes, dict[str, Any]]:
    """Publish one record the domain rejects through the real inbox; the record on the DLQ topic."""
    app = Huisvesting(env={"PERSISTENCE_MODULE": "eventsourcing.popo"}, pseudoniem_sleutel="test")
    broker = KafkaBroker()
    Inbox(app, broker, settings, primair=[topics.KETEN_COA]).registreer([topics.KETEN_COA])
    dlq: list[tuple[bytes, dict[str, Any]]] = []

    @broker.subscriber(topics.dlq(topics.KETEN_COA), decoder=lambda m: m.body)
    async def dead_letters(body: Any, message: KafkaMessage) -> None:
        dlq.append((message.body, message.headers))

    async with TestKafkaBroker(broker) as test_broker:
        await test_broker.publish(value, topics.KETEN_COA, headers=STRUCTURED)
    [record] = dlq
    return record


async def test_with_a_cipher_key_the_dlq_value_is_encrypted_and_decrypts_back_to_the_original() -> None:
    settings = Settings(cipher_key=AESCipher.create_key(32))
    value, headers = await dead_letter(settings, ZONDER_HOOFDPERSOON)

    assert headers["dlq_reason"] == "domeinregel:HoofdpersoonOntbreektFout"
    assert headers[DLQ_VERSLEUTELD] == "aes-gcm"
    assert b"5300000001" not in value and b"5300000002" not in value and value != ZONDER_HOOFDPERSOON
    assert ontsleutel_dlq(value, headers, settings) == ZONDER_HOOFDPERSOON
    assert ontsleutel_dlq(value, list(headers.items()), settings) == ZONDER_HOOFDPERSOON  # as aiokafka gives them

    with pytest.raises(DlqSleutelFout, match="key is wrong"):
        ontsleutel_dlq(value, headers, Settings(cipher_key=AESCipher.create_key(32)))
    with pytest.raises(DlqSleutelFout, match="set WELKOM_CIPHER_KEY"):
        ontsleutel_dlq(value, headers, Settings(cipher_key=None))


async def test_without_a_cipher_key_the_dlq_value_stays_as_it_came_and_unmarked() -> None:
    settings = Settings(cipher_key=None)
    value, headers = await dead_letter(settings, ZONDER_HOOFDPERSOON)

    assert value == ZONDER_HOOFDPERSOON and DLQ_VERSLEUTELD not in headers
    assert ontsleutel_dlq(value, headers, settings) == ZONDER_HOOFDPERSOON
