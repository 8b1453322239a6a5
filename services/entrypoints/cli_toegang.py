"""The CLI's access: `welkom token` (the development issuer), and the token or user a CLI command acts as."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer

from services.entrypoints.cli_gedeeld import fout, settings_van
from services.runtime.settings import Settings
from services.toegang.ontwikkel import duur
from services.toegang.rollen import ROLLEN
from services.toegang.toegang import ToegangFout, ontwikkel_issuer, toegang_van
from services.toegang.tokens import Gebruiker, TokenOngeldig

LOGIN_GELDIG = "2m"
"""A one-time login link of the page is valid this long (and once)."""


def cli_gebruiker() -> str:
    """The subject of a token the CLI makes for itself: the local user it runs as."""
    return f"cli:{getpass.getuser()}"


def kop(settings: Settings, rollen: tuple[str, ...]) -> dict[str, str]:
    """The Authorization header of a CLI call to the running API: a fresh token of the development
    issuer (for the command's first role), or WELKOM_TOKEN from the configured issuer."""
    if settings.oidc_issuer:
        if settings.token is None:
            fout("an issuer is configured: set WELKOM_TOKEN to an access token from it with one of the "
                 f"roles {', '.join(rollen)}")
        return {"Authorization": f"Bearer {settings.token.get_secret_value()}"}
    try:
        issuer = ontwikkel_issuer(settings)
    except ToegangFout as e:
        fout(str(e))
    token = issuer.token(cli_gebruiker(), [rollen[0]], [settings.gemeentecode], audience=settings.oidc_audience,
                         geldig=duur("2m"))
    return {"Authorization": f"Bearer {token}"}


def wie(settings: Settings, rollen: tuple[str, ...], gemeente: str | None = None) -> Gebruiker:
    """Who a CLI command that reads the stores itself acts as, checked for one of `rollen` (and
    the gemeente it asks for): the local user, who owns the data dir, with the development
    issuer; the subject of WELKOM_TOKEN with a configured issuer."""
    if not settings.oidc_issuer:
        return Gebruiker(cli_gebruiker(), frozenset(rollen[:1]), frozenset([gemeente or settings.gemeentecode]))
    if settings.token is None:
        fout(f"an issuer is configured: set WELKOM_TOKEN to an access token with the role {rollen[0]}")
    try:
        gebruiker = toegang_van(settings).verifier.controleer(settings.token.get_secret_value())
    except TokenOngeldig as e:
        fout(f"WELKOM_TOKEN is not a valid access token ({e.reden})")
    if not gebruiker.heeft(rollen):
        fout(f"WELKOM_TOKEN lacks the role {' or '.join(rollen)}")
    if not gebruiker.ziet(gemeente or settings.gemeentecode):
        fout("WELKOM_TOKEN gives no access to the data of this gemeente")
    return gebruiker


def registreer(app: typer.Typer, data_dir: object) -> None:
    """Add `welkom token` to the CLI."""

    def token(
        rol: Annotated[list[str], typer.Option("--rol", help=f"role (repeatable): {', '.join(ROLLEN)}")],
        gemeente: Annotated[list[str] | None, typer.Option(help="gemeentecode the token may see (repeatable; "
                                                           "default WELKOM_GEMEENTECODE)")] = None,
        geldig: Annotated[str, typer.Option(help="lifetime: 30s, 15m, 2h (at most 24h)")] = "15m",
        sub: Annotated[str | None, typer.Option(help="the subject (default cli:<your user>)")] = None,
        login: Annotated[bool, typer.Option("--login", help="print a one-time login link for the kengetallen "
                                            "page instead (valid 2 minutes)")] = False,
        data_dir: Path | None = None,
    ) -> None:
        """Mint an access token of the development issuer (only without WELKOM_OIDC_ISSUER, on loopback)."""
        settings = settings_van(data_dir)
        onbekend = [r for r in rol if r not in ROLLEN]
        if onbekend:
            fout(f"unknown role {onbekend[0]}: choose from {', '.join(ROLLEN)}")
        try:
            levensduur = duur(LOGIN_GELDIG if login else geldig)
            issuer = ontwikkel_issuer(settings)
        except (ValueError, ToegangFout) as e:
            fout(str(e))
        tekst = issuer.token(sub or cli_gebruiker(), list(rol), list(gemeente or [settings.gemeentecode]),
                             audience=settings.oidc_audience, geldig=levensduur)
        if login:
            from services.stack import lees_stackbestand

            info = lees_stackbestand(settings.data_dir)
            basis = info["http"] if info else f"http://{settings.http_host}:{settings.http_port}"
            typer.echo(f"{basis}/login?code={tekst}")
            return
        typer.echo(tekst)

    token.__annotations__["data_dir"] = data_dir
    app.command()(token)
