"""The `welkom` command line: run the stack, feed it, ask it, and act as staff."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import signal
import sys
import uuid
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer
from aiokafka.errors import KafkaConnectionError

from services import catalogus
from services.entrypoints import cli_status
from services.entrypoints.cli_fouten import WelkomGroep, geslaagd, vereis_stores
from services.entrypoints.cli_gedeeld import broker, fout as _fout, settings_van as _settings
from services.entrypoints.cli_staff import staff_command
from services.entrypoints.cli_aandachtslijst import registreer as registreer_aandachtslijst
from services.entrypoints.cli_logboek import registreer as registreer_logboek
from services.entrypoints.cli_toegang import kop, registreer as registreer_token, wie
from services.runtime.bus import TopicsOntbreken
from services.runtime.geheimen import vereis_geheimen
from services.runtime.localbroker import LokaleBrokerFout
from services.runtime.logging import configureer
from services.runtime.settings import Settings
from services.toegang.rollen import KLOK, OPERATOR, RAPPORT

app = typer.Typer(help="welkom: van asiel tot en met integratie, as one auditable event log.",
                  no_args_is_help=True, add_completion=False, cls=WelkomGroep)

DataDir = Annotated[Path | None, typer.Option("--data-dir", help="state directory (default ./data or WELKOM_DATA_DIR)")]
Json = Annotated[bool, typer.Option("--json", help="machine-readable output")]


async def _draai(settings: Settings, na_start: Any = None) -> None:
    from services.stack import Stack

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        async with Stack(settings) as stack:
            typer.echo(f"welkom draait: {stack.http_url}  (broker {stack.bootstrap_servers}; Ctrl-C stopt)", err=True)
            taak = asyncio.create_task(na_start(stack)) if na_start else None
            await stop.wait()
            if taak:
                taak.cancel()
    except (TopicsOntbreken, LokaleBrokerFout) as e:  # topics come from deploy/; a port taken by another
        _fout(str(e))
    except KafkaConnectionError as e:  # unreachable, or TLS/SASL refused (the cause is logged above)
        _fout(f"cannot connect to the Kafka brokers at {settings.kafka_bootstrap_servers}: {e}")
    typer.echo("welkom gestopt", err=True)


@app.command()
def up(
    data_dir: DataDir = None,
    http_port: Annotated[int | None, typer.Option(help="HTTP port (default 8080)")] = None,
    clock: Annotated[str | None, typer.Option(help="realtime (default) or manual")] = None,
) -> None:
    """Run everything in the foreground: broker (if needed), the four services, relays, clock, HTTP."""
    settings = _settings(data_dir, http_port=http_port, clock=clock)
    configureer(settings.log_level)
    vereis_geheimen(settings)
    asyncio.run(_draai(settings))


@app.command()
def demo(
    data_dir: DataDir = None,
    huishoudens: Annotated[int, typer.Option(help="households linked per year (150: the 2024 pace)")] = 150,
    seed: Annotated[int, typer.Option(help="random seed: the same seed gives the same scenario")] = 2024,
) -> None:
    """`up` plus a realistic scenario for Nijmegen (April 2022 to 2024), so reports and dashboard fill."""
    from services.demo.runner import speel

    from services.demo.runner import DEMO_RATE_LIMIT

    settings = _settings(data_dir)
    if settings.oidc_issuer:
        _fout("the demo's staff sign their commands with welkom's development issuer: unset WELKOM_OIDC_ISSUER")
    if "WELKOM_RATE_LIMIT" not in os.environ:  # a member of the demo's staff replays months per second
        settings = _settings(data_dir, rate_limit=DEMO_RATE_LIMIT)
    configureer(settings.log_level)
    vereis_geheimen(settings)
    asyncio.run(_draai(settings, lambda stack: speel(stack, huishoudens=huishoudens, seed=seed)))


def _bootstrap(settings: Settings) -> str:
    return broker(settings)[0]


def _api(settings: Settings) -> str:
    from services.stack import lees_stackbestand

    info = lees_stackbestand(settings.data_dir)
    if not info:
        _fout(f"no running stack found in {settings.data_dir}: start `welkom up` first")
    return info["http"]


@app.command()
def publish(
    bestand: Annotated[Path, typer.Argument(help="JSON lines, one structured CloudEvent per line ('-' = stdin)")],
    data_dir: DataDir = None,
    topic: Annotated[str | None, typer.Option(help="override the topic (default: by event type)")] = None,
) -> None:
    """Publish structured CloudEvents to the topic of each event's type."""
    from services.runtime.publisher import lees_regels, publiceer

    settings = _settings(data_dir)
    try:
        regels = lees_regels(sys.stdin if str(bestand) == "-" else bestand.open(), topic)
    except ValueError as e:
        _fout(str(e))
    aantal = asyncio.run(publiceer(_bootstrap(settings), regels, settings))
    typer.echo(f"{aantal} events gepubliceerd")


def _rapport_tekst(rapport: dict[str, Any]) -> str:
    """The report as readable text: see `services.rapportage.tekst`."""
    from services.rapportage.tekst import tekst

    return tekst(rapport)


@app.command()
def rapport(
    peildatum: Annotated[str, typer.Option(help="YYYY-MM-DD")],
    gemeente: Annotated[str | None, typer.Option(help="gemeentecode (default WELKOM_GEMEENTECODE)")] = None,
    data_dir: DataDir = None,
    as_json: Json = False,
) -> None:
    """The kengetallen of a gemeente as known on the peildatum, from the views (brought up to date first)."""
    from services.rapportage.projectie import Projectie
    from services.stack import open_apps

    datum = _datum(peildatum, "peildatum")
    settings = _settings(data_dir)
    wie(settings, RAPPORT, gemeente)
    projectie = Projectie(open_apps(vereis_stores(settings)), gemeentecode=gemeente)
    projectie.bij()
    uit = projectie.rapport(datum)
    typer.echo(json.dumps(uit, indent=2) if as_json else _rapport_tekst(uit))


@app.command()
def rebuild(
    peildatum: Annotated[str | None, typer.Option(help="YYYY-MM-DD (default today)")] = None,
    activeer: Annotated[bool, typer.Option("--activeer", help="make the rebuilt views the live ones")] = False,
    data_dir: DataDir = None,
) -> None:
    """Rebuild every view from the event stores into fresh tables, with progress; compare with the live views."""
    from services.rapportage.herbouw import herbouw_en_vergelijk
    from services.stack import open_apps

    datum = _datum(peildatum, "peildatum") if peildatum else dt.date.today()
    settings = _settings(data_dir)
    wie(settings, (OPERATOR,))
    anders = herbouw_en_vergelijk(open_apps(vereis_stores(settings)), datum, activeer=activeer,
                                  meld=lambda t: typer.echo(t, err=True))
    if not anders:
        typer.echo(f"herbouwd == live op {datum}: gelijk")
        return
    typer.echo(json.dumps(anders, indent=2))
    _fout("herbouwde views wijken af van de live views" + ("" if activeer else " (niet geactiveerd)"))


def _datum(tekst: str, naam: str) -> dt.date:
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError:
        _fout(f"{naam} must be YYYY-MM-DD")
        raise


def _opdracht(pad: str, body: dict[str, Any], data_dir: Path | None, sleutel: str | None,
              rollen: tuple[str, ...]) -> None:
    settings = _settings(data_dir)
    antwoord = httpx.post(
        f"{_api(settings)}{pad}",
        json=body,
        headers={"Idempotency-Key": sleutel or str(uuid.uuid4()), **kop(settings, rollen)},
        timeout=30,
    )
    typer.echo(geslaagd(antwoord)["status"])


Key = Annotated[str | None, typer.Option(help="idempotency key (default: a new one)")]
Datum = Annotated[str, typer.Option(help="YYYY-MM-DD")]


cli_status.registreer(app, _settings, DataDir, Json)
registreer_token(app, DataDir)
registreer_logboek(app, DataDir, Json)
registreer_aandachtslijst(app, DataDir, Json)

for _service in catalogus.alle():
    if _service.commands:
        _groep = typer.Typer(help=f"Staff commands of {_service.name}: "
                             f"{', '.join(o.naam for o in _service.commands)}.", no_args_is_help=True)
        app.add_typer(_groep, name=_service.name)
        for _opdracht_ in _service.commands:
            _groep.command(_opdracht_.naam)(staff_command(_opdracht_, _opdracht, DataDir, Key))
from services.entrypoints.cli_beheer import beheer as _beheer; app.add_typer(_beheer)  # noqa: E402,E702 relay, dlq


@app.command()
def klok(tot: Datum, data_dir: DataDir = None) -> None:
    """Advance the clock: record every term whose last day lies before TOT as expired."""
    settings = _settings(data_dir)
    antwoord = httpx.post(f"{_api(settings)}/v1/klok", json={"tot": tot}, headers=kop(settings, KLOK), timeout=60)
    typer.echo(json.dumps(geslaagd(antwoord)))


@app.command()
def asyncapi() -> None:
    """Print the AsyncAPI document of the bus."""
    from events.asyncapi import json_text

    typer.echo(json_text())


@app.command()
def bench(
    huishoudens: Annotated[int, typer.Option(help="households pushed through the chain")] = 300,
    backend: Annotated[str, typer.Option(help="sqlite, postgres or both")] = "both",
    schaal: Annotated[bool, typer.Option("--schaal", help="the read side on N gemeenten x Y years, generated")] = False,
    groottes: Annotated[str | None, typer.Option(help="--schaal: stored events per run (10000,100000,1000000)")] = None,
    gemeenten: Annotated[int | None, typer.Option(help="--schaal: this many gemeenten instead of sizes")] = None,
    jaren: Annotated[int | None, typer.Option(help="--schaal: years of history, 1-10")] = None,
    seed: Annotated[int, typer.Option(help="--schaal: the same seed gives the same history")] = 2024,
) -> None:
    """Measure raw broker and store limits and welkom's throughput and latency, as ratios (--schaal: the read side)."""
    configureer("WARNING")
    if schaal:
        from services.bench import schaal as schaal_bench

        try:
            opties = schaal_bench.opties(groottes, backend, gemeenten, jaren)
        except ValueError as e:
            _fout(str(e))
        schaal_bench.main(**opties, seed=seed)
        return
    from services.bench.keten import main as bench_main

    asyncio.run(bench_main(huishoudens=huishoudens, backend=backend))


if __name__ == "__main__":
    app()
