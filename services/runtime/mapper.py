"""Reading stored events: fields an old event lacks are taken from its aggregate's first event."""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from eventsourcing.domain import Snapshot
from eventsourcing.persistence import Mapper, StoredEvent

from services.runtime.herkomst import HERKOMST, ONBEKEND

OORSPRONG_CACHE = 10_000


class AanvullendeMapper(Mapper[uuid.UUID]):
    """A mapper that completes upcast events. Every event stored before provenance was recorded
    gets the provenance `onbekend` (grondslag, bron, actor). An event class that lists `van_oorsprong` fields
    (persoon_id, periode) carries them since its class_version 2; its upcaster leaves them None
    for events stored before, and this mapper fills them in from the aggregate's first stored
    event, which always had them. One indexed read per old aggregate, and none for new events:
    the relay publishes without loading an aggregate."""

    eerste: Callable[[uuid.UUID], Sequence[StoredEvent]] | None = None
    """Reads an aggregate's first stored event; set by the Application once its recorder exists."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._oorsprong: OrderedDict[uuid.UUID, Any] = OrderedDict()
        self._lock = threading.Lock()

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        event = super().to_domain_event(stored_event)
        if not isinstance(event, Snapshot):
            event.__dict__.setdefault(HERKOMST, ONBEKEND)  # stored before provenance was recorded
        velden = getattr(type(event), "van_oorsprong", ())
        ontbrekend = [v for v in velden if event.__dict__.get(v, "") is None]
        if ontbrekend and stored_event.originator_version > 1:
            oorsprong = self._eerste_event(stored_event.originator_id)
            for veld in ontbrekend:
                event.__dict__[veld] = getattr(oorsprong, veld)
        return event

    def _eerste_event(self, originator_id: uuid.UUID) -> Any:
        with self._lock:
            if originator_id in self._oorsprong:
                self._oorsprong.move_to_end(originator_id)
                return self._oorsprong[originator_id]
        assert self.eerste is not None, "AanvullendeMapper.eerste is not set"
        eerste = self.to_domain_event(self.eerste(originator_id)[0])
        with self._lock:
            self._oorsprong[originator_id] = eerste
            while len(self._oorsprong) > OORSPRONG_CACHE:
                self._oorsprong.popitem(last=False)
        return eerste
