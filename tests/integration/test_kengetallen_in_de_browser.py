"""The kengetallen page in a real headless browser (Debian's chromium, driven by Playwright) on a
running stack: without a session the browser is sent to the login and shows no figure; signed in
with the one-time link of `welkom token --login`, its figures are the JSON report's, another
peildatum changes them, signing out ends it, and neither the page nor Swagger UI at /v1/docs asks
anything of a host other than welkom's own."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.async_api import Browser, Page, async_playwright
from toegang_hulp import Uitgever

from events import coa, corporaties, huisvesting, ind, rijk, topics
from keten import Keten, cloudevent, van_type
from services.stack import Stack
from services.toegang.sessies import COOKIE

pytestmark = [pytest.mark.integration, pytest.mark.huisvesting_vereist()]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
VOOR, NA = "2024-03-01", "2024-09-30"
WELKOM = Path(sys.executable).with_name("welkom")


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    """Debian's chromium under Playwright; the test fails (never skips) when it cannot start."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make setup` installs Debian's chromium for this test", pytrace=False)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            await browser.close()


def koppeling(vnummer: str, datum: str, *leden: str) -> dict[str, Any]:
    huishouden = [{"vnummer": v, "geboortedatum": "1990-01-01"} for v in (vnummer, *leden)]
    return cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {
        "vnummer": vnummer, "gemeentecode": "0268", "koppeldatum": datum, "huishouden": huishouden})


def geplaatst(vnummer: str, datum: str) -> dict[str, Any]:
    return cloudevent(coa.ASIELZOEKER_GEPLAATST, {"vnummer": vnummer, "locatie_id": "azc-nijmegen", "datum": datum})


def woning(woning_id: str, max_bewoners: int, per: str) -> dict[str, Any]:
    return cloudevent(corporaties.WONING_BESCHIKBAAR_GESTELD, {
        "woning_id": woning_id, "wijk": "Dukenburg", "soort": "regulier", "max_bewoners": max_bewoners,
        "beschikbaar_per": per})


async def aangeboden(keten: Keten, aantal: int) -> None:
    await keten.wacht_op(topics.GEMEENTE_HUISVESTING,
                         lambda es: len(van_type(es, huisvesting.WONING_AANGEBODEN)) >= aantal)


async def verhuis(api: httpx.AsyncClient, kop: dict[str, str], vnummer: str, woning_id: str, geaccepteerd: str,
                  verhuisd: str) -> None:
    for pad, datum in (("aanbod-acceptaties", geaccepteerd), ("verhuizingen", verhuisd)):
        antwoord = await api.post(f"/v1/huisvesting/{pad}", json={"vnummer": vnummer, "woning_id": woning_id,
                                                                  "datum": datum}, headers=kop)
        assert antwoord.status_code == 200, antwoord.text


async def speel_een_half_jaar(stack: Stack, keten: Keten, api: httpx.AsyncClient) -> dict[str, Any]:
    """A taakstelling, four households (two housed), stays in opvang, an mzd case; the report on
    NA once every input is processed. A woonconsulent gives the commands."""
    woonconsulent = Uitgever(stack.settings.data_dir).kop("woonconsulent")
    await keten.stuur(
        cloudevent(rijk.TAAKSTELLING_VASTGESTELD, {"gemeentecode": "0268", "periode": "2024-H1", "aantal": 10}),
        cloudevent(rijk.TAAKSTELLING_VASTGESTELD, {"gemeentecode": "0268", "periode": "2024-H2", "aantal": 12}),
        geplaatst("6000000001", "2023-11-01"), geplaatst("6000000002", "2023-11-01"),
        geplaatst("6000000003", "2023-12-01"), geplaatst("6000000006", "2024-01-10"),
        koppeling("6000000001", "2024-01-05", "6000000002"), koppeling("6000000003", "2024-02-01"),
        koppeling("6000000004", "2024-03-01", "6000000005", "6000000007"), koppeling("6000000006", "2024-05-01"),
        cloudevent(ind.ASIELAANVRAAG_AFGEWEZEN, {"vnummer": "6000000009", "besluitdatum": "2024-06-03",
                                                 "definitief": True}),
    )
    await keten.wacht_op(topics.GEMEENTE_HUISVESTING,
                         lambda es: len(van_type(es, huisvesting.HUISVESTINGSDOSSIER_GEOPEND)) == 4)
    await keten.stuur(woning("W1", 2, "2024-02-01"))  # to the couple, the longest waiting that fits
    await aangeboden(keten, 1)
    await verhuis(api, woonconsulent, "6000000001", "W1", "2024-02-10", "2024-02-20")
    await keten.stuur(woning("W2", 1, "2024-04-01"))  # to the single of February
    await aangeboden(keten, 2)
    await verhuis(api, woonconsulent, "6000000003", "W2", "2024-04-05", "2024-04-15")

    einde = time.monotonic() + 60
    while True:
        rapport = (await api.get("/v1/rapport", params={"peildatum": NA})).json()
        klaar = (rapport["huisvesting"]["taakstelling_jaar"]["gerealiseerd"], rapport["opvang"]["bewoners_in_opvang"],
                 rapport["inburgering"]["trajecten"], rapport["mzd"]["zaken_open"])
        if klaar == (3, 1, 7, 1):
            return rapport
        assert time.monotonic() < einde, f"not every input processed: {klaar}"
        await asyncio.sleep(0.2)


async def aanmeldlink(stack: Stack) -> str:
    """The one-time login link `welkom token --rol operator --login` prints for the stack's data dir."""
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("WELKOM_OIDC")}
    opdracht = [str(WELKOM), "token", "--rol", "operator", "--login", "--data-dir", str(stack.settings.data_dir)]
    uit = await asyncio.to_thread(subprocess.run, opdracht, capture_output=True, text=True, timeout=60, env=omgeving)
    assert uit.returncode == 0, uit.stderr
    return uit.stdout.strip()


async def kengetallen(page: Page) -> dict[str, tuple[Any, str]]:
    """Every figure on the page: key path -> (its value, its text)."""
    rijen = await page.eval_on_selector_all(
        "[data-kengetal]", "els => els.map(e => [e.dataset.kengetal, e.dataset.waarde, e.textContent])")
    return {pad: (json.loads(waarde), tekst.strip()) for pad, waarde, tekst in rijen}


def zelfde_als_json(cijfers: dict[str, tuple[Any, str]], rapport: dict[str, Any]) -> None:
    assert {pad.split(".")[0] for pad in cijfers} == {"opvang", "huisvesting", "inburgering", "mzd"}
    for pad, (waarde, tekst) in cijfers.items():
        in_json: Any = rapport
        for sleutel in pad.split("."):
            in_json = in_json[sleutel]
        assert waarde == in_json, pad
        if isinstance(waarde, int) and not isinstance(waarde, bool):
            assert tekst.replace(".", "") == str(waarde), pad  # the number shown is the number in the JSON


async def test_the_page_in_chromium_shows_the_reports_figures_and_follows_the_peildatum(stack: Stack, keten: Keten) -> None:
    operator = Uitgever(stack.settings.data_dir).kop("operator")
    async with httpx.AsyncClient(base_url=stack.http_url, headers=operator) as api:
        rapport_na = await speel_een_half_jaar(stack, keten, api)
        rapport_voor = (await api.get("/v1/rapport", params={"peildatum": VOOR})).json()
    assert rapport_voor["huisvesting"]["taakstelling_jaar"]["gerealiseerd"] == 2

    async with chromium() as browser:
        context = await browser.new_context(locale="nl-NL")
        page = await context.new_page()
        opgevraagd: list[str] = []
        page.on("request", lambda request: opgevraagd.append(request.url))

        await page.goto(f"{stack.http_url}/?peildatum={VOOR}")  # no session yet: to the login, no figure
        assert urlsplit(page.url).path == "/login" and await page.locator("[data-kengetal]").count() == 0
        assert "welkom token --rol operator --login" in await page.inner_text("main")

        link = await aanmeldlink(stack)
        assert link.startswith(f"{stack.http_url}/login?code=")
        await page.goto(link)
        await page.wait_for_url(f"{stack.http_url}/")  # signed in, on to the page
        sessie = next(c for c in await context.cookies() if c["name"] == COOKIE)
        assert sessie["httpOnly"] and sessie["secure"] and sessie["sameSite"] == "Strict"
        assert await page.locator("[data-kengetal]").count() > 30

        await page.goto(f"{stack.http_url}/?peildatum={VOOR}")
        assert (await page.title()).startswith("Kengetallen op 1 maart 2024")
        voor = await kengetallen(page)
        assert len(voor) > 30
        zelfde_als_json(voor, rapport_voor)
        assert await page.locator("figure.grafiek svg").count() == 3
        assert await page.locator("#grafiek-taakstelling svg circle").count() >= 4
        assert await page.locator("#grafiek-doorlooptijd svg rect").count() == 9

        await page.fill("#peildatum", NA)
        async with page.expect_navigation():
            await page.click("form.peildatum button[type=submit]")
        assert f"/?peildatum={NA}" in page.url  # the form keeps the gemeente too
        assert (await page.title()).startswith("Kengetallen op 30 september 2024")
        na = await kengetallen(page)
        zelfde_als_json(na, rapport_na)
        veranderd = {pad for pad in voor if voor[pad][0] != na.get(pad, (None,))[0]}
        assert {"huisvesting.taakstelling_jaar.gerealiseerd", "huisvesting.taakstelling_periode.opgave",
                "opvang.bewoners_in_opvang", "mzd.zaken_open"} <= veranderd

        await page.goto(f"{stack.http_url}/v1/docs")
        await page.locator(".swagger-ui .opblock-summary-path", has_text="/rapport").first.wait_for(timeout=20_000)
        assert await page.locator(".swagger-ui .opblock").count() > 10
        assert "/v1" in await page.locator(".swagger-ui .servers select").first.inner_text()  # paths relative to /v1

        await page.goto(f"{stack.http_url}/")
        await page.click("form.afmelden button[type=submit]")
        await page.wait_for_url(f"{stack.http_url}/login?afgemeld")
        assert "U bent afgemeld" in await page.inner_text("main")
        await page.goto(f"{stack.http_url}/?peildatum={NA}")
        assert urlsplit(page.url).path == "/login" and await page.locator("[data-kengetal]").count() == 0
        nogmaals = await page.goto(link)  # the link worked once
        assert nogmaals is not None and nogmaals.status == 401
        assert await page.locator("[data-kengetal]").count() == 0

    hosts = {urlsplit(url).hostname for url in opgevraagd if urlsplit(url).scheme in ("http", "https", "ws", "wss")}
    assert hosts == {"127.0.0.1"}, f"requests to other hosts: {hosts - LOOPBACK}"
    assert any(url.endswith("/swagger-ui-bundle.js") for url in opgevraagd)
