"""The inbox counts inputs that had their effect already (redeliveries, copies in one batch) as outcome `dubbel`."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from faststream.kafka import KafkaBroker, TestKafkaBroker

from events import coa, topics
from metriek import waarde
from services.huisvesting.application import Huisvesting
from services.huisvesting.domain.huisvestingsdossier import Huisvestingsdossier
from services.runtime.inbox import Inbox
from services.runtime.settings import Settings

METRIEK = "welkom_inbox_messages_total"


@dataclass
class Record:
    """What aiokafka hands the inbox: one ConsumerRecord."""

    value: bytes
    offset: int
    topic: str = topics.KETEN_COA
    partition: int = 0
    key: bytes | None = None
    headers: tuple[tuple[str, bytes], ...] = (("content-type", b"application/cloudevents+json"),)


def koppeling(id: str, vnummer: str, huishouden: list[str], offset: int) -> Record:
    return Record(json.dumps({
        "specversion": "1.0", "id": id, "source": "urn:nld:oin:coa", "type": coa.GEKOPPELD_AAN_GEMEENTE,
        "data": {"vnummer": vnummer, "gemeentecode": "0268", "koppeldatum": "2024-02-12",
                 "huishouden": [{"vnummer": v, "geboortedatum": "1990-01-01"} for v in huishouden]},
    }).encode(), offset)


@pytest.fixture
def inbox() -> Inbox:
    app = Huisvesting(env={"PERSISTENCE_MODULE": "eventsourcing.popo"}, pseudoniem_sleutel="test")
    return Inbox(app, KafkaBroker(), Settings(), primair=[topics.KETEN_COA])


def tellingen() -> dict[str, float]:
    return {u: waarde(METRIEK, service="huisvesting", topic=topics.KETEN_COA, outcome=u)
            for u in ("verwerkt", "dubbel", "dlq")}


def gestegen(voor: dict[str, float]) -> dict[str, float]:
    return {u: n - voor[u] for u, n in tellingen().items()}


async def test_a_copy_in_the_same_batch_is_counted_dubbel_and_the_original_verwerkt(inbox: Inbox) -> None:
    voor = tellingen()
    await inbox.verwerk([koppeling("k-1", "5200000001", ["5200000001"], 1),
                         koppeling("k-1", "5200000001", ["5200000001"], 2)])
    assert gestegen(voor) == {"verwerkt": 1, "dubbel": 1, "dlq": 0}
    assert Huisvestingsdossier.create_id(inbox.app.persoon("5200000001")) in inbox.app.repository


async def test_a_redelivered_input_is_counted_dubbel_also_when_the_batch_falls_back_to_one_by_one(
    inbox: Inbox,
) -> None:
    await inbox.verwerk([koppeling("k-1", "5200000001", ["5200000001"], 1)])
    voor = tellingen()
    await inbox.verwerk([koppeling("k-1", "5200000001", ["5200000001"], 1)])  # redelivered after a crash
    assert gestegen(voor) == {"verwerkt": 0, "dubbel": 1, "dlq": 0}

    voor = tellingen()
    async with TestKafkaBroker(inbox.broker):  # the dlq record goes somewhere
        await inbox.verwerk([
            koppeling("k-1", "5200000001", ["5200000001"], 1),  # again: dubbel
            koppeling("k-2", "5200000002", ["5200000003"], 2),  # main person missing: a domain rule, dlq
            koppeling("k-3", "5200000004", ["5200000004"], 3),  # new: verwerkt
        ])
    assert gestegen(voor) == {"verwerkt": 1, "dubbel": 1, "dlq": 1}
    assert Huisvestingsdossier.create_id(inbox.app.persoon("5200000004")) in inbox.app.repository
