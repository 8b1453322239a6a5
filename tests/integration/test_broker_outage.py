"""A broker outage: staff work is stored, the relay's lag shows it, and all of it is published once the broker returns."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from events import ind, mzd, topics
from keten import Keten, cloudevent, van_type, wacht_tot
from metriek import waarde
from services.runtime.bus import zorg_voor_topics
from services.runtime.localbroker import LokaleBroker
from services.stack import Stack
from services.toegang.rollen import MZD_MEDEWERKER
from toegang_hulp import Uitgever

pytestmark = pytest.mark.integration

PERSONEN = [f"40000005{i:02d}" for i in range(3)]


def toelaten(stack: Stack, vnummer: str) -> None:
    antwoord = httpx.post(f"{stack.http_url}/v1/mzd/bbb-toelatingen", json={"vnummer": vnummer, "datum": "2024-05-01"},
                          headers=Uitgever.van(stack.settings).kop(MZD_MEDEWERKER), timeout=30)
    assert antwoord.status_code == 200, antwoord.text


async def test_while_the_broker_is_down_work_is_stored_and_counted_as_lag_then_published_when_it_returns(
    stack: Stack, broker: LokaleBroker, keten: Keten
) -> None:
    relay, app = stack.relays["mzd"], stack.apps["mzd"]
    await keten.stuur(*[cloudevent(ind.ASIELAANVRAAG_AFGEWEZEN, {"vnummer": v, "besluitdatum": "2024-04-02",
                                                                 "definitief": True}) for v in PERSONEN])
    await keten.wacht_op(topics.GEMEENTE_MZD, lambda es: len(van_type(es, mzd.ZAAK_GEOPEND)) == 3)
    await wacht_tot(lambda: relay.positie() == app.recorder.max_notification_id(), wat="everything published")
    gepubliceerd_voor = waarde("welkom_relay_published_events_total", service="mzd", type=mzd.TOEGELATEN_TOT_BBB)

    broker.stop()
    for vnummer in PERSONEN:                            # staff keep working: HTTP answers, the store records
        await asyncio.to_thread(toelaten, stack, vnummer)
    opgeslagen = app.recorder.max_notification_id()
    assert opgeslagen and relay.positie() < opgeslagen
    await wacht_tot(lambda: waarde("welkom_relay_lag_events", service="mzd") == opgeslagen - relay.positie(),
                    wat="the lag gauge to count the unpublished events while the broker is down")
    assert waarde("welkom_relay_published_events_total", service="mzd", type=mzd.TOEGELATEN_TOT_BBB) == gepubliceerd_voor

    broker.start()                                      # back, empty (Tansu keeps nothing in memory)
    await zorg_voor_topics(stack.settings, broker.bootstrap_servers, lokaal=True, principal="opvang")
    toegelaten = await keten.wacht_op(topics.GEMEENTE_MZD,
                                      lambda es: len(van_type(es, mzd.TOEGELATEN_TOT_BBB)) >= 3, 60)
    assert sorted(e.subject for e in van_type(toegelaten, mzd.TOEGELATEN_TOT_BBB)) == sorted(
        str(keten.persoon(v)) for v in PERSONEN)
    await wacht_tot(lambda: waarde("welkom_relay_lag_events", service="mzd") == 0, wat="the lag to return to 0")
    assert waarde("welkom_relay_published_events_total", service="mzd",
                  type=mzd.TOEGELATEN_TOT_BBB) == gepubliceerd_voor + 3
