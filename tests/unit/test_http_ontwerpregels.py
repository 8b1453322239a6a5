"""The NL API Design Rules (ADR 2.x) as the Logius linter checks them, on the OpenAPI document and on the live answers (checks written here, no third-party ruleset)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from http_hulp import Stack, gestarte_api
from toegang_hulp import kop

from services.entrypoints.grenzen import MAX_BODY_BYTES
from services.entrypoints.http import maak_app
from services.toegang.rollen import OPERATOR, WOONCONSULENT

PROBLEM = "application/problem+json"
SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?")
KEBAB = re.compile(r"^(\/|(\/_[a-z0-9]+|\/(([a-z0-9\-]+|{[^}]+})(\/([a-z0-9\-\.]+|{[^}]+}))*)(\/_[a-z]+)?)\/?)$")
CAMEL = re.compile(r"^\$?[a-z][a-z\d]*([A-Z][a-z\d]*)*$")
DATUMVELD = re.compile(r"^(date|datum)$|((\w+D)|(_[dD]))((ate)|(atum))")
"""The linter's `specify-format-for-date-and-time`: these property names hold a date."""
METHODES = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
DOCUMENT = maak_app(Stack()).openapi()


def operaties() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for pad, item in DOCUMENT["paths"].items():
        for methode in METHODES:
            if methode in item:
                yield pad, methode, item[methode]


def antwoorden() -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    for pad, methode, operatie in operaties():
        for status, antwoord in operatie["responses"].items():
            yield pad, methode, status, antwoord


def schemas(knoop: Any) -> Iterator[dict[str, Any]]:
    """Every schema object below `knoop` that has `properties`."""
    if isinstance(knoop, dict):
        if isinstance(knoop.get("properties"), dict):
            yield knoop
        for waarde in knoop.values():
            yield from schemas(waarde)
    elif isinstance(knoop, list):
        for waarde in knoop:
            yield from schemas(waarde)


def test_doc_openapi_semver_and_contact() -> None:
    """/core/doc-openapi, /core/semver, /core/doc-openapi-contact."""
    assert re.fullmatch(r"3(\.\d+){1,2}", DOCUMENT["openapi"])
    assert SEMVER.fullmatch(DOCUMENT["info"]["version"])
    assert {"name", "url", "email"} <= set(DOCUMENT["info"]["contact"])


def test_uri_version_the_servers_carry_the_major_version_and_paths_no_trailing_slash_in_kebab_case() -> None:
    """/core/uri-version, /core/no-trailing-slash, /core/path-segments-kebab-case."""
    assert DOCUMENT["servers"] and all(re.search(r"/v\d", s["url"]) for s in DOCUMENT["servers"])
    assert DOCUMENT["servers"][0]["url"] == "/v1"
    for pad in DOCUMENT["paths"]:
        assert pad == "/" or not pad.endswith("/"), pad
        assert pad == "/openapi.json" or KEBAB.match(pad), pad
    assert {p for p, i in DOCUMENT["paths"].items() if "servers" in i} == {"/health", "/metrics"}


def test_query_keys_are_camel_case_and_no_parameter_keeps_a_python_name() -> None:
    """/core/query-keys-camel-case; and no `type_`: a parameter is named as clients write it."""
    for pad, methode, operatie in operaties():
        for parameter in operatie.get("parameters", []):
            if parameter["in"] == "query":
                assert CAMEL.match(parameter["name"]), (pad, parameter["name"])
            assert not parameter["name"].endswith("_") and "_" not in parameter["name"], (pad, parameter["name"])
    assert [p["name"] for p in DOCUMENT["paths"]["/schemas/{type}"]["get"]["parameters"]] == ["type"]


def test_version_header_is_declared_on_every_answer() -> None:
    """/core/version-header: the linter asks it of 2xx and 3xx; welkom sends it on every answer."""
    for pad, methode, status, antwoord in antwoorden():
        kop_ = antwoord.get("headers", {}).get("API-Version")
        assert kop_ and kop_["required"] and kop_["schema"]["const"] == DOCUMENT["info"]["version"], (pad, status)


def test_every_error_is_problem_json_with_status_title_and_detail() -> None:
    """/core/error-handling/problem-details: the content type, and the three members, required."""
    probleem = DOCUMENT["components"]["schemas"]["Probleem"]
    assert {"status", "title", "detail"} <= set(probleem["properties"]) & set(probleem["required"])
    for pad, methode, status, antwoord in antwoorden():
        if status[0] in "45" or status == "default":
            assert set(antwoord["content"]) == {PROBLEM}, (pad, methode, status)


def test_invalid_input_every_post_and_every_get_with_parameters_documents_400() -> None:
    """/core/error-handling/invalid-input, as the linter tests it."""
    for pad, methode, operatie in operaties():
        if methode in ("post", "put", "patch") or operatie.get("parameters"):
            assert "400" in operatie["responses"], (methode, pad)


def test_dates_say_format_date_and_nothing_is_a_time_without_zone() -> None:
    """/core/date-time/format, /date-omit-time-portion and /timezone, as the linter tests them."""
    datums = 0
    for schema in schemas(DOCUMENT):
        for naam, eigenschap in schema["properties"].items():
            formaten = {eigenschap.get("format")} | {s.get("format") for s in eigenschap.get("anyOf", [])}
            assert not formaten & {"time", "date-time-local"}, naam
            if DATUMVELD.search(naam):
                assert "date" in formaten and "date-time" not in formaten, (naam, eigenschap)
                datums += 1
    assert datums >= 30  # every command's `datum`, and more


def test_schemas_use_json_schema_keywords_only() -> None:
    """pydantic writes a constraint it cannot place as `ge`/`le`: no validator would read it."""
    for schema in schemas(DOCUMENT):
        for naam, eigenschap in schema["properties"].items():
            assert not {"ge", "le", "gt", "lt", "strict"} & set(eigenschap), (naam, eigenschap)


def test_publish_openapi_the_document_describes_itself_public_with_cors() -> None:
    """/core/publish-openapi: `/openapi.json` in the base path, GET only, no token, CORS `*`."""
    item = DOCUMENT["paths"]["/openapi.json"]
    assert set(item) == {"get"} and item["get"]["security"] == []
    assert item["get"]["responses"]["200"]["headers"]["Access-Control-Allow-Origin"]["schema"]["const"] == "*"


@pytest.fixture
def api() -> TestClient:
    return gestarte_api()


def test_the_document_is_served_without_a_token_to_any_origin_and_nothing_else_is(api: TestClient) -> None:
    document = api.get("/v1/openapi.json", headers={"Origin": "https://elders.example"})

    assert document.status_code == 200 and document.json() == DOCUMENT
    assert document.headers["access-control-allow-origin"] == "*"
    for antwoord in (api.get("/v1/rapport", headers={"Origin": "https://elders.example"}),
                     api.get("/health", headers={"Origin": "https://elders.example"}),
                     api.get("/v1/schemas/nl.statushouders.woning-aangeboden", headers=kop(WOONCONSULENT))):
        assert "access-control-allow-origin" not in antwoord.headers


def test_every_answer_carries_the_api_version_and_every_problem_its_detail(api: TestClient) -> None:
    """A 200, each kind of refusal, a 413 the body cap answers unread, and a crash (500)."""
    versie = DOCUMENT["info"]["version"]
    antwoorden_ = [
        api.get("/health"), api.get("/metrics"), api.get("/v1/openapi.json"),
        api.get("/v1/rapport", params={"peildatum": "2024-10-01"}),                      # 401
        api.post("/v1/klok", json={"tot": "2024-01-01"}, headers=kop(WOONCONSULENT)),     # 403
        api.get("/v1/schemas/nl.bestaat.niet", headers=kop(WOONCONSULENT)),              # 404
        api.get("/v1/klok", headers=kop(OPERATOR)),                                       # 405
        api.post("/v1/klok", content=b"{", headers={"content-type": "application/json", **kop(OPERATOR)}),  # 400
        api.post("/v1/klok", content=b"x" * (MAX_BODY_BYTES + 1),
                 headers={"content-type": "application/json", **kop(OPERATOR)}),         # 413
        api.get("/v1/rapport", params={"peildatum": "2024-10-01"}, headers=kop(OPERATOR)),  # 500: no read models
    ]
    assert [a.status_code for a in antwoorden_] == [200, 200, 200, 401, 403, 404, 405, 400, 413, 500]
    for antwoord in antwoorden_:
        assert antwoord.headers["API-Version"] == versie, antwoord.request.url
        if antwoord.status_code >= 400:
            assert antwoord.headers["content-type"] == PROBLEM
            assert {"status", "title", "detail"} <= set(antwoord.json()) and antwoord.json()["detail"]


def test_a_trailing_slash_is_a_404_not_a_redirect(api: TestClient) -> None:
    """/core/no-trailing-slash: the client learns the right URI, it is not sent there."""
    for pad in ("/v1/rapport/", "/v1/klok/", "/health/", "/v1/openapi.json/"):
        antwoord = api.get(pad, headers=kop(OPERATOR), follow_redirects=False)
        assert antwoord.status_code == 404 and antwoord.headers["content-type"] == PROBLEM, pad
