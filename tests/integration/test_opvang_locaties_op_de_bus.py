"""Opvang's locations on the real bus and stores: occupancy over time against capacity, and the Spreidingswet taakstelling on the seed's facts."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import httpx
import pytest

from events import coa, corporaties, huisvesting, opvang, rijk, topics
from keten import Keten, cloudevent, van_type, wacht_tot
from services.opvang.domain.locatie import Locatie
from services.rapportage.projectie import herbouw
from services.stack import Stack, open_apps
from services.toegang.rollen import OPERATOR, OPVANG_MEDEWERKER, WOONCONSULENT
from toegang_hulp import Uitgever

pytestmark = pytest.mark.integration

AMIRA, BASHIR, CHIRO, DANA = "3020000001", "3020000002", "3020000003", "3020000004"
D = dt.date


def locatie(locatie_id: str, soort: str, capaciteit: int, datum: str, gemeentecode: str = "0268",
            **extra: Any) -> dict[str, Any]:
    return cloudevent(coa.LOCATIE_GEOPEND, {"locatie_id": locatie_id, "naam": locatie_id, "gemeentecode": gemeentecode,
                                            "soort": soort, "capaciteit": capaciteit, "datum": datum, **extra})


def plaatsing(vnummer: str, locatie_id: str, datum: str) -> dict[str, Any]:
    return cloudevent(coa.ASIELZOEKER_GEPLAATST, {"vnummer": vnummer, "locatie_id": locatie_id, "datum": datum})


def bezetting(rapport: dict[str, Any]) -> dict[str, tuple[int, int | None]]:
    """Per location: (persons, places)."""
    return {i: (p["bezetting"], p["capaciteit"]) for i, p in rapport["opvang"]["bezetting"]["per_locatie"].items()}


@pytest.mark.huisvesting_vereist()
async def test_occupancy_follows_placements_moves_and_a_move_in_against_capacity(stack: Stack, keten: Keten) -> None:
    tokens = Uitgever.van(stack.settings)
    # COA runs the AZC and a small noodopvang that closes in June; the gemeente registers its own TGO.
    await keten.stuur(locatie("azc-dommer", "azc", 400, "2017-01-01"),
                      locatie("noodopvang-heumensoord", "noodopvang", 2, "2024-01-01", geplande_sluiting="2024-06-01"))
    await wacht_tot(lambda: Locatie.create_id("azc-dommer") in stack.apps["opvang"].repository, wat="the AZC")
    async with httpx.AsyncClient(base_url=stack.http_url) as api:
        tgo = {"locatie_id": "tgo-groenestraat", "naam": "Groenestraat", "soort": "tgo", "capaciteit": 1,
               "datum": "2024-01-01"}
        antwoord = await api.post("/v1/opvang/locatie-openingen", json=tgo, headers=tokens.kop(OPVANG_MEDEWERKER))
        assert antwoord.status_code == 200, antwoord.text
        verboden = await api.post("/v1/opvang/locatie-sluitingen", headers=tokens.kop(OPVANG_MEDEWERKER),
                                  json={"locatie_id": "azc-dommer", "datum": "2024-02-01"})
        assert verboden.status_code == 422 and verboden.json()["title"] == "domeinregel:AndereBeheerderFout"

    # Three persons in the noodopvang's two places, one in the TGO; Amira is linked to Nijmegen.
    await keten.stuur(*(plaatsing(v, "noodopvang-heumensoord", "2024-01-10") for v in (AMIRA, BASHIR, CHIRO)),
                      plaatsing(DANA, "tgo-groenestraat", "2024-01-15"))
    await keten.stuur(cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {
        "vnummer": AMIRA, "gemeentecode": "0268", "koppeldatum": "2024-02-12",
        "huishouden": [{"vnummer": AMIRA, "geboortedatum": "1990-01-01"}]}))
    await keten.stuur(cloudevent(corporaties.WONING_BESCHIKBAAR_GESTELD, {
        "woning_id": "talis-12", "wijk": "Lindenholt", "soort": "regulier", "max_bewoners": 1,
        "beschikbaar_per": "2024-04-01"}))
    await keten.wacht_op(topics.GEMEENTE_HUISVESTING, lambda es: bool(van_type(es, huisvesting.WONING_AANGEBODEN)))
    async with httpx.AsyncClient(base_url=stack.http_url) as api:
        for pad, datum in (("aanbod-acceptaties", "2024-04-05"), ("verhuizingen", "2024-04-12")):
            antwoord = await api.post(f"/v1/huisvesting/{pad}", headers=tokens.kop(WOONCONSULENT),
                                      json={"vnummer": AMIRA, "woning_id": "talis-12", "datum": datum})
            assert antwoord.status_code == 200, antwoord.text
    # Amira moved into her home; in May COA moves the other two to the AZC and closes the noodopvang.
    await keten.wacht_op(topics.GEMEENTE_OPVANG, lambda es: bool(van_type(es, opvang.BEWONER_UITGESTROOMD)))
    await keten.stuur(*(cloudevent(coa.ASIELZOEKER_VERPLAATST, {
        "vnummer": v, "van_locatie_id": "noodopvang-heumensoord", "naar_locatie_id": "azc-dommer",
        "datum": "2024-05-15"}) for v in (BASHIR, CHIRO)),
        cloudevent(coa.LOCATIE_GESLOTEN, {"locatie_id": "noodopvang-heumensoord", "datum": "2024-06-01"}))
    gepubliceerd = await keten.wacht_op(topics.GEMEENTE_OPVANG, lambda es: bool(
        van_type(es, opvang.LOCATIE_SLUITING_GEREGISTREERD)) and len(van_type(es, opvang.BEWONER_VERPLAATST)) == 2)
    assert [e.data.locatie_id for e in van_type(gepubliceerd, opvang.LOCATIE_GEREGISTREERD)] == [
        "azc-dommer", "noodopvang-heumensoord", "tgo-groenestraat"]
    assert all(e.subject is None for e in van_type(gepubliceerd, opvang.LOCATIE_GEREGISTREERD))

    await asyncio.to_thread(stack.projectie.bij)
    januari, april, juni = (stack.projectie.rapport(d) for d in (D(2024, 1, 31), D(2024, 4, 30), D(2024, 6, 1)))
    assert bezetting(januari) == {"azc-dommer": (0, 400), "noodopvang-heumensoord": (3, 2), "tgo-groenestraat": (1, 1)}
    assert januari["opvang"]["bezetting"]["locaties_boven_capaciteit"] == 1
    assert bezetting(april)["noodopvang-heumensoord"] == (2, 2)
    assert bezetting(juni) == {"azc-dommer": (2, 400), "tgo-groenestraat": (1, 1)}
    assert juni["opvang"]["locaties"]["noodopvang"] == {"aantal": 0, "capaciteit": 0, "bezetting": 0}
    assert juni["opvang"]["locaties"]["tgo"] == {"aantal": 1, "capaciteit": 1, "bezetting": 1}
    assert (januari["opvang"]["bewoners_in_opvang"], juni["opvang"]["bewoners_in_opvang"]) == (4, 3)
    # The operator sees the same figures over HTTP, and a rebuild of the stores gives them again.
    async with httpx.AsyncClient(base_url=stack.http_url) as api:
        via_http = (await api.get("/v1/rapport", params={"peildatum": "2024-01-31"},
                                  headers=tokens.kop(OPERATOR))).json()
    assert via_http["opvang"]["bezetting"] == januari["opvang"]["bezetting"]
    herbouwd = herbouw(open_apps(stack.settings))
    for peildatum in (D(2024, 1, 31), D(2024, 4, 30), D(2024, 6, 1)):
        assert herbouwd.rapport(peildatum)["opvang"] == stack.projectie.rapport(peildatum)["opvang"]


async def test_the_spreidingswet_taakstelling_on_the_seeds_facts(stack: Stack, keten: Keten) -> None:
    """Seed 001 §1.1: 817 places (69 AMV) per 1 July 2025; on 1 August 2024 400 at the Dommer van
    Poldersveldtweg and 120 at the Stieltjesstraat (closing September 2027): 520, so 297 to go. A
    verdeelbesluit (ours, for the test) later replaces the indicative figure from its besluitdatum on."""
    spreiding = {"gemeentecode": "0268", "cyclus": "2024-2026", "realiseren_per": "2025-07-01"}
    await keten.stuur(
        cloudevent(rijk.SPREIDINGSTAAKSTELLING_VASTGESTELD, {
            **spreiding, "fase": "indicatief", "plekken": 817, "amv_plekken": 69, "besluitdatum": "2024-02-01"}),
        cloudevent(rijk.SPREIDINGSTAAKSTELLING_VASTGESTELD, {
            **spreiding, "gemeentecode": "0202", "fase": "indicatief", "plekken": 700, "besluitdatum": "2024-02-01"}),
        locatie("azc-dommer", "azc", 400, "2017-01-01"),
        locatie("azc-stieltjesstraat", "noodopvang", 120, "2023-03-01", geplande_sluiting="2027-09-30"),
        locatie("azc-arnhem", "azc", 600, "2020-01-01", gemeentecode="0202"),
        cloudevent(rijk.SPREIDINGSTAAKSTELLING_VASTGESTELD, {
            **spreiding, "fase": "verdeelbesluit", "plekken": 760, "amv_plekken": 60, "besluitdatum": "2024-10-01"}),
    )
    gepubliceerd = await keten.wacht_op(topics.GEMEENTE_OPVANG, lambda es: len(
        van_type(es, opvang.SPREIDINGSTAAKSTELLING_GEREGISTREERD)) == 2 and len(
        van_type(es, opvang.LOCATIE_GEREGISTREERD)) == 2)
    assert [e.data.plekken for e in van_type(gepubliceerd, opvang.SPREIDINGSTAAKSTELLING_GEREGISTREERD)] == [817, 760]

    await asyncio.to_thread(stack.projectie.bij)
    augustus = stack.projectie.rapport(D(2024, 8, 1))["opvang"]["spreidingstaakstelling"]
    assert augustus == {
        "cyclus": "2024-2026", "fase": "indicatief", "besluitdatum": "2024-02-01", "plekken": 817, "amv_plekken": 69,
        "realiseren_per": "2025-07-01", "capaciteit_telt_mee": 520, "gerealiseerd": 520, "nog_te_gaan": 297,
        "amv": {"plekken": 69, "capaciteit_telt_mee": 0, "gerealiseerd": 0, "nog_te_gaan": 69},
    }
    oktober = stack.projectie.rapport(D(2024, 10, 1))["opvang"]["spreidingstaakstelling"]
    assert (oktober["fase"], oktober["plekken"], oktober["nog_te_gaan"]) == ("verdeelbesluit", 760, 240)
    assert stack.projectie.rapport(D(2024, 8, 1))["opvang"]["spreidingstaakstelling"] == augustus
