"""A service declares its inputs once: each handler with the topic and type it consumes; topics are derived."""

from __future__ import annotations

import pytest

from events.registry import soort
from services.catalogus import alle
from services.runtime.application import Invoer

ENV = {"PERSISTENCE_MODULE": "eventsourcing.popo"}


@pytest.fixture(params=[s.name for s in alle()])
def app(request):
    service = next(s for s in alle() if s.name == request.param)
    return service.application(env=ENV, pseudoniem_sleutel="test")


def onderschreven_fouten(invoer: list[Invoer], topics: tuple[str, ...]) -> list[str]:
    """Handled types whose topic (as the registry knows it) the service does not subscribe to."""
    return [i.type for i in invoer if (r := soort(i.type)) is None or r.topic != i.topic or r.topic not in topics]


def test_every_handled_type_arrives_on_a_topic_the_service_subscribes_to(app):
    invoer = list(app.invoer())

    assert invoer
    assert onderschreven_fouten(invoer, app.topics()) == []


def test_the_subscribed_topics_are_exactly_those_of_the_handled_types(app):
    assert set(app.topics()) == {soort(i.type).topic for i in app.invoer()}
    assert set(app.handlers()) == {i.type for i in app.invoer()}


def test_a_handler_declared_on_the_wrong_topic_is_caught(app):
    eerste = app.invoer()[0]
    verkeerd = Invoer("keten.verkeerd", eerste.type, eerste.handler)

    assert onderschreven_fouten([verkeerd], (verkeerd.topic,)) == [eerste.type]
