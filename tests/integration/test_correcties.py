"""Over HTTP on the running stack: an IBAN dated 9999-12-31 or for an unknown person is refused (422, nothing
recorded); a wrongly dated IBAN is corrected, published, audited, and the report's blocked days follow it."""

from __future__ import annotations

import asyncio
import datetime as dt

import httpx
import pytest

from events import brp, coa, huisvesting, topics
from keten import Keten, cloudevent, van_type
from services.rapportage.projectie import herbouw
from services.stack import Stack
from services.toegang.rollen import AUDITOR, OPERATOR, WOONCONSULENT
from toegang_hulp import Uitgever

pytestmark = pytest.mark.integration

HOOFD = "2098000001"
IBAN = "NL91ABNA0417164300"


async def test_an_iban_dated_9999_is_refused_and_a_wrong_date_is_corrected_in_report_bus_and_audit(
    stack: Stack, keten: Keten
) -> None:
    huisvesting_app = stack.apps["huisvesting"]
    tokens = Uitgever.van(stack.settings)
    woonconsulent, operator, auditor = tokens.kop(WOONCONSULENT), tokens.kop(OPERATOR), tokens.kop(AUDITOR)
    async with httpx.AsyncClient(base_url=stack.http_url, headers=woonconsulent) as api:
        onbekend = await api.post("/v1/huisvesting/ibans", json={"vnummer": HOOFD, "iban": IBAN, "datum": "2024-02-14"})
        assert onbekend.status_code == 422 and onbekend.json()["title"] == "domeinregel:PersoonOnbekendFout"
        assert huisvesting_app.recorder.max_notification_id() is None, "an unknown person: nothing recorded"

        await keten.stuur(cloudevent(brp.INGESCHREVEN_IMMIGRATIE, {"vnummer": HOOFD, "bsn": "209800008",
                                                                      "datum": "2024-01-22"}))
        await keten.stuur(cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {
            "vnummer": HOOFD, "gemeentecode": "0268", "koppeldatum": "2024-02-12",
            "huishouden": [{"vnummer": HOOFD, "geboortedatum": "1987-04-02"}]}))
        await keten.wacht_op(topics.GEMEENTE_HUISVESTING,
                             lambda es: any(e.data.ontbreekt == ["iban"]
                                            for e in van_type(es, huisvesting.HUISVESTINGSDOSSIER_GEBLOKKEERD)))
        voor = huisvesting_app.recorder.max_notification_id()

        ver = await api.post("/v1/huisvesting/ibans", json={"vnummer": HOOFD, "iban": IBAN, "datum": "9999-12-31"})
        assert ver.status_code == 422 and ver.headers["content-type"] == "application/problem+json"
        assert ver.json()["title"] == "domeinregel:ToekomstigeDatumFout" and HOOFD not in ver.text
        assert huisvesting_app.recorder.max_notification_id() == voor

        # A month typed wrong (March for February) is accepted; the report counts 31 days blocked ...
        fout = await api.post("/v1/huisvesting/ibans", json={"vnummer": HOOFD, "iban": IBAN, "datum": "2024-03-14"})
        assert fout.status_code == 200, fout.text
        rapport = (await api.get("/v1/rapport", params={"peildatum": "2024-06-30"},
                                 headers=operator)).json()["huisvesting"]
        assert rapport["geblokkeerd"]["dagen_totaal"] == 31
        weer = await api.post("/v1/huisvesting/ibans", json={"vnummer": HOOFD, "iban": IBAN, "datum": "2024-02-14"})
        assert weer.status_code == 422 and weer.json()["title"] == "domeinregel:IbanAlGeregistreerdFout"

        # ... until staff correct it: 2 days, from the correction on, on every peildatum.
        correctie = await api.post("/v1/huisvesting/iban-correcties", json={
            "vnummer": HOOFD, "datum": "2024-02-14", "reden": "maand verkeerd ingevoerd"})
        assert correctie.status_code == 200, correctie.text
        for peildatum, dagen in (("2024-02-13", 1), ("2024-03-01", 2), ("2024-06-30", 2)):
            rapport = (await api.get("/v1/rapport", params={"peildatum": peildatum},
                                     headers=operator)).json()["huisvesting"]
            assert rapport["geblokkeerd"]["dagen_totaal"] == dagen, peildatum

        events = await keten.wacht_op(topics.GEMEENTE_HUISVESTING,
                                      lambda es: bool(van_type(es, huisvesting.DEBLOKKERING_GECORRIGEERD)))
        [iban] = van_type(events, huisvesting.IBAN_REGISTRATIE_GECORRIGEERD)
        [deblokkering] = van_type(events, huisvesting.DEBLOKKERING_GECORRIGEERD)
        assert (iban.data.oude_datum, iban.data.datum) == (dt.date(2024, 3, 14), dt.date(2024, 2, 14))
        assert (deblokkering.data.oude_datum, deblokkering.data.datum) == (dt.date(2024, 3, 14), dt.date(2024, 2, 14))
        assert iban.subject == deblokkering.subject == str(keten.persoon(HOOFD))

        audit = (await api.post("/v1/audit", json={"vnummer": HOOFD, "doel": "controle correctie IBAN-datum"},
                                headers=auditor)).json()["tijdlijn"]
        namen = [r["gebeurtenis"] for r in audit if r["service"] == "huisvesting"]
        assert {"Geregistreerd", "RegistratieGecorrigeerd", "Gedeblokkeerd", "DeblokkeringGecorrigeerd"} <= set(namen)
    opnieuw = await asyncio.to_thread(lambda: herbouw(stack.apps).rapport(dt.date(2024, 6, 30)))
    assert opnieuw == await asyncio.to_thread(stack.projectie.rapport, dt.date(2024, 6, 30)), "rebuilt == live"
