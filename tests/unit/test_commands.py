"""A staff command is declared once, in its service's table; the HTTP API and the CLI are generated from it."""

from __future__ import annotations

import asyncio
from typing import Any

import typer
from http_hulp import per_url

from services.catalogus import alle
from services.demo.personeel import OPDRACHTEN
from services.entrypoints.cli import app as cli
from services.entrypoints.http import maak_app

TABELLEN = [o for s in alle() for o in s.commands]

CONTRACT = {
    "/v1/huisvesting/aanbod-acceptaties": ("huisvesting accepteer", {"--vnummer", "--woning", "--datum"}),
    "/v1/huisvesting/aanbod-weigeringen": ("huisvesting weiger", {"--vnummer", "--woning", "--datum", "--reden"}),
    "/v1/huisvesting/verhuizingen": ("huisvesting verhuis", {"--vnummer", "--woning", "--datum"}),
    "/v1/huisvesting/aanbod-intrekkingen": ("huisvesting trek-in", {"--vnummer", "--woning", "--datum", "--reden"}),
    "/v1/huisvesting/ibans": ("huisvesting iban", {"--vnummer", "--iban", "--datum"}),
    "/v1/inburgering/brede-intakes": ("inburgering intake", {"--vnummer", "--datum", "--leerroute"}),
    "/v1/mzd/bbb-toelatingen": ("mzd bbb", {"--vnummer", "--datum"}),
}
"""ARCHITECTURE §3 and the README: these URLs and CLI commands are a contract; new ones may be added."""


class GeenStack:
    apps: dict[str, Any] = {}
    ready = asyncio.Event()
    projectie = None

    async def verloop_tijd(self, op: Any) -> dict[str, int]:
        return {}


def paden() -> dict[str, Any]:
    """The operations of the OpenAPI document, by the path a client requests."""
    return per_url(maak_app(GeenStack()).openapi())


def cli_opties(pad: str) -> set[str]:
    groep, naam = pad.split()
    command = typer.main.get_command(cli).commands[groep].commands[naam]  # type: ignore[attr-defined]
    return {o for p in command.params for o in p.opts} - {"--data-dir", "--sleutel", "--help"}


def test_the_contract_urls_and_cli_commands_are_table_entries_with_their_options_unchanged():
    per_url = {o.url: f"{o.service} {o.naam}" for o in TABELLEN}
    for url, (pad, opties) in CONTRACT.items():
        assert per_url.get(url) == pad, url
        assert cli_opties(pad) == opties, pad


def test_every_table_entry_is_one_http_route_with_its_request_model_and_roles():
    operaties = paden()
    for opdracht in TABELLEN:
        post = operaties[opdracht.url]["post"]
        schema = post["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        assert schema.endswith(f"/{opdracht.verzoek.__name__}")
        assert post["x-rollen"] == list(opdracht.rollen)
        assert opdracht.doc in post["description"]


def test_no_service_route_exists_beside_the_tables():
    service_routes = {p for p in paden() if p.split("/")[2:3] and p.split("/")[2] in {s.name for s in alle()}}

    assert service_routes == {o.url for o in TABELLEN}


def test_every_command_names_the_roles_that_may_give_it_and_no_role_of_another_service():
    rollen_per_service: dict[str, set[str]] = {}
    for opdracht in TABELLEN:
        assert opdracht.rollen, opdracht.url
        rollen_per_service.setdefault(opdracht.service, set()).update(opdracht.rollen)
    for service, rollen in rollen_per_service.items():
        for ander, andere_rollen in rollen_per_service.items():
            assert service == ander or not rollen & andere_rollen


def test_every_field_of_a_request_model_is_a_cli_option_and_a_json_field():
    schemas = maak_app(GeenStack()).openapi()["components"]["schemas"]
    for opdracht in TABELLEN:
        velden = set(opdracht.verzoek.model_fields)
        assert set(schemas[opdracht.verzoek.__name__]["properties"]) == velden
        assert cli_opties(f"{opdracht.service} {opdracht.naam}") == {opdracht.optie(v) for v in velden}


def test_the_demo_staff_give_only_commands_of_the_tables():
    assert sorted(map(id, OPDRACHTEN.values())) == sorted(map(id, TABELLEN))
