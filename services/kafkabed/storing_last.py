"""`make kafka-storing`'s load and fault: households published as a partner does, one broker killed and restarted."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError

from events import corporaties
from events.envelope import STRUCTURED_CONTENT_TYPE
from services.bench.huishoudens import Huishouden, inbound
from services.kafkabed import principals
from services.kafkabed.broker import KafkaBed
from services.runtime.publisher import sleutel
from services.runtime.settings import Settings


def meld(tekst: str) -> None:
    print(f"kafka-storing: {tekst}", flush=True)


def partner_events(h: Huishouden, grootste: int) -> list[tuple[str, dict[str, Any]]]:
    """The bench household's inbound events, its home made to fit any household (`grootste`
    members). The bench sizes each home to its own household; a fault that reorders keten.coa
    and keten.corporaties then lets the Wachtrij rightly give a big home to a smaller household
    that waits longer, and a big household finds only small homes left: no offer, by the rule."""
    uit = inbound(h)
    for _, envelope in uit:
        if envelope["type"] == corporaties.WONING_BESCHIKBAAR_GESTELD:
            envelope["data"]["max_bewoners"] = grootste
    return uit


@dataclass
class Verloop:
    """What happened when: the kill, the restart, the producer's acknowledgements."""

    t0: float = 0.0
    gepubliceerd: int = 0
    bevestigd: int = 0
    opnieuw: int = 0
    acks: list[float] = field(default_factory=list)
    kill: float | None = None
    herstart: float | None = None
    gepubliceerd_bij_kill: int = 0
    broker: str = "3 of 3 up"


async def storing(bed: KafkaBed, node: int, uit_s: float, v: Verloop, kill: asyncio.Event) -> None:
    """When `kill` is set: kill -9 one node, leave it down `uit_s` seconds, start it again on its own data."""
    await kill.wait()
    v.kill, v.broker = time.monotonic(), f"broker {node} down"
    await asyncio.to_thread(bed.kill, node)
    meld(f"kill -9 broker {node} after {v.gepubliceerd_bij_kill} households published; "
         f"brokers still running: {sorted(bed.pids())}")
    await asyncio.sleep(uit_s)
    v.herstart, v.broker = time.monotonic(), f"broker {node} restarting"
    await asyncio.to_thread(bed.start_node, node)
    v.broker = f"broker {node} back"
    meld(f"broker {node} started again after {v.herstart - v.kill:.1f}s down; its port answered "
         f"{time.monotonic() - v.herstart:.1f}s later")


def _bevestigd(fut: asyncio.Future[Any], v: Verloop) -> None:
    if not fut.cancelled() and fut.exception() is None:
        v.bevestigd += 1
        v.acks.append(time.monotonic())


async def _verstuur(producer: AIOKafkaProducer, topic: str, envelope: dict[str, Any], settings: Settings,
                    v: Verloop) -> asyncio.Future[Any] | BaseException:
    """One structured CloudEvent keyed like `welkom publish`: its acknowledgement, or why it was not sent."""
    try:
        fut = await producer.send(topic, value=json.dumps(envelope).encode(), key=sleutel(envelope, settings),
                                  headers=[("content-type", STRUCTURED_CONTENT_TYPE.encode())])
    except KafkaError as fout:
        return fout
    fut.add_done_callback(lambda f: _bevestigd(f, v))
    return fut


async def _niet_bevestigd(lopend: list[tuple[str, dict[str, Any], Any]]) -> list[tuple[str, dict[str, Any]]]:
    mislukt = []
    for topic, envelope, fut in lopend:
        try:
            if isinstance(fut, BaseException):
                raise fut
            await fut
        except KafkaError:
            mislukt.append((topic, envelope))
    return mislukt


async def publiceer(bed: KafkaBed, huishoudens: list[Huishouden], settings: Settings, tempo: float,
                    v: Verloop, kill: asyncio.Event) -> None:
    """Every household's inbound events as a chain partner sends them (acks=all, idempotent), at
    `tempo` households/s (0: at once); sets `kill` a third of the way. What the producer gave up
    on is sent again (the same CloudEvent: welkom deduplicates it) until acknowledged."""
    producer = AIOKafkaProducer(bootstrap_servers=bed.bootstrap_servers, acks="all", enable_idempotence=True,
                                linger_ms=5, **bed.client_config(principals.KETEN))
    await producer.start()
    try:
        lopend, grootste = [], max(len(h.leden) for h in huishoudens)
        for h in huishoudens:
            if tempo:
                await asyncio.sleep(max(0.0, v.t0 + h.index / tempo - time.monotonic()))
            if h.index == len(huishoudens) // 3:
                v.gepubliceerd_bij_kill = h.index
                kill.set()
            for topic, envelope in partner_events(h, grootste):
                lopend.append((topic, envelope, await _verstuur(producer, topic, envelope, settings, v)))
            v.gepubliceerd = h.index + 1
        mislukt = await _niet_bevestigd(lopend)
        for ronde in range(1, 11):
            if not mislukt:
                return
            meld(f"sending {len(mislukt)} unacknowledged inbound events again (round {ronde})")
            v.opnieuw += len(mislukt)
            lopend = [(t, e, await _verstuur(producer, t, e, settings, v)) for t, e in mislukt]
            mislukt = await _niet_bevestigd(lopend)
        if mislukt:
            raise RuntimeError(f"{len(mislukt)} inbound events were never acknowledged")
    finally:
        await producer.stop()
