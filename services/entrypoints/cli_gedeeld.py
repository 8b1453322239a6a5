"""What every module of the CLI shares: its settings, its one error line, and where the broker is."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

import typer

from services.runtime.settings import Settings


def settings_van(data_dir: Path | None = None, **extra: Any) -> Settings:
    """The settings of one command: the environment, with the options given on its command line."""
    overrides = {k: v for k, v in extra.items() if v is not None}
    if data_dir is not None:
        overrides["data_dir"] = data_dir
    return Settings(**overrides)


def fout(tekst: str) -> NoReturn:
    """One line on stderr and exit code 2: a failure the operator can fix."""
    typer.secho(f"welkom: {tekst}", fg=typer.colors.RED, err=True)
    raise typer.Exit(2)


def broker(settings: Settings) -> tuple[str, bool]:
    """The brokers (KAFKA_BOOTSTRAP_SERVERS, or the running stack's) and whether they are the bundled one."""
    from services.stack import lees_stackbestand

    if settings.kafka_bootstrap_servers:
        return settings.kafka_bootstrap_servers, False
    info = lees_stackbestand(settings.data_dir)
    if not info:
        fout(f"no running stack found in {settings.data_dir}: start `welkom up` or set KAFKA_BOOTSTRAP_SERVERS")
    return info["bootstrap_servers"], True
