"""The auditor's CLI: `welkom audit` (a person's timeline) and `welkom logboek` (their Logboek Dataverwerkingen), each read logged."""

from __future__ import annotations

import json
from pathlib import Path
from collections.abc import Callable
from typing import Annotated, Any

import typer
from stdnum.nl import bsn as _bsn

from services.entrypoints.cli_fouten import vereis_stores
from services.entrypoints.cli_gedeeld import settings_van
from services.entrypoints.cli_toegang import wie
from services.toegang.rollen import AUDIT

Doel = Annotated[str, typer.Option(help="why you read this (logged in the person's Logboek), e.g. 'inzageverzoek AVG art. 15'")]
STANDAARD_DOEL = "verantwoording via de CLI (geen doel opgegeven)"
Vnummer = Annotated[str | None, typer.Option(help="the person's V-nummer (never shown: welkom names the "
                                                  "pseudonymous persoon_id)")]
Bsn = Annotated[str | None, typer.Option(help="instead of a V-nummer, the BSN of an ontheemde from Ukraine "
                                              "(who has none; never shown either)")]


def _lees(lezen: Callable[..., list[dict[str, Any]]], vnummer: str | None, bsn: str | None, doel: str, bron: str,
          data_dir: Path | None, as_json: bool, naam: str) -> list[dict[str, Any]] | None:
    """Read as an auditor (`lezen`: lees_tijdlijn or lees_logboek, which log the read) the person of
    the V-nummer, or of the BSN (an ontheemde from Ukraine has no V-nummer); with --json print
    `{"persoon_id", naam: records}` and return None, else return the records."""
    from services.stack import open_apps, open_logboek

    if (vnummer is None) == (bsn is None):
        raise typer.BadParameter("give the person's --vnummer, or an ontheemde's --bsn: one of them")
    if bsn is not None and not (len(bsn) == 9 and _bsn.is_valid(bsn)):
        raise typer.BadParameter("not a valid BSN (nine digits passing the elfproef)", param_hint="--bsn")
    settings = settings_van(data_dir)
    lezer = wie(settings, AUDIT)
    apps = open_apps(vereis_stores(settings))
    persoon = apps["opvang"].persoon_van_bsn(bsn) if bsn else next(iter(apps.values())).persoon(vnummer)
    regels = lezen(apps, open_logboek(settings), persoon, actor=lezer.sub, doel=doel, bron=bron)
    if as_json:
        typer.echo(json.dumps({"persoon_id": str(persoon), naam: regels}, indent=2))
        return None
    return regels


def registreer(app: typer.Typer, data_dir: object, as_json: object) -> None:
    """Add `welkom audit` and `welkom logboek` to the CLI."""

    def audit(vnummer: Vnummer = None, bsn: Bsn = None, doel: Doel = STANDAARD_DOEL,
              data_dir: Path | None = None, as_json: bool = False) -> None:
        """One person's timeline across all four services, oldest first, with each event's grondslag, bron and actor."""
        from services.logboek.verantwoording import lees_tijdlijn

        regels = _lees(lees_tijdlijn, vnummer, bsn, doel, "welkom audit", data_dir, as_json, "tijdlijn")
        if regels is None:
            return
        if not regels:
            typer.echo("geen gebeurtenissen voor deze persoon")
        else:
            typer.echo(f"{'datum':<10}  {'geregistreerd':<19}  {'service':<12} {'gebeurtenis':<48} feiten")
        for r in regels:
            feiten = ", ".join(f"{k}={v}" for k, v in r["feiten"].items() if k not in ("persoon_id", "personen"))
            naam = f"{r['aggregate']}.{r['gebeurtenis']}"
            typer.echo(f"{r['datum']}  {r['tijd'][:19]}  {r['service']:<12} {naam:<48} {feiten}")
            typer.echo(f"{'':<44}grondslag: {r['grondslag']}; bron: {r['bron']}; actor: {r['actor']}")

    def logboek(vnummer: Vnummer = None, bsn: Bsn = None, doel: Doel = STANDAARD_DOEL, data_dir: Path | None = None,
                as_json: bool = False) -> None:
        """One person's Logboek Dataverwerkingen: every processing of their data, with activity, legal basis and trace."""
        from services.logboek.verantwoording import lees_logboek

        regels = _lees(lees_logboek, vnummer, bsn, doel, "welkom logboek", data_dir, as_json, "verwerkingen")
        if regels is None:
            return
        persoon = regels[-1]["attributes"]["dpl.core.data_subject_id"]  # this read is the last record
        typer.echo(f"Logboek Dataverwerkingen van persoon_id {persoon}: {len(regels)} verwerkingen")
        for r in regels:
            status = r["status_code"].removeprefix("STATUS_CODE_").lower()
            typer.echo(f"{r['start_time'][:23]}  {r['resource']['component']:<12} {r['name']:<40} {status:<4} "
                       f"actor={r['actor']}  trace={r['trace_id']}/{r['operation_id']}")
            typer.echo(f"{'':<25}activiteit: {r['activiteit']} ({r['attributes']['dpl.core.processing_activity_id']})")
            typer.echo(f"{'':<25}grondslag: {r['grondslag']}; bron: {r['bron']}"
                       + (f"; doel: {r['doel']}" if r["doel"] else ""))

    for functie in (audit, logboek):
        functie.__annotations__.update({
            "data_dir": data_dir, "as_json": as_json,
            "vnummer": Vnummer, "bsn": Bsn, "doel": Doel})
        app.command()(functie)
