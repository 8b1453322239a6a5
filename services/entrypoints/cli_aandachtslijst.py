"""`welkom aandachtslijst`: inburgering's attention list by persoon_id for the klantregisseur, the read logged per person."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer

from services.entrypoints.cli_fouten import vereis_stores
from services.entrypoints.cli_gedeeld import fout, settings_van
from services.entrypoints.cli_toegang import wie

Peildatum = Annotated[str, typer.Option(help="YYYY-MM-DD")]
Gemeente = Annotated[str | None, typer.Option(help="gemeentecode (default WELKOM_GEMEENTECODE)")]


def registreer(app: typer.Typer, data_dir: object, as_json: object) -> None:
    """Add `welkom aandachtslijst` to the CLI."""

    def aandachtslijst(peildatum: Peildatum, gemeente: Gemeente = None, data_dir: Path | None = None,
                       as_json: bool = False) -> None:
        """Persons without DUO's plicht signal in time, and DUO signals for persons without a traject (klantregisseur)."""
        from services.entrypoints.aandachtslijst import ROLLEN, lees_aandachtslijst
        from services.rapportage.projectie import Projectie
        from services.stack import open_apps, open_logboek

        try:
            datum = dt.date.fromisoformat(peildatum)
        except ValueError:
            fout("peildatum must be YYYY-MM-DD")
        settings = settings_van(data_dir)
        lezer = wie(settings, ROLLEN, gemeente)
        projectie = Projectie(open_apps(vereis_stores(settings)), gemeentecode=gemeente)
        lijst = lees_aandachtslijst(projectie, open_logboek(settings), datum, gemeente or settings.gemeentecode,
                                    actor=lezer.sub, bron="welkom aandachtslijst")
        if as_json:
            typer.echo(json.dumps(lijst, indent=2))
            return
        typer.echo(f"aandachtslijst inburgering op {lijst['peildatum']} (gemeente {lijst['gemeente']}): "
                   f"{lijst['aantal']} personen")
        for r in lijst["personen"]:
            typer.echo(f"{r['persoon_id']}  {r['reden']:<18} sinds {r['sinds']}")

    aandachtslijst.__annotations__.update({"data_dir": data_dir, "as_json": as_json, "peildatum": Peildatum,
                                           "gemeente": Gemeente})
    app.command()(aandachtslijst)
