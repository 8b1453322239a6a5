"""Mzd on the real bus and stores: a case follows the person through a refusal, a repeat application and a second refusal; BBB-opvang is refused without binding and admitted with it; the BBB organisations' placements and departures on keten.bbb change the occupancy."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import httpx
import pytest

from events import bbb, ind, mzd, topics
from keten import Keten, cloudevent, van_type
from metriek import uit_tekst
from services.rapportage.audit import tijdlijn
from services.stack import Stack
from services.toegang.rollen import MZD_MEDEWERKER, OPERATOR
from toegang_hulp import Uitgever

pytestmark = pytest.mark.integration

YONAS, SARA, DAWIT = "3140000001", "3140000002", "3140000003"
"""Yonas is refused twice; Sara has no binding with Nijmegen; Dawit is admitted and placed by SNOV."""


def afwijzing(vnummer: str, datum: str) -> dict[str, Any]:
    return cloudevent(ind.ASIELAANVRAAG_AFGEWEZEN, {"vnummer": vnummer, "besluitdatum": datum, "definitief": True})


async def mzd_events(keten: Keten, type_: str, aantal: int) -> list[Any]:
    """The events of this type on gemeente.mzd, once there are `aantal`."""
    return van_type(await keten.wacht_op(topics.GEMEENTE_MZD, lambda es: len(van_type(es, type_)) >= aantal), type_)


async def rapport(api: httpx.AsyncClient, tokens: Uitgever, peildatum: str) -> dict[str, Any]:
    antwoord = await api.get("/v1/rapport", params={"peildatum": peildatum}, headers=tokens.kop(OPERATOR))
    assert antwoord.status_code == 200, antwoord.text
    return antwoord.json()["mzd"]


async def opdracht(api: httpx.AsyncClient, tokens: Uitgever, pad: str, **body: Any) -> httpx.Response:
    return await api.post(f"/v1/mzd/{pad}", json=body, headers=tokens.kop(MZD_MEDEWERKER))


async def test_a_refusal_a_repeat_application_and_a_second_refusal_make_one_case_with_two_vertrektermijnen(
        stack: Stack, keten: Keten) -> None:
    tokens = Uitgever.van(stack.settings)
    await keten.stuur(afwijzing(YONAS, "2024-02-01"),
                      cloudevent(ind.ASIELAANVRAAG_INGEDIEND, {"vnummer": YONAS, "datum": "2024-02-20",
                                                               "herhaald": True}))
    await mzd_events(keten, mzd.PROCEDURE_GESTART, 1)
    async with httpx.AsyncClient(base_url=stack.http_url) as api:
        # The clock passes the first term's last day: the procedure stopped it, nothing expires.
        klok = await api.post("/v1/klok", json={"tot": "2024-06-01"}, headers=tokens.kop(OPERATOR))
        assert klok.status_code == 200 and klok.json()["verlopen"]["mzd"] == 0, klok.text
        await keten.stuur(afwijzing(YONAS, "2024-09-02"))
        [heropend] = await mzd_events(keten, mzd.ZAAK_HEROPEND, 1)
        assert (heropend.data.besluitdatum, heropend.data.vertrektermijn_verloopt_op) == (dt.date(2024, 9, 2),
                                                                                        dt.date(2024, 9, 30))
        klok = await api.post("/v1/klok", json={"tot": "2024-10-01"}, headers=tokens.kop(OPERATOR))
        assert klok.json()["verlopen"]["mzd"] == 1, klok.text
        [verstreken] = await mzd_events(keten, mzd.VERTREKTERMIJN_VERSTREKEN, 1)
        voor, tussen, na = [await rapport(api, tokens, d) for d in ("2024-02-10", "2024-06-01", "2024-10-31")]

    assert verstreken.data.verlopen_op == dt.date(2024, 9, 30)
    assert {e.data.zaak_id for e in await keten.events(topics.GEMEENTE_MZD)} == {heropend.data.zaak_id}
    assert await keten.records(topics.dlq(topics.KETEN_IND)) == [], "a second refusal is no dead letter any more"
    assert (voor["zaken_open"], voor["zaken_per_status"]["vertrektermijn"]) == (1, 1)
    assert (tussen["zaken_per_status"]["procedure-loopt"], tussen["vertrektermijnen"]) == (1, {"lopend": 0,
                                                                                             "verstreken": 0})
    assert (na["zaken_per_status"]["na-vertrektermijn"], na["vertrektermijnen"]) == (1, {"lopend": 0, "verstreken": 1})
    yonas = [r["gebeurtenis"] for r in tijdlijn(stack.apps, keten.persoon(YONAS)) if r["service"] == "mzd"]
    assert yonas == ["Geopend", "ProcedureGestart", "Heropend", "VertrektermijnVerstreken"]


async def test_bbb_refused_without_binding_admitted_with_it_and_occupancy_follows_the_organisations(
        stack: Stack, keten: Keten) -> None:
    tokens = Uitgever.van(stack.settings)
    await keten.stuur(afwijzing(SARA, "2024-03-01"), afwijzing(DAWIT, "2024-03-01"))
    await mzd_events(keten, mzd.ZAAK_GEOPEND, 2)
    async with httpx.AsyncClient(base_url=stack.http_url) as api:
        for vnummer, binding in ((SARA, False), (DAWIT, True)):
            antwoord = await opdracht(api, tokens, "bbb-aanvragen", vnummer=vnummer, datum="2024-03-04")
            assert antwoord.status_code == 200, antwoord.text
            antwoord = await opdracht(api, tokens, "bbb-beoordelingen", vnummer=vnummer, datum="2024-03-11",
                                      binding=binding, voorliggende_voorziening=False,
                                      **({"bindingsgrond": "verblijf-in-nijmegen"} if binding else {}))
            assert antwoord.status_code == 200, antwoord.text
        beoordeeld = await mzd_events(keten, mzd.BBB_BEOORDEELD, 2)
        assert {(e.subject, e.data.toegelaten, tuple(e.data.weigerredenen)) for e in beoordeeld} == {
            (str(keten.persoon(SARA)), False, ("geen-binding",)), (str(keten.persoon(DAWIT)), True, ())}

        # SNOV takes Dawit in, and (wrongly) Sara: her placement is a dead letter with the rule it broke.
        await keten.stuur(*(cloudevent(bbb.PERSOON_GEPLAATST, {"vnummer": v, "organisatie": "snov",
                                                               "datum": "2024-03-12"}) for v in (DAWIT, SARA)))
        await mzd_events(keten, mzd.BBB_GEPLAATST, 1)
        [dood] = await _dlq(keten, topics.dlq(topics.KETEN_BBB), 1)
        assert dict(dood.headers)["dlq_reason"] == b"domeinregel:NietToegelatenFout"
        geplaatst = await rapport(api, tokens, "2024-03-31")
        await _gauge(stack, api, "welkom_mzd_bbb_bezetting_personen", 1, organisatie="snov")

        await keten.stuur(cloudevent(bbb.PERSOON_VERTROKKEN, {"vnummer": DAWIT, "organisatie": "snov",
                                                              "datum": "2024-07-15", "reden": "doormigratie"}))
        await mzd_events(keten, mzd.BBB_VERTROKKEN, 1)
        voor, na = await rapport(api, tokens, "2024-03-11"), await rapport(api, tokens, "2024-07-31")

    assert geplaatst["bbb_bezetting"] == {"totaal": 1, "per_organisatie": {"snov": 1, "stichting-gast": 0,
                                                                           "wereldvrouwenhuis": 0}}
    assert geplaatst["bbb_aanvragen"]["maand"] == {
        "periode": "2024-03", "aanvragen": 2, "toegelaten": 1, "geweigerd": 1,
        "weigerredenen": {"geen-binding": 1, "voorliggende-voorziening": 0}, "direct_toegelaten": 0}
    assert (voor["in_bbb_opvang"], voor["bbb_bezetting"]["totaal"]) == (1, 0)
    assert (na["in_bbb_opvang"], na["bbb_bezetting"]["totaal"]) == (1, 0)
    assert na["tijd_in_bbb"]["afgerond"] == {"verblijven": 1, "mediaan_dagen": 125, "p90_dagen": 125}
    assert na["bbb_stromen"]["maand"]["vertrokken_per_reden"]["doormigratie"] == 1


async def _dlq(keten: Keten, topic: str, aantal: int) -> list[Any]:
    for _ in range(150):
        records = await keten.records(topic)
        if len(records) >= aantal:
            return records
        await asyncio.sleep(0.2)
    raise AssertionError(f"{topic} did not get {aantal} records")


async def _gauge(stack: Stack, api: httpx.AsyncClient, naam: str, waarde: float, **labels: str) -> None:
    tekst = ""
    for _ in range(50):
        await asyncio.to_thread(stack.projectie.werk_metrics_bij, dt.date(2024, 3, 31))
        tekst = (await api.get("/metrics")).text
        if uit_tekst(tekst, naam, **labels) == waarde:
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"{naam} did not become {waarde}: {uit_tekst(tekst, naam, **labels)}")
