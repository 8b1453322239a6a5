"""`welkom status`: per service the store position, relay position, consumer lag (per partition) and dead letters."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import typer
from aiokafka import AIOKafkaConsumer

from events import topics
from services.runtime.achterstand import Achterstandsmeter
from services.runtime.bus import BEHEER, delen_van, kafka_verbinding
from services.runtime.relay import relay_naam
from services.runtime.settings import Settings
from services.stack import lees_stackbestand, open_apps, primaire_topics


async def _dlq_aantallen(settings: Settings, bootstrap: str, dlq_topics: list[str]) -> dict[str, int]:
    lezer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, **kafka_verbinding(settings, BEHEER))
    await lezer.start()
    try:
        delen = await delen_van(lezer, dlq_topics)
        eindes = await lezer.end_offsets(delen) if delen else {}
        uit = dict.fromkeys(dlq_topics, 0)
        for deel, einde in eindes.items():
            uit[deel.topic] += einde  # DLQ topics are never compacted: the end offset counts every record
        return uit
    finally:
        await lezer.stop()


async def _van_broker(settings: Settings, bootstrap: str, abonnementen: dict[str, tuple[str, ...]],
                      dlq_topics: list[str]) -> tuple[dict[str, dict[str, int]], dict[str, Any], dict[str, int]]:
    """Lag per service and topic, the partitions that lag ({service: {topic: {partition: n}}}), DLQ counts."""
    meter = Achterstandsmeter(settings, bootstrap, abonnementen)
    try:
        lag = await meter.meet()
    finally:
        await meter.sluit()
    achter = {service: {topic: {str(p): n for p, n in sorted(delen.items()) if n}
                        for topic, delen in per_topic.items() if any(delen.values())}
              for service, per_topic in meter.per_partitie.items()}
    return lag, achter, await _dlq_aantallen(settings, bootstrap, dlq_topics)


def toestand(settings: Settings) -> dict[str, Any]:
    """What `welkom status` prints, as data. The broker part is absent when it cannot be reached."""
    apps = open_apps(settings)
    try:
        primair = primaire_topics(apps)
        uit: dict[str, Any] = {"services": {}}
        for naam, app in apps.items():
            store = app.recorder.max_notification_id() or 0
            relay = app.process_recorder.max_tracking_id(relay_naam(naam)) or 0
            uit["services"][naam] = {"store": store, "relay": relay, "relay_achterstand": store - relay}
        info = lees_stackbestand(settings.data_dir)
        uit["draait"] = info is not None
        bootstrap = settings.kafka_bootstrap_servers or (info or {}).get("bootstrap_servers")
        if not bootstrap:
            uit["broker"] = "no broker: the stack is not running and KAFKA_BOOTSTRAP_SERVERS is unset"
            return uit
        dlq = {t: topics.dlq(t) for ts in primair.values() for t in ts}
        try:
            lag, partities, aantallen = asyncio.run(asyncio.wait_for(_van_broker(
                settings, bootstrap, {n: a.topics() for n, a in apps.items()}, list(dlq.values())), 30))
        except Exception as e:  # unreachable, refused: say so, the store part still stands
            uit["broker"] = f"{bootstrap} unreachable ({type(e).__name__})"
            return uit
        uit["broker"] = bootstrap
        for naam in apps:
            uit["services"][naam]["lag"] = lag.get(naam, {})
            uit["services"][naam]["lag_partities"] = partities.get(naam, {})  # only the partitions that lag
            uit["services"][naam]["dlq"] = {dlq[t]: aantallen[dlq[t]] for t in primair.get(naam, [])}
        return uit
    finally:
        for app in apps.values():
            app.close()


def _partities(achter: dict[str, int] | None) -> str:
    """` [p2 3, p5 1]`: the partitions that lag, so one stuck aggregate shows; nothing when none lags."""
    return f" [{', '.join(f'p{p} {n}' for p, n in achter.items())}]" if achter else ""


def tekst(t: dict[str, Any]) -> str:
    regels = [f"stack {'draait' if t['draait'] else 'draait niet'}; broker: {t['broker']}"]
    for naam, s in t["services"].items():
        regel = f"{naam:12} store {s['store']:>8}  relay {s['relay']:>8} (achter {s['relay_achterstand']})"
        if "lag" in s:
            delen = s.get("lag_partities", {})
            regel += "  lag " + (", ".join(f"{k} {v}" + _partities(delen.get(k)) for k, v in s["lag"].items()) or "-")
            regel += "  dlq " + (", ".join(f"{k} {v}" for k, v in s["dlq"].items()) or "-")
        regels.append(regel)
    return "\n".join(regels)


def registreer(app: typer.Typer, settings_van: Any, data_dir_optie: Any, json_optie: Any) -> None:
    """Adds `welkom status` to the CLI, with the CLI's own --data-dir and --json options."""

    def status(data_dir: Any = None, as_json: Any = False) -> None:
        """Per service: store position, relay position and backlog, consumer lag per topic (and the
        partitions that lag), dead letters."""
        from services.entrypoints.cli_toegang import wie
        from services.toegang.rollen import OPERATOR

        settings = settings_van(data_dir)
        wie(settings, (OPERATOR,))
        t = toestand(settings)
        typer.echo(json.dumps(t, indent=2) if as_json else tekst(t))

    status.__annotations__ = {"data_dir": data_dir_optie, "as_json": json_optie, "return": None}
    app.command()(status)
