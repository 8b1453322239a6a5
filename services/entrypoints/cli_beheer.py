"""The operator's commands after a failure: `welkom relay --vanaf N` (re-publish) and `welkom dlq lijst|opnieuw`."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from services.entrypoints.cli_gedeeld import broker, fout, settings_van
from services.entrypoints.cli_toegang import wie
from services.toegang.rollen import OPERATOR
from services.runtime.settings import Settings

beheer = typer.Typer(add_completion=False)
"""Added to `welkom` without a name: `relay` and `dlq` are top-level commands."""
dlq = typer.Typer(help="Dead-lettered records: list them (no personal data), send chosen ones back.",
                  no_args_is_help=True)
beheer.add_typer(dlq, name="dlq")

DataDir = Annotated[Path | None, typer.Option("--data-dir", help="state directory (default ./data or WELKOM_DATA_DIR)")]
Json = Annotated[bool, typer.Option("--json", help="machine-readable output")]
Topics = Annotated[list[str] | None, typer.Option("--topic", help="DLQ topic, e.g. keten.ind.dlq (repeatable)")]
MELD_ELKE_S = 1.0


def _stil() -> None:
    """The one line of `_fout` is the whole story: no library log lines about retries."""
    from services.runtime.logging import configureer

    configureer("CRITICAL")
    for naam in ("aiokafka", "faststream", "welkom.faststream"):
        logging.getLogger(naam).setLevel(logging.CRITICAL)


def _voer_uit(werk: Callable[[], Any], wat: str, bootstrap: str) -> Any:
    """Run the async work; a broker or DLQ failure becomes one line and exit code 2. The stores'
    failures (database down, cipher key missing or wrong) are left to the `welkom` app's
    `cli_fouten.WelkomGroep`, like every command's; a bug keeps its traceback there."""
    from aiokafka.errors import KafkaError

    from services.runtime.bus import DlqSleutelFout, TopicsOntbreken
    from services.runtime.dlq import DlqFout

    try:
        return asyncio.run(werk())
    except (DlqFout, DlqSleutelFout, TopicsOntbreken) as e:  # their messages hold no input values
        fout(str(e))
    except KafkaError as e:  # unreachable, refused, timed out: the Kafka error says which
        fout(f"{wat}: the Kafka brokers at {bootstrap} did not answer ({e})")
    except OSError as e:
        if e.filename is not None:
            raise
        fout(f"{wat}: the Kafka brokers at {bootstrap} did not answer ({e.strerror or type(e).__name__})")


RELAY_HULP = (
    "Re-publish stored events from position N to gemeente.<service>, with the same CloudEvent ids.\n\n"
    "For after a broker loss (the bundled broker keeps topics in memory only): the records are those the "
    "relay published, so consumers deduplicate them. The relay's own position does not move. Works with "
    "and without a running `welkom up`."
)
OPNIEUW_HULP = (
    "Send chosen records back to their original topic (header dlq_topic) once the cause is fixed.\n\n"
    "Each goes back with its original value (decrypted when encrypted) and its original headers without "
    "the dlq_* ones; nothing else is written.\n\n"
    "Safe to run twice: the receiving service dedupes on CloudEvent source + id, so a resent record it "
    "already processed changes nothing.\n\n"
    "Choose with --topic keten.ind.dlq --offset 3 (both repeatable) or --reden CODE (a reason as "
    "`dlq lijst` shows it, or its code before the first colon, e.g. domeinregel)."
)


@beheer.command("relay", help=RELAY_HULP)
def relay(
    vanaf: Annotated[int, typer.Option("--vanaf", help="notification position to start at (inclusive), 1 or more")],
    service: Annotated[str | None, typer.Option(help="one service (default: all four)")] = None,
    data_dir: DataDir = None,
) -> None:
    """`welkom relay --vanaf N [--service S]`: see RELAY_HULP."""
    from services import catalogus
    from services.entrypoints.cli_fouten import vereis_stores

    if vanaf < 1:
        fout(f"--vanaf must be 1 or more (notification positions start at 1), not {vanaf}")
    services = catalogus.per_naam()
    if service is not None and service not in services:
        fout(f"unknown service {service!r}: one of {', '.join(services)}")
    namen = [service] if service else list(services)
    settings = vereis_stores(settings_van(data_dir))  # a mistyped --data-dir: one line, no empty stores made
    wie(settings, (OPERATOR,))
    bootstrap, lokaal = broker(settings)
    _stil()
    uit = _voer_uit(lambda: _herpubliceer(settings, bootstrap, lokaal, namen, vanaf), "relay --vanaf", bootstrap)
    typer.echo(f"relay --vanaf {vanaf}: " + ", ".join(f"{v.service} {v.gepubliceerd}" for v in uit)
               + f" events opnieuw gepubliceerd ({sum(v.gepubliceerd for v in uit)} in totaal)")


async def _herpubliceer(settings: Settings, bootstrap: str, lokaal: bool, namen: list[str], vanaf: int) -> list[Any]:
    from services import catalogus
    from services.runtime.bus import maak_broker, zorg_voor_topics
    from services.runtime.herpublicatie import herpubliceer
    from services.stack import open_apps

    await zorg_voor_topics(settings, bootstrap, lokaal=lokaal, principal=namen[0])  # a new bundled broker has none yet
    apps = await asyncio.to_thread(open_apps, settings, namen)
    uit = []
    try:
        for naam in namen:  # each service's relay writes its own topic, as that service's principal
            kafka = maak_broker(settings, bootstrap, lokaal=lokaal, principal=naam)
            try:
                await kafka.connect()
                uit.append(await herpubliceer(apps[naam], catalogus.per_naam()[naam].translation, kafka,
                                              vanaf=vanaf, meld=_melder()))
            finally:
                await kafka.stop()
        return uit
    finally:
        for app in apps.values():
            app.close()


def _melder() -> Callable[[Any], None]:
    """Progress on stderr, at most once a second, and once at the end of each service."""
    gemeld = [time.monotonic()]

    def meld(v: Any) -> None:
        if v.klaar or time.monotonic() - gemeld[0] >= MELD_ELKE_S:
            gemeld[0] = time.monotonic()
            typer.echo(f"{v.service}: {v.gelezen}/{v.te_lezen} opgeslagen events gelezen, {v.gepubliceerd} "
                       f"gepubliceerd, {v.per_seconde:.0f} events/s", err=True)
    return meld


def _lees(settings: Settings, topics: list[str] | None) -> tuple[list[Any], set[str], str]:
    from services.runtime import dlq as dlq_records
    from services.runtime.bus import consumer_tuning

    bootstrap, lokaal = broker(settings)
    wacht = consumer_tuning(settings, lokaal=lokaal).fetch_max_wait_ms
    _stil()
    records, bestaand = _voer_uit(
        lambda: dlq_records.lees(bootstrap, settings, fetch_max_wait_ms=wacht, alleen=topics or ()), "dlq", bootstrap)
    return records, bestaand, bootstrap


def _log_herverwerking(settings: Settings, actor: str, records: list[Any], sleutels: list[bytes | None]) -> None:
    """Each record sent back is a processing of its person's data: logged in their Logboek."""
    import uuid

    from services.runtime.herkomst import Herkomst
    from services.stack import open_logboek

    logboek = open_logboek(settings)
    try:
        for record, sleutel in zip(records, sleutels):
            try:
                persoon = uuid.UUID(sleutel.decode()) if sleutel else None
            except ValueError:
                persoon = None
            if persoon is not None:
                herkomst = Herkomst(bron=f"{record.topic}@{record.offset}", actor=actor, naam="dlq-opnieuw-verstuurd")
                logboek.leg_vast([persoon], herkomst, activiteit="herverwerking")
    finally:
        logboek.close()


@dlq.command("lijst")
def lijst(topic: Topics = None, data_dir: DataDir = None, as_json: Json = False) -> None:
    """Dead-lettered records by topic: offset, time (UTC), service and reason. Never the value or key."""
    settings = settings_van(data_dir)
    wie(settings, (OPERATOR,))
    records, _, _ = _lees(settings, topic)
    rijen = [r.overzicht() for r in records]
    if as_json:
        typer.echo(json.dumps({"aantal": len(rijen), "records": rijen}, indent=2))
        return
    if not rijen:
        typer.echo("geen dead-lettered records")
        return
    typer.echo(f"{'topic':<24} {'offset':>7}  {'tijd (UTC)':<20}  {'service':<12} reden")
    for r in rijen:
        typer.echo(f"{r['topic']:<24} {r['offset']:>7}  {r['tijd'] or '?':<20}  {r['service'] or '?':<12} {r['reden']}")
    per_topic: dict[str, dict[str, int]] = {}
    for r in rijen:
        redenen = per_topic.setdefault(r["topic"], {})
        redenen[r["reden"]] = redenen.get(r["reden"], 0) + 1
    for naam, redenen in per_topic.items():
        typer.echo(f"{naam}: {sum(redenen.values())} ({', '.join(f'{k} {n}' for k, n in redenen.items())})")


@dlq.command("opnieuw", help=OPNIEUW_HULP)
def opnieuw(
    topic: Topics = None,
    offset: Annotated[list[int] | None, typer.Option("--offset", help="offset in the DLQ topic (repeatable)")] = None,
    reden: Annotated[str | None, typer.Option("--reden", help="every record with this reason or reason code")] = None,
    data_dir: DataDir = None,
) -> None:
    """`welkom dlq opnieuw`: see OPNIEUW_HULP."""
    from services.runtime import dlq as dlq_records

    settings = settings_van(data_dir)
    operator = wie(settings, (OPERATOR,))
    records, bestaand, bootstrap = _lees(settings, topic)  # with --topic only those DLQ topics are read
    try:
        gekozen = dlq_records.kies(records, dlq_topics=topic or (), offsets=offset or (), reden=reden)
    except dlq_records.DlqFout as e:
        fout(str(e))
    sleutels = _voer_uit(lambda: dlq_records.stuur_terug(bootstrap, settings, gekozen, bestaand), "dlq opnieuw",
                         bootstrap)
    _log_herverwerking(settings, operator.sub, gekozen, sleutels)
    for r in gekozen:
        typer.echo(f"{r.topic}@{r.offset} -> {r.oorsprong}  ({r.reden})")
    typer.echo(f"{len(gekozen)} record(s) opnieuw verstuurd")
