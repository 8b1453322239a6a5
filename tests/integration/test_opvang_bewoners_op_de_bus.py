"""Opvang's bewoners on the real bus and stores: a child moved twice raises the alert's gauge, a definitive refusal ends the right to opvang when the operator advances the clock 28 days, departures and a move into a home end stays with their reason."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import httpx
import pytest

from events import coa, huisvesting, ind, opvang, topics
from keten import Keten, cloudevent, van_type
from metriek import uit_tekst
from services.rapportage.audit import tijdlijn
from services.rapportage.projectie import herbouw
from services.stack import Stack, open_apps
from services.toegang.rollen import OPERATOR, WOONCONSULENT
from toegang_hulp import Uitgever

pytestmark = pytest.mark.integration

SAMIR, AMAL, HASSAN, LINA = "3030000001", "3030000002", "3030000003", "3030000004"
"""Samir is 11; Amal's asylum application is refused; Hassan and his daughter Lina move into a home."""
HERHAALD = "welkom_opvang_kinderen_herhaald_verplaatst_personen"


def plaatsing(vnummer: str, locatie_id: str, datum: str, geboren: str, **extra: str) -> dict[str, Any]:
    return cloudevent(coa.ASIELZOEKER_GEPLAATST, {"vnummer": vnummer, "locatie_id": locatie_id, "datum": datum,
                                                  "geboortedatum": geboren, **extra})


def verplaatsing(vnummer: str, van: str, naar: str, datum: str) -> dict[str, Any]:
    return cloudevent(coa.ASIELZOEKER_VERPLAATST, {"vnummer": vnummer, "van_locatie_id": van,
                                                   "naar_locatie_id": naar, "datum": datum})


def vertrek(vnummer: str, locatie_id: str, datum: str, reden: str) -> dict[str, Any]:
    return cloudevent(coa.ASIELZOEKER_VERTROKKEN, {"vnummer": vnummer, "locatie_id": locatie_id, "datum": datum,
                                                   "reden": reden})


async def opvang_events(keten: Keten, type_: str, aantal: int) -> list[Any]:
    """The events of this type on gemeente.opvang, once there are `aantal`."""
    return van_type(await keten.wacht_op(topics.GEMEENTE_OPVANG, lambda es: len(van_type(es, type_)) >= aantal), type_)


async def gauge_wordt(stack: Stack, api: httpx.AsyncClient, naam: str, waarde: float) -> str:
    """/metrics once the gauge shows `waarde` (the stack sets the gauges from the views; set them now too)."""
    tekst = ""
    for _ in range(50):
        await asyncio.to_thread(stack.projectie.werk_metrics_bij, dt.date.today())
        tekst = (await api.get("/metrics")).text
        if uit_tekst(tekst, naam) == waarde:
            return tekst
        await asyncio.sleep(0.2)
    raise AssertionError(f"{naam} did not become {waarde}: {uit_tekst(tekst, naam)}")


async def test_a_child_moved_twice_and_a_refused_woman_whose_right_ends_28_days_later_until_she_leaves(
        stack: Stack, keten: Keten) -> None:
    tokens = Uitgever.van(stack.settings)
    # COA places Samir (11, a medical need) and Amal, and moves Samir once.
    await keten.stuur(plaatsing(SAMIR, "azc-dommer", "2024-01-10", "2012-08-20", bijzondere_behoefte="medisch"),
                      plaatsing(AMAL, "azc-dommer", "2024-03-01", "1994-02-02"),
                      verplaatsing(SAMIR, "azc-dommer", "tgo-stieltjesstraat", "2024-02-01"))
    await opvang_events(keten, opvang.BEWONER_VERPLAATST, 1)
    async with httpx.AsyncClient(base_url=stack.http_url) as api:
        await gauge_wordt(stack, api, HERHAALD, 0)

        # Seven weeks later COA moves Samir back: a child's second move within 90 days.
        await keten.stuur(verplaatsing(SAMIR, "tgo-stieltjesstraat", "azc-dommer", "2024-03-21"))
        verplaatst = await opvang_events(keten, opvang.BEWONER_VERPLAATST, 2)
        assert [e.data.verplaatsingen for e in verplaatst] == [1, 2]
        await gauge_wordt(stack, api, HERHAALD, 1)

        # The IND refuses Amal definitively (keten.ind is not ordered with keten.coa: she was placed).
        await opvang_events(keten, opvang.BEWONER_GEPLAATST, 2)
        await keten.stuur(cloudevent(ind.ASIELAANVRAAG_AFGEWEZEN, {
            "vnummer": AMAL, "besluitdatum": "2024-05-01", "definitief": True}))
        [gestart] = await opvang_events(keten, opvang.BEWONER_VERTREKTERMIJN_GESTART, 1)
        assert (gestart.subject, gestart.data.vertrektermijn_verloopt_op) == (
            str(keten.persoon(AMAL)), dt.date(2024, 5, 29))

        # The operator advances the clock: on the 28th day her right still holds, after it no longer.
        for tot, verlopen in (("2024-05-29", 0), ("2024-05-30", 1)):
            antwoord = await api.post("/v1/klok", json={"tot": tot}, headers=tokens.kop(OPERATOR))
            assert antwoord.status_code == 200, antwoord.text
            assert antwoord.json()["verlopen"]["opvang"] == verlopen, tot
        [beeindigd] = await opvang_events(keten, opvang.BEWONER_RECHT_OP_OPVANG_BEEINDIGD, 1)
        assert (beeindigd.data.verlopen_op, beeindigd.data.locatie_id) == (dt.date(2024, 5, 29), "azc-dommer")

        # She stays without a right until COA reports her departure, and the stay ends with its reason.
        rapport = (await api.get("/v1/rapport", params={"peildatum": "2024-06-10"},
                                 headers=tokens.kop(OPERATOR))).json()["opvang"]
        assert rapport["recht_op_opvang_beeindigd"] == {"personen": 1, "nog_in_opvang": 1}
        await keten.stuur(vertrek(AMAL, "azc-dommer", "2024-06-12", "einde-recht-op-opvang"))
        [uit] = await opvang_events(keten, opvang.BEWONER_UITGESTROOMD, 1)
        assert (uit.subject, uit.data.reden, uit.data.datum) == (str(keten.persoon(AMAL)), "einde-recht-op-opvang",
                                                                 dt.date(2024, 6, 12))
        rapport = (await api.get("/v1/rapport", params={"peildatum": "2024-06-30"},
                                 headers=tokens.kop(OPERATOR))).json()["opvang"]

    assert rapport["recht_op_opvang_beeindigd"] == {"personen": 1, "nog_in_opvang": 0}
    assert rapport["uitstroom"]["maand"]["per_reden"]["einde-recht-op-opvang"] == 1
    assert rapport["kinderen"] == {"personen": 1, "mediaan": 2, "p90": 2, "twee_of_meer": 1,
                                        "aandeel_twee_of_meer": 1.0, "verplaatsingen": 2, "herhaald_verplaatst": 1}
    assert rapport["bijzondere_behoeften"]["medisch"] == "<5", "one child with a medical need is no number to show"
    assert "medisch" not in str(await keten.records(topics.GEMEENTE_OPVANG)), "nor is it published"

    # The auditor sees Amal's locations and why her stay ended, and Samir's moves.
    amal = [(r["gebeurtenis"], r["feiten"].get("locatie_id"), r["feiten"].get("reden"))
            for r in tijdlijn(stack.apps, keten.persoon(AMAL)) if r["service"] == "opvang"]
    assert amal[1:] == [("Geplaatst", "azc-dommer", None), ("DefinitiefAfgewezen", "azc-dommer", None),
                        ("RechtOpOpvangBeeindigd", "azc-dommer", None),
                        ("Uitgestroomd", "azc-dommer", "einde-recht-op-opvang")]
    samir = [r["gebeurtenis"] for r in tijdlijn(stack.apps, keten.persoon(SAMIR)) if r["service"] == "opvang"]
    assert samir[1:] == ["Geplaatst", "Verplaatst", "Verplaatst", "KindHerhaaldVerplaatst"]
    herbouwd = open_apps(stack.settings)  # once, and closed: PostgreSQL's connections are few
    try:
        for peildatum in (dt.date(2024, 3, 20), dt.date(2024, 5, 30), dt.date(2024, 6, 30)):
            assert herbouw(herbouwd).rapport(peildatum) == stack.projectie.rapport(peildatum)
    finally:
        for app in herbouwd.values():
            app.close()


@pytest.mark.huisvesting_vereist()
async def test_a_father_and_daughter_who_move_into_a_home_leave_the_opvang_as_housed(
        stack: Stack, keten: Keten) -> None:
    tokens = Uitgever.van(stack.settings)
    await keten.stuur(plaatsing(HASSAN, "azc-dommer", "2024-01-08", "1985-04-04", bijzondere_behoefte="alleenstaande-ouder"),
                      plaatsing(LINA, "azc-dommer", "2024-01-08", "2015-09-09"))
    await opvang_events(keten, opvang.BEWONER_GEPLAATST, 2)
    await keten.stuur(cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {
        "vnummer": HASSAN, "gemeentecode": "0268", "koppeldatum": "2024-02-12",
        "huishouden": [{"vnummer": HASSAN, "geboortedatum": "1985-04-04"},
                       {"vnummer": LINA, "geboortedatum": "2015-09-09"}]}))
    await keten.stuur(cloudevent("nl.woningen.woning-beschikbaar-gesteld", {
        "woning_id": "talis-12", "wijk": "Dukenburg", "soort": "regulier", "max_bewoners": 2,
        "beschikbaar_per": "2024-04-02"}))
    await keten.wacht_op(topics.GEMEENTE_HUISVESTING, lambda es: bool(van_type(es, huisvesting.WONING_AANGEBODEN)))
    async with httpx.AsyncClient(base_url=stack.http_url) as api:
        for pad, datum in (("aanbod-acceptaties", "2024-04-05"), ("verhuizingen", "2024-04-12")):
            antwoord = await api.post(f"/v1/huisvesting/{pad}", headers=tokens.kop(WOONCONSULENT),
                                      json={"vnummer": HASSAN, "woning_id": "talis-12", "datum": datum})
            assert antwoord.status_code == 200, antwoord.text

        uitgestroomd = await opvang_events(keten, opvang.BEWONER_UITGESTROOMD, 2)
        assert sorted((e.subject, e.data.reden, e.data.datum) for e in uitgestroomd) == sorted(
            (str(keten.persoon(v)), "gehuisvest", dt.date(2024, 4, 12)) for v in (HASSAN, LINA))
        rapport = (await api.get("/v1/rapport", params={"peildatum": "2024-04-30"},
                                 headers=tokens.kop(OPERATOR))).json()["opvang"]

    assert rapport["bewoners_in_opvang"] == 0
    assert rapport["uitstroom"]["maand"] == {"periode": "2024-04", "totaal": 2, "per_reden": {
        "gehuisvest": 2, "zelfstandig-vertrokken": 0, "overgeplaatst-andere-gemeente": 0,
        "einde-recht-op-opvang": 0, "overleden": 0, "onbekend": 0}}
    assert rapport["kinderen"]["personen"] == 1 and rapport["verplaatsingen_per_persoon"]["personen"] == 2
