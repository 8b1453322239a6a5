"""deploy/'s init script makes one least-privileged PostgreSQL role per service, and welkom runs on them."""

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
from services.runtime.localbroker import LokaleBroker
from services.runtime.settings import Settings
from services.stack import Stack

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
INIT = ROOT / "deploy" / "postgres" / "initdb" / "10-welkom-schemas.sh"
SERVICES = ("opvang", "huisvesting", "inburgering", "mzd")


@pytest.fixture
def database(postgres_url: str, tmp_path: Path) -> Iterator[str]:
    """A scratch database prepared by the deploy init script, as postgres-init does in compose."""
    naam = f"welkom_rollen_{secrets.token_hex(4)}"
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{naam}"')
    passfile = tmp_path / "welkom.pgpass"
    passfile.write_text("".join(f"127.0.0.1:5432:{naam}:welkom_{s}:{secrets.token_hex(16)}\n" for s in SERVICES))
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


@pytest.mark.parametrize("backend", ["postgres"], indirect=False)
async def test_each_service_runs_as_its_own_role_which_can_touch_only_its_own_schema(
    database: str, broker: LokaleBroker, settings: Settings
) -> None:
    s = settings.model_copy(update={"database_url": f"postgresql://welkom_{{service}}@127.0.0.1:5432/{database}",
                                    "database_schema_prefix": "welkom_"})
    async with Stack(s, http=False), Keten(broker.bootstrap_servers, s) as keten:
        await keten.stuur(cloudevent(coa.ASIELZOEKER_GEPLAATST, {
            "vnummer": "4000000601", "locatie_id": "azc-dommer", "datum": "2024-01-08"}))
        await keten.wacht_op(topics.GEMEENTE_OPVANG, lambda es: bool(van_type(es, opvang.BEWONER_GEPLAATST)))

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
