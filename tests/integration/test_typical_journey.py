"""A typical journey: one household of three from IND decision and COA placement to home and intake."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from events import brp, coa, corporaties, huisvesting, ind, inburgering, opvang, rijk, topics
from keten import Keten, cloudevent, van_type, wacht_tot
from services.huisvesting.domain.persoonsgegevens import Persoonsgegevens
from services.rapportage.audit import tijdlijn
from services.rapportage.projectie import herbouw
from services.stack import Stack, open_apps
from services.toegang.rollen import KLANTREGISSEUR, OPERATOR, WOONCONSULENT
from toegang_hulp import Uitgever

pytestmark = [pytest.mark.integration, pytest.mark.kafka]

AMIRA, KARIM, YUSUF = "3012345678", "3012345679", "3012345680"
GEBOORTE = {AMIRA: "1988-03-14", KARIM: "1985-11-02", YUSUF: "2016-06-30"}


def huishouden() -> list[dict[str, str]]:
    return [{"vnummer": v, "geboortedatum": d} for v, d in GEBOORTE.items()]


async def test_a_household_of_three_goes_from_permit_to_home_and_intake(stack: Stack, keten: Keten) -> None:
    # COA places the family in the AZC, the IND grants asylum, COA links them to Nijmegen.
    for vnummer, geboortedatum in GEBOORTE.items():
        await keten.stuur(cloudevent(coa.ASIELZOEKER_GEPLAATST, {
            "vnummer": vnummer, "locatie_id": "azc-dommer", "datum": "2024-01-08",
            "geboortedatum": geboortedatum}))
        await keten.stuur(cloudevent(ind.VERBLIJFSVERGUNNING_VERLEEND, {
            "vnummer": vnummer, "besluitdatum": "2024-02-01", "soort": "asiel"}))
    # Amira is registered in the BRP (she has a BSN) before COA links the household to Nijmegen.
    await keten.stuur(
        cloudevent(brp.INGESCHREVEN_IMMIGRATIE, {"vnummer": AMIRA, "bsn": "301234565", "datum": "2024-02-05"}))
    gegevens = Persoonsgegevens.create_id(keten.persoon(AMIRA))  # keten.brp and keten.coa are not ordered
    await wacht_tot(lambda: gegevens in stack.apps["huisvesting"].repository, wat="Amira's BSN")
    for service in ("opvang", "huisvesting", "inburgering"):  # nor are keten.ind and keten.coa: the permits first
        await keten.wacht_tot_verwerkt(service, topics.KETEN_IND, topics.KETEN_COA)
    await keten.stuur(
        cloudevent(rijk.TAAKSTELLING_VASTGESTELD, {"gemeentecode": "0268", "periode": "2024-H1", "aantal": 182}),
        cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {
            "vnummer": AMIRA, "gemeentecode": "0268", "koppeldatum": "2024-02-12",
            "huishouden": huishouden()}),
    )
    # Her IBAN is missing, so the dossier is blocked until staff register it.
    geblokkeerd = van_type(await keten.wacht_op(
        topics.GEMEENTE_HUISVESTING,
        lambda es: bool(van_type(es, huisvesting.HUISVESTINGSDOSSIER_GEBLOKKEERD))),
        huisvesting.HUISVESTINGSDOSSIER_GEBLOKKEERD)
    assert geblokkeerd[0].data.ontbreekt == ["iban"]
    tokens = Uitgever.van(stack.settings)  # staff sign in at the stack's development issuer
    async with httpx.AsyncClient(base_url=stack.http_url) as api:
        antwoord = await api.post("/v1/huisvesting/ibans", json={
            "vnummer": AMIRA, "iban": "NL91ABNA0417164300", "datum": "2024-02-20"}, headers=tokens.kop(WOONCONSULENT))
        assert antwoord.status_code == 200, antwoord.text
    # A corporation offers a home for four: it goes to the family within the 10 weeks.
    await keten.stuur(cloudevent(corporaties.WONING_BESCHIKBAAR_GESTELD, {
        "woning_id": "talis-4711", "wijk": "Dukenburg", "soort": "regulier", "max_bewoners": 4,
        "beschikbaar_per": "2024-04-02"}))
    aangeboden = van_type(await keten.wacht_op(
        topics.GEMEENTE_HUISVESTING,
        lambda es: bool(van_type(es, huisvesting.WONING_AANGEBODEN))), huisvesting.WONING_AANGEBODEN)
    aanbod = aangeboden[0]
    assert aanbod.subject == str(keten.persoon(AMIRA))
    assert aanbod.data.woning_id == "talis-4711" and aanbod.data.huishoudgrootte == 3
    assert aanbod.data.verhuistermijn_verloopt_op == dt.date(2024, 4, 16)
    assert aanbod.source == "urn:nld:gemeente-nijmegen:welkom:huisvesting"

    # The woonconsulent records acceptance and the move, the klantregisseur the adults' brede intakes,
    # through the HTTP API.
    async with httpx.AsyncClient(base_url=stack.http_url) as api:
        for rol, pad, body in [
            (WOONCONSULENT, "/v1/huisvesting/aanbod-acceptaties",
             {"vnummer": AMIRA, "woning_id": "talis-4711", "datum": "2024-04-05"}),
            (WOONCONSULENT, "/v1/huisvesting/verhuizingen",
             {"vnummer": AMIRA, "woning_id": "talis-4711", "datum": "2024-04-12"}),
            (KLANTREGISSEUR, "/v1/inburgering/brede-intakes",
             {"vnummer": AMIRA, "datum": "2024-03-20", "leerroute": "B1"}),
            (KLANTREGISSEUR, "/v1/inburgering/brede-intakes",
             {"vnummer": KARIM, "datum": "2024-05-06", "leerroute": "z-route"}),
        ]:
            antwoord = await api.post(pad, json=body, headers={"Idempotency-Key": f"{pad}{body['vnummer']}",
                                                               **tokens.kop(rol)})
            assert antwoord.status_code == 200, antwoord.text
            assert antwoord.headers["API-Version"]

    # The whole family leaves the opvang; the chain's events are on gemeente.*.
    uitgestroomd = van_type(await keten.wacht_op(
        topics.GEMEENTE_OPVANG, lambda es: len(van_type(es, opvang.BEWONER_UITGESTROOMD)) == 3),
        opvang.BEWONER_UITGESTROOMD)
    assert {e.subject for e in uitgestroomd} == {str(keten.persoon(v)) for v in GEBOORTE}
    assert all(e.data.reden == "gehuisvest" and e.data.datum == dt.date(2024, 4, 12) for e in uitgestroomd)
    huisvesting_events = await keten.wacht_op(
        topics.GEMEENTE_HUISVESTING, lambda es: bool(van_type(es, huisvesting.VERHUISD)))
    assert [e.type for e in huisvesting_events if e.subject == str(keten.persoon(AMIRA))] == [
        huisvesting.HUISVESTINGSDOSSIER_GEOPEND, huisvesting.HUISVESTINGSDOSSIER_GEBLOKKEERD,
        huisvesting.HUISVESTINGSDOSSIER_GEDEBLOKKEERD, huisvesting.WONING_AANGEBODEN,
        huisvesting.AANBOD_GEACCEPTEERD, huisvesting.VERHUISD]
    assert "NL91ABNA0417164300" not in str(huisvesting_events), "the IBAN itself is never published"
    intakes = van_type(await keten.wacht_op(
        topics.GEMEENTE_INBURGERING, lambda es: len(van_type(es, inburgering.BREDE_INTAKE_AFGEROND)) == 2),
        inburgering.BREDE_INTAKE_AFGEROND)
    # Karim's intake came two weeks after the 10-week invitation term (22 April): recorded as late.
    assert sorted((e.data.leerroute, e.data.binnen_termijn) for e in intakes) == [("B1", True), ("z-route", False)]
    gestart = van_type(await keten.events(topics.GEMEENTE_INBURGERING), inburgering.INBURGERINGSTRAJECT_GESTART)
    assert {e.subject for e in gestart} == {str(keten.persoon(AMIRA)), str(keten.persoon(KARIM))}, "adults only"

    # Welkom in de wijk: inburgering records the wijk the household moved into (never the address).
    wijken = van_type(await keten.wacht_op(
        topics.GEMEENTE_INBURGERING, lambda es: len(van_type(es, inburgering.IN_WIJK_GEVESTIGD)) >= 2),
        inburgering.IN_WIJK_GEVESTIGD)
    assert sorted(e.subject for e in wijken) == sorted([str(keten.persoon(AMIRA)), str(keten.persoon(KARIM))]), (
        "the adults; Yusuf's inburgering starts at 18")

    # The auditor sees Karim's history across the services, oldest first.
    regels = tijdlijn(stack.apps, keten.persoon(KARIM))
    assert [(r["datum"], r["service"], r["gebeurtenis"]) for r in regels] == sorted(
        [(r["datum"], r["service"], r["gebeurtenis"]) for r in regels], key=lambda r: r[0])
    stappen = [(r["service"], r["gebeurtenis"]) for r in regels]
    assert set(stappen) == {
        ("opvang", "Geregistreerd"), ("opvang", "Geplaatst"), ("opvang", "StatushouderGeworden"),
        ("huisvesting", "Geopend"), ("huisvesting", "Geblokkeerd"), ("huisvesting", "Gedeblokkeerd"),
        ("huisvesting", "Aangelegd"),
        ("inburgering", "Gestart"), ("huisvesting", "WoningAangeboden"),
        ("huisvesting", "AanbodGeaccepteerd"), ("huisvesting", "Verhuisd"), ("opvang", "Uitgestroomd"),
        ("inburgering", "InWijkGevestigd"),
        ("inburgering", "IntaketermijnVerstreken"), ("inburgering", "BredeIntakeAfgerond"),
    }
    assert stappen.index(("huisvesting", "Verhuisd")) < stappen.index(("inburgering", "InWijkGevestigd"))
    assert stappen.index(("huisvesting", "Verhuisd")) < stappen.index(("opvang", "Uitgestroomd"))
    assert stappen[-2:] == [("inburgering", "IntaketermijnVerstreken"), ("inburgering", "BredeIntakeAfgerond")]

    # The report on a peildatum, and the same figures from a rebuild of the stores (guarantee 5).
    async with httpx.AsyncClient(base_url=stack.http_url) as api:
        rapport = (await api.get("/v1/rapport", params={"peildatum": "2024-06-30"},
                                 headers=tokens.kop(OPERATOR))).json()
    assert {k: rapport["huisvesting"][k] for k in (
        "periode", "taakstelling", "gerealiseerd", "nog_te_gaan", "dossiers_open", "personen_wachtend",
        "dossiers_over_termijn")} == {
        "periode": "2024-H1", "taakstelling": 182, "gerealiseerd": 3, "nog_te_gaan": 179,
        "dossiers_open": 0, "personen_wachtend": 0, "dossiers_over_termijn": 0}
    assert {k: rapport["opvang"][k] for k in ("bewoners_in_opvang", "verplaatsingen")} == {
        "bewoners_in_opvang": 0, "verplaatsingen": 0}
    assert rapport["inburgering"]["intakes_afgerond"] == 2
    assert rapport["inburgering"]["intake_wachtlijst"] == 0
    herbouwd = open_apps(stack.settings)  # once, and closed: four stores' pools per peildatum ran PostgreSQL out of connections
    try:
        for peildatum in ("2024-01-31", "2024-03-01", "2024-04-10", "2024-06-30"):
            live = stack.projectie.rapport(dt.date.fromisoformat(peildatum))
            assert herbouw(herbouwd).rapport(dt.date.fromisoformat(peildatum)) == live
    finally:
        for app in herbouwd.values():
            app.close()
