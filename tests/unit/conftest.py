"""Fixtures the unit tests share: huisvesting on the in-memory store, without BSN/IBAN blockers."""

from __future__ import annotations

import pytest

from services.huisvesting.application import Huisvesting


@pytest.fixture
def huisvesting() -> Huisvesting:
    """Without BSN/IBAN blockers: these journeys are about inputs, offers and terms
    (tests/unit/test_huisvesting_application.py covers the blockers)."""
    return Huisvesting(env={"PERSISTENCE_MODULE": "eventsourcing.popo"}, pseudoniem_sleutel="test", vereist=())
