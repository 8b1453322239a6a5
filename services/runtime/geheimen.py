"""The development pseudonym secret: refused where real data may flow, a loud warning elsewhere."""

from __future__ import annotations

import ipaddress
import os

import structlog

from services.runtime.faults import TESTING_ENV
from services.runtime.settings import DEV_PSEUDONYM_SECRET, Settings

log = structlog.get_logger(__name__)

_gewaarschuwd = False


class GeheimFout(RuntimeError):
    """welkom will not start with the development pseudonym secret here."""


def is_loopback(host: str) -> bool:
    """Whether the HTTP host is reachable from this machine only (not 0.0.0.0, not a name)."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def vereis_geheimen(settings: Settings) -> None:
    """Refuse to start with the development pseudonym secret when the HTTP server listens beyond
    loopback or a database URL is set: everyone knows that secret, so anyone could turn a V-nummer
    into its persoon_id and find the person in the events. On a developer's machine (loopback and
    SQLite), and in the tests (WELKOM_TESTING=1, whose integration tests use PostgreSQL), log a
    warning instead, once per process."""
    global _gewaarschuwd
    if settings.pseudonym_secret.get_secret_value() != DEV_PSEUDONYM_SECRET:
        return
    waarom = [w for w in (
        f"the HTTP host {settings.http_host} is not loopback" if not is_loopback(settings.http_host) else "",
        "a database URL is set" if settings.database_url else "",
    ) if w]
    if waarom and os.environ.get(TESTING_ENV) != "1":
        raise GeheimFout(
            f"refusing to start with the development pseudonym secret: {' and '.join(waarom)}; set "
            "WELKOM_PSEUDONYM_SECRET to a long random secret (python -c 'import secrets; "
            "print(secrets.token_urlsafe(32))'), kept safe: changing it later changes every persoon_id"
        )
    if not _gewaarschuwd:
        _gewaarschuwd = True
        log.warning("pseudoniem.ontwikkelsleutel",
                    uitleg="WELKOM_PSEUDONYM_SECRET is the public development secret: persoon_ids can be "
                    "recomputed from V-nummers by anyone; for synthetic data on this machine only")
