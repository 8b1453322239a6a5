"""The inbox as FastStream runs it, on TestKafkaBroker: a message in, one application call, the DLQ."""

from __future__ import annotations

import json

from typing import Any

import pytest
from faststream.kafka import KafkaBroker, TestKafkaBroker
from faststream.kafka.annotations import KafkaMessage

from events import coa, topics
from services.huisvesting.application import Huisvesting
from services.huisvesting.domain.huisvestingsdossier import Huisvestingsdossier
from services.runtime.inbox import Inbox
from services.runtime.settings import Settings

STRUCTURED = {"content-type": "application/cloudevents+json"}


def koppeling(vnummer: str, huishouden: list[str], id: str) -> bytes:
    return json.dumps({
        "specversion": "1.0", "id": id, "source": "urn:nld:oin:coa", "type": coa.GEKOPPELD_AAN_GEMEENTE,
        "data": {"vnummer": vnummer, "gemeentecode": "0268", "koppeldatum": "2024-02-12",
                 "huishouden": [{"vnummer": v, "geboortedatum": "1990-01-01"} for v in huishouden]},
    }).encode()


@pytest.fixture
def huisvesting(monkeypatch: pytest.MonkeyPatch) -> Huisvesting:
    monkeypatch.setenv("WELKOM_TESTING", "1")
    return Huisvesting(env={"PERSISTENCE_MODULE": "eventsourcing.popo"}, pseudoniem_sleutel="test")


async def test_a_koppeling_on_the_bus_opens_a_dossier_and_a_broken_one_goes_to_the_dlq(huisvesting: Huisvesting) -> None:
    broker = KafkaBroker()
    Inbox(huisvesting, broker, Settings(), primair=[topics.KETEN_COA]).registreer([topics.KETEN_COA])
    dlq: list[tuple[bytes, dict]] = []

    @broker.subscriber(topics.dlq(topics.KETEN_COA), decoder=lambda m: m.body)
    async def dead_letters(body: Any, message: KafkaMessage) -> None:
        dlq.append((message.body, message.headers))

    async with TestKafkaBroker(broker) as test_broker:
        await test_broker.publish(koppeling("5000000001", ["5000000001"], "k-1"), topics.KETEN_COA, headers=STRUCTURED)
        await test_broker.publish(koppeling("5000000002", ["5000000003"], "k-2"), topics.KETEN_COA, headers=STRUCTURED)
        await test_broker.publish(b"{kapot", topics.KETEN_COA, headers=STRUCTURED)

    dossier = huisvesting.repository.get(Huisvestingsdossier.create_id(huisvesting.persoon("5000000001")))
    assert dossier.status == "wachtend" and dossier.huishoudgrootte == 1
    assert Huisvestingsdossier.create_id(huisvesting.persoon("5000000002")) not in huisvesting.repository
    assert [h["dlq_reason"] for _, h in dlq] == ["domeinregel:HoofdpersoonOntbreektFout", "geen-json"]
    assert all("5000000002" not in h["dlq_reason"] for _, h in dlq)
