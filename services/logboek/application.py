"""The Logboek's own store: the records of processing no service does (audit and Logboek reads, DLQ replays), beside the services' own."""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections.abc import Iterable
from typing import Any

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import IntegrityError

from services.domain.verwerkingslog import Verwerkingslog
from services.runtime.herkomst import Herkomst

NAAM = "logboek"
POGINGEN = 5


class Logboek(Application):
    """A store of Verwerkingslog aggregates, one per person: the processing that happens outside
    the four services. The services log their own processing in their own stores, in the
    transaction of its effect; `lees.regels` reads both."""

    name = NAAM
    _schrijver = threading.Lock()
    """One writer at a time in this process: the HTTP server logs refusals for one person from
    many requests at once, and optimistic retries alone starved (a 500 under load); the retries
    stay for another process (a CLI command) logging at the same moment."""

    def leg_vast(self, personen: Iterable[uuid.UUID], herkomst: Herkomst, *, status: str = "ok",
                 activiteit: str | None = None) -> None:
        """Record one processing for each person, in one transaction (retried when another
        process logged for the same person at the same moment)."""
        record = herkomst.record(NAAM, status, activiteit=activiteit)
        personen = list(dict.fromkeys(personen))
        with self._schrijver:
            self._leg_vast(personen, record)

    def _leg_vast(self, personen: list[uuid.UUID], record: dict[str, Any]) -> None:
        for poging in range(POGINGEN):
            if poging:
                time.sleep(random.uniform(0, 0.02 * 2**poging))
            logs = []
            for persoon in personen:
                try:
                    log = self.repository.get(Verwerkingslog.create_id(persoon, NAAM))
                except AggregateNotFoundError:
                    log = Verwerkingslog(persoon, NAAM)
                log.verwerkt(**record)
                logs.append(log)
            try:
                self.save(*logs)
                return
            except IntegrityError:
                continue
        raise RuntimeError("logboek: kept conflicting with concurrent records")
