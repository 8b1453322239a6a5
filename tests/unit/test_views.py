"""The views decode only the stored events that can give facts or name a new person, and lose nothing by it."""

from __future__ import annotations


import pytest

from services.catalogus import alle
from services.runtime.application import WelkomApplication
from services.rapportage.personen import nodig_voor, personen_van
from services.runtime.views import views_voor



@pytest.fixture
def apps(oude_apps: dict[str, WelkomApplication]) -> dict[str, WelkomApplication]:
    return oude_apps


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
