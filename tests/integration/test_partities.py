"""Six partitions: one scenario's inputs in three orders across keys (each key's own order kept) give the same reports."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import secrets
from collections import Counter
from pathlib import Path
from typing import Any

import psycopg
import pytest
from brokers import KAFKA

from events import brp, coa, corporaties, ind, rijk, topics
from events.registry import soort
from keten import Keten, cloudevent
from services.runtime.achterstand import Achterstandsmeter
from services.runtime.publisher import sleutel
from services.runtime.settings import Settings
from services.stack import Stack

pytestmark = [pytest.mark.integration, pytest.mark.kafka]

SEED = 20240601
PEILDATA = [dt.date(2024, 2, 15), dt.date(2024, 4, 15), dt.date(2024, 12, 31)]
LOCATIES = ("azc-heumensoord", "azc-dommer")
WONING_PER = "2024-04-01"
"""Homes become available after every household fact: the offer's date cannot depend on which input came last."""


def bsn(rng: random.Random) -> str:
    """A made-up BSN that passes the elfproef."""
    while True:
        cijfers = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(7)]
        rest = sum(c * w for c, w in zip(cijfers, range(9, 1, -1))) % 11
        if rest < 10:
            return "".join(map(str, cijfers + [rest]))


def dag(maand: int, rng: random.Random, van: int = 1, tot: int = 28) -> str:
    """A day of 2024 in this month, from `van` up to (not including) `tot`."""
    return dt.date(2024, maand, rng.randrange(van, tot)).isoformat()


def scenario(rng: random.Random) -> list[dict[str, Any]]:
    """The partners' CloudEvents in the order the world made them: locations open and change capacity,
    the Rijk sets (and corrects) a taakstelling and a Spreidingswet verdeelbesluit, households of two to
    four are placed, some moved, given asylum, linked to Nijmegen and registered in the BRP; one person
    is refused; a corporation offers a home for two (only one household fits it) and one for one (none fits).

    Left out, because they depend on the order of two topics, which no key can give: a refusal of a
    person in opvang (keten.ind before COA's placement on keten.coa starts no vertrektermijn) and a
    BRP registration dated before the koppeling (keten.brp first: no blockade; keten.coa first: one of
    0 days). test_volgorde_op_de_bus interleaves topics for one household."""
    uit = [cloudevent(coa.LOCATIE_GEOPEND, {"locatie_id": locatie, "naam": locatie, "gemeentecode": "0268",
                                            "soort": "azc", "capaciteit": rng.randrange(200, 600),
                                            "datum": "2023-12-01"}) for locatie in LOCATIES]
    uit += [
        cloudevent(rijk.TAAKSTELLING_VASTGESTELD, {"gemeentecode": "0268", "periode": "2024-H1", "aantal": 20}),
        cloudevent(rijk.SPREIDINGSTAAKSTELLING_VASTGESTELD, {
            "gemeentecode": "0268", "cyclus": "2024-2026", "fase": "indicatief", "plekken": 900,
            "realiseren_per": "2026-01-01", "besluitdatum": "2024-01-10"}),
        cloudevent(coa.LOCATIE_CAPACITEIT_GEWIJZIGD, {"locatie_id": LOCATIES[0], "capaciteit": 650,
                                                      "datum": dag(3, rng)}),
        cloudevent(rijk.TAAKSTELLING_VASTGESTELD, {"gemeentecode": "0268", "periode": "2024-H1", "aantal": 24}),
        cloudevent(rijk.SPREIDINGSTAAKSTELLING_VASTGESTELD, {
            "gemeentecode": "0268", "cyclus": "2024-2026", "fase": "verdeelbesluit", "plekken": 1020,
            "realiseren_per": "2026-01-01", "besluitdatum": "2024-03-20"}),
        cloudevent(rijk.TAAKSTELLING_VASTGESTELD, {"gemeentecode": "0268", "periode": "2024-H2", "aantal": 18}),
    ]
    for h, grootte in enumerate(rng.sample([2, 3, 4], 3)):
        leden = [f"16{h:04d}{i:04d}" for i in range(grootte)]
        hoofd, locatie = leden[0], rng.choice(LOCATIES)
        for vnummer in leden:
            uit.append(cloudevent(coa.ASIELZOEKER_GEPLAATST, {"vnummer": vnummer, "locatie_id": locatie,
                                                              "datum": dag(1, rng), "geboortedatum": "1990-05-05"}))
        if rng.random() < 0.7:
            uit.append(cloudevent(coa.ASIELZOEKER_VERPLAATST, {
                "vnummer": leden[-1], "van_locatie_id": locatie,
                "naar_locatie_id": next(x for x in LOCATIES if x != locatie), "datum": dag(2, rng)}))
        uit.append(cloudevent(ind.VERBLIJFSVERGUNNING_VERLEEND, {"vnummer": hoofd, "besluitdatum": dag(2, rng, 1, 14),
                                                                  "soort": "asiel"}))
        uit.append(cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {
            "vnummer": hoofd, "gemeentecode": "0268", "koppeldatum": dag(2, rng, 14, 28),
            "huishouden": [{"vnummer": v, "geboortedatum": "1990-05-05"} for v in leden]}))
        uit += [cloudevent(brp.INGESCHREVEN_IMMIGRATIE, {"vnummer": v, "bsn": bsn(rng), "datum": dag(3, rng)})
                for v in leden]  # after the koppeling (see above)
    uit.append(cloudevent(ind.ASIELAANVRAAG_AFGEWEZEN, {"vnummer": "1699990001", "besluitdatum": dag(3, rng),
                                                        "definitief": True}))
    uit += [cloudevent(corporaties.WONING_BESCHIKBAAR_GESTELD, {
        "woning_id": f"W-{n}", "wijk": "Dukenburg", "soort": "regulier", "max_bewoners": n,
        "beschikbaar_per": WONING_PER}) for n in (1, 2)]
    return uit


def stromen(events: list[dict[str, Any]], settings: Settings) -> list[list[dict[str, Any]]]:
    """The inputs per topic and key, each in its own order: all that Kafka keeps ordered."""
    per: dict[tuple[str, bytes | None], list[dict[str, Any]]] = {}
    for e in events:
        per.setdefault((soort(e["type"]).topic, sleutel(e, settings)), []).append(e)  # type: ignore[union-attr]
    return list(per.values())


def door_elkaar(events: list[dict[str, Any]], settings: Settings, rng: random.Random) -> list[dict[str, Any]]:
    """One interleaving of the streams, drawn uniformly: shuffled across keys, each key's order kept."""
    rijen = [list(s) for s in stromen(events, settings)]
    uit = []
    while any(rijen):
        rij = rng.choices([r for r in rijen if r], weights=[len(r) for r in rijen if r])[0]
        uit.append(rij.pop(0))
    return uit


async def rustig(stack: Stack, meter: Achterstandsmeter, *, ook_relays: bool = True) -> None:
    """Until the chain settled: every relay published what its service stored, and then every inbox
    committed everything on every partition of its topics; twice in a row."""
    achtereen = 0
    for _ in range(1200):
        klaar = True
        if ook_relays:
            for relay in stack.relays.values():
                hoogste = await asyncio.to_thread(relay.app.recorder.max_notification_id) or 0
                klaar = klaar and await asyncio.to_thread(relay.positie) >= hoogste
        klaar = klaar and all(n == 0 for per_topic in (await meter.meet()).values() for n in per_topic.values())
        achtereen = achtereen + 1 if klaar else 0
        if achtereen >= 2:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the chain did not settle")


async def speel(settings: Settings, keten: Keten, inputs: list[dict[str, Any]], *, een_voor_een: bool) -> dict:
    """A fresh stack (its own stores, the broker's consumer groups where the last one left them) fed
    the inputs in this order: one at a time, or all at once (the inboxes then read the partitions as
    the broker hands them out); the clock runs to the last peildatum; the reports."""
    async with Stack(settings, http=False) as stack:
        meter = Achterstandsmeter(settings, stack.bootstrap_servers, {n: a.topics() for n, a in stack.apps.items()})
        try:
            for e in inputs:
                await keten.stuur(e)
                if een_voor_een:
                    await rustig(stack, meter, ook_relays=False)  # the input's own effect, before the next
            await rustig(stack, meter)
            await stack.verloop_tijd(PEILDATA[-1] + dt.timedelta(days=1))
            await rustig(stack, meter)
        finally:
            await meter.sluit()
        assert stack.projectie is not None
        await asyncio.to_thread(stack.projectie.bij)
        return stack.projectie.rapporten(PEILDATA)


def verschillen(a: Any, b: Any, pad: str = "") -> list[str]:
    """Where two reports differ, as paths to the figures: what an order changed."""
    if isinstance(a, dict) and isinstance(b, dict):
        return [v for k in sorted(a.keys() | b.keys(), key=str)
                for v in verschillen(a.get(k), b.get(k), f"{pad}/{k}")]
    return [] if a == b else [f"{pad}: {a!r} != {b!r}"]


@pytest.mark.huisvesting_vereist("bsn")
async def test_three_orders_across_partitions_give_the_same_reports(
    settings: Settings, keten: Keten, broker_soort: str, tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    inputs = scenario(rng)
    volgordes = [door_elkaar(inputs, settings, rng) for _ in range(3)]
    assert len({tuple(e["id"] for e in v) for v in volgordes}) == 3, "three different orders"
    rapporten, prefixen = [], []
    try:
        for n, volgorde in enumerate(volgordes):
            eigen: dict[str, Any] = {"data_dir": tmp_path / f"volgorde{n}"}
            if settings.database_url:
                prefixen.append(f"p{secrets.token_hex(4)}_")
                eigen["database_schema_prefix"] = prefixen[-1]
            rapporten.append(await speel(settings.model_copy(update=eigen), keten, volgorde, een_voor_een=n < 2))
    finally:
        if settings.database_url:
            with psycopg.connect(settings.database_url, autocommit=True) as conn:
                for prefix in prefixen:
                    for service in ("opvang", "huisvesting", "inburgering", "mzd", "logboek"):
                        conn.execute(f'DROP SCHEMA IF EXISTS "{prefix}{service}" CASCADE')

    anders = [f"order {n}: {v}" for n in (1, 2) for v in verschillen(rapporten[0], rapporten[n])]
    assert anders == [], "\n".join(anders)
    for topic in topics.INBOUND + topics.OUTBOUND:
        assert await keten.records(topics.dlq(topic)) == [], f"an order sent inputs to {topics.dlq(topic)}"
    eind = rapporten[0][PEILDATA[-1]]
    assert eind["huisvesting"]["dossiers_per_status"]["aangeboden"] == 1  # W-2, to the household of two
    assert eind["opvang"]["bewoners_in_opvang"] > 0
    if broker_soort == KAFKA:  # the keys really spread the inputs over the partitions
        per_partitie = Counter(m.partition for m in keten.verzonden if m.topic == topics.KETEN_COA)
        assert len(per_partitie) > 1, per_partitie
