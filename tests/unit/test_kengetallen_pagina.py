"""The kengetallen page and the offline Swagger UI over HTTP, on the old stores of the upcasting
fixture (three years of a small gemeente); the plots' pure SVG helpers."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import types
from collections.abc import AsyncIterator
from html import unescape
from typing import Any

import httpx
import pytest
from kengetallen_hulp import PEILDATUM, opvang_met_alles
from toegang_hulp import ANDERE_GEMEENTE, GEMEENTE, kop, toegang

from services.entrypoints.http import maak_app
from services.rapportage import grafieken, pagina, tekst
from services.rapportage.projectie import herbouw
from services.runtime.settings import Settings
from services.toegang.rollen import OPERATOR

KENGETAL = re.compile(r'data-kengetal="([^"]+)" data-waarde="([^"]*)"')
TEKST = re.compile(r'data-kengetal="([^"]+)" data-waarde="[^"]*">([^<]*)<')
METER = re.compile(r'<meter min="0" max="([^"]+)" value="([^"]+)" data-waarde-van="([^"]+)" data-max-van="([^"]+)"')
URL = re.compile(r"(?:https?:)?//[\w.-]+", re.IGNORECASE)


def stack_op(apps: dict[str, Any], projectie: Any) -> types.SimpleNamespace:
    """The part of a running stack the pages need: Nijmegen's, trusting the tests' development issuer."""
    return types.SimpleNamespace(apps=apps, ready=asyncio.Event(), projectie=projectie, logboek=None,
                                 settings=Settings(gemeentecode=GEMEENTE), toegang=toegang())


@pytest.fixture
async def api(oude_apps: dict[str, Any]) -> AsyncIterator[httpx.AsyncClient]:
    """The HTTP server of a stack on a copy of the old stores, asked by an operator of Nijmegen."""
    transport = httpx.ASGITransport(app=maak_app(stack_op(oude_apps, herbouw(oude_apps))))
    async with httpx.AsyncClient(transport=transport, base_url="http://welkom.test", headers=kop(OPERATOR)) as client:
        yield client


@pytest.fixture
async def opvang_api() -> AsyncIterator[httpx.AsyncClient]:
    """The HTTP server of a stack with only opvang, whose history has a figure for every panel."""
    app = opvang_met_alles()
    transport = httpx.ASGITransport(app=maak_app(stack_op({"opvang": app}, herbouw({"opvang": app}))))
    async with httpx.AsyncClient(transport=transport, base_url="http://welkom.test", headers=kop(OPERATOR)) as client:
        yield client


def bladeren(cijfers: dict[str, Any], voor: str = "") -> set[str]:
    """The key paths of every value in a (nested) dict."""
    return {p for k, v in cijfers.items()
            for p in (bladeren(v, f"{voor}{k}.") if isinstance(v, dict) and v else {f"{voor}{k}"})}


def kengetallen(html: str) -> dict[str, Any]:
    """Every figure on the page: key path -> its value in the report."""
    return {pad: json.loads(unescape(waarde)) for pad, waarde in KENGETAL.findall(html)}


def in_rapport(rapport: dict[str, Any], pad: str) -> Any:
    for sleutel in pad.split("."):
        rapport = rapport[sleutel]
    return rapport


async def test_every_figure_on_the_page_is_the_reports_figure_for_that_peildatum(api):
    for peildatum in ("2023-12-31", "2024-10-01"):
        pagina_ = await api.get("/", params={"peildatum": peildatum})
        rapport = (await api.get("/v1/rapport", params={"peildatum": peildatum})).json()

        assert pagina_.status_code == 200 and pagina_.headers["content-type"].startswith("text/html")
        cijfers = kengetallen(pagina_.text)
        assert len(cijfers) > 30
        assert {pad.split(".")[0] for pad in cijfers} == {"opvang", "huisvesting", "inburgering", "mzd"}
        for pad, waarde in cijfers.items():
            assert waarde == in_rapport(rapport, pad), pad
        assert f'value="{peildatum}"' in pagina_.text
    eind_2023 = kengetallen((await api.get("/", params={"peildatum": "2023-12-31"})).text)
    assert eind_2023["huisvesting.taakstelling_jaar.opgave"] != cijfers["huisvesting.taakstelling_jaar.opgave"]


async def test_the_page_has_three_plots_and_names_no_other_host(api):
    html = (await api.get("/dashboard", params={"peildatum": "2024-10-01"})).text

    assert html == (await api.get("/", params={"peildatum": "2024-10-01"})).text
    assert html.count("<svg") == 3
    for plot in ("grafiek-taakstelling", "grafiek-wachtend", "grafiek-doorlooptijd"):
        assert f'id="{plot}"' in html
    assert URL.findall(html) == []
    css = await api.get("/statisch/kengetallen.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"] and not URL.findall(css.text)


async def test_an_invalid_peildatum_gets_a_400_with_a_message_and_no_figures(api):
    for ongeldig in ("2024-13-01", "2024-02-30", "gisteren", "0001-01-01"):
        antwoord = await api.get("/", params={"peildatum": ongeldig})
        assert antwoord.status_code == 400
        assert "Ongeldige peildatum" in antwoord.text and "data-kengetal" not in antwoord.text
        assert ongeldig not in antwoord.text
    assert (await api.get("/", params={"peildatum": ""})).status_code == 200  # an empty picker: today


async def test_swagger_ui_is_served_from_the_package(api):
    docs = await api.get("/v1/docs")

    assert docs.status_code == 200 and 'id="swagger-ui"' in docs.text
    assert URL.findall(docs.text) == []
    bestanden = re.findall(r'(?:href|src)="(/[^"]+)"', docs.text)
    assert len(bestanden) == 3
    for bestand in bestanden:
        antwoord = await api.get(bestand)
        assert antwoord.status_code == 200 and len(antwoord.content) > 1000, bestand
    assert "SwaggerUIBundle" in (await api.get("/statisch/swagger-ui/swagger-ui-bundle.js")).text
    assert "/v1/docs" not in (await api.get("/v1/openapi.json")).json()["paths"]


def test_month_ends_up_to_the_peildatum_then_the_peildatum():
    assert pagina.maandeinden(dt.date(2024, 1, 1), dt.date(2024, 3, 15)) == [
        dt.date(2024, 1, 31), dt.date(2024, 2, 29), dt.date(2024, 3, 15)]
    assert pagina.maandeinden(dt.date(2023, 12, 1), dt.date(2024, 1, 31)) == [dt.date(2023, 12, 31), dt.date(2024, 1, 31)]
    assert pagina.maandeinden(dt.date(2024, 1, 1), dt.date(2024, 1, 1)) == [dt.date(2024, 1, 1)]


def test_the_scale_has_round_ticks_up_to_the_maximum():
    assert grafieken.schaal(742) == [0, 200, 400, 600, 800]
    assert grafieken.schaal(12) == [0, 5, 10, 15]
    assert grafieken.schaal(3) == [0, 1, 2, 3]
    assert grafieken.schaal(0) == [0, 1]
    assert grafieken.getal(1234) == "1.234" and grafieken.getal(327.25) == "327,2"


def test_a_line_chart_draws_a_point_per_known_value_and_escapes_its_texts():
    svg = grafieken.lijngrafiek("a < b", ["jan", "feb", "mrt"], [
        grafieken.Reeks("opgave", [10, 10, None]), grafieken.Reeks("gehuisvest", [1, 4, 7])])

    assert svg.startswith("<svg") and svg.endswith("</svg>") and "a &lt; b" in svg
    assert svg.count("<circle") == 5 and svg.count("<polyline") == 2
    assert "gehuisvest, mrt: 7" in svg and "xmlns" not in svg


def test_a_bar_chart_has_a_bar_per_bucket_as_high_as_its_count():
    svg = grafieken.staafgrafiek("doorlooptijd", ["0–70", "70–140", "140+"], [4, 0, 2])

    hoogten = [float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)"', svg)]
    assert len(hoogten) == 3 and hoogten[1] == 0 and hoogten[0] == pytest.approx(2 * hoogten[2])


async def test_the_page_and_the_report_are_for_one_gemeente_at_a_time(api):
    beide = kop(OPERATOR, gemeenten=(GEMEENTE, ANDERE_GEMEENTE))  # an operator of both gemeenten
    eigen = await api.get("/", params={"peildatum": "2024-10-01"}, headers=beide)
    andere = await api.get("/", params={"peildatum": "2024-10-01", "gemeente": ANDERE_GEMEENTE}, headers=beide)
    rapport = (await api.get("/v1/rapport", params={"peildatum": "2024-10-01", "gemeente": ANDERE_GEMEENTE},
                             headers=beide)).json()

    assert "Gemeente Nijmegen" in eigen.text and f"Gemeente {ANDERE_GEMEENTE}" in andere.text
    assert kengetallen(eigen.text)["huisvesting.dossiers_open"] > 0
    assert kengetallen(andere.text)["huisvesting.dossiers_open"] == rapport["huisvesting"]["dossiers_open"] == 0
    assert (await api.get("/", params={"gemeente": "Nijmegen"}, headers=beide)).status_code == 403  # not in the token
    zelfs_met_token = kop(OPERATOR, gemeenten=("Nijmegen",))
    assert (await api.get("/", params={"gemeente": "Nijmegen"}, headers=zelfs_met_token)).status_code == 400


async def test_the_page_names_each_figure_still_to_house_by_what_it_is_measured_against(api):
    html = (await api.get("/", params={"peildatum": "2024-10-01"})).text
    paden = set(kengetallen(html))

    assert {"huisvesting.taakstelling_jaar.nog_te_gaan_opgave", "huisvesting.taakstelling_periode.nog_te_gaan_opgave",
            "huisvesting.nog_te_gaan_taakstelling"} <= paden
    assert not any(pad.endswith("nog_te_gaan") for pad in paden if pad.startswith("huisvesting."))  # the old name
    assert "voor de opgave (met achterstand)" in html and "voor de taakstelling alleen (zonder achterstand)" in html


async def test_a_client_asking_for_json_gets_the_pages_errors_as_problem_json(api):
    json_ = await api.get("/", params={"peildatum": "gisteren"}, headers={"accept": "application/json"})
    browser = await api.get("/", params={"peildatum": "gisteren"},
                            headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})

    assert json_.status_code == 400 and json_.headers["content-type"] == "application/problem+json"
    assert json_.json()["title"] == "ongeldige-peildatum" and "gisteren" not in json_.text
    assert browser.status_code == 400 and browser.headers["content-type"].startswith("text/html")
    transport = httpx.ASGITransport(app=maak_app(stack_op({}, None)))  # not started
    async with httpx.AsyncClient(transport=transport, base_url="http://welkom.test", headers=kop(OPERATOR)) as client:
        antwoord = await client.get("/")
    assert antwoord.status_code == 503 and antwoord.headers["content-type"] == "application/problem+json"
    assert antwoord.json()["type"].endswith(":niet-gestart")


ELDERS_OP_DE_PAGINA = re.compile(r"^(spreidingstaakstelling\.cyclus|uitstroom\.(maand|jaar)\.periode"
                                 r"|bezetting\.per_locatie\.[^.]+\.naam|ontheemden\.te_vervangen\.[^.]+\.naam"
                                 r"|spreidingstaakstelling\.amv_plekken|ontheemden\.per_locatie\..*)$")
"""Opvang's figures shown as a panel's title, a column's or a row's head, and two shown as their
twin: `amv_plekken` as `amv.plekken`, the ontheemden per location as the locations' occupancy (the
scenario's test holds that they are equal)."""


async def test_every_opvang_figure_is_on_the_page_in_a_panel_cell_or_meter_as_the_report_has_it(opvang_api):
    html = (await opvang_api.get("/", params={"peildatum": "2024-10-01"})).text
    rapport = (await opvang_api.get("/v1/rapport", params={"peildatum": "2024-10-01"})).json()
    cijfers = kengetallen(html)

    for pad, waarde in cijfers.items():
        assert waarde == in_rapport(rapport, pad), pad
    getoond = {pad.removeprefix("opvang.") for pad in cijfers}
    assert {p for p in bladeren(rapport["opvang"]) if not ELDERS_OP_DE_PAGINA.match(p)} == getoond
    meters = METER.findall(html)
    assert {(van, tegen) for _, _, van, tegen in meters} >= {
        ("opvang.spreidingstaakstelling.gerealiseerd", "opvang.spreidingstaakstelling.plekken"),
        ("opvang.locaties.oekraine.bezetting", "opvang.locaties.oekraine.capaciteit"),
        ("opvang.ontheemden.plekken.capaciteit", "opvang.ontheemden.plekken.afspraak")}
    for maximum, waarde, van, tegen in meters:
        assert (int(waarde), int(maximum)) == (in_rapport(rapport, van), in_rapport(rapport, tegen)), van


async def test_the_opvang_panels_show_the_seeds_figures_in_words_and_small_cells_as_under_5(opvang_api):
    html = (await opvang_api.get("/", params={"peildatum": "2024-10-01"})).text
    teksten = {pad: unescape(tekst) for pad, tekst in TEKST.findall(html)}

    assert teksten["opvang.spreidingstaakstelling.plekken"] == "817"
    assert teksten["opvang.spreidingstaakstelling.nog_te_gaan"] == "297"  # 400 + 120 count, the TGO does not
    assert teksten["opvang.spreidingstaakstelling.realiseren_per"] == "1 juli 2025"
    assert teksten["opvang.bijzondere_behoeften.psychisch"] == "7"
    assert teksten["opvang.bijzondere_behoeften.medisch"] == "<5" and "&lt;5" in html
    assert teksten["opvang.kinderen.herhaald_verplaatst"] == "1"
    assert teksten["opvang.uitstroom.jaar.per_reden.einde-recht-op-opvang"] == "1"
    assert teksten["opvang.ontheemden.plekken.afspraak"] == "785"
    assert teksten["opvang.ontheemden.te_vervangen.waalhaven.vervangen_per"] == "1 maart 2025"
    assert teksten["opvang.ontheemden.te_vervangen.waalhaven.te_laat"] == "nee"
    assert teksten["opvang.ontheemden.tijdelijke_bescherming.einddatum"] == "4 maart 2027"
    assert teksten["opvang.bezetting.per_locatie.waalhaven.soort"] == "Oekraïne"
    assert "<script" not in html and "style=" not in html and "<svg" not in html and URL.findall(html) == []


def test_welkom_rapport_reads_opvangs_figures_as_dutch_lines_not_as_nested_dicts():
    regels = tekst.tekst(herbouw({"opvang": opvang_met_alles()}).rapport(PEILDATUM)).splitlines()
    opvang = regels[regels.index("opvang") + 1:]

    assert opvang and all(r.startswith("  ") for r in opvang) and not any("{" in r for r in opvang)
    assert any(r.split()[:2] == ["spreidingswet", "2024-2026"] and "817 plekken per 2025-07-01" in r
               and "nog te gaan 297" in r and "amv 0 van 69" in r for r in opvang)
    assert any("uitstroom 2024 " in r and "einde-recht-op-opvang 1" in r for r in opvang)
    assert any("bijzondere behoeften" in r and "psychisch 7" in r and "medisch <5" in r for r in opvang)
    assert any("oekraine-plekken" in r and "afspraak 785, capaciteit 550" in r for r in opvang)
    assert any(r.split()[0] == "Waalhaven" and "vervangen per 2025-03-01" in r and "1 bewoners" in r for r in opvang)
    assert any("tijdelijke bescherming" in r and "tot en met 2027-03-04 (besluit 2024-06-25)" in r for r in opvang)
