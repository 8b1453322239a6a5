"""Fixtures the unit tests share: huisvesting without BSN/IBAN blockers, and the four services on the old fixture stores."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.catalogus import alle
from services.huisvesting.application import Huisvesting
from services.runtime.application import WelkomApplication

OUD = Path(__file__).parent.parent / "fixtures" / "store_voor_v2"
"""Stores written by the code before stored events carried persoon_id (see its README)."""


@pytest.fixture
def huisvesting() -> Huisvesting:
    """Without BSN/IBAN blockers: these journeys are about inputs, offers and terms
    (tests/unit/test_huisvesting_application.py covers the blockers)."""
    return Huisvesting(env={"PERSISTENCE_MODULE": "eventsourcing.popo"}, pseudoniem_sleutel="test", vereist=())


@pytest.fixture
def oude_apps(tmp_path: Path) -> Iterator[dict[str, WelkomApplication]]:
    """The four services on a copy of the old stores, with today's code and the key they were written with."""
    geopend = {}
    for service in alle():
        kopie = tmp_path / f"{service.name}.sqlite"
        shutil.copy(OUD / kopie.name, kopie)
        env = {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(kopie), "CREATE_TABLE": "y"}
        geopend[service.name] = service.application(env=env, pseudoniem_sleutel="test")
    yield geopend
    for app in geopend.values():
        app.close()
