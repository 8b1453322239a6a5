"""`welkom demo`: feed the scenario month by month, and play the staff who act on what the services publish."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from typing import Any

import httpx
import structlog
import typer
from aiokafka import AIOKafkaConsumer, TopicPartition

from events import topics
from events.envelope import Afgewezen, Bericht, lees
from services.runtime.publisher import publiceer, sleutel
from services.demo.scenario import genereer, perioden
from services.demo.inburgering import regel as inburgering_regel
from services.demo.huishoudens import EINDE
from services.demo.opvangwerk import werk
from services.demo.personeel import Personeel
from services.toegang.ontwikkel import Tokenvoorraad
from services.stack import Stack
from services.runtime.bus import BEHEER, delen_van, kafka_verbinding

log = structlog.get_logger(__name__)
PEILDATA = (dt.date(2023, 12, 31), dt.date(2024, 10, 1), EINDE)
STAFTOPICS = (topics.GEMEENTE_HUISVESTING, topics.GEMEENTE_INBURGERING, topics.GEMEENTE_MZD)
GEDULD_S = 10.0
"""How long to wait for a service that makes no progress on a step (an input it dead-lettered)."""


class Volger:
    """Reads the outbound topics the staff act on, every partition, up to their end as it is when asked."""

    def __init__(self, stack: Stack) -> None:
        self.consumer = AIOKafkaConsumer(bootstrap_servers=stack.bootstrap_servers, enable_auto_commit=False,
                                         auto_offset_reset="earliest",  # as the seek: no race with "latest"
                                         fetch_max_wait_ms=stack.tuning.fetch_max_wait_ms,
                                         **kafka_verbinding(stack.settings, BEHEER))
        self.delen: list[TopicPartition] = []

    async def start(self) -> None:
        await self.consumer.start()
        self.delen = await delen_van(self.consumer, STAFTOPICS)  # every partition: one person's events share one
        self.consumer.assign(self.delen)
        await self.consumer.seek_to_beginning(*self.delen)

    async def stop(self) -> None:
        await self.consumer.stop()

    async def _achter(self, eind: dict[TopicPartition, int]) -> bool:
        for deel in self.delen:
            if await self.consumer.position(deel) < eind[deel]:
                return True
        return False

    async def lees_bij(self) -> list[Bericht]:
        """The records published since the last call. (Tansu reports as end offset the first offset
        of the last record batch plus one; a fetch returns whole batches, so this still reads all.)"""
        eind = await self.consumer.end_offsets(self.delen)
        uit: list[Bericht] = []
        while await self._achter(eind):
            for records in (await self.consumer.getmany(*self.delen, timeout_ms=200)).values():
                for record in records:
                    try:
                        uit.append(lees(record.value, record.headers))
                    except Afgewezen:
                        continue
        return uit


async def _verwerkt(stack: Stack, stap: list[dict[str, Any]]) -> None:
    """Wait until every service has stored the inputs of this step it acts on."""
    open_ = {naam: [f"{e['source']}\x1f{e['id']}" for e in stap if e["type"] in app.handlers()]
             for naam, app in stack.apps.items()}
    laatste, voortgang = time.monotonic(), sum(map(len, open_.values()))
    while any(open_.values()) and not stack.stop.is_set():
        for naam, sleutels in open_.items():
            open_[naam] = await asyncio.to_thread(lambda a, s: [k for k in s if not a.is_verwerkt(k)],
                                                  stack.apps[naam], sleutels)
        over = sum(map(len, open_.values()))
        if over < voortgang:
            laatste, voortgang = time.monotonic(), over
        elif time.monotonic() - laatste > GEDULD_S:
            log.warning("demo.niet_verwerkt", open={n: len(s) for n, s in open_.items() if s})
            return
        if over:
            await asyncio.sleep(0.02)


async def _gepubliceerd(stack: Stack) -> None:
    """Wait until each relay the staff follow has published everything its service stored."""
    while not stack.stop.is_set():
        achter = False
        for naam, relay in stack.relays.items():
            if topics.gemeente(naam) in STAFTOPICS:
                hoogste = await asyncio.to_thread(relay.app.recorder.max_notification_id) or 0
                achter = achter or await asyncio.to_thread(relay.positie) < hoogste
        if not achter:
            return
        await asyncio.sleep(0.02)


async def _personeel(stack: Stack, volger: Volger, personeel: Personeel, http: httpx.Client, tot: dt.date,
                     tokens: Tokenvoorraad) -> None:
    """Let the staff react to everything published so far, and act up to `tot` through the HTTP API,
    until they are done."""
    while not stack.stop.is_set():
        await _gepubliceerd(stack)
        for bericht in await volger.lees_bij():
            personeel.reageer(bericht)
        if not await asyncio.to_thread(personeel.werk_af, http, tot, tokens.kop):
            return


def _opvang(peildatum: dt.date, rapport: dict[str, Any]) -> str:
    o = rapport.get("opvang", {})
    taak, onth = o.get("spreidingstaakstelling") or {}, o.get("ontheemden") or {}
    plekken = onth.get("plekken") or {}
    spreiding = (f"Spreidingswet {taak.get('capaciteit_telt_mee')} van {taak['plekken']} plekken "
                 f"(nog {taak.get('nog_te_gaan')})" if taak.get("plekken") is not None
                 else "nog geen Spreidingswet-taakstelling")
    return (f"demo: peildatum {peildatum}: opvang {o.get('bewoners_in_opvang')} bewoners; {spreiding}; "
            f"ontheemden {onth.get('in_gemeentelijke_opvang')} in {plekken.get('capaciteit')} plekken "
            f"(afspraak {plekken.get('afspraak')}), {onth.get('in_particuliere_opvang')} particulier")


def _regel(peildatum: dt.date, rapport: dict[str, Any]) -> str:
    h, i = rapport.get("huisvesting", {}), rapport.get("inburgering", {})
    jaar = h.get("taakstelling_jaar") or {}
    geblokkeerd = h.get("geblokkeerd")
    delen = [f"demo: peildatum {peildatum}:"]
    if jaar:
        delen.append(f"{jaar.get('jaar')} gehuisvest {jaar.get('gerealiseerd')} van opgave {jaar.get('opgave')} "
                     f"(taakstelling {jaar.get('taakstelling')} + achterstand {jaar.get('achterstand')}),")
    else:
        delen.append(f"taakstelling {h.get('taakstelling')} gerealiseerd {h.get('gerealiseerd')},")
    delen.append(f"open dossiers {h.get('dossiers_open')} (over termijn {h.get('dossiers_over_termijn')}"
                 + (f", geblokkeerd {geblokkeerd.get('dossiers')}" if isinstance(geblokkeerd, dict) else "") + "),")
    delen.append(f"intakes {i.get('intakes_afgerond')}, wachtlijst {i.get('intake_wachtlijst')}")
    return " ".join(delen)


async def speel(stack: Stack, *, huishoudens: int, seed: int) -> None:
    """Publish the scenario a month at a time; after each month the staff act up to its last day and
    the clock records the terms that ran out. Then print the report, and go on reacting (up to the
    scenario's end) to what others publish."""
    if stack.toegang.ontwikkel is None:
        raise RuntimeError("the demo's staff sign their commands with the development issuer: unset WELKOM_OIDC_ISSUER")
    tokens = Tokenvoorraad(stack.toegang.ontwikkel, stack.settings.oidc_audience, [stack.settings.gemeentecode])
    scenario = genereer(huishoudens, seed)
    app = next(iter(stack.apps.values()))
    personen = {app.persoon(e["data"]["vnummer"]): e["data"]["vnummer"] for e in scenario if "vnummer" in e["data"]}
    personeel = Personeel(seed, personen)  # only the scenario's people: households you publish are yours
    opvangwerk = werk(scenario, seed)  # and opvang's own work: the gemeente's locations, the ontheemden
    personeel.plan(opvangwerk)
    typer.echo(f"demo: {len(scenario)} inkomende events ({huishoudens} huishoudens per jaar) maand voor maand "
               f"publiceren, met {len(opvangwerk)} opdrachten van opvang-medewerkers...", err=True)
    volger = Volger(stack)
    await volger.start()
    http = httpx.Client(base_url=stack.http_url, timeout=60)
    begin = time.perf_counter()
    try:
        for tot, stap in perioden(scenario):
            if stack.stop.is_set():
                return
            await publiceer(stack.bootstrap_servers, [(stack_topic(e), e) for e in stap], stack.settings)
            await _verwerkt(stack, stap)
            await _personeel(stack, volger, personeel, http, tot, tokens)
            await stack.verloop_tijd(tot + dt.timedelta(days=1))  # the terms that ran out this month
            if tot.month in (6, 12):
                typer.echo(f"demo: t/m {tot} ({time.perf_counter() - begin:.0f}s) personeel "
                           f"{dict(sorted(personeel.gedaan.items()))}", err=True)
        assert stack.projectie is not None
        await asyncio.to_thread(stack.projectie.bij)
        for peildatum in PEILDATA:
            rapport = stack.projectie.rapport(peildatum)
            typer.echo(_regel(peildatum, rapport), err=True)
            typer.echo(_opvang(peildatum, rapport), err=True)
            typer.echo(inburgering_regel(peildatum, rapport), err=True)
        if personeel.geweigerd:
            typer.echo(f"demo: geweigerde opdrachten van het personeel {dict(personeel.geweigerd)}", err=True)
        typer.echo(f"demo: klaar in {time.perf_counter() - begin:.0f}s. Rapport: {stack.http_url}/v1/rapport"
                   f"?peildatum=2024-10-01 ; metrics: {stack.http_url}/metrics ; Ctrl-C stopt", err=True)
        while not stack.stop.is_set():
            await _personeel(stack, volger, personeel, http, EINDE, tokens)
            try:
                await asyncio.wait_for(stack.stop.wait(), timeout=1.0)
            except TimeoutError:
                pass
    except Exception:  # the CLI awaits this task only at Ctrl-C: say it here
        log.exception("demo.gestopt")
        raise
    finally:
        http.close()
        await volger.stop()


DEMO_RATE_LIMIT = "100000/minute"
"""`welkom demo`'s rate limit (unless WELKOM_RATE_LIMIT is set): each kind of staff member is one
token subject giving a month's commands in a fraction of a second."""


def stack_topic(envelope: dict[str, Any]) -> str:
    from events.registry import soort

    registratie = soort(envelope["type"])
    assert registratie is not None
    return registratie.topic


__all__ = ["sleutel", "speel"]
