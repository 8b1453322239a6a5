"""The views decode only the stored events that can give facts or name a new person, and lose nothing by it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from services.catalogus import alle
from services.rapportage.personen import nodig_voor, personen_van
from services.runtime.views import views_voor

OUD = Path(__file__).parent.parent / "fixtures" / "store_voor_v2"


@pytest.fixture
def apps(tmp_path: Path):
    """The four services on a copy of the old stores (every stored event type is in them)."""
    geopend = {}
    for service in alle():
        kopie = tmp_path / f"{service.name}.sqlite"
        shutil.copy(OUD / kopie.name, kopie)
        env = {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(kopie), "CREATE_TABLE": "y"}
        geopend[service.name] = service.application(env=env, pseudoniem_sleutel="test")
    yield geopend
    for app in geopend.values():
        app.close()


def test_only_the_declared_sources_give_facts(apps):
    for service in alle():
        app = apps[service.name]
        for n in app.recorder.select_notifications(1, 1_000_000):
            event = app.mapper.to_domain_event(n)
            if list(service.projections.feiten(event)):
                assert isinstance(event, service.projections.BRONNEN), type(event).__qualname__


def test_views_that_skip_undecoded_topics_hold_the_same_facts_and_persons_as_views_that_decode_all(apps):
    overgeslagen = 0
    for service in alle():
        app = apps[service.name]
        alles = views_voor(app, service.projections.feiten, personen_van, prefix="alles_")
        nodig = nodig_voor(service.projections.BRONNEN)
        gefilterd = views_voor(app, service.projections.feiten, personen_van, prefix="gefilterd_", nodig=nodig)
        alles.bij()
        gefilterd.bij()

        assert gefilterd.rijen() == alles.rijen()
        personen = {p for n in app.recorder.select_notifications(1, 1_000_000)
                    for p in personen_van(app.mapper.to_domain_event(n))}
        assert {p: gefilterd.aggregaten(p) for p in personen} == {p: alles.aggregaten(p) for p in personen}
        overgeslagen += sum(1 for n in app.recorder.select_notifications(1, 1_000_000) if not nodig(n.topic))
    assert overgeslagen > 500
