"""Re-publish a service's stored events from a notification position, as the relay published them (same ids)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from faststream.kafka import KafkaBroker

from services.runtime.application import WelkomApplication
from services.runtime.relay import bus_events, publiceer_binary

BATCH = 500


@dataclass
class Voortgang:
    """How far one service's re-publish is: stored events read, CloudEvents published, time taken."""

    service: str
    vanaf: int
    tot: int
    """The last notification position stored when the re-publish began: later events are the relay's."""
    gelezen: int = 0
    gepubliceerd: int = 0
    seconden: float = 0.0
    klaar: bool = False

    @property
    def te_lezen(self) -> int:
        """Stored events between vanaf and tot (an upper bound: positions may have gaps)."""
        return max(0, self.tot - self.vanaf + 1)

    @property
    def per_seconde(self) -> float:
        return self.gelezen / self.seconden if self.seconden > 0 else 0.0


async def herpubliceer(
    app: WelkomApplication,
    translation: ModuleType,
    broker: KafkaBroker,
    *,
    vanaf: int,
    batch: int = BATCH,
    meld: Callable[[Voortgang], None] | None = None,
) -> Voortgang:
    """Publish the stored events from position `vanaf` (inclusive) up to the last one stored now.

    The records are built by the relay's own `bus_events` (ids derived from the stored event), so
    consumers deduplicate them. The relay's tracked position is neither read nor moved: this writes
    nothing to the store. `meld` is called after every batch the broker acknowledged, and once at
    the end (then `klaar` is set).
    """
    if vanaf < 1:
        raise ValueError("the position must be 1 or more")
    recorder = app.process_recorder
    tot = await asyncio.to_thread(recorder.max_notification_id) or 0
    voortgang = Voortgang(service=app.name, vanaf=vanaf, tot=tot)
    begin = time.monotonic()
    positie = vanaf
    while positie <= tot:
        notifications = list(await asyncio.to_thread(recorder.select_notifications, positie, batch, tot))
        if not notifications:
            break
        uit = await asyncio.to_thread(bus_events, app, translation, notifications)
        bevestigingen = [await publiceer_binary(broker, topic, cloudevent) for topic, cloudevent in uit]
        await asyncio.gather(*bevestigingen)  # every record acknowledged before it counts
        positie = notifications[-1].id + 1
        voortgang.gelezen += len(notifications)
        voortgang.gepubliceerd += len(uit)
        voortgang.seconden = time.monotonic() - begin
        if meld is not None:
            meld(voortgang)
    voortgang.seconden = time.monotonic() - begin
    voortgang.klaar = True
    if meld is not None:
        meld(voortgang)
    return voortgang
