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
from services.runtime.bus import weigering
from services.domain.identity import afgeleid_id
from services.runtime.faults import Hooks
from services.runtime.metrics import RELAY_ACHTERSTAND, RELAY_FOUTEN, RELAY_GEPUBLICEERD
from services.runtime.settings import Settings

log = structlog.get_logger(__name__)

WACHT_NA_FOUT_S = 1.0
METEN_ELKE_S = 1.0
"""How often the lag gauge is read from the store."""


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
                traceparent=getattr(event, "herkomst", {}).get("traceparent"),
            )
            uit.append((registratie.topic, cloudevent))
    return uit


async def publiceer_binary(broker: KafkaBroker, topic: str, cloudevent: Any) -> Any:
    """One CloudEvent as the relay publishes it: Kafka binary mode, keyed by the aggregate its type
    concerns (a person's: the subject; `envelope.naar_binary`), acks=all; returns the acknowledgement to await."""
    bericht = envelope.naar_binary(cloudevent)
    kop = {k: v.decode() for k, v in bericht.headers.items()}
    return await broker.publish(bericht.value, topic=topic, key=bericht.key, headers=kop, no_confirm=True)


def relay_naam(service: str) -> str:
    """The name under which a service's relay tracks its position in the store."""
    return f"relay:{topics.gemeente(service)}"


class Relay:
    """Reads the service's notification log from its last position and publishes in order.

    The position is recorded only after the broker acknowledged every record (acks=all), so a
    crash in between publishes those events again (at least once, same ids), never loses one.
    """

    def __init__(
        self, app: WelkomApplication, translation: ModuleType, broker: KafkaBroker, *,
        interval_s: float = 0.05, batch: int = 500, hooks: Hooks | None = None, settings: Settings | None = None,
        principal: str | None = None,
    ) -> None:
        self.app = app
        self.translation = translation
        self.broker = broker
        self.interval_s = interval_s
        self.batch = batch
        self.hooks = hooks or Hooks(None)
        self.naam = relay_naam(app.name)
        self.settings = settings
        self.principal = principal or app.name
        """The broker's principal (the service's own), named when the broker refuses it."""
        self._geweigerd: str | None = None
        RELAY_FOUTEN.labels(service=app.name)  # the series exists from the start: increase() sees the first
        self.stand: tuple[int, int] | None = None
        """(position, backlog) as last measured by `meet`; None before the first measurement."""

    def positie(self) -> int:
        return self.app.process_recorder.max_tracking_id(self.naam) or 0

    def _stand(self) -> tuple[int, int]:
        """The position and the stored events the broker has not acknowledged: read from the
        store alone, so the backlog also counts while the broker is down."""
        positie = self.positie()
        return positie, max(0, (self.app.process_recorder.max_notification_id() or 0) - positie)

    async def meet(self) -> None:
        """Read position and backlog from the store; the gauge and `stand` (the health watcher's) follow."""
        self.stand = await asyncio.to_thread(self._stand)
        RELAY_ACHTERSTAND.labels(service=self.app.name).set(self.stand[1])

    async def stap(self) -> int:
        """Publish the next batch of stored events; the number of notifications handled."""
        recorder = self.app.process_recorder
        positie = await asyncio.to_thread(self.positie)
        notifications = await asyncio.to_thread(recorder.select_notifications, positie + 1, self.batch)
        if not notifications:
            return 0
        uit = await asyncio.to_thread(bus_events, self.app, self.translation, list(notifications))
        bevestigingen = [await publiceer_binary(self.broker, topic, cloudevent) for topic, cloudevent in uit]
        await asyncio.gather(*bevestigingen)  # every record acknowledged (acks=all) ...
        for _, cloudevent in uit:
            RELAY_GEPUBLICEERD.labels(service=self.app.name, type=cloudevent["type"]).inc()
        if uit:
            self.hooks.bij("relay-crash-after-publish", service=self.app.name)
        laatste = notifications[-1].id  # ... before the position moves past them
        await asyncio.to_thread(recorder.insert_events, [], tracking=Tracking(self.naam, laatste))
        if uit:
            self.hooks.bij("relay-crash-after-record", service=self.app.name)
        return len(notifications)

    async def run(self, stop: asyncio.Event) -> None:
        meter = asyncio.create_task(self._meet_steeds(stop))
        try:
            while not stop.is_set():
                try:
                    pauze = self.interval_s if await self.stap() < self.batch else 0.0
                except Exception as e:  # broker or store unavailable: try again, nothing is lost
                    RELAY_FOUTEN.labels(service=self.app.name).inc()
                    self._meld(e)
                    pauze = WACHT_NA_FOUT_S
                if pauze:
                    await _slaap(stop, pauze)
        finally:
            meter.cancel()

    def _meld(self, e: Exception) -> None:
        """A refusal by the broker once as an error line that says what to fix (it will not pass by
        itself; the relay keeps trying, so the fix takes effect without a restart); other faults
        as a warning per retry."""
        regel = weigering(e, self.settings, self.principal) if self.settings is not None else None
        if regel is None:
            self._geweigerd = None
            log.warning("relay.opnieuw", service=self.app.name, oorzaak=type(e).__name__)
        elif self._geweigerd != regel:
            self._geweigerd = regel
            log.error("relay.geweigerd", service=self.app.name, topic=topics.gemeente(self.app.name), uitleg=regel)

    async def _meet_steeds(self, stop: asyncio.Event) -> None:
        """The lag gauge, on its own: a publish that waits for a broker that is down blocks
        the relay's round, not the measurement."""
        while not stop.is_set():
            try:
                await self.meet()
            except Exception as e:  # the store is down too: the gauge keeps its last value
                log.warning("relay.meting_mislukt", service=self.app.name, oorzaak=type(e).__name__)
            await _slaap(stop, METEN_ELKE_S)


async def _slaap(stop: asyncio.Event, seconden: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), timeout=seconden)
    except TimeoutError:
        pass
