"""Arbitrary raw records through FastStream's own batch parser and the inbox: valid neighbours always applied, nothing raised."""

from __future__ import annotations

import asyncio
import itertools
import json
from typing import Any

import pytest
from aiokafka.structs import ConsumerRecord
from faststream.kafka import KafkaBroker, TestKafkaBroker
from faststream.kafka.message import KafkaAckableMessage
from faststream.kafka.parser import AioKafkaBatchParser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events import coa, topics
from metriek import waarde
from services.huisvesting.application import Huisvesting
from services.huisvesting.domain.huisvestingsdossier import Huisvestingsdossier
from services.runtime.inbox import Inbox, _ongelezen
from services.runtime.settings import Settings
from vijandig import STRUCTURED, Rauw, door_elkaar, geldige, vijandige

UITKOMSTEN = ("applied", "duplicate", "dead-lettered")
_nummers = itertools.count(5_300_000_001)
_offsets = itertools.count()

ENVELOP_KOPPEN = ["ce_id", "ce_type", "ce_source", "ce_specversion", "ce_time", "ce_subject", "content-type",
                  "Content-Type", "CE_ID"]
koppen = st.lists(st.tuples(st.one_of(st.text(max_size=12), st.sampled_from(ENVELOP_KOPPEN)),
                            st.one_of(st.none(), st.binary(max_size=40))), max_size=5)
vreemde_koppen = st.lists(st.tuples(st.text(max_size=12).filter(lambda k: not k.lower().startswith("ce_")
                                                                 and k.lower() != "content-type"),
                                    st.one_of(st.none(), st.binary(max_size=40))), max_size=4)


def koppeling() -> dict[str, Any]:
    """A valid structured CloudEvent of a new household: its effect is a dossier."""
    vnummer = str(next(_nummers))
    return {"specversion": "1.0", "id": f"k-{vnummer}", "source": "urn:nld:oin:coa", "type": coa.GEKOPPELD_AAN_GEMEENTE,
            "data": {"vnummer": vnummer, "gemeentecode": "0268", "koppeldatum": "2024-02-12",
                     "huishouden": [{"vnummer": vnummer, "geboortedatum": "1990-01-01"}]}}


@st.composite
def vijandig_record(draw: st.DrawFn) -> Rauw:
    """Anything a partner can put in a record that is not a valid CloudEvent."""
    geldig = json.dumps(koppeling()).encode()
    value = draw(st.one_of(
        st.none(), st.binary(max_size=300),
        st.integers(0, len(geldig) - 1).map(lambda n: geldig[:n]),             # cut short: never JSON
        st.sampled_from([r.value for r in vijandige(koppeling(), Settings().max_event_bytes)]),
    ))
    return Rauw("fuzz", value, draw(koppen), key=draw(st.one_of(st.none(), st.binary(max_size=40))), reden="?")


@st.composite
def batch(draw: st.DrawFn) -> list[Rauw]:
    goed = [Rauw(r.soort, r.value, [*r.headers, *draw(vreemde_koppen)], key=r.key)
            for r in draw(st.sampled_from([geldige(koppeling)[:2], geldige(koppeling)[2:4], [geldige(koppeling)[0]]]))]
    return door_elkaar(goed, draw(st.lists(vijandig_record(), min_size=1, max_size=8)))


def record(rauw: Rauw) -> ConsumerRecord[bytes, bytes]:
    """As aiokafka hands it over: raw bytes, header values as sent (None included)."""
    return ConsumerRecord(topics.KETEN_COA, 0, next(_offsets), 0, 0, rauw.key, rauw.value, None,
                          len(rauw.key or b""), len(rauw.value or b""), list(rauw.headers))


def tellingen() -> dict[str, float]:
    return {u: waarde("welkom_inbox_records_total", service="huisvesting", topic=topics.KETEN_COA, outcome=u)
            for u in UITKOMSTEN}


def test_an_odd_header_in_one_record_no_longer_fails_the_batch_before_welkom_reads_it() -> None:
    records = (record(Rauw("vreemd", b"{}", [("x-partner", b"\xff\xfe")])), record(Rauw("goed", b"{}", STRUCTURED)))
    parser = AioKafkaBatchParser(msg_class=KafkaAckableMessage, regex=None)
    with pytest.raises(UnicodeDecodeError):   # FastStream's own parser: the whole batch lost before welkom saw it
        asyncio.run(parser.parse_batch(records))
    bericht = asyncio.run(_ongelezen(records, parser.parse_batch))
    assert bericht.raw_message is records                                 # raw, as the broker gave them
    assert [dict(r.headers) for r in bericht.raw_message][0] == {"x-partner": b"\xff\xfe"}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rauw=batch())
def test_arbitrary_raw_records_never_cost_a_valid_neighbour(rauw: list[Rauw]) -> None:
    app = _APP.setdefault("huisvesting", Huisvesting(env={"PERSISTENCE_MODULE": "eventsourcing.popo"},
                                                     pseudoniem_sleutel="test"))
    inbox = Inbox(app, KafkaBroker(), Settings(), primair=[topics.KETEN_COA])
    records = tuple(record(r) for r in rauw)
    voor = tellingen()

    async def door_de_inbox() -> None:
        parser = AioKafkaBatchParser(msg_class=KafkaAckableMessage, regex=None)
        bericht = await _ongelezen(records, parser.parse_batch)     # as the subscriber parses it
        async with TestKafkaBroker(inbox.broker):
            await inbox.verwerk(bericht.raw_message)

    asyncio.run(door_de_inbox())        # never raises out of the inbox

    gestegen = {u: n - voor[u] for u, n in tellingen().items()}
    assert sum(gestegen.values()) == len(rauw)                             # sent = applied + duplicate + dlq
    assert gestegen["dead-lettered"] == sum(not r.geldig for r in rauw)
    for r in rauw:
        if r.geldig:                                                       # every valid neighbour applied
            vnummer = json.loads(r.value)["vnummer"] if "ce_id" in dict(r.headers) else json.loads(
                r.value)["data"]["vnummer"]
            assert Huisvestingsdossier.create_id(app.persoon(vnummer)) in app.repository


_APP: dict[str, Huisvesting] = {}
