"""The base of every service's Application: one transaction per batch, dedupe, and term bookkeeping."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import random
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, ClassVar, TypeVar

import psycopg
import structlog
from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import (
    IntegrityError,
    JSONTranscoder,
    InterfaceError,
    Mapper,
    OperationalError,
    ProcessRecorder,
)

from events.envelope import Bericht
from services.domain import Domeinfout
from services.domain.identity import persoon_id
from services.domain.ontvangst import Ontvangst
from services.domain.termijnkalender import Termijnkalender
from services.runtime.herkomst import WELKOM, Herkomst
from services.runtime.mapper import AanvullendeMapper
from services.runtime.metrics import ANDERE_GEMEENTE
from services.runtime.persistence import DateAsISO
from services.runtime.werkeenheid import Batchuitkomst, Handler, Invoer, Werkeenheid

__all__ = ["AlVerwerkt", "Conflict", "Handler", "Invoer", "WelkomApplication", "Werkeenheid"]

log = structlog.get_logger(__name__)
T = TypeVar("T")

INFRASTRUCTURE_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    sqlite3.OperationalError,
    psycopg.OperationalError,
    ConnectionError,
    TimeoutError,
)
"""Errors of the database itself: the input is fine, so retry it instead of rejecting it."""

MAX_POGINGEN = 5


class AlVerwerkt(Exception):
    """The input with this idempotency key has had its effect already. `antwoord` is the answer
    recorded with it (None when none was: an old receipt, or a command run without one)."""

    def __init__(self, sleutel: str, antwoord: dict[str, Any] | None = None) -> None:
        super().__init__(sleutel)
        self.antwoord = antwoord


class Conflict(Exception):
    """Concurrent changes kept winning; the command was not applied."""


class WelkomApplication(Application):
    """A service's Application. Subclasses set `name` and map event types to handlers."""

    name: ClassVar[str]
    snapshotting_intervals: ClassVar[dict[type[Aggregate], int]] = {Termijnkalender: 100}

    def __init__(
        self,
        env: Mapping[str, str] | None = None,
        *,
        pseudoniem_sleutel: str,
        gemeentecode: str = "0268",
    ) -> None:
        super().__init__(env)
        self._pseudoniem_sleutel = pseudoniem_sleutel
        self.gemeentecode = gemeentecode
        self._bekend: set[uuid.UUID] | None = None
        self._bekend_lock = threading.Lock()
        self._handlers: dict[str, Handler] | None = None

    def _bekende_ids(self) -> set[uuid.UUID]:
        """The ids of every aggregate in this store, read once from the notification log.

        A service is the only writer of its store, so this set stays complete by adding what it
        saves; a new person then costs no query to find out they are new.
        """
        with self._bekend_lock:
            if self._bekend is None:
                bekend: set[uuid.UUID] = set()
                start = 1
                while notifications := self.recorder.select_notifications(start, 10_000):
                    bekend.update(n.originator_id for n in notifications)  # type: ignore[misc]
                    start = notifications[-1].id + 1
                self._bekend = bekend
            return self._bekend

    def zoek(self, aggregate_id: uuid.UUID) -> Any | None:
        """An aggregate from the repository, or None when the store does not hold it."""
        if aggregate_id not in self._bekende_ids():
            return None
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None

    def opgeslagen(self, aggregate_ids: Iterable[uuid.UUID]) -> None:
        """After a save, or a failed one (then they may have been saved by someone else)."""
        bekend = self._bekende_ids()
        with self._bekend_lock:
            bekend.update(aggregate_ids)

    def niet_voor_ons(self, bericht: Bericht, gemeentecode: str | None) -> bool:
        """An input about another gemeente (None: about ours): not for us, not an error; counted."""
        if gemeentecode is None or gemeentecode == self.gemeentecode:
            return False
        ANDERE_GEMEENTE.labels(service=self.name, type=bericht.type).inc()
        return True

    def persoon(self, vnummer: str) -> uuid.UUID:
        """The pseudonymous persoon_id of a vnummer; the vnummer itself is never stored."""
        return persoon_id(vnummer, self._pseudoniem_sleutel)

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())

    def construct_recorder(self) -> ProcessRecorder:
        return self.factory.process_recorder()

    def construct_mapper(self) -> Mapper[uuid.UUID]:
        mapper = self.factory.mapper(transcoder=self.construct_transcoder(), mapper_class=AanvullendeMapper)
        mapper.eerste = lambda originator_id: self.recorder.select_events(originator_id, lte=1)  # type: ignore[attr-defined]
        return mapper

    @property
    def process_recorder(self) -> ProcessRecorder:
        assert isinstance(self.recorder, ProcessRecorder)
        return self.recorder

    def invoer(self) -> Sequence[Invoer]:
        """The inbound event types this service acts on: each with its topic and handler."""
        raise NotImplementedError

    def handlers(self) -> Mapping[str, Handler]:
        """Handler per inbound event type (from `invoer`)."""
        if self._handlers is None:
            self._handlers = {i.type: i.handler for i in self.invoer()}
        return self._handlers

    def topics(self) -> tuple[str, ...]:
        """The topics this service subscribes to: derived from `invoer`, so none is forgotten."""
        return tuple(dict.fromkeys(i.topic for i in self.invoer()))

    # -- inbound messages -------------------------------------------------------------------

    def verwerk_batch(self, berichten: Sequence[Bericht]) -> Batchuitkomst:
        """Apply a batch in one transaction; if that fails, each input alone.

        Returns the inputs rejected by a domain rule, with their reason, for the DLQ (a list), and
        in its `dubbel` the inputs that had their effect already: copies within the batch, and
        inputs stored before (a redelivery).
        """
        uniek: list[Bericht] = []
        kopieen: list[Bericht] = []
        gezien: set[str] = set()
        for bericht in berichten:
            (kopieen if bericht.dedupe_key in gezien else uniek).append(bericht)
            gezien.add(bericht.dedupe_key)
        try:
            uow = Werkeenheid(self)
            for bericht in uniek:
                self._pas_toe(uow, bericht)
            uow.bij_kalender()
            uow.commit()
            return Batchuitkomst(dubbel=kopieen)
        except INFRASTRUCTURE_ERRORS:
            raise
        except Exception as e:  # a duplicate, a domain rule or a conflict: take them one by one
            log.info("batch.los_verwerken", service=self.name, oorzaak=type(e).__name__)
        uitkomst = Batchuitkomst(dubbel=kopieen)
        for bericht in uniek:
            if self.is_verwerkt(bericht.dedupe_key):  # stored before: a redelivery
                uitkomst.dubbel.append(bericht)
                continue
            reden = self._verwerk_los(bericht)
            if reden is not None:
                uitkomst.append((bericht, reden))
        return uitkomst

    def _verwerk_los(self, bericht: Bericht) -> str | None:
        for poging in range(MAX_POGINGEN):
            if poging:
                time.sleep(random.uniform(0, 0.02 * 2**poging))  # back off from a busy aggregate
            if self.is_verwerkt(bericht.dedupe_key):
                return None
            uow = Werkeenheid(self)
            try:
                self._pas_toe(uow, bericht)
                uow.bij_kalender()
            except Domeinfout as e:
                return e.reden
            except INFRASTRUCTURE_ERRORS:
                raise
            except Exception as e:
                log.exception("bericht.verwerkingsfout", service=self.name, type=bericht.type)
                return f"verwerkingsfout:{type(e).__name__}"
            try:
                uow.commit()
                return None
            except IntegrityError:
                continue  # a concurrent command changed an aggregate: apply again on the new version
        raise Conflict(f"{self.name}: input kept conflicting with concurrent changes")

    def _pas_toe(self, uow: Werkeenheid, bericht: Bericht) -> None:
        herkomst = Herkomst.van_bericht(bericht.source, bericht.id, bericht.type, bericht.traceparent)
        uow.add(Ontvangst(sleutel=bericht.dedupe_key, type=bericht.type, kanaal="kafka"))
        handler = self.handlers().get(bericht.type)
        if handler is not None:
            handler(uow, bericht)
        uow.merk(herkomst)

    def is_verwerkt(self, sleutel: str) -> bool:
        return Ontvangst.create_id(sleutel) in self.repository

    # -- commands ---------------------------------------------------------------------------

    def voer_uit(
        self,
        actie: Callable[[Werkeenheid], T],
        sleutel: str | None = None,
        *,
        verzoek: str | None = None,
        antwoord: Callable[[T], dict[str, Any]] | None = None,
        herkomst: Herkomst | None = None,
    ) -> T:
        """Run a command in one transaction: once per idempotency key, retried on conflicts.

        With a key and a `verzoek` (the request as canonical text: method, URL, body), the key's
        Ontvangst records the request's fingerprint (an HMAC with the pseudonym secret: the text
        may hold a V-nummer and is never stored) and `antwoord(result)`. The key again raises
        AlVerwerkt with that answer for the same request, SleutelHergebruiktFout for another one;
        both before anything is recorded. `herkomst` (who gave the command, its key and trace) marks
        every event it stores and is logged for each person they concern.
        """
        herkomst = herkomst or Herkomst.intern(self.name, "opdracht")
        vingerafdruk = None
        if sleutel is not None and verzoek is not None:
            vingerafdruk = hmac.new(self._pseudoniem_sleutel.encode(), verzoek.encode(), hashlib.sha256).hexdigest()
        for poging in range(MAX_POGINGEN):
            if poging:
                time.sleep(random.uniform(0, 0.02 * 2**poging))
            if sleutel is not None and self.is_verwerkt(sleutel):
                eerder: Ontvangst = self.repository.get(Ontvangst.create_id(sleutel))
                raise AlVerwerkt(sleutel, eerder.herhaal(vingerafdruk))
            uow = Werkeenheid(self)
            ontvangst = None
            if sleutel is not None:
                ontvangst = uow.add(Ontvangst(sleutel=sleutel, type="command", kanaal="http"))
            resultaat = actie(uow)
            uow.merk(herkomst)
            if ontvangst is not None and vingerafdruk is not None:
                ontvangst.beantwoord(vingerafdruk, antwoord(resultaat) if antwoord else None)
            uow.bij_kalender()
            try:
                uow.commit(herkomst)
                return resultaat
            except IntegrityError:
                continue
        raise Conflict(f"{self.name}: command kept conflicting with concurrent changes")

    # -- time -------------------------------------------------------------------------------

    def verloop_tijd(self, op: dt.date, door: str | None = None) -> int:
        """Record every term of this service whose last day lies before `op` as expired; `door`
        is who advanced the clock (the token's subject), else the clock itself."""

        def actie(uow: Werkeenheid) -> int:
            kalender = uow.kalender()
            verlopen = kalender.verlopen(op)
            for aggregate_id, soort, verloopt_op in verlopen:
                aggregate = uow.get(aggregate_id)
                if aggregate is None:
                    kalender.afgesloten(aggregate_id=aggregate_id, soort=soort)
                else:
                    aggregate.verstrijk_termijn(soort, verloopt_op)
            return len(verlopen)

        klok = f"{WELKOM}klok"
        return self.voer_uit(actie, herkomst=Herkomst(bron=f"{klok} {op.isoformat()}", actor=door or klok,
                                                       naam="termijnen-verlopen"))
