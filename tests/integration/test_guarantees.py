"""The guarantees of ARCHITECTURE.md §4 against the real broker and stores: each would fail without it."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from typing import Any

import pytest
from aiokafka.errors import MessageSizeTooLargeError

from events import coa, corporaties, huisvesting, ind, opvang, topics
from brokers import KAFKA
from keten import Keten, cloudevent, van_type, wacht_tot
from metriek import waarde
from services.rapportage.projectie import herbouw
from services.runtime.settings import Settings
from services.stack import Stack, open_apps

pytestmark = [pytest.mark.integration, pytest.mark.kafka]


def plaatsing(vnummer: str, datum: str = "2024-01-08") -> dict:
    return cloudevent(coa.ASIELZOEKER_GEPLAATST, {"vnummer": vnummer, "locatie_id": "azc-dommer", "datum": datum})


def verplaatsing(vnummer: str, id: str | None = None) -> dict:
    return cloudevent(coa.ASIELZOEKER_VERPLAATST, {
        "vnummer": vnummer, "van_locatie_id": "azc-dommer", "naar_locatie_id": "tgo-stieltjes",
        "datum": "2024-03-01"}, id=id)


def terug(vnummer: str, id: str | None = None) -> dict:
    return cloudevent(coa.ASIELZOEKER_VERPLAATST, {
        "vnummer": vnummer, "van_locatie_id": "tgo-stieltjes", "naar_locatie_id": "azc-dommer",
        "datum": "2024-04-01"}, id=id)


async def markeer(keten: Keten, vnummer: str) -> None:
    """Wait until opvang stored the effect of everything on keten.coa (in every partition), then
    send a placement of a new person and wait for its effect on gemeente.opvang: the relay, which
    publishes in store order, then published every effect those inputs had."""
    await keten.wacht_tot_verwerkt("opvang", topics.KETEN_COA)
    await keten.stuur(plaatsing(vnummer))
    await keten.wacht_op(topics.GEMEENTE_OPVANG, lambda es: str(keten.persoon(vnummer)) in
                         {e.subject for e in van_type(es, opvang.BEWONER_GEPLAATST)})


async def test_the_same_cloudevent_redelivered_at_a_new_offset_changes_state_once(stack: Stack, keten: Keten) -> None:
    await keten.stuur(plaatsing("4000000001"))
    verplaatst = verplaatsing("4000000001", id="coa-move-1")
    await keten.stuur(verplaatst)
    await keten.wacht_op(topics.GEMEENTE_OPVANG, lambda es: len(van_type(es, opvang.BEWONER_VERPLAATST)) == 1)
    await keten.stuur(verplaatst)                        # the partner re-sends: a new offset, a later batch
    await markeer(keten, "4000000009")                   # ... and it was consumed
    await keten.stuur(terug("4000000001"))               # a later, different move still counts
    await markeer(keten, "4000000008")
    events = van_type(await keten.events(topics.GEMEENTE_OPVANG), opvang.BEWONER_VERPLAATST)
    assert [e.data.verplaatsingen for e in events] == [1, 2]
    await wacht_tot(lambda: stack.projectie.rapport(dt.date(2024, 6, 1))["opvang"]["bewoners_in_opvang"] == 3,
                    wat="the views to catch up")
    assert stack.projectie.rapport(dt.date(2024, 6, 1))["opvang"]["verplaatsingen"] == 2
    assert await keten.records(topics.dlq(topics.KETEN_COA)) == []


async def test_an_event_resent_after_a_broker_restart_changes_state_once(broker: Any, settings: Settings) -> None:
    """Tansu keeps topics and offsets in memory: after a restart the group starts from zero.
    Kafka keeps them on disk: after a restart the resent event is a new record at a new offset."""
    verplaatst = verplaatsing("4000000002", id="coa-move-2")
    for ronde, marker in ((1, "4000000012"), (2, "4000000022")):
        if ronde == 2:
            await asyncio.to_thread(broker.herstart)
        async with Stack(settings, http=False) as stack, \
                Keten(broker.bootstrap_servers, settings, **broker.waarnemer()) as keten:
            if ronde == 1:
                await keten.stuur(plaatsing("4000000002"))
            await keten.stuur(verplaatst)
            await markeer(keten, marker)              # the move was consumed in this round
            await wacht_tot(lambda: stack.projectie.rapport(dt.date(2024, 6, 1))["opvang"]["bewoners_in_opvang"]
                            == ronde + 1, wat="the views to catch up")
            rapport = stack.projectie.rapport(dt.date(2024, 6, 1))
            assert rapport["opvang"]["verplaatsingen"] == 1, f"after broker start {ronde}"
            assert await keten.records(topics.dlq(topics.KETEN_COA)) == []


async def test_a_batch_whose_store_write_fails_is_sought_back_and_applied_once(
    settings: Settings, keten: Keten
) -> None:
    voor = waarde("welkom_inbox_retries_total", service="opvang")
    async with Stack(settings.model_copy(update={"fault": "store-failure-once"}), http=False):
        personen = [f"40000004{i:02d}" for i in range(5)]
        await keten.stuur(*[plaatsing(v) for v in personen])
        await markeer(keten, "4000000499")
        geplaatst = van_type(await keten.events(topics.GEMEENTE_OPVANG), opvang.BEWONER_GEPLAATST)
    assert waarde("welkom_inbox_retries_total", service="opvang") == voor + 1   # it did fail once
    assert sorted(e.subject for e in geplaatst) == sorted(str(keten.persoon(v)) for v in personen + ["4000000499"])
    assert waarde("welkom_inbox_stuck_seconds", service="opvang") == 0             # and flows again


async def test_every_kind_of_bad_input_lands_in_the_dlq_and_the_next_good_event_still_flows(
    stack: Stack, keten: Keten, broker_soort: str
) -> None:
    dlq_voor = {r: waarde("welkom_inbox_dlq_messages_total", service=service, topic=topics.KETEN_COA, reason=r)
                for r, service in (("geen-json", "opvang"), ("onbekend-type", "opvang"), ("ongeldige-data", "opvang"),
                                   ("te-groot", "opvang"), ("domeinregel", "huisvesting"))}
    structured = [("content-type", b"application/cloudevents+json")]
    await keten.stuur_rauw(topics.KETEN_COA, b"{dit is geen json", headers=structured)
    await keten.stuur_rauw(topics.KETEN_COA, json.dumps(cloudevent("nl.opvang.onbekend-soort", {})).encode())
    zonder_veld = plaatsing("4000000201")
    del zonder_veld["data"]["locatie_id"]
    await keten.stuur(zonder_veld)
    fout_type = plaatsing("4000000202")
    fout_type["data"]["datum"] = 20240108
    await keten.stuur(fout_type)
    groot = plaatsing("4000000203")
    groot["data"]["locatie_id"] = "x" * 1_000_000
    if broker_soort == KAFKA:  # max.message.bytes 65536 (deploy/topics.txt): Kafka refuses it to the partner
        with pytest.raises(MessageSizeTooLargeError):
            await keten.stuur_rauw(topics.KETEN_COA, json.dumps(groot).encode(), headers=structured)
    else:  # Tansu enforces no limit: welkom's own 64 KB limit sends it to the DLQ
        await keten.stuur_rauw(topics.KETEN_COA, json.dumps(groot).encode(), headers=structured)
    await keten.stuur(cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {
        "vnummer": "4000000204", "gemeentecode": "0268", "koppeldatum": "2024-02-12",
        "huishouden": [{"vnummer": "4000000205", "geboortedatum": "1990-01-01"}]}))
    await keten.stuur(cloudevent(ind.VERBLIJFSVERGUNNING_VERLEEND, {
        "vnummer": "4000000206", "besluitdatum": "2024-02-01", "soort": "onbekend"}))
    await keten.stuur(plaatsing("4000000299"))  # the next good event

    te_groot = [] if broker_soort == KAFKA else ["te-groot"]   # 1 MB record, over the 64 KB limit
    dlq_coa = await keten.wacht_op(topics.dlq(topics.KETEN_COA), lambda rs: len(rs) >= 5 + len(te_groot), rauw=True)
    dlq_ind = await keten.wacht_op(topics.dlq(topics.KETEN_IND), lambda rs: len(rs) >= 1, rauw=True)
    redenen = [dict(r.headers)["dlq_reason"].decode() for r in dlq_coa + dlq_ind]
    assert sorted(r.split(":")[0] if r.startswith("te-groot") else r for r in redenen) == sorted([
        "geen-json",                                   # not JSON
        "onbekend-type",                               # unknown type
        "ongeldige-data:veld-ontbreekt:locatie_id",    # missing field
        "ongeldige-data:date_type:datum",              # wrong type (strict: no number for a date)
        *te_groot,
        "domeinregel:HoofdpersoonOntbreektFout",       # gemeente rule: household lacks the main person
        "ongeldige-data:literal_error:soort",          # a value outside the contract
    ])
    for record, reden in zip(dlq_coa + dlq_ind, redenen, strict=True):
        assert "400000" not in reden and "x" * 20 not in reden       # no input values in reasons
        assert record.key is None                                   # no partner key copied
        assert dict(record.headers)["dlq_service"] in (b"opvang", b"huisvesting")
    groot_in_dlq = [r for r in dlq_coa if dict(r.headers)["dlq_reason"].startswith(b"te-groot")]
    assert [len(r.value) > 1_000_000 for r in groot_in_dlq] == [True] * len(te_groot)  # kept whole: nothing disappears
    geplaatst = await keten.wacht_op(topics.GEMEENTE_OPVANG,
                                     lambda es: bool(van_type(es, opvang.BEWONER_GEPLAATST)))
    assert [e.subject for e in van_type(geplaatst, opvang.BEWONER_GEPLAATST)] == [str(keten.persoon("4000000299"))]
    verwacht = {"geen-json": 1, "onbekend-type": 1, "ongeldige-data": 2, "te-groot": len(te_groot), "domeinregel": 1}

    def geteld() -> dict[str, float]:                   # counted per reason, after each DLQ publish
        return {r: waarde("welkom_inbox_dlq_messages_total", service="huisvesting" if r == "domeinregel"
                          else "opvang", topic=topics.KETEN_COA, reason=r) - dlq_voor[r] for r in verwacht}
    await wacht_tot(lambda: all(geteld()[r] >= n for r, n in verwacht.items()), wat="the DLQ counters")
    assert geteld() == verwacht


@pytest.mark.huisvesting_vereist()  # about publishing: no BSN/IBAN blockers
async def test_published_iff_stored_and_rebuild_equals_live(stack: Stack, keten: Keten) -> None:
    for i in range(6):
        vnummer = f"40000003{i:02d}"
        await keten.stuur(cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {
            "vnummer": vnummer, "gemeentecode": "0268", "koppeldatum": f"2024-0{1 + i % 5}-15",
            "huishouden": [{"vnummer": vnummer, "geboortedatum": "1991-01-01"}]}))
    await keten.wacht_op(topics.GEMEENTE_HUISVESTING,
                         lambda es: len(van_type(es, huisvesting.HUISVESTINGSDOSSIER_GEOPEND)) == 6)
    for i in range(4):
        await keten.stuur(cloudevent(corporaties.WONING_BESCHIKBAAR_GESTELD, {
            "woning_id": f"w-{i}", "wijk": "Lindenholt", "soort": "flex", "max_bewoners": 1,
            "beschikbaar_per": "2024-05-01"}))
    events = await keten.wacht_op(topics.GEMEENTE_HUISVESTING,
                                  lambda es: len(van_type(es, huisvesting.WONING_AANGEBODEN)) == 4)
    await stack.verloop_tijd(dt.date(2024, 8, 1))
    app, relay = stack.apps["huisvesting"], stack.relays["huisvesting"]
    await wacht_tot(lambda: relay.positie() == app.recorder.max_notification_id(),
                    wat="the relay to have published every stored event")
    events = await keten.events(topics.GEMEENTE_HUISVESTING)
    gepubliceerd_per_dossier = {}
    for e in events:
        if e.type != huisvesting.TAAKSTELLING_GEREGISTREERD:
            gepubliceerd_per_dossier.setdefault(str(e.data.dossier_id), []).append(e.type)
    for dossier_id, typen in gepubliceerd_per_dossier.items():
        opgeslagen = app.repository.get(__import__("uuid").UUID(dossier_id)).version
        assert len(typen) == opgeslagen, (typen, opgeslagen)
    assert len({e.id for e in events}) == len(events)
    oudste = van_type(events, huisvesting.WONING_AANGEBODEN)
    assert len(oudste) == 4
    herbouwd = herbouw(apps := open_apps(stack.settings))
    for peildatum in ("2024-02-01", "2024-04-01", "2024-07-01", "2024-12-31"):
        d = dt.date.fromisoformat(peildatum)
        assert herbouwd.rapport(d) == stack.projectie.rapport(d)
    for a in apps.values():
        a.close()
    # Koppelingen 15 Jan (2), Feb, Mar, Apr, May; homes on 1 May go to Jan, Jan, Feb (their terms
    # had run out: late) and Mar (in time). On 1 Aug Apr and May are past term without any offer.
    assert stack.projectie.rapport(dt.date(2024, 8, 1))["huisvesting"]["dossiers_over_termijn"] == 5
