"""VWN's maatschappelijke begeleiding through keten.vwn and klantregisseurs' participatie through the HTTP API, on Tansu with PostgreSQL and SQLite: the bus, the clock, the report, the gauges and the kengetallen page."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
from html import unescape
from typing import Any

import httpx
import pytest

from events import coa, inburgering_begeleiding as uit, topics, vwn
from keten import Keten, cloudevent, van_type
from metriek import uit_tekst
from services.stack import Stack
from services.toegang.rollen import KLANTREGISSEUR, OPERATOR
from toegang_hulp import Uitgever

pytestmark = pytest.mark.integration
AMAL, BILAL, DANI = "4030000001", "4030000002", "4030000003"
"""Amal and Bilal are linked to Nijmegen in 2021; Dani is a statushouder welkom has no traject for."""
D = dt.date
KENGETAL = re.compile(r'data-kengetal="(inburgering\.(?:begeleiding|participatie)[^"]*)" data-waarde="([^"]*)"')
MATRIX = {"financien": 2, "sociaal_netwerk": 2, "werk_en_opleiding": 1, "maatschappelijke_participatie": 3,
          "huisvesting": 3, "fysieke_gezondheid": 4, "mentale_gezondheid": 3}


def vwn_event(type_: str, vnummer: str, datum: str, **extra: str) -> dict[str, Any]:
    return cloudevent(type_, {"vnummer": vnummer, "datum": datum, **extra})


def beeindigd(events: list[Any]) -> dict[str, tuple[str, str]]:
    """Per persoon_id: (last day, reason) of the begeleiding's end on the bus."""
    return {str(e.data.persoon_id): (e.data.datum.isoformat(), e.data.reden)
            for e in van_type(events, uit.MAATSCHAPPELIJKE_BEGELEIDING_BEEINDIGD)}


async def test_begeleiding_started_extended_ended_and_run_out_and_participatie_measured_show_in_report_gauges_and_page(
        stack: Stack, keten: Keten) -> None:
    tokens = Uitgever.van(stack.settings)
    amal, bilal, dani = (keten.persoon(v) for v in (AMAL, BILAL, DANI))
    await keten.stuur(cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {
        "vnummer": AMAL, "gemeentecode": "0268", "koppeldatum": "2021-03-01",
        "huishouden": [{"vnummer": AMAL, "geboortedatum": "1990-01-01"}, {"vnummer": BILAL, "geboortedatum": "1992-05-05"}]}))
    await keten.stuur(
        vwn_event(vwn.MAATSCHAPPELIJKE_BEGELEIDING_GESTART, AMAL, "2024-01-15"),
        vwn_event(vwn.MAATSCHAPPELIJKE_BEGELEIDING_GESTART, BILAL, "2024-01-15"),
        vwn_event(vwn.MAATSCHAPPELIJKE_BEGELEIDING_GESTART, DANI, "2024-02-01"),
        vwn_event(vwn.MAATSCHAPPELIJKE_BEGELEIDING_VERLENGD, AMAL, "2024-09-01"),  # to the 12 months
        vwn_event(vwn.MAATSCHAPPELIJKE_BEGELEIDING_VERLENGD, BILAL, "2024-09-01", einddatum="2025-01-16"),  # past 12
        vwn_event(vwn.MAATSCHAPPELIJKE_BEGELEIDING_BEEINDIGD, DANI, "2024-06-30"),
    )
    gepubliceerd = await keten.wacht_op(topics.GEMEENTE_INBURGERING, lambda es: len(
        van_type(es, uit.MAATSCHAPPELIJKE_BEGELEIDING_GESTART)) == 3 and bool(
        van_type(es, uit.MAATSCHAPPELIJKE_BEGELEIDING_VERLENGD)) and bool(beeindigd(es)))
    assert {e.subject for e in van_type(gepubliceerd, uit.MAATSCHAPPELIJKE_BEGELEIDING_GESTART)} == {
        str(amal), str(bilal), str(dani)}, "Dani's begeleiding is recorded too, without a traject"
    verlengd = van_type(gepubliceerd, uit.MAATSCHAPPELIJKE_BEGELEIDING_VERLENGD)
    assert [(e.subject, e.data.einddatum.isoformat()) for e in verlengd] == [(str(amal), "2025-01-15")]
    dlq = await keten.wacht_op(topics.dlq(topics.KETEN_VWN), lambda rs: len(rs) == 1, rauw=True)
    reden = dict(dlq[0].headers)["dlq_reason"].decode()
    assert reden == "domeinregel:VerlengingTeLangFout" and BILAL not in reden

    async with httpx.AsyncClient(base_url=stack.http_url, timeout=30) as api:
        operator, klantregisseur = tokens.kop(OPERATOR), tokens.kop(KLANTREGISSEUR)

        async def rapport(peildatum: str) -> dict[str, Any]:
            antwoord = await api.get("/v1/rapport", params={"peildatum": peildatum}, headers=operator)
            assert antwoord.status_code == 200, antwoord.text
            return antwoord.json()["inburgering"]

        # The clock records the end of the begeleidingen VWN did not end: Bilal after 8 months, Amal after 12.
        klok = await api.post("/v1/klok", json={"tot": "2025-01-16"}, headers=operator)
        assert klok.status_code == 200, klok.text
        einden = beeindigd(await keten.wacht_op(topics.GEMEENTE_INBURGERING, lambda es: len(beeindigd(es)) == 3))
        assert einden == {str(dani): ("2024-06-30", "beeindigd-door-vwn"), str(bilal): ("2024-09-15", "termijn-verstreken"),
                          str(amal): ("2025-01-15", "termijn-verstreken")}

        await asyncio.to_thread(stack.projectie.bij)
        oktober = (await rapport("2024-10-01"))["begeleiding"]
        assert (oktober["lopend"], oktober["lopend_verlengd"], oktober["gestart"]) == (1, 1, 3)
        assert oktober["afgelopen"] == {"totaal": 2, "beeindigd_door_vwn": 1, "termijn_verstreken": 1}
        assert (await rapport("2024-03-01"))["begeleiding"]["lopend_zonder_traject"] == 1
        assert (await rapport("2025-02-01"))["begeleiding"]["afgelopen"]["totaal"] == 3

        # Klantregisseurs measure participatie; the report after three years changes with it.
        voor = (await rapport("2024-06-01"))["participatie"]
        assert (voor["na_drie_jaar"]["cohort"], voor["na_drie_jaar"]["trede_4_plus"], voor["gemeten"]) == (2, 0, 0)
        for vnummer, trede in ((AMAL, 5), (BILAL, 3)):
            antwoord = await api.post("/v1/inburgering/participatietreden", headers=klantregisseur,
                                      json={"vnummer": vnummer, "datum": "2023-06-01", "trede": trede})
            assert antwoord.status_code == 200, antwoord.text
        for datum, werk in (("2021-06-01", 1), ("2023-06-01", 4)):
            antwoord = await api.post("/v1/inburgering/zelfredzaamheidsmetingen", headers=klantregisseur,
                                      json={"vnummer": AMAL, "datum": datum, **MATRIX, "werk_en_opleiding": werk,
                                            "financien": 2 + (werk > 1)})
            assert antwoord.status_code == 200, antwoord.text
        onbekend = await api.post("/v1/inburgering/participatietreden", headers=klantregisseur,
                                  json={"vnummer": DANI, "datum": "2024-06-01", "trede": 2})
        assert onbekend.status_code == 422 and onbekend.json()["title"] == "domeinregel:TrajectOnbekendFout"
        assert DANI not in onbekend.text
        geen_rol = await api.post("/v1/inburgering/participatietreden", headers=operator,
                                  json={"vnummer": AMAL, "datum": "2024-06-01", "trede": 2})
        assert geen_rol.status_code == 403

        gemeten = await keten.wacht_op(topics.GEMEENTE_INBURGERING, lambda es: len(
            van_type(es, uit.PARTICIPATIETREDE_GEMETEN)) == 2)
        assert not any("gezondheid" in json.dumps(e.data.model_dump(mode="json")) for e in gemeten)
        await asyncio.to_thread(stack.projectie.bij)
        na = (await rapport("2024-06-01"))["participatie"]
        drie = na["na_drie_jaar"]
        assert (na["gemeten"], na["per_trede"]["5"], na["per_trede"]["3"]) == (2, 1, 1)
        assert (drie["trede_4_plus"], drie["trede_5_6"], drie["doelen_behaald"]) == (1, 1, 1)
        assert (drie["aandeel_trede_4_plus"], drie["aandeel_doelen_behaald"]) == (0.5, 0.5)
        assert na["zelfredzaamheid"]["per_levensgebied"]["werk-en-opleiding"]["4"] == "<5"

        # The gauges describe today; the page shows the report's figures.
        await asyncio.to_thread(stack.projectie.werk_metrics_bij, D.today())
        metrics = (await api.get("/metrics")).text
        assert uit_tekst(metrics, "welkom_inburgering_participatie_trede_personen", trede="5") == 1
        assert uit_tekst(metrics, "welkom_inburgering_participatie_na_drie_jaar_ratio", maat="trede_4_plus") == 0.5
        assert uit_tekst(metrics, "welkom_inburgering_begeleiding_afgelopen_personen", wijze="termijn_verstreken") == 2
        pagina = await api.get("/", params={"peildatum": "2024-10-01"}, headers=operator)
        assert pagina.status_code == 200
        getoond = {pad: json.loads(unescape(w)) for pad, w in KENGETAL.findall(pagina.text)}
        volledig = await api.get("/v1/rapport", params={"peildatum": "2024-10-01"}, headers=operator)
        assert getoond["inburgering.begeleiding.lopend"] == volledig.json()["inburgering"]["begeleiding"]["lopend"] == 1
        assert getoond["inburgering.participatie.na_drie_jaar.trede_4_plus"] == 1
        for pad, waarde in getoond.items():
            deel = volledig.json()
            for sleutel in pad.split("."):
                deel = deel[sleutel]
            assert waarde == deel, pad
