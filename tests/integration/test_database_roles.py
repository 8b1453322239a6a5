"""deploy/'s init script makes one least-privileged PostgreSQL role per store (the four services and the
Logboek), and welkom and its audit tooling run on them."""

from __future__ import annotations

import os
import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from events import coa, opvang, topics
from keten import Keten, cloudevent, van_type
from services.logboek.verantwoording import lees_tijdlijn
from services.runtime.localbroker import LokaleBroker
from services.runtime.settings import Settings
from services.stack import Stack, open_apps, open_logboek

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
INIT = ROOT / "deploy" / "postgres" / "initdb" / "10-welkom-schemas.sh"
SERVICES = ("opvang", "huisvesting", "inburgering", "mzd")
STORES = (*SERVICES, "logboek")
"""The Logboek Dataverwerkingen of audit and Logboek reads has a store, schema and role of its own."""


@pytest.fixture
def database(postgres_url: str, tmp_path: Path) -> Iterator[str]:
    """A scratch database prepared by the deploy init script, as postgres-init does in compose."""
    naam = f"welkom_rollen_{secrets.token_hex(4)}"
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{naam}"')
    passfile = tmp_path / "welkom.pgpass"
    passfile.write_text("".join(f"127.0.0.1:5432:{naam}:welkom_{s}:{secrets.token_hex(16)}\n" for s in STORES))
    passfile.chmod(0o600)
    env = {**os.environ, "POSTGRES_USER": "postgres", "POSTGRES_DB": naam, "PGHOST": "127.0.0.1",
           "PGPORT": "5432", "WELKOM_PGPASS_FILE": str(passfile)}
    klaar = subprocess.run(["bash", str(INIT)], env=env, capture_output=True, text=True, timeout=120)
    assert klaar.returncode == 0, klaar.stderr[-2000:]
    yield naam
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


def als(rol: str, database: str) -> psycopg.Connection:
    return psycopg.connect(f"postgresql://{rol}@127.0.0.1:5432/{database}", autocommit=True)


async def met_een_bewoner(database: str, broker: LokaleBroker, settings: Settings, vnummer: str) -> Settings:
    """Settings on which each store connects as its own role; a stack on them placed one bewoner."""
    s = settings.model_copy(update={"database_url": f"postgresql://welkom_{{service}}@127.0.0.1:5432/{database}",
                                    "database_schema_prefix": "welkom_"})
    async with Stack(s, http=False), Keten(broker.bootstrap_servers, s) as keten:
        await keten.stuur(cloudevent(coa.ASIELZOEKER_GEPLAATST, {
            "vnummer": vnummer, "locatie_id": "azc-dommer", "datum": "2024-01-08"}))
        await keten.wacht_op(topics.GEMEENTE_OPVANG, lambda es: bool(van_type(es, opvang.BEWONER_GEPLAATST)))
    return s


@pytest.mark.parametrize("backend", ["postgres"], indirect=False)
async def test_each_service_runs_as_its_own_role_which_can_touch_only_its_own_schema(
    database: str, broker: LokaleBroker, settings: Settings
) -> None:
    await met_een_bewoner(database, broker, settings, "4000000601")

    with als("welkom_opvang", database) as conn:
        assert conn.execute("SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles "
                            "WHERE rolname = current_user").fetchone() == (False, False, False)
        eigen = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'welkom_opvang'").fetchone()[0]
        assert eigen >= 2                                   # its event store and its views
        for verboden in ("SELECT * FROM welkom_huisvesting.huisvesting_events",
                         "CREATE TABLE welkom_mzd.indringer (x int)",
                         "CREATE SCHEMA welkom_extra",
                         "CREATE TABLE public.indringer (x int)"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(verboden)


@pytest.mark.parametrize("backend", ["postgres"], indirect=False)
async def test_the_audit_tooling_logs_its_read_as_the_logboek_role_which_can_touch_only_its_own_schema(
    database: str, broker: LokaleBroker, settings: Settings
) -> None:
    s = await met_een_bewoner(database, broker, settings, "4000000602")

    # What `welkom audit` does: read the services' stores, log the read in the Logboek's own store.
    apps, logboek = open_apps(s), open_logboek(s)
    try:
        persoon = apps["opvang"].persoon("4000000602")
        regels = lees_tijdlijn(apps, logboek, persoon, actor="cli:auditor", doel="rollentest", bron="welkom audit")
    finally:
        logboek.close()
        for app in apps.values():
            app.close()
    assert regels

    with als("welkom_logboek", database) as conn:
        assert conn.execute("SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles "
                            "WHERE rolname = current_user").fetchone() == (False, False, False)
        assert conn.execute("SELECT count(*) FROM welkom_logboek.logboek_events").fetchone()[0] >= 1
        eigenaars = {r[0] for r in conn.execute(
            "SELECT tableowner FROM pg_tables WHERE schemaname = 'welkom_logboek'")}
        assert eigenaars == {"welkom_logboek"}
        conn.execute("CREATE TABLE welkom_logboek.kladblok (x int)")   # its own schema: it may write there
        conn.execute("DROP TABLE welkom_logboek.kladblok")
        for verboden in ("SELECT * FROM welkom_opvang.opvang_events",
                         "DELETE FROM welkom_opvang.opvang_events",
                         "CREATE TABLE welkom_huisvesting.indringer (x int)",
                         "CREATE SCHEMA welkom_extra",
                         "CREATE TABLE public.indringer (x int)"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(verboden)

    with als("postgres", database) as conn:                   # the auditors' read-only role reads it too
        assert conn.execute("SELECT has_table_privilege('welkom_audit', 'welkom_logboek.logboek_events', 'SELECT'), "
                            "has_table_privilege('welkom_audit', 'welkom_logboek.logboek_events', 'INSERT')"
                            ).fetchone() == (True, False)

    for service in SERVICES:                                  # and no service reads or writes the Logboek
        with als(f"welkom_{service}", database) as conn:
            for verboden in ("SELECT * FROM welkom_logboek.logboek_events",
                             "CREATE TABLE welkom_logboek.indringer (x int)"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(verboden)
