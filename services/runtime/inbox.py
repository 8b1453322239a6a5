"""The inbox: consume a batch, apply it in one transaction, dead-letter the rejects, then commit."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import structlog
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage

from events.envelope import Afgewezen, Bericht, lees
from services.runtime.application import WelkomApplication
from services.runtime.bus import ConsumerTuning, naar_dlq
from services.runtime.faults import Hooks
from services.runtime.metrics import BATCH_SECONDEN, INBOX_BERICHTEN, INBOX_HERHALINGEN, INBOX_RECORDS, INBOX_VAST
from services.runtime.settings import Settings

log = structlog.get_logger(__name__)

WACHT_NA_FOUT_S = 1.0
"""How long the inbox waits before it tries a failed batch again."""


class Inbox:
    """One service's inbox on its topics. `primair` lists the topics whose invalid records this
    service dead-letters (one consumer per topic does that, the others only skip them)."""

    def __init__(
        self,
        app: WelkomApplication,
        broker: KafkaBroker,
        settings: Settings,
        primair: Sequence[str],
        tuning: ConsumerTuning = ConsumerTuning(),
    ) -> None:
        self.app = app
        self.broker = broker
        self.settings = settings
        self.primair = set(primair)
        self.tuning = tuning
        self.hooks = Hooks(settings.fault)
        self.faalt_sinds: float | None = None
        INBOX_VAST.labels(service=app.name).set(0)
        INBOX_HERHALINGEN.labels(service=app.name)  # the series exists from the start: increase() sees the first

    async def verwerk(self, records: Sequence[Any]) -> None:
        """Apply one batch of ConsumerRecords. Returns once effects and DLQ records are stored."""
        start = time.perf_counter()
        berichten: list[tuple[Any, Bericht]] = []
        afgewezen: list[tuple[Any, str]] = []
        dubbel: list[Any] = []
        elders: list[Any] = []  # rejected; the topic's primary service dead-letters them
        for record in records:
            try:
                bericht = lees(record.value, record.headers, max_bytes=self.settings.max_event_bytes)
            except Afgewezen as e:
                reden = e.reden
            except Exception as e:  # noqa: BLE001 - whatever one record does to a parser costs only that record
                reden = f"onleesbaar:{type(e).__name__}"
            else:
                if bericht.type in self.app.handlers():
                    berichten.append((record, bericht))
                continue
            if record.topic in self.primair:
                afgewezen.append((record, reden))
            else:
                elders.append(record)
        if berichten:
            self.hooks.bij("crash-before-store", service=self.app.name)
            self.hooks.bij("store-failure-once", service=self.app.name)
            per_bericht = {id(b): r for r, b in berichten}
            domeinfouten = await asyncio.to_thread(self.app.verwerk_batch, [b for _, b in berichten])
            afgewezen += [(per_bericht[id(b)], reden) for b, reden in domeinfouten]
            dubbel += [per_bericht[id(b)] for b in getattr(domeinfouten, "dubbel", ())]
            self.hooks.bij("crash-after-store", service=self.app.name)
        for record, reden in afgewezen:
            await naar_dlq(
                self.broker,
                service=self.app.name,
                topic=record.topic,
                partition=record.partition,
                offset=record.offset,
                value=record.value,
                headers=record.headers,
                reden=reden,
                settings=self.settings,
            )
        self._tel(records, afgewezen, dubbel, elders)
        BATCH_SECONDEN.labels(service=self.app.name).observe(time.perf_counter() - start)

    def _tel(self, records: Sequence[Any], afgewezen: list[tuple[Any, str]], dubbel: Sequence[Any] = (),
             elders: Sequence[Any] = ()) -> None:
        """Count every record of the batch once, so that per service and topic the records sent
        are applied + duplicate + dead-lettered: dead-lettered (by this service, or `elders` by the
        topic's primary one), duplicate (its effect was stored before, or by a copy in this batch:
        nothing changed) or applied (its effect is stored, or it needs none from this service)."""
        dlq, al_gedaan, niet_hier = {id(r) for r, _ in afgewezen}, {id(r) for r in dubbel}, {id(r) for r in elders}
        for record in records:
            uitkomst = ("dead-lettered" if id(record) in dlq or id(record) in niet_hier
                        else "duplicate" if id(record) in al_gedaan else "applied")
            INBOX_RECORDS.labels(service=self.app.name, topic=record.topic, outcome=uitkomst).inc()
            oud = "dlq" if id(record) in dlq else "dubbel" if id(record) in al_gedaan else "verwerkt"
            INBOX_BERICHTEN.labels(service=self.app.name, topic=record.topic, outcome=oud).inc()

    def registreer(self, topics: Sequence[str]) -> None:
        """Subscribe on the broker: batches, manual commit after the effect is stored."""
        subscriber = self.broker.subscriber(
            *topics,
            group_id=f"welkom-{self.app.name}",
            batch=True,
            max_records=self.settings.batch_size,
            batch_timeout_ms=self.settings.batch_timeout_ms,
            auto_offset_reset="earliest",
            session_timeout_ms=self.tuning.session_timeout_ms,
            heartbeat_interval_ms=min(1000, self.tuning.session_timeout_ms // 3),
            fetch_max_wait_ms=self.tuning.fetch_max_wait_ms,
            ack_policy=AckPolicy.MANUAL,
            max_partition_fetch_bytes=8 * 1024 * 1024,
            parser=_ongelezen,
            decoder=_rauw,
            title=f"welkom-{self.app.name}-inbox",
        )

        @subscriber
        async def inbox(body: Any, msg: KafkaMessage) -> None:
            await self.behandel(msg)

    async def behandel(self, msg: Any) -> None:
        """One delivered batch: its effect first, then the offset commit; on failure seek back."""
        rauw = msg.raw_message
        records = tuple(rauw) if isinstance(rauw, (tuple, list)) else (rauw,)
        try:
            await self.verwerk(records)
        except Exception as e:  # the store or the bus failed: nothing is committed, retry
            nu = time.monotonic()
            self.faalt_sinds = self.faalt_sinds or nu
            INBOX_HERHALINGEN.labels(service=self.app.name).inc()
            INBOX_VAST.labels(service=self.app.name).set(nu - self.faalt_sinds)
            log.warning("inbox.opnieuw", service=self.app.name, oorzaak=type(e).__name__)
            await msg.nack()  # seek back: the same batch comes again
            await asyncio.sleep(WACHT_NA_FOUT_S)
            return
        await msg.ack()
        self.faalt_sinds = None
        INBOX_VAST.labels(service=self.app.name).set(0)


async def _ongelezen(records: Any, standaard: Callable[[Any], Awaitable[Any]]) -> Any:
    """FastStream's parser, shown the records without their headers: it decodes every header value
    as UTF-8, and one odd header of one record failed the whole batch before welkom saw it (its
    neighbours neither applied nor dead-lettered, and passed by the next commit). The message keeps
    the records as the broker gave them: the inbox reads each one alone, from its raw bytes."""
    enkel = not isinstance(records, (tuple, list))
    kaal = tuple(dataclasses.replace(r, headers=[]) for r in ((records,) if enkel else records))
    bericht = await standaard(kaal[0] if enkel else kaal)
    bericht.raw_message = records
    return bericht


async def _rauw(msg: Any) -> Any:
    """Leave decoding to the envelope module, so an undecodable record still reaches the DLQ."""
    return msg.body
