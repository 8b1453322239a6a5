"""Huisvesting against the real broker and stores: blockers, refusals, the term, nareizigers, AMV,
and the report, the metrics and the audit of every step."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import httpx
import pytest

from events import brp, coa, corporaties, huisvesting, inburgering, ind, rijk, topics
from keten import Keten, cloudevent, van_type, wacht_tot
from metriek import uit_tekst
from services.huisvesting.domain.persoonsgegevens import Persoonsgegevens
from services.huisvesting.domain.wachtrij import Wachtrij
from services.rapportage.audit import tijdlijn
from services.rapportage.projectie import herbouw
from services.stack import Stack, open_apps
from services.toegang.rollen import OPERATOR, WOONCONSULENT
from toegang_hulp import Uitgever

pytestmark = pytest.mark.integration
IBAN = "NL91ABNA0417164300"


def koppeling(vnummer: str, koppeldatum: str, *leden: str, geboren: str = "1990-01-01") -> dict[str, Any]:
    huishouden = [{"vnummer": v, "geboortedatum": geboren} for v in (vnummer, *leden)]
    return cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {
        "vnummer": vnummer, "gemeentecode": "0268", "koppeldatum": koppeldatum, "huishouden": huishouden})


def woning(woning_id: str, max_bewoners: int, per: str, soort: str = "regulier", wijk: str = "Dukenburg") -> dict[str, Any]:
    return cloudevent(corporaties.WONING_BESCHIKBAAR_GESTELD, {
        "woning_id": woning_id, "wijk": wijk, "soort": soort, "max_bewoners": max_bewoners, "beschikbaar_per": per})


def bsn(vnummer: str, datum: str, nummer: str = "111222333") -> dict[str, Any]:
    return cloudevent(brp.INGESCHREVEN_IMMIGRATIE, {"vnummer": vnummer, "bsn": nummer, "datum": datum})


async def staf(stack: Stack, pad: str, **body: str) -> dict[str, Any]:
    """A woonconsulent's command, with a token of the stack's development issuer."""
    async with httpx.AsyncClient(base_url=stack.http_url) as api:
        antwoord = await api.post(f"/v1/huisvesting/{pad}", json=body,
                                  headers=Uitgever.van(stack.settings).kop(WOONCONSULENT))
    assert antwoord.status_code == 200, antwoord.text
    return antwoord.json()


def bekend(stack: Stack, keten: Keten, vnummer: str, gegeven: str) -> bool:
    """Has huisvesting stored that this person's BSN or IBAN is known?"""
    app = stack.apps["huisvesting"]
    gegevens_id = Persoonsgegevens.create_id(keten.persoon(vnummer))
    return gegevens_id in app.repository and gegeven in app.repository.get(gegevens_id).bekend


async def compleet(stack: Stack, keten: Keten, *vnummers: str) -> None:
    """BSN (BRP) and IBAN (staff) of these persons are known before their koppeling (keten.brp and
    keten.coa are different topics: the bus does not order them, so wait until stored). Staff
    register an IBAN only for a person huisvesting knows: here from the BRP registration."""
    await keten.stuur(*(bsn(v, "2024-01-02") for v in vnummers))
    await wacht_tot(lambda: all(bekend(stack, keten, v, "bsn") for v in vnummers), wat="the BSNs")
    for v in vnummers:
        await staf(stack, "ibans", vnummer=v, iban=IBAN, datum="2024-01-02")


async def geopend(keten: Keten, *vnummers: str) -> None:
    """Wait until these main persons' dossiers are open (before inputs on another topic)."""
    subjects = {str(keten.persoon(v)) for v in vnummers}
    await keten.wacht_op(topics.GEMEENTE_HUISVESTING, lambda es: subjects <= {
        e.subject for e in van_type(es, huisvesting.HUISVESTINGSDOSSIER_GEOPEND)})


async def aanbiedingen(keten: Keten, aantal: int) -> dict[str, str]:
    """persoon_id (subject) -> woning_id of every offer so far, once `aantal` offers were published."""
    events = await keten.wacht_op(topics.GEMEENTE_HUISVESTING,
                                  lambda es: len(van_type(es, huisvesting.WONING_AANGEBODEN)) >= aantal)
    return {e.subject: e.data.woning_id for e in van_type(events, huisvesting.WONING_AANGEBODEN)}


async def test_a_household_without_bsn_is_skipped_until_the_brp_registration_arrives(stack: Stack, keten: Keten) -> None:
    await compleet(stack, keten, "5000000002")
    await keten.stuur(koppeling("5000000001", "2024-01-05"), koppeling("5000000002", "2024-02-01"))
    await geopend(keten, "5000000001", "5000000002")
    await staf(stack, "ibans", vnummer="5000000001", iban=IBAN, datum="2024-01-02")  # once huisvesting knows them
    await keten.stuur(woning("W1", 1, "2024-03-01"))
    assert await aanbiedingen(keten, 1) == {str(keten.persoon("5000000002")): "W1"}, "the longer waiting one is blocked"

    await keten.stuur(woning("W2", 1, "2024-03-02"))
    wachtrij = Wachtrij.create_id("0268")
    await wacht_tot(lambda: "W2" in stack.apps["huisvesting"].repository.get(wachtrij).woningen, wat="the home")
    await keten.stuur(bsn("5000000001", "2024-03-20"))
    aanbod = await aanbiedingen(keten, 2)
    assert aanbod[str(keten.persoon("5000000001"))] == "W2"
    events = await keten.events(topics.GEMEENTE_HUISVESTING)
    gedeblokkeerd = van_type(events, huisvesting.HUISVESTINGSDOSSIER_GEDEBLOKKEERD)
    assert [(e.subject, e.data.geblokkeerd_sinds, e.data.datum) for e in gedeblokkeerd] == [
        (str(keten.persoon("5000000001")), dt.date(2024, 1, 5), dt.date(2024, 3, 20))]
    assert "111222333" not in str([r.value for r in await keten.records(topics.GEMEENTE_HUISVESTING)])

    rapport = stack.projectie.rapport(dt.date(2024, 2, 15))["huisvesting"]
    assert rapport["geblokkeerd"]["ontbreekt_bsn"] == 1


async def test_a_refusal_moves_the_home_to_the_next_candidate(stack: Stack, keten: Keten) -> None:
    await compleet(stack, keten, "5100000001", "5100000002")
    await keten.stuur(koppeling("5100000001", "2024-01-05"), koppeling("5100000002", "2024-01-20"))
    await geopend(keten, "5100000001", "5100000002")
    await keten.stuur(woning("W1", 2, "2024-02-01"))
    assert await aanbiedingen(keten, 1) == {str(keten.persoon("5100000001")): "W1"}

    await staf(stack, "aanbod-weigeringen", vnummer="5100000001", woning_id="W1", datum="2024-02-05",
               reden="te ver van werk")
    aanbod = await aanbiedingen(keten, 2)
    assert aanbod[str(keten.persoon("5100000002"))] == "W1"
    geweigerd = van_type(await keten.events(topics.GEMEENTE_HUISVESTING), huisvesting.AANBOD_GEWEIGERD)
    assert [e.data.reden for e in geweigerd] == ["te ver van werk"]


async def test_a_dossier_past_its_term_is_offered_first(stack: Stack, keten: Keten) -> None:
    await compleet(stack, keten, "5200000001", "5200000002")
    # The single was offered a home within his term and refused it; the couple's term ran out.
    await keten.stuur(koppeling("5200000001", "2024-01-01"))
    await geopend(keten, "5200000001")
    await keten.stuur(woning("W1", 1, "2024-01-15"))
    await aanbiedingen(keten, 1)
    await staf(stack, "aanbod-weigeringen", vnummer="5200000001", woning_id="W1", datum="2024-01-20", reden="te klein")
    await keten.stuur(koppeling("5200000002", "2024-02-01", "5200000003"))
    await geopend(keten, "5200000002")
    await stack.verloop_tijd(dt.date(2024, 4, 20))
    await keten.stuur(woning("W2", 2, "2024-05-01"))
    aanbod = await aanbiedingen(keten, 2)
    assert aanbod[str(keten.persoon("5200000002"))] == "W2"
    verstreken = van_type(await keten.events(topics.GEMEENTE_HUISVESTING), huisvesting.HUISVESTINGSTERMIJN_VERSTREKEN)
    assert [(e.subject, e.data.verlopen_op) for e in verstreken] == [
        (str(keten.persoon("5200000002")), dt.date(2024, 4, 11))]


async def test_a_nareiziger_makes_the_household_need_a_bigger_home(stack: Stack, keten: Keten) -> None:
    await compleet(stack, keten, "5300000001")
    await keten.stuur(koppeling("5300000001", "2024-01-05"))
    await geopend(keten, "5300000001")
    await keten.stuur(cloudevent(ind.VERBLIJFSVERGUNNING_VERLEEND, {
        "vnummer": "5300000009", "besluitdatum": "2024-01-25", "soort": "nareis", "referent_vnummer": "5300000001"}))
    await keten.wacht_op(topics.GEMEENTE_HUISVESTING,
                         lambda es: bool(van_type(es, huisvesting.NAREIZIGER_TOEGEVOEGD)))
    await keten.stuur(woning("EEN", 1, "2024-02-01"), woning("TWEE", 2, "2024-02-02"))
    aanbod = await aanbiedingen(keten, 1)
    assert aanbod == {str(keten.persoon("5300000001")): "TWEE"}
    toegevoegd = van_type(await keten.events(topics.GEMEENTE_HUISVESTING), huisvesting.NAREIZIGER_TOEGEVOEGD)[0]
    assert (toegevoegd.data.nareiziger_id, toegevoegd.data.huishoudgrootte) == (keten.persoon("5300000009"), 2)


async def test_an_amv_only_gets_an_amv_home(stack: Stack, keten: Keten) -> None:
    await compleet(stack, keten, "5400000001", "5400000002")
    await keten.stuur(koppeling("5400000001", "2024-01-05", geboren="2008-03-01"),  # 15: an AMV
                      koppeling("5400000002", "2024-01-20"))
    await geopend(keten, "5400000001", "5400000002")
    await keten.stuur(woning("REG", 1, "2024-02-01"))
    assert await aanbiedingen(keten, 1) == {str(keten.persoon("5400000002")): "REG"}, "not the longer waiting AMV"
    await keten.stuur(woning("AMV", 1, "2024-02-02", soort="amv"))
    aanbod = await aanbiedingen(keten, 2)
    assert aanbod[str(keten.persoon("5400000001"))] == "AMV"
    dossiers = van_type(await keten.events(topics.GEMEENTE_HUISVESTING), huisvesting.HUISVESTINGSDOSSIER_GEOPEND)
    assert sorted(e.data.amv for e in dossiers) == [False, True]


async def metrics_op(stack: Stack, api: httpx.AsyncClient, peildatum: dt.date) -> str:
    """/metrics with the kengetallen gauges set for `peildatum` (the stack sets them for today, every
    gauge_interval_s: read again if that came in between, as the page's peildatum gauge tells)."""
    gezet = dt.datetime.combine(peildatum, dt.time(), dt.UTC).timestamp()
    for _ in range(5):
        await asyncio.to_thread(stack.projectie.werk_metrics_bij, peildatum)
        tekst = (await api.get("/metrics")).text
        if uit_tekst(tekst, "welkom_kengetallen_peildatum_seconds") == gezet:
            return tekst
    raise AssertionError(f"the kengetallen gauges on /metrics are not those of {peildatum}")


async def test_every_step_of_a_dossier_is_published_audited_reported_and_measured(stack: Stack, keten: Keten) -> None:
    await keten.stuur(
        cloudevent(rijk.TAAKSTELLING_VASTGESTELD, {"gemeentecode": "0268", "periode": "2024-H1", "aantal": 10}),
        cloudevent(rijk.TAAKSTELLING_VASTGESTELD, {"gemeentecode": "0268", "periode": "2024-H2", "aantal": 12}),
        koppeling("5500000001", "2024-01-05", "5500000002"),
    )
    await geopend(keten, "5500000001")
    await keten.stuur(bsn("5500000001", "2024-01-10"), woning("W1", 2, "2024-01-15", wijk="Lindenholt"))
    await wacht_tot(lambda: bekend(stack, keten, "5500000001", "bsn"), wat="the BSN")
    await staf(stack, "ibans", vnummer="5500000001", iban=IBAN, datum="2024-01-20")
    await aanbiedingen(keten, 1)
    # No answer within two weeks: staff withdraw the offer; the next home is accepted and moved into.
    await staf(stack, "aanbod-intrekkingen", vnummer="5500000001", woning_id="W1", datum="2024-02-10",
               reden="geen reactie")
    await keten.stuur(woning("W2", 3, "2024-02-15", wijk="Dukenburg"))
    await keten.wacht_op(topics.GEMEENTE_HUISVESTING,
                         lambda es: len(van_type(es, huisvesting.WONING_AANGEBODEN)) == 2)
    await staf(stack, "aanbod-acceptaties", vnummer="5500000001", woning_id="W2", datum="2024-02-18")
    await staf(stack, "verhuizingen", vnummer="5500000001", woning_id="W2", datum="2024-02-25")
    events = await keten.wacht_op(topics.GEMEENTE_HUISVESTING, lambda es: bool(van_type(es, huisvesting.VERHUISD)))

    hoofd = str(keten.persoon("5500000001"))
    assert [e.type for e in events if e.subject == hoofd] == [
        huisvesting.HUISVESTINGSDOSSIER_GEOPEND, huisvesting.HUISVESTINGSDOSSIER_GEBLOKKEERD,
        huisvesting.HUISVESTINGSDOSSIER_GEBLOKKEERD, huisvesting.HUISVESTINGSDOSSIER_GEDEBLOKKEERD,
        huisvesting.WONING_AANGEBODEN, huisvesting.VERHUISTERMIJN_VERSTREKEN, huisvesting.AANBOD_INGETROKKEN,
        huisvesting.WONING_AANGEBODEN, huisvesting.AANBOD_GEACCEPTEERD, huisvesting.VERHUISD]

    regels = [r for r in tijdlijn(stack.apps, keten.persoon("5500000002")) if r["service"] == "huisvesting"]
    assert [r["gebeurtenis"] for r in regels if r["aggregate"] == "Huisvestingsdossier"] == [
        "Geopend", "Geblokkeerd", "Geblokkeerd", "Gedeblokkeerd", "WoningAangeboden", "VerhuistermijnVerstreken",
        "AanbodIngetrokken", "WoningAangeboden", "AanbodGeaccepteerd", "Verhuisd"]
    assert [r["datum"] for r in regels] == sorted(r["datum"] for r in regels)

    async with httpx.AsyncClient(base_url=stack.http_url) as api:
        rapport = (await api.get("/v1/rapport", params={"peildatum": "2024-03-01"},
                                 headers=Uitgever.van(stack.settings).kop(OPERATOR))).json()["huisvesting"]
        metrics = await metrics_op(stack, api, dt.date(2024, 3, 1))
    assert rapport["gerealiseerd"] == 2
    jaar = rapport["taakstelling_jaar"]
    assert (jaar["taakstelling"], jaar["opgave"], jaar["gerealiseerd"], jaar["nog_te_gaan"]) == (22, 22, 2, 20)
    assert rapport["doorlooptijd"]["mediaan_dagen"] == (dt.date(2024, 2, 25) - dt.date(2024, 1, 5)).days
    assert rapport["aanbiedingen"]["per_wijk"] == {"Lindenholt": 1, "Dukenburg": 1}
    assert {  # the same figures on /metrics, read from their samples
        "gerealiseerd": uit_tekst(metrics, "welkom_huisvesting_gerealiseerd_personen"),
        "opgave jaar": uit_tekst(metrics, "welkom_huisvesting_opgave_personen", scope="jaar"),
        "gerealiseerd jaar": uit_tekst(metrics, "welkom_huisvesting_opgave_gerealiseerd_personen", scope="jaar"),
        "doorlooptijd mediaan": uit_tekst(metrics, "welkom_huisvesting_doorlooptijd_dagen", kwantiel="0.5"),
        "aanbiedingen": {w: uit_tekst(metrics, "welkom_huisvesting_aanbiedingen", wijk=w, soort="regulier")
                         for w in ("Lindenholt", "Dukenburg")},
        "geblokkeerd op bsn, iban": [uit_tekst(metrics, "welkom_huisvesting_geblokkeerd_dossiers", ontbreekt=g)
                                     for g in ("bsn", "iban")],
        "dagen geblokkeerd": uit_tekst(metrics, "welkom_huisvesting_geblokkeerd_dagen_totaal"),
    } == {
        "gerealiseerd": 2, "opgave jaar": 22, "gerealiseerd jaar": 2, "doorlooptijd mediaan": 51,
        "aanbiedingen": {"Lindenholt": 1, "Dukenburg": 1}, "geblokkeerd op bsn, iban": [0, 0],
        "dagen geblokkeerd": 15,   # from the koppeling (01-05) until the IBAN (01-20)
    }
    assert "5500000001" not in metrics and hoofd not in metrics
    # Inburgering records the wijk of the move too: once it has, a rebuild from the stores gives the live figures.
    await keten.wacht_op(topics.GEMEENTE_INBURGERING,
                         lambda es: any(e.type == inburgering.IN_WIJK_GEVESTIGD for e in es))
    assert stack.projectie is not None
    await asyncio.to_thread(stack.projectie.bij)
    d = dt.date(2024, 3, 1)
    assert herbouw(open_apps(stack.settings)).rapport(d) == stack.projectie.rapport(d)
