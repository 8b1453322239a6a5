"""Hostile partners: on every inbound topic, valid events between records built to hurt; each record is judged alone."""

from __future__ import annotations

import itertools
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from prometheus_client import REGISTRY
from stdnum.nl import bsn as bsn_nummer

from events import topics
from events.envelope import bron
from events.registry import soort
from brokers import KAFKA
from keten import BRONNEN, Keten, wacht_tot
from metriek import waarde
from services.runtime.achterstand import Achterstandsmeter
from services.runtime.settings import Settings
from services.stack import Stack
from vijandig import Rauw, als_kopie, door_elkaar, geldige, vijandige

pytestmark = [pytest.mark.integration, pytest.mark.kafka]

MAX_BYTES = 48 * 1024
"""welkom's own limit in this test: under Apache Kafka's 64 KB, so a too-large record reaches welkom there too."""

_teller = itertools.count(1)


def _vnummer() -> str:
    return f"47{next(_teller):08d}"


def _bsn() -> str:
    """A fresh number that passes the elfproef (a ninth digit of 10 does not exist: then the next base)."""
    while not (geldig := [b + c for b in [f"{next(_teller):08d}"] for c in "0123456789" if bsn_nummer.is_valid(b + c)]):
        pass
    return geldig[0]


GELDIG: dict[str, tuple[str, Callable[[], dict[str, Any]]]] = {
    topics.KETEN_IND: ("nl.vreemdelingen.verblijfsvergunning-verleend",
                       lambda: {"vnummer": _vnummer(), "besluitdatum": "2024-03-01", "soort": "asiel"}),
    topics.KETEN_COA: ("nl.opvang.asielzoeker-geplaatst",
                       lambda: {"vnummer": _vnummer(), "locatie_id": "azc-dommer", "datum": "2024-01-15"}),
    topics.KETEN_BRP: ("nl.brp.ingeschreven-immigratie",
                       lambda: {"vnummer": _vnummer(), "bsn": _bsn(), "datum": "2024-03-20"}),
    topics.KETEN_CORPORATIES: ("nl.woningen.woning-beschikbaar-gesteld", lambda: {
        "woning_id": f"talis-{next(_teller)}", "wijk": "Dukenburg", "soort": "regulier", "max_bewoners": 4,
        "beschikbaar_per": "2024-04-01"}),
    topics.KETEN_RIJK: ("nl.opvang.spreidingstaakstelling-vastgesteld", lambda: {
        "gemeentecode": "0268", "cyclus": f"{2024 + 2 * next(_teller)}-{2026 + 2 * next(_teller)}",
        "fase": "indicatief", "plekken": 817, "amv_plekken": 69, "realiseren_per": "2025-07-01",
        "besluitdatum": "2024-02-01"}),
    topics.KETEN_DUO: ("nl.inburgering.duo-signaal-ontvangen", lambda: {
        "gebeurtenis_id": "SS101", "vnummer": _vnummer(), "registratiedatum": "2024-04-02",
        "gegevens": {"begindatum": "2024-03-28", "doelgroep": "asielstatushouder"}}),
    topics.KETEN_VWN: ("nl.begeleiding.maatschappelijke-begeleiding-gestart",
                       lambda: {"vnummer": _vnummer(), "datum": "2024-04-15"}),
    topics.KETEN_BBB: ("nl.bbb.persoon-geplaatst",  # valid, but mzd has no case for this person
                       lambda: {"vnummer": _vnummer(), "organisatie": "snov", "datum": "2024-04-02"}),
    topics.GEMEENTE_HUISVESTING: ("nl.statushouders.verhuisd", lambda: {   # welkom's own, read by opvang, inburgering
        "dossier_id": str(uuid.uuid4()), "persoon_id": (p := str(uuid.uuid4())), "personen": [p],
        "woning_id": f"talis-{next(_teller)}", "woningsoort": "regulier", "datum": "2024-04-12",
        "verhuistermijn_gehaald": True, "eerste_huisvesting": True}),
    topics.GEMEENTE_MZD: ("nl.mzd.persoon-gelegaliseerd", lambda: {
        "zaak_id": str(uuid.uuid4()), "persoon_id": str(uuid.uuid4()), "besluitdatum": "2024-09-02",
        "soort": "regulier"}),
}
DOMEINREGEL = {topics.KETEN_BBB: "domeinregel:ZaakOnbekendFout"}
"""Valid CloudEvents a service's rule refuses: judged as events (reaching the rule), dead-lettered for it."""


def envelope(topic: str) -> dict[str, Any]:
    type_, data = GELDIG[topic]
    registratie = soort(type_)
    assert registratie is not None and registratie.topic == topic
    bron_ = (bron(registratie.producent) if registratie.richting == "uitgaand"
             else BRONNEN.get(registratie.producent, f"urn:nld:{registratie.producent.lower()}"))
    return {"specversion": "1.0", "id": str(uuid.uuid4()), "source": bron_,
            "type": type_, "time": "2024-04-01T09:00:00Z", "datacontenttype": "application/json", "data": data()}


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"max_event_bytes": MAX_BYTES})


@pytest.fixture
async def meter(stack: Stack) -> AsyncIterator[Achterstandsmeter]:
    """The lag meter as the stack runs it, read when the test asks: it sets welkom_inbox_end_offset."""
    lezer = Achterstandsmeter(stack.settings, stack.bootstrap_servers, {n: a.topics() for n, a in stack.apps.items()})
    yield lezer
    await lezer.sluit()


async def test_every_inbound_topic_applies_its_valid_events_and_dead_letters_each_hostile_neighbour(
    stack: Stack, keten: Keten, meter: Achterstandsmeter, broker_soort: str
) -> None:
    lezers = {topic: [naam for naam, app in stack.apps.items() if topic in app.topics()] for topic in GELDIG}
    assert set(GELDIG) == {t for app in stack.apps.values() for t in app.topics()}   # every inbound topic
    await rust(stack, keten, meter)                   # lag 0 at both ends: sent = the outcomes' increase
    aantal_voor, eindes_voor = await aantallen(keten), await eindes(meter)
    voor = {(s, t, u): tel(s, t, u) for t, diensten in lezers.items() for s in diensten for u in UITKOMSTEN}
    verzonden: dict[str, list[tuple[Rauw, Any]]] = {}
    for topic in GELDIG:
        geldig = geldige(lambda t=topic: envelope(t))
        records = door_elkaar(geldig, vijandige(envelope(topic), MAX_BYTES))
        records += [] if topic in DOMEINREGEL else [als_kopie(geldig[0])]   # a refused event is refused again
        verzonden[topic] = [(r, await keten.producer.send(topic, value=r.value, key=r.key or b"een-partij",
                                                          headers=r.headers)) for r in records]
    verzonden = {t: [(r, await f) for r, f in rs] for t, rs in verzonden.items()}   # acknowledged: sent
    eindes_na = await rust(stack, keten, meter)
    aantal_na = await aantallen(keten)
    gestuurd = {t: aantal_na[t] - aantal_voor[t] for t in GELDIG}   # by the partners, and by welkom on gemeente.*
    assert all(gestuurd[t] == len(rs) for t, rs in verzonden.items() if t.startswith("keten."))
    if broker_soort == KAFKA:   # what was sent, read from the metrics (Tansu's end offset is its last batch's start)
        assert {t: eindes_na[t] - eindes_voor[t] for t in GELDIG} == gestuurd

    for topic, records in verzonden.items():   # every record that is not a valid event: in the DLQ, once
        dlq = await keten.records(topics.dlq(topic))   # written before the commit that rust() waited for
        waar = {(m.partition, m.offset): r for r, m in records}
        plekken = [(int(kop(d, "dlq_partition")), int(kop(d, "dlq_offset"))) for d in dlq]
        assert max(Counter(plekken).values()) == 1, f"{topic}: a record dead-lettered twice"
        redenen = {waar[plek].soort: kop(d, "dlq_reason") for d, plek in zip(dlq, plekken, strict=True)}
        verwacht = {r.soort: r.reden for r, _ in records if not r.geldig}
        if topic in DOMEINREGEL:
            verwacht |= {r.soort: DOMEINREGEL[topic] for r, _ in records if r.geldig}
        assert {s: r.split(":")[0] for s, r in redenen.items()} == {s: r.split(":")[0] for s, r in verwacht.items()}
        for dienst in lezers[topic]:   # sent = applied + duplicate + dead-lettered, for every service reading it
            gestegen = {u: tel(dienst, topic, u) - voor[dienst, topic, u] for u in UITKOMSTEN}
            assert sum(gestegen.values()) == gestuurd[topic], (dienst, topic, gestegen)
            assert gestegen["dead-lettered"] == len(verwacht), (dienst, topic, gestegen)
            if topic.startswith("gemeente."):
                continue  # welkom's own events share these topics: their split is not this test's
            # a copy is a duplicate where the type has an effect; elsewhere it needs none, like its original
            kopie = int(GELDIG[topic][0] in stack.apps[dienst].handlers() and topic not in DOMEINREGEL)
            assert gestegen["duplicate"] == kopie, (dienst, topic, gestegen)


UITKOMSTEN = ("applied", "duplicate", "dead-lettered")


def tel(service: str, topic: str, uitkomst: str) -> float:
    return waarde("welkom_inbox_records_total", service=service, topic=topic, outcome=uitkomst)


def kop(record: Any, naam: str) -> str:
    return dict(record.headers)[naam].decode()


async def rust(stack: Stack, keten: Keten, meter: Achterstandsmeter) -> dict[str, float]:
    """Until nothing moves: every service committed everything on its topics and every relay published
    everything stored (welkom's own events are inputs of other services). The end offsets then."""
    vorige: dict[str, float] | None = None
    while True:
        for naam, app in stack.apps.items():
            await keten.wacht_tot_verwerkt(naam, *app.topics())
        await wacht_tot(lambda: all(r._stand()[1] == 0 for r in stack.relays.values()), wat="the relays")
        if (nu := await eindes(meter)) == vorige:
            return nu
        vorige = nu


async def aantallen(keten: Keten) -> dict[str, int]:
    """The records on each inbound topic, read."""
    return {t: len(await keten.records(t)) for t in GELDIG}


async def eindes(meter: Achterstandsmeter) -> dict[str, float]:
    """One reading of the lag meter; then welkom_inbox_end_offset summed per topic over its partitions."""
    await meter.meet()
    familie = next(f for f in REGISTRY.collect() if f.name == "welkom_inbox_end_offset")
    per_topic: Counter[str] = Counter()
    for sample in familie.samples:
        per_topic[sample.labels["topic"]] += sample.value
    return {t: per_topic[t] for t in GELDIG}
