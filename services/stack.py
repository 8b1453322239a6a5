"""The composition root: broker (local or real), services, relays, clock, projections and HTTP in one process."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import time
from pathlib import Path
from typing import Any

import structlog
import uvicorn
from faststream.kafka import KafkaBroker

from services import catalogus
from services.entrypoints.http import maak_app
from services.logboek.application import NAAM as LOGBOEK, Logboek
from services.toegang.toegang import Toegang, toegang_van
from services.rapportage.projectie import Projectie
from services.runtime.achterstand import Achterstandsmeter
from services.runtime.application import WelkomApplication
from services.runtime.bus import consumer_tuning, maak_broker, zorg_voor_topics
from services.runtime.faults import Hooks
from services.runtime.geheimen import vereis_geheimen
from services.runtime.gezondheid import Gezondheid
from services.runtime.inbox import Inbox
from services.runtime.localbroker import LokaleBroker
from services.runtime.metrics import KLOK_VERLOPEN
from services.runtime.persistence import application_env, vereis_persistentie
from services.runtime.rechten import maak_data_dir, maak_prive
from services.runtime.relay import Relay
from services.runtime.settings import Settings

log = structlog.get_logger(__name__)
STACK_FILE = "stack.json"
BROKER_FILE = "broker.json"


def open_apps(settings: Settings, namen: list[str] | None = None) -> dict[str, WelkomApplication]:
    """The Applications of the services (all four by default), on the configured stores."""
    apps = {}
    for service in catalogus.alle():
        if namen is None or service.name in namen:
            env = application_env(settings, service.name)
            vereis_persistentie(env)
            apps[service.name] = service.application(
                env=env,
                pseudoniem_sleutel=settings.pseudonym_secret.get_secret_value(),
                gemeentecode=settings.gemeentecode,
                **service.opties(settings),
            )
    return apps


def open_logboek(settings: Settings) -> Logboek:
    """The Logboek's own store (audit and Logboek reads, DLQ replays), beside the services' stores."""
    env = application_env(settings, LOGBOEK)
    for naam in ("AGGREGATE_CACHE_MAXSIZE", "AGGREGATE_CACHE_FASTFORWARD"):
        env.pop(naam)  # not one writer: the stack and CLI commands (audit, logboek, dlq) all log here
    if "POSTGRES_POOL_SIZE" in env:  # a read now and then: two connections, not a service's eight
        env.update({"POSTGRES_POOL_SIZE": "1", "POSTGRES_MAX_OVERFLOW": "1"})
    vereis_persistentie(env)
    return Logboek(env=env)


def primaire_topics(apps: dict[str, WelkomApplication]) -> dict[str, list[str]]:
    """Per service the topics whose invalid records it dead-letters: the first consumer of each."""
    primair: dict[str, list[str]] = {}
    gezien: set[str] = set()
    for service in catalogus.alle():
        if service.name not in apps:
            continue
        for topic in apps[service.name].topics():
            if topic not in gezien:
                gezien.add(topic)
                primair.setdefault(service.name, []).append(topic)
    return primair


class Stack:
    """Starts everything in order and stops it in reverse; `ready` is set once all parts are up."""

    def __init__(self, settings: Settings, *, services: list[str] | None = None, http: bool = True):
        self.settings = settings
        self.namen = services
        self.met_http = http
        self.ready = asyncio.Event()
        self.stop = asyncio.Event()
        self.lokale_broker: LokaleBroker | None = None
        self.apps: dict[str, WelkomApplication] = {}
        self.projectie: Projectie | None = None
        self.logboek: Logboek | None = None
        """The Logboek's own store: audit and Logboek reads over HTTP are logged there."""
        self.bij_bij_start = 0
        self.relays: dict[str, Relay] = {}
        self.brokers: dict[str, KafkaBroker] = {}
        self.gezondheid = Gezondheid()
        self.toegang: Toegang
        """Who may use the HTTP API: set on start (the development issuer's key is made then)."""
        self._taken: list[asyncio.Task[Any]] = []
        self._server: uvicorn.Server | None = None
        self.bootstrap_servers = settings.kafka_bootstrap_servers or ""

    async def __aenter__(self) -> Stack:
        try:
            return await self._start()
        except BaseException:  # e.g. the broker refused a principal: close what had started, then say so
            await self.__aexit__(None, None, None)
            await _sluit_consumers(self.brokers.values())
            raise

    async def _start(self) -> Stack:
        s = self.settings
        vereis_geheimen(s)
        maak_data_dir(s.data_dir)
        self.toegang = await asyncio.to_thread(toegang_van, s)
        if not s.kafka_bootstrap_servers:
            self.lokale_broker = await asyncio.to_thread(self._lokale_broker)
            self.bootstrap_servers = self.lokale_broker.bootstrap_servers
        lokaal = self.lokale_broker is not None
        eerste = next(x.name for x in catalogus.alle() if self.namen is None or x.name in self.namen)
        await zorg_voor_topics(s, self.bootstrap_servers, lokaal=lokaal, principal=eerste)
        self.apps = await asyncio.to_thread(open_apps, s, self.namen)
        self.logboek = await asyncio.to_thread(open_logboek, s)
        self.tuning = consumer_tuning(s, lokaal=lokaal)
        primair = primaire_topics(self.apps)
        for service in catalogus.alle():
            if service.name in self.apps:
                broker = maak_broker(s, self.bootstrap_servers, lokaal=lokaal, principal=service.name)
                self.brokers[service.name] = broker
                inbox = Inbox(
                    self.apps[service.name], broker, s, primair.get(service.name, []),
                    tuning=self.tuning,
                )
                inbox.registreer(self.apps[service.name].topics())
                self.relays[service.name] = Relay(
                    self.apps[service.name], service.translation, broker,
                    interval_s=s.relay_interval_ms / 1000, hooks=Hooks(s.fault), settings=s,
                )
        await asyncio.gather(*(b.start() for b in self.brokers.values()))
        self.projectie = Projectie(self.apps, gemeentecode=s.gemeentecode)
        self.bij_bij_start = await asyncio.to_thread(self.projectie.bij)
        """Events the views applied on start: only what was stored since they last ran."""
        await asyncio.to_thread(self.projectie.werk_metrics_bij, dt.date.today())
        for relay in self.relays.values():
            self._taken.append(asyncio.create_task(relay.run(self.stop)))
        self._taken.append(asyncio.create_task(self._projecteer()))
        self._taken.append(asyncio.create_task(self._bewaak()))
        if s.clock == "realtime":
            self._taken.append(asyncio.create_task(self._klok()))
        if self.met_http:
            await self._start_http()
        self._schrijf_stackbestand()
        self.ready.set()
        log.info("welkom.gestart", services=list(self.apps), bootstrap_servers=self.bootstrap_servers)
        return self

    def _lokale_broker(self) -> LokaleBroker:
        """The bundled broker: the one an earlier run left behind (after a crash it still holds
        what was published and not yet consumed), else a new one. Says which, in one line."""
        pad, log_file = self.settings.data_dir / BROKER_FILE, self.settings.data_dir / "broker.log"
        broker = LokaleBroker.hervind(pad, log_file=log_file)
        if broker is not None:
            log.warning("lokale_broker.hergebruikt", pid=broker.pid, bootstrap_servers=broker.bootstrap_servers,
                        uitleg="an earlier run ended without stopping it; its unconsumed input is kept")
        else:
            broker = LokaleBroker(self.settings.local_broker_port, log_file=maak_prive(log_file)).start()
        broker.bewaar(maak_prive(pad))
        return broker

    async def _start_http(self) -> None:
        config = uvicorn.Config(
            maak_app(self), host=self.settings.http_host, port=self.settings.http_port,
            log_level="warning", lifespan="off",
        )
        self._server = uvicorn.Server(config)
        self._server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
        self._taken.append(asyncio.create_task(self._server.serve()))
        while not self._server.started:
            await asyncio.sleep(0.02)

    @property
    def http_url(self) -> str:
        return f"http://{self.settings.http_host}:{self.settings.http_port}"

    def _schrijf_stackbestand(self) -> None:
        info = {"http": self.http_url, "bootstrap_servers": self.bootstrap_servers, "pid": os.getpid()}
        maak_prive(self.settings.data_dir / STACK_FILE).write_text(json.dumps(info))

    async def _projecteer(self) -> None:
        """Keep the views current (new events only); set the gauges from them every
        `gauge_interval_s`, not on every pass."""
        assert self.projectie is not None
        gemeten = time.monotonic()
        while not self.stop.is_set():
            try:
                await asyncio.to_thread(self.projectie.bij)
                if time.monotonic() - gemeten >= self.settings.gauge_interval_s:
                    gemeten = time.monotonic()
                    await asyncio.to_thread(self.projectie.werk_metrics_bij, dt.date.today())
            except Exception as e:
                log.warning("projectie.opnieuw", oorzaak=type(e).__name__)
            try:
                await asyncio.wait_for(self.stop.wait(), timeout=0.5)
            except TimeoutError:
                pass

    async def _bewaak(self) -> None:
        """Every `lag_interval_s`: consumer lag per service and topic, and each relay's position
        and backlog, into the metrics and `self.gezondheid` (read by /health)."""
        meter = Achterstandsmeter(self.settings, self.bootstrap_servers,
                                  {naam: app.topics() for naam, app in self.apps.items()})
        try:
            await self._bewaak_met(meter)
        finally:
            await meter.sluit()

    async def _bewaak_met(self, meter: Achterstandsmeter) -> None:
        while not self.stop.is_set():
            try:
                self.gezondheid.meet_lag(await asyncio.wait_for(meter.meet(), 30))
            except Exception as e:  # the broker is down: the relay gauges still come from the stores
                self.gezondheid.broker_fout = f"broker unreachable ({type(e).__name__})"
            for naam, relay in self.relays.items():
                if relay.stand is not None:  # the relay measures itself every second: no second read
                    self.gezondheid.meet_relay(naam, *relay.stand)
            try:
                await asyncio.wait_for(self.stop.wait(), timeout=self.settings.lag_interval_s)
            except TimeoutError:
                pass

    async def verloop_tijd(self, op: dt.date, door: str | None = None) -> dict[str, int]:
        """Advance the clock of every service to `op`: record the terms that expired before it
        (`door`: the subject of the operator who advanced it, else the clock itself)."""
        uit = {}
        for naam, app in self.apps.items():
            uit[naam] = await asyncio.to_thread(app.verloop_tijd, op, door)
            KLOK_VERLOPEN.labels(service=naam).inc(uit[naam])
        return uit

    async def _klok(self) -> None:
        while not self.stop.is_set():
            try:
                await self.verloop_tijd(dt.date.today())
            except Exception as e:
                log.warning("klok.opnieuw", oorzaak=type(e).__name__)
            try:
                await asyncio.wait_for(self.stop.wait(), timeout=self.settings.clock_interval_s)
            except TimeoutError:
                pass

    async def __aexit__(self, *exc: object) -> None:
        self.stop.set()
        if self._server is not None:
            self._server.should_exit = True
        await asyncio.gather(*self._taken, return_exceptions=True)
        await asyncio.gather(*(b.stop() for b in self.brokers.values()), return_exceptions=True)
        for app in self.apps.values():
            app.close()
        if self.logboek is not None:
            self.logboek.close()
        if self.lokale_broker is not None:
            await asyncio.to_thread(self.lokale_broker.stop)
            (self.settings.data_dir / BROKER_FILE).unlink(missing_ok=True)
        if self.ready.is_set():  # a stack that failed to start leaves another's stack.json alone
            (self.settings.data_dir / STACK_FILE).unlink(missing_ok=True)
        log.info("welkom.gestopt")


async def _sluit_consumers(brokers: Any) -> None:
    """The consumers a failed `broker.start()` left open (aiokafka does not close a consumer whose
    start raised, nor does FastStream's stop): closed, so the process ends without warnings."""
    for broker in brokers:
        for subscriber in broker.subscribers:
            consumer = getattr(subscriber, "consumer", None)
            if consumer is not None:
                try:
                    await consumer.stop()
                except Exception:  # noqa: BLE001 - closing what never fully opened
                    pass


def lees_stackbestand(data_dir: Path) -> dict[str, Any] | None:
    """How to reach the running stack that uses this data dir, if one runs."""
    pad = data_dir / STACK_FILE
    return json.loads(pad.read_text()) if pad.exists() else None


__all__ = ["Stack", "open_apps", "lees_stackbestand"]
