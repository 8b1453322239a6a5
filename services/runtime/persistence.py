"""Where each service keeps its event store: a SQLite file per service, or a PostgreSQL schema."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlparse

import psycopg
from eventsourcing.persistence import Transcoding

from services.runtime.faults import TESTING_ENV
from services.runtime.rechten import maak_data_dir, maak_prive
from services.runtime.settings import Settings


class DateAsISO(Transcoding):
    """Stores `datetime.date` (the real-world dates of the domain) as ISO strings."""

    type = dt.date
    name = "date_iso"

    def encode(self, obj: dt.date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> dt.date:
        return dt.date.fromisoformat(data)


def _postgres_env(url: str, schema: str) -> dict[str, str]:
    parts = urlparse(url)
    if parts.scheme not in ("postgres", "postgresql", "postgresql+psycopg"):
        raise ValueError("WELKOM_DATABASE_URL must be a postgresql:// URL")
    return {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": (parts.path or "/postgres").lstrip("/") or "postgres",
        "POSTGRES_HOST": parts.hostname or "127.0.0.1",
        "POSTGRES_PORT": str(parts.port or 5432),
        "POSTGRES_USER": unquote(parts.username or "postgres"),
        "POSTGRES_PASSWORD": unquote(parts.password or ""),
        "POSTGRES_SCHEMA": schema,
        "POSTGRES_POOL_SIZE": "4",
        "POSTGRES_MAX_OVERFLOW": "4",
        "POSTGRES_CONNECT_TIMEOUT": "10",
        "POSTGRES_LOCK_TIMEOUT": "10",
    }


def schema_voor(settings: Settings, service: str) -> str:
    return f"{settings.database_schema_prefix}{service}"


def database_url_voor(settings: Settings, service: str) -> str:
    """The service's database URL: `{service}` in WELKOM_DATABASE_URL becomes its name, so each
    service can connect as its own least-privileged role (deploy/postgres/initdb)."""
    assert settings.database_url
    return settings.database_url.replace("{service}", service)


def maak_schema(url: str, schema: str) -> None:
    """PostgreSQL schemas are not created by eventsourcing: create ours before the tables, unless
    it exists (a service role owns its schema but may not create one)."""
    with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
        if conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,)).fetchone() is None:
            conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')


def sqlite_bestand(settings: Settings, service: str) -> Path:
    return settings.data_dir / f"{service}.sqlite"


def ontbrekende_stores(settings: Settings, services: Iterable[str]) -> list[str]:
    """The services whose event store does not exist, found without creating anything: no SQLite
    file (or an empty one) in the data dir, or no events table in the service's PostgreSQL schema."""
    if not settings.database_url:
        return [s for s in services if not (sqlite_bestand(settings, s).is_file()
                                            and sqlite_bestand(settings, s).stat().st_size > 0)]
    ontbreekt = []
    for service in services:
        tabel = f'"{schema_voor(settings, service)}"."{service}_events"'
        with psycopg.connect(database_url_voor(settings, service), autocommit=True, connect_timeout=10) as conn:
            if conn.execute("SELECT to_regclass(%s)", (tabel,)).fetchone() == (None,):
                ontbreekt.append(service)
    return ontbreekt


def application_env(settings: Settings, service: str) -> dict[str, str]:
    """The eventsourcing environment of one service's Application."""
    if settings.database_url:
        schema, url = schema_voor(settings, service), database_url_voor(settings, service)
        maak_schema(url, schema)
        env = _postgres_env(url, schema)
    else:
        maak_data_dir(settings.data_dir)
        env = {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": str(maak_prive(sqlite_bestand(settings, service))),
            "SQLITE_LOCK_TIMEOUT": "30",
        }
    # One writer per store: cached aggregates are kept current on save instead of being
    # fast-forwarded with a query on every get; a version conflict evicts them (Werkeenheid).
    env.update(
        {"CREATE_TABLE": "y", "AGGREGATE_CACHE_MAXSIZE": "5000", "AGGREGATE_CACHE_FASTFORWARD": "n"}
    )
    if settings.cipher_key is not None and settings.cipher_key.get_secret_value():
        env.update(
            {
                "CIPHER_TOPIC": "eventsourcing.cipher:AESCipher",
                "CIPHER_KEY": settings.cipher_key.get_secret_value(),
                "COMPRESSOR_TOPIC": "eventsourcing.compressor:ZlibCompressor",
            }
        )
    return env


def vereis_persistentie(env: dict[str, str]) -> None:
    """An unset PERSISTENCE_MODULE silently means in-memory: refuse that outside tests."""
    module = env.get("PERSISTENCE_MODULE") or os.environ.get("PERSISTENCE_MODULE")
    if not module or module.endswith("popo"):
        if os.environ.get(TESTING_ENV) != "1":
            raise RuntimeError("welkom refuses to run with in-memory event stores outside tests")
