"""A batch that cannot be stored: the inbox seeks back and retries, and a stuck inbox shows in its metrics."""

from __future__ import annotations

import json
from typing import Any

import pytest
from faststream.kafka import KafkaBroker

from events import coa, topics
from metriek import waarde
from services.huisvesting.application import Huisvesting
from services.huisvesting.domain.huisvestingsdossier import Huisvestingsdossier
from services.runtime import inbox as inbox_module
from services.runtime.faults import Hooks, StoreFault
from services.runtime.inbox import Inbox
from services.runtime.settings import Settings


class Record:
    """What aiokafka hands the inbox: one ConsumerRecord."""

    topic, partition, offset, key = topics.KETEN_COA, 0, 7, None
    headers = (("content-type", b"application/cloudevents+json"),)
    value = json.dumps({
        "specversion": "1.0", "id": "k-1", "source": "urn:nld:oin:coa", "type": coa.GEKOPPELD_AAN_GEMEENTE,
        "data": {"vnummer": "5000000001", "gemeentecode": "0268", "koppeldatum": "2024-02-12",
                 "huishouden": [{"vnummer": "5000000001", "geboortedatum": "1990-01-01"}]},
    }).encode()


class Bericht:
    """A delivered batch as FastStream passes it: ack commits the offsets, nack seeks back."""

    def __init__(self) -> None:
        self.raw_message = (Record(),)
        self.uitkomsten: list[str] = []

    async def ack(self) -> None:
        self.uitkomsten.append("ack")

    async def nack(self) -> None:
        self.uitkomsten.append("nack")


@pytest.fixture
def inbox(monkeypatch: pytest.MonkeyPatch) -> Inbox:
    monkeypatch.setattr(inbox_module, "WACHT_NA_FOUT_S", 0)
    app = Huisvesting(env={"PERSISTENCE_MODULE": "eventsourcing.popo"}, pseudoniem_sleutel="test")
    return Inbox(app, KafkaBroker(), Settings(), primair=[topics.KETEN_COA])


async def test_a_batch_the_store_refuses_is_sought_back_until_it_is_stored_and_only_then_committed(
    inbox: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    gewoon, pogingen = inbox.app.verwerk_batch, []

    def store_eerst_weg(berichten: Any) -> Any:
        pogingen.append(1)
        if len(pogingen) <= 3:
            raise StoreFault("the database is down")
        return gewoon(berichten)

    monkeypatch.setattr(inbox.app, "verwerk_batch", store_eerst_weg)
    herhaald = waarde("welkom_inbox_retries_total", service="huisvesting")
    bericht = Bericht()

    for _ in range(3):
        await inbox.behandel(bericht)
    assert bericht.uitkomsten == ["nack", "nack", "nack"]                 # never committed while failing
    assert waarde("welkom_inbox_retries_total", service="huisvesting") == herhaald + 3
    assert waarde("welkom_inbox_stuck_seconds", service="huisvesting") > 0  # the same batch, for a while now

    await inbox.behandel(bericht)
    assert bericht.uitkomsten[-1] == "ack"
    assert waarde("welkom_inbox_stuck_seconds", service="huisvesting") == 0
    assert Huisvestingsdossier.create_id(inbox.app.persoon("5000000001")) in inbox.app.repository


def test_a_fault_hook_is_refused_outside_the_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WELKOM_TESTING")
    with pytest.raises(RuntimeError, match="test hook"):
        Hooks("crash-after-store")
    Hooks(None)  # no hook: nothing to refuse


async def test_a_record_that_makes_the_parser_fail_unexpectedly_is_dead_lettered_and_its_neighbour_applied(
    inbox: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only store or broker failures retry a batch: an exception of any type from reading one
    record costs that record alone, in the DLQ with a reason that names the kind of failure."""
    gewoon = inbox_module.lees

    def lees(value: Any, headers: Any, **kw: Any) -> Any:
        if value == b"gif":
            raise MemoryError("a parser gave up")
        return gewoon(value, headers, **kw)

    dlq: list[str] = []

    async def naar_dlq(*_: Any, reden: str, **__: Any) -> None:
        dlq.append(reden)

    monkeypatch.setattr(inbox_module, "lees", lees)
    monkeypatch.setattr(inbox_module, "naar_dlq", naar_dlq)
    gif = type("Gif", (Record,), {"value": b"gif", "offset": 8})()
    bericht = Bericht()
    bericht.raw_message = (gif, Record())
    await inbox.behandel(bericht)
    assert bericht.uitkomsten == ["ack"] and dlq == ["onleesbaar:MemoryError"]
    assert Huisvestingsdossier.create_id(inbox.app.persoon("5000000001")) in inbox.app.repository
