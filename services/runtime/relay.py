"""The relay (transactional outbox): publish every stored domain event to gemeente.<service>."""

from __future__ import annotations

import asyncio
from types import ModuleType
from typing import Any

import structlog
from eventsourcing.persistence import Notification, Tracking
from faststream.kafka import KafkaBroker

from events import envelope, topics
from events.registry import soort
from services.runtime.application import WelkomApplication
from services.domain.identity import afgeleid_id
from services.runtime.metrics import RELAY_ACHTERSTAND, RELAY_GEPUBLICEERD

log = structlog.get_logger(__name__)


def bus_events(
    app: WelkomApplication, translation: ModuleType, notifications: list[Notification]
) -> list[tuple[str, Any]]:
    """Translate stored notifications into (topic, CloudEvent) pairs, in notification order.

    The CloudEvent id derives from the stored event, so a re-publish carries the same id and
    consumers deduplicate it.
    """
    uit = []
    for notification in notifications:
        event = app.mapper.to_domain_event(notification)
        for index, (type_, subject, data) in enumerate(translation.vertaal(event)):
            registratie = soort(type_)
            assert registratie is not None, type_
            cloudevent = envelope.maak(
                registratie,
                service=app.name,
                id=afgeleid_id("cloudevent", app.name, event.originator_id, event.originator_version, index),
                subject=subject,
                data=data,
                time=event.timestamp,
                sequence=notification.id,
            )
            uit.append((registratie.topic, cloudevent))
    return uit


class Relay:
    """Reads the service's notification log from its last position and publishes in order.

    The position is recorded only after the broker acknowledged every record (acks=all), so a
    crash in between publishes those events again (at least once, same ids), never loses one.
    """

    def __init__(
        self, app: WelkomApplication, translation: ModuleType, broker: KafkaBroker, *,
        interval_s: float = 0.05, batch: int = 500,
    ) -> None:
        self.app = app
        self.translation = translation
        self.broker = broker
        self.interval_s = interval_s
        self.batch = batch
        self.naam = f"relay:{topics.gemeente(app.name)}"

    def positie(self) -> int:
        return self.app.process_recorder.max_tracking_id(self.naam) or 0

    async def stap(self) -> int:
        """Publish the next batch of stored events; the number of notifications handled."""
        recorder = self.app.process_recorder
        positie = await asyncio.to_thread(self.positie)
        notifications = await asyncio.to_thread(recorder.select_notifications, positie + 1, self.batch)
        if not notifications:
            RELAY_ACHTERSTAND.labels(service=self.app.name).set(0)
            return 0
        uit = await asyncio.to_thread(bus_events, self.app, self.translation, list(notifications))
        bevestigingen = []
        for topic, cloudevent in uit:
            bericht = envelope.naar_binary(cloudevent)
            kop = {k: v.decode() for k, v in bericht.headers.items()}
            bevestigingen.append(
                await self.broker.publish(
                    bericht.value, topic=topic, key=bericht.key, headers=kop, no_confirm=True
                )
            )
            RELAY_GEPUBLICEERD.labels(service=self.app.name, type=cloudevent["type"]).inc()
        await asyncio.gather(*bevestigingen)
        laatste = notifications[-1].id
        await asyncio.to_thread(recorder.insert_events, [], tracking=Tracking(self.naam, laatste))
        hoogste = await asyncio.to_thread(recorder.max_notification_id) or laatste
        RELAY_ACHTERSTAND.labels(service=self.app.name).set(hoogste - laatste)
        return len(notifications)

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                if await self.stap() < self.batch:
                    await _slaap(stop, self.interval_s)
            except Exception as e:  # broker or store unavailable: try again, nothing is lost
                log.warning("relay.opnieuw", service=self.app.name, oorzaak=type(e).__name__)
                await _slaap(stop, 1.0)


async def _slaap(stop: asyncio.Event, seconden: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), timeout=seconden)
    except TimeoutError:
        pass
