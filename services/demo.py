"""`welkom demo`: feed the 2024 scenario, and play the staff who accept offers and hold intakes."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import uuid
from typing import Any

import structlog
import typer
from aiokafka import AIOKafkaConsumer, TopicPartition

from events import huisvesting, inburgering, mzd, topics
from events.envelope import Afgewezen, lees
from services.application import AlVerwerkt
from services.domain import Domeinfout
from services.publisher import publiceer, sleutel
from services.scenario import genereer
from services.stack import Stack

log = structlog.get_logger(__name__)
LEERROUTES = (("B1", 60), ("onderwijsroute", 15), ("z-route", 25))
EINDE = dt.date(2024, 12, 31)


class Medewerkers:
    """The staff of the demo: each reacts to one outbound event with one command, deterministically."""

    def __init__(self, stack: Stack, seed: int, personen: set[uuid.UUID]) -> None:
        self.stack = stack
        self.seed = seed
        self.personen = personen  # only the scenario's people: households you publish are yours
        self.gedaan: dict[str, int] = {}

    def _rng(self, event_id: str) -> random.Random:
        return random.Random(f"{self.seed}:{event_id}")

    def _doe(self, service: str, soort: str, sleutel_: str, actie: Any) -> None:
        try:
            self.stack.apps[service].voer_uit(actie, f"demo:{sleutel_}")
            self.gedaan[soort] = self.gedaan.get(soort, 0) + 1
        except (AlVerwerkt, Domeinfout):
            pass

    def reageer(self, e: Any) -> None:
        persoon = uuid.UUID(e.subject) if e.subject else None
        if persoon not in self.personen:
            return
        rng = self._rng(e.id)
        hv = self.stack.apps.get("huisvesting")
        if e.type == huisvesting.WONING_AANGEBODEN and hv is not None:
            d = e.data
            if rng.random() < 0.12:
                self._doe("huisvesting", "geweigerd", e.id, lambda u: hv.weiger(
                    u, persoon, d.woning_id, d.datum + dt.timedelta(days=5), "past niet bij gezinssituatie"))
                return
            self._doe("huisvesting", "geaccepteerd", e.id, lambda u: hv.accepteer(
                u, persoon, d.woning_id, d.datum + dt.timedelta(days=rng.randint(2, 6))))
            verhuisdatum = d.datum + dt.timedelta(days=rng.randint(8, 20))
            self._doe("huisvesting", "verhuisd", f"{e.id}:verhuis", lambda u: hv.verhuis(
                u, persoon, d.woning_id, verhuisdatum))
        elif e.type == inburgering.INBURGERINGSTRAJECT_GESTART and rng.random() < 0.8:
            datum = e.data.koppeldatum + dt.timedelta(days=rng.randint(20, 120))
            if datum <= EINDE:
                route = rng.choices([r for r, _ in LEERROUTES], [w for _, w in LEERROUTES])[0]
                ib = self.stack.apps["inburgering"]
                self._doe("inburgering", "intake", e.id, lambda u: ib.rond_intake_af(u, persoon, datum, route))
        elif e.type == mzd.ZAAK_GEOPEND and rng.random() < 0.6:
            m = self.stack.apps["mzd"]
            datum = e.data.besluitdatum + dt.timedelta(days=29)
            self._doe("mzd", "bbb", e.id, lambda u: m.laat_toe_tot_bbb(u, persoon, datum))


async def _volg(stack: Stack, medewerkers: Medewerkers) -> None:
    consumer = AIOKafkaConsumer(bootstrap_servers=stack.bootstrap_servers, enable_auto_commit=False,
                                fetch_max_wait_ms=stack.tuning.fetch_max_wait_ms)
    await consumer.start()
    try:
        delen = [TopicPartition(t, 0) for t in (topics.GEMEENTE_HUISVESTING, topics.GEMEENTE_INBURGERING,
                                                topics.GEMEENTE_MZD)]
        consumer.assign(delen)
        await consumer.seek_to_beginning(*delen)
        while not stack.stop.is_set():
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for record in records:
                    try:
                        event = lees(record.value, record.headers)
                    except Afgewezen:
                        continue
                    await asyncio.to_thread(medewerkers.reageer, event)
    finally:
        await consumer.stop()


async def speel(stack: Stack, *, huishoudens: int, seed: int) -> None:
    """Publish the scenario, let the staff react until the chain is quiet, then print the report."""
    scenario = genereer(huishoudens, seed)
    regels = [(stack_topic(e), e) for e in scenario]
    typer.echo(f"demo: {len(regels)} inkomende events voor {huishoudens} huishoudens publiceren...", err=True)
    await publiceer(stack.bootstrap_servers, regels, stack.settings)
    app = next(iter(stack.apps.values()))
    vnummers = {e["data"]["vnummer"] for e in scenario if "vnummer" in e["data"]}
    medewerkers = Medewerkers(stack, seed, {app.persoon(v) for v in vnummers})
    volger = asyncio.create_task(_volg(stack, medewerkers))
    vorige, stil = -1, 0
    while stil < 3 and not stack.stop.is_set():
        await asyncio.sleep(1.0)
        assert stack.projectie is not None
        nieuw = await asyncio.to_thread(stack.projectie.bij)
        gedaan = sum(medewerkers.gedaan.values())
        stil = stil + 1 if nieuw == 0 and gedaan == vorige else 0
        vorige = gedaan
        typer.echo(f"demo: personeel {dict(sorted(medewerkers.gedaan.items()))}", err=True)
    assert stack.projectie is not None
    for peildatum in (dt.date(2024, 10, 1), EINDE):
        r = stack.projectie.rapport(peildatum)
        h, i = r["huisvesting"], r["inburgering"]
        typer.echo(f"demo: peildatum {peildatum}: taakstelling {h['taakstelling']} gerealiseerd {h['gerealiseerd']}, "
                   f"open dossiers {h['dossiers_open']} (over termijn {h['dossiers_over_termijn']}), "
                   f"intakes {i['intakes_afgerond']}, wachtlijst {i['intake_wachtlijst']}", err=True)
    typer.echo(f"demo: klaar. Rapport: {stack.http_url}/v1/rapport?peildatum=2024-10-01 ; "
               f"metrics: {stack.http_url}/metrics ; Ctrl-C stopt", err=True)
    await volger


def stack_topic(envelope: dict[str, Any]) -> str:
    from events.registry import soort

    registratie = soort(envelope["type"])
    assert registratie is not None
    return registratie.topic


__all__ = ["speel", "sleutel"]
