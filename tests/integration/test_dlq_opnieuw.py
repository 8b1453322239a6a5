"""A nareis permit that arrived before its referent's koppeling: dead-lettered, listed, sent back once the koppeling is there."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import subprocess
import sys
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from events import coa, huisvesting, ind, topics
from keten import Keten, cloudevent, van_type, wacht_tot, welkom_env
from services.opvang.domain.bewoner import Bewoner
from services.runtime.settings import Settings
from services.stack import Stack

pytestmark = pytest.mark.integration
REFERENT, NAREIZIGER = "5700000001", "5700000009"
REDEN = "domeinregel:ReferentZonderDossierFout"
DLQ_IND = topics.dlq(topics.KETEN_IND)


def welkom(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "services.entrypoints.cli", *args], env=welkom_env(settings),
                          capture_output=True, text=True, timeout=120)


def zonder_persoonsgegevens(uit: subprocess.CompletedProcess[str]) -> bool:
    return all(v not in uit.stdout + uit.stderr for v in (REFERENT, NAREIZIGER, "57000000"))


async def verwerkt(bootstrap_servers: str, groep: str, topic: str) -> int:
    """The offset a consumer group committed on a topic (the inbox commits only after the effect is
    stored), asked by a reader that never joins the group."""
    lezer = AIOKafkaConsumer(bootstrap_servers=bootstrap_servers, group_id=groep, enable_auto_commit=False)
    await lezer.start()
    try:
        await lezer.topics()
        delen = [TopicPartition(topic, p) for p in sorted(lezer.partitions_for_topic(topic) or ())]
        return sum([await lezer.committed(deel) or 0 for deel in delen])
    finally:
        await lezer.stop()


async def alles_verwerkt(stack: Stack, keten: Keten, topic: str) -> None:
    """Wait until every service that consumes the topic has committed all of it."""
    einde = len(await keten.records(topic))
    groepen = [f"welkom-{naam}" for naam, app in stack.apps.items() if topic in app.topics()]
    for groep in groepen:
        for _ in range(300):
            if await verwerkt(stack.bootstrap_servers, groep, topic) >= einde:
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError(f"{groep} did not consume {topic} to its end")


def stand(stack: Stack, keten: Keten) -> dict[str, Any]:
    """Everything that a second resend could change: every store, the nareiziger in opvang, the report."""
    bewoner = stack.apps["opvang"].repository.get(Bewoner.create_id(keten.persoon(NAREIZIGER)))
    return {"opgeslagen": {naam: app.recorder.max_notification_id() for naam, app in stack.apps.items()},
            "bewoner": bewoner.version, "rapport": stack.projectie.rapport(dt.date(2024, 3, 1))["huisvesting"]}


async def test_a_nareis_permit_before_its_referents_koppeling_joins_the_household_once_sent_back_from_the_dlq(
    stack: Stack, keten: Keten
) -> None:
    await keten.stuur(cloudevent(ind.VERBLIJFSVERGUNNING_VERLEEND, {
        "vnummer": NAREIZIGER, "besluitdatum": "2024-01-25", "soort": "nareis", "referent_vnummer": REFERENT}))
    [dood] = await keten.wacht_op(DLQ_IND, lambda rs: len(rs) >= 1, rauw=True)
    assert dict(dood.headers)["dlq_reason"].decode() == REDEN and dict(dood.headers)["dlq_service"] == b"huisvesting"

    await keten.stuur(cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {
        "vnummer": REFERENT, "gemeentecode": "0268", "koppeldatum": "2024-01-05",
        "huishouden": [{"vnummer": REFERENT, "geboortedatum": "1990-01-01"}]}))
    await keten.wacht_op(topics.GEMEENTE_HUISVESTING, lambda es: str(keten.persoon(REFERENT)) in
                         {e.subject for e in van_type(es, huisvesting.HUISVESTINGSDOSSIER_GEOPEND)})

    lijst = await asyncio.to_thread(welkom, stack.settings, "dlq", "lijst")
    assert lijst.returncode == 0, lijst.stderr
    [regel] = [r for r in lijst.stdout.splitlines() if r.startswith(DLQ_IND + " ")]
    assert regel.split()[1:2] == [str(dood.offset)] and "huisvesting" in regel and regel.endswith(REDEN)
    assert zonder_persoonsgegevens(lijst)
    als_json = await asyncio.to_thread(welkom, stack.settings, "dlq", "lijst", "--topic", DLQ_IND, "--json")
    assert als_json.returncode == 0 and zonder_persoonsgegevens(als_json), als_json.stderr
    [rij] = json.loads(als_json.stdout)["records"]
    assert {k: rij[k] for k in ("topic", "offset", "service", "reden")} == {
        "topic": DLQ_IND, "offset": dood.offset, "service": "huisvesting", "reden": REDEN}
    assert rij["oorsprong"]["topic"] == topics.KETEN_IND and rij["tijd"].endswith("Z")

    opnieuw = await asyncio.to_thread(welkom, stack.settings, "dlq", "opnieuw", "--topic", DLQ_IND,
                                      "--offset", str(dood.offset))
    assert opnieuw.returncode == 0, opnieuw.stderr
    assert "1 record(s) opnieuw verstuurd" in opnieuw.stdout and zonder_persoonsgegevens(opnieuw)
    logboek = await asyncio.to_thread(welkom, stack.settings, "logboek", "--vnummer", NAREIZIGER, "--json")
    [herverwerkt] = [r for r in json.loads(logboek.stdout)["verwerkingen"] if r["name"] == "dlq-opnieuw-verstuurd"]
    assert herverwerkt["bron"] == f"{DLQ_IND}@{dood.offset}" and herverwerkt["actor"].startswith("cli:")
    assert herverwerkt["attributes"]["dpl.core.processing_activity_id"].endswith(":herverwerking")
    events = await keten.wacht_op(topics.GEMEENTE_HUISVESTING,
                                  lambda es: bool(van_type(es, huisvesting.NAREIZIGER_TOEGEVOEGD)))
    [toegevoegd] = van_type(events, huisvesting.NAREIZIGER_TOEGEVOEGD)
    assert toegevoegd.subject == str(keten.persoon(REFERENT))
    assert (toegevoegd.data.nareiziger_id, toegevoegd.data.huishoudgrootte) == (keten.persoon(NAREIZIGER), 2)
    await wacht_tot(lambda: stand(stack, keten)["rapport"]["nareizigers"]["toegevoegd"] == 1, wat="the report")
    assert stand(stack, keten)["rapport"]["personen_wachtend"] == 2

    origineel, terug = await keten.records(topics.KETEN_IND)   # back with its value and its headers
    assert terug.value == origineel.value
    assert [(k, v) for k, v in terug.headers if k != "correlation_id"] == list(origineel.headers)
    assert not any(k.startswith("dlq_") for k, _ in terug.headers)  # (FastStream adds correlation_id)

    # Sent back a second time, by reason: every service skips it; nothing changes anywhere.
    await alles_verwerkt(stack, keten, topics.KETEN_IND)
    voor, gepubliceerd = stand(stack, keten), len(await keten.records(topics.GEMEENTE_HUISVESTING))
    nogmaals = await asyncio.to_thread(welkom, stack.settings, "dlq", "opnieuw", "--reden", REDEN)
    assert nogmaals.returncode == 0 and "1 record(s) opnieuw verstuurd" in nogmaals.stdout, nogmaals.stderr
    assert len(await keten.records(topics.KETEN_IND)) == 3
    await alles_verwerkt(stack, keten, topics.KETEN_IND)
    assert stand(stack, keten) == voor
    assert len(await keten.records(topics.GEMEENTE_HUISVESTING)) == gepubliceerd
    assert len(await keten.records(DLQ_IND)) == 1                 # not dead-lettered again either


async def test_dlq_opnieuw_refuses_an_unknown_record_in_one_line_and_sends_nothing(stack: Stack, keten: Keten) -> None:
    leeg = await asyncio.to_thread(welkom, stack.settings, "dlq", "lijst")
    assert leeg.returncode == 0 and "geen dead-lettered records" in leeg.stdout, leeg.stderr
    for args, fout in ((("--topic", DLQ_IND, "--offset", "7"), "no such dead-lettered record: keten.ind.dlq@7"),
                       (("--reden", REDEN), f"no dead-lettered record has reason {REDEN}"),
                       ((), "choose records")):
        uit = await asyncio.to_thread(welkom, stack.settings, "dlq", "opnieuw", *args)
        assert uit.returncode != 0 and len(uit.stderr.strip().splitlines()) == 1, uit.stderr
        assert uit.stderr.startswith("welkom: ") and fout in uit.stderr, uit.stderr
    assert await keten.records(topics.KETEN_IND) == []
