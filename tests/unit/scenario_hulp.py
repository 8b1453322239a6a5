"""The demo scenario played as `welkom demo` plays it, without the bus: the four in-memory services, and the demo's staff acting through the HTTP API."""

from __future__ import annotations

import asyncio
import datetime as dt
from functools import cache
from typing import Any

import httpx
from toegang_hulp import AUDIENCE, GEMEENTE, UITGEVER, toegang

from events.envelope import uit_json, valideer
from services.catalogus import alle
from services.demo.opvangwerk import werk
from services.demo.personeel import Personeel
from services.demo.runner import DEMO_RATE_LIMIT
from services.demo.scenario import genereer, perioden
from services.entrypoints.http import maak_app
from services.logboek.application import Logboek
from services.rapportage.projectie import herbouw
from services.runtime.relay import bus_events
from services.runtime.settings import Settings
from services.toegang.ontwikkel import Tokenvoorraad

ENV = {"PERSISTENCE_MODULE": "eventsourcing.popo"}
SEED = 2024
GESPEELD = dt.date(2024, 10, 1)


class SimpeleStack:
    """The part of a running stack the HTTP API needs, on in-memory services: Nijmegen's, trusting the
    tests' development issuer, with a rate limit a replay stays within."""

    def __init__(self, apps: dict[str, Any]) -> None:
        self.apps, self.ready, self.projectie = apps, asyncio.Event(), None
        self.settings = Settings(gemeentecode=GEMEENTE)
        self.toegang = toegang(DEMO_RATE_LIMIT)  # as `welkom demo`: two years of staff work in seconds
        self.logboek = Logboek(env=ENV)

    async def verloop_tijd(self, op: dt.date, door: str | None = None) -> dict[str, int]:
        return {naam: app.verloop_tijd(op) for naam, app in self.apps.items()}


class Http:
    """The HTTP API as the demo's staff use it (a synchronous `post`), served in this thread: no
    thread per request as TestClient has, so thousands of commands stay quick."""

    def __init__(self, stack: SimpeleStack) -> None:
        self.lus = asyncio.new_event_loop()
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=maak_app(stack)), base_url="http://welkom.test")

    def post(self, url: str, *, json: Any, headers: dict[str, str]) -> httpx.Response:
        return self.lus.run_until_complete(self.client.post(url, json=json, headers=headers))

    def sluit(self) -> None:
        self.lus.run_until_complete(self.client.aclose())
        self.lus.close()


@cache
def scenario(huishoudens: int = 150, seed: int = SEED) -> tuple[dict[str, Any], ...]:
    return tuple(genereer(huishoudens, seed))


def van(soort: str, events: tuple[dict[str, Any], ...] | None = None) -> list[dict[str, Any]]:
    return [e["data"] for e in (events or scenario()) if e["type"] == soort]


def speel(events: tuple[dict[str, Any], ...], seed: int = SEED) -> tuple[dict[str, Any], Personeel, list]:
    """What `welkom demo` does, without the bus: each month's inputs to every service, then the
    staff's commands up to the month's last day until they have nothing left to do, then the clock."""
    services = alle()
    apps = {s.name: s.application(env=ENV, pseudoniem_sleutel="test") for s in services}
    vertalingen = {s.name: s.translation for s in services}
    gelezen = dict.fromkeys(apps, 0)
    personen = {apps["huisvesting"].persoon(e["data"]["vnummer"]): e["data"]["vnummer"]
                for e in events if "vnummer" in e["data"]}
    personeel = Personeel(seed, personen)
    personeel.plan(werk(events, seed))  # opvang's staff: the gemeente's locations and the ontheemden
    tokens = Tokenvoorraad(UITGEVER.issuer, AUDIENCE, [GEMEENTE])  # each with a token of their role, as in the demo
    afgewezen: list = []

    def uitgaand() -> None:
        for naam, app in apps.items():
            notificaties = app.recorder.select_notifications(gelezen[naam] + 1, 100_000)
            if not notificaties:
                continue
            gelezen[naam] = notificaties[-1].id
            for _, ce in bus_events(app, vertalingen[naam], list(notificaties)):
                bericht = valideer(ce)
                personeel.reageer(bericht)
                if bericht.type in apps["opvang"].handlers():
                    afgewezen.extend(apps["opvang"].verwerk_batch([bericht]))

    http = Http(SimpeleStack(apps))  # staff act through the HTTP API, as in the demo
    for tot, stap in perioden(list(events)):
        berichten = [valideer(uit_json(e)) for e in stap]
        for app in apps.values():
            afgewezen.extend(app.verwerk_batch([b for b in berichten if b.type in app.handlers()]))
        uitgaand()
        while personeel.werk_af(http, tot, tokens.kop):
            uitgaand()
        for app in apps.values():
            app.verloop_tijd(tot + dt.timedelta(days=1))
        uitgaand()
    http.sluit()
    return apps, personeel, afgewezen


@cache
def gespeeld() -> tuple[dict[str, Any], Personeel, list]:
    return speel(scenario())


@cache
def projectie(service: str) -> Any:
    """One service's views of the played scenario, rebuilt from its store."""
    return herbouw({service: gespeeld()[0][service]})


def rapport(peildatum: dt.date, service: str = "opvang") -> dict[str, Any]:
    """One service's report on the played scenario."""
    return projectie(service).rapport(peildatum)[service]
