"""The relay publishes what huisvesting stored, in order, without loading a single aggregate."""

from __future__ import annotations

import asyncio
from typing import Any


from events import huisvesting as bus
from huisvesting_rapport_hulp import D, ENV, inschrijving, koppeling, ontvang, taakstelling, woning
from services.huisvesting import translation
from services.huisvesting.application import Huisvesting
from services.runtime.relay import Relay


class Bus:
    """A broker that acknowledges every record at once and remembers it."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []

    async def publish(self, value: bytes, *, topic: str, key: bytes, headers: dict[str, str], no_confirm: bool) -> Any:
        self.records.append({"topic": topic, "key": key, "type": headers["ce_type"], "subject": headers.get("ce_subject")})
        klaar = asyncio.get_running_loop().create_future()
        klaar.set_result(None)
        return klaar


async def test_a_household_is_published_from_offer_to_taakstelling_without_loading_an_aggregate(monkeypatch):
    app = Huisvesting(env=ENV, pseudoniem_sleutel="test", vereist=("bsn",))
    vnummer, gekoppeld = koppeling(D(2024, 1, 10), grootte=2)
    ontvang(app, taakstelling("2024-H1", 120), gekoppeld, inschrijving(vnummer, D(2024, 1, 20)))
    ontvang(app, woning("talis-1", 4, D(2024, 2, 1)), taakstelling("2024-H1", 130))

    def laad(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the relay loaded an aggregate")

    monkeypatch.setattr(app.repository, "get", laad)
    broker = Bus()
    relay = Relay(app, translation, broker)  # type: ignore[arg-type]

    await relay.stap()

    soorten = [r["type"] for r in broker.records]
    assert soorten == [
        bus.TAAKSTELLING_GEREGISTREERD, bus.HUISVESTINGSDOSSIER_GEOPEND, bus.HUISVESTINGSDOSSIER_GEBLOKKEERD,
        bus.HUISVESTINGSDOSSIER_GEDEBLOKKEERD, bus.WONING_AANGEBODEN, bus.TAAKSTELLING_GEREGISTREERD,
    ]
    persoon = str(app.persoon(vnummer))
    assert {r["subject"] for r in broker.records if r["type"] != bus.TAAKSTELLING_GEREGISTREERD} == {persoon}
    assert all(r["topic"] == "gemeente.huisvesting" for r in broker.records)
    assert relay.positie() == app.recorder.max_notification_id()
