"""Every HTTP error is application/problem+json without input values, and the OpenAPI document says so."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from http_hulp import VNUMMER, Stack
from toegang_hulp import kop

from services.entrypoints.http import maak_app
from services.toegang.rollen import MZD_MEDEWERKER, OPERATOR, WOONCONSULENT

PROBLEM = "application/problem+json"
TYPE = "urn:nld:gemeente-nijmegen:welkom:probleem:"


@pytest.fixture
def api() -> TestClient:
    return TestClient(maak_app(Stack()), raise_server_exceptions=False)


def probleem(antwoord, status: int, titel: str) -> dict:
    """The problem of an answer, checked for RFC 9457's members and the API-Version header."""
    assert antwoord.status_code == status, antwoord.text
    assert antwoord.headers["content-type"] == PROBLEM
    body = antwoord.json()
    assert body["type"] == TYPE + titel and body["title"] == titel and body["status"] == status
    assert set(body) <= {"type", "title", "status", "detail"}
    return body


def test_an_unknown_path_is_a_404_problem_that_does_not_repeat_the_path(api):
    for pad in (f"/v1/personen/{VNUMMER}", "/nergens", "/statisch/bestaat-niet.css"):
        antwoord = api.get(pad, headers=kop(WOONCONSULENT))
        probleem(antwoord, 404, "niet-gevonden")
        assert VNUMMER not in antwoord.text and "nergens" not in antwoord.text
        assert antwoord.headers["API-Version"] == "1.0.0"


def test_a_wrong_method_is_a_405_problem_with_the_allowed_methods(api):
    antwoord = api.get("/v1/klok", headers=kop(OPERATOR))

    probleem(antwoord, 405, "methode-niet-toegestaan")
    assert antwoord.headers["Allow"] == "POST"


def test_a_body_that_is_no_json_is_a_400_problem(api):
    kapot = api.post("/v1/huisvesting/ibans", content=b'{"vnummer": "2099000001", ',
                     headers={"content-type": "application/json", **kop(WOONCONSULENT)})
    geen_utf8 = api.post("/v1/huisvesting/ibans", content=b'{"vnummer": "\xff"}',
                         headers={"content-type": "application/json", **kop(WOONCONSULENT)})

    probleem(kapot, 400, "ongeldige-json")
    assert "2099000001" not in kapot.text
    assert geen_utf8.status_code == 400 and geen_utf8.headers["content-type"] == PROBLEM


def test_invalid_fields_are_a_400_problem_naming_the_fields_not_their_values(api):
    antwoord = api.post("/v1/huisvesting/verhuizingen", json={
        "vnummer": "12345", "woning_id": "w", "datum": "gisteren", VNUMMER: "een veld dat niet bestaat"},
        headers=kop(WOONCONSULENT))

    detail = probleem(antwoord, 400, "ongeldige-invoer")["detail"]
    assert "body.vnummer" in detail and "body.datum" in detail and "onbekend veld" in detail
    for invoer in ("12345", "gisteren", VNUMMER, "bestaat"):
        assert invoer not in antwoord.text
    probleem(api.post("/v1/klok", json=[], headers=kop(OPERATOR)), 400, "ongeldige-invoer")
    probleem(api.get("/v1/rapport", params={"peildatum": "2024-13-01"}, headers=kop(OPERATOR)), 400, "ongeldige-invoer")
    te_lang = api.post("/v1/huisvesting/ibans", json={"vnummer": VNUMMER, "iban": "NL91ABNA0417164300",
                                                      "datum": "2024-01-10"},
                       headers={"Idempotency-Key": "k" * 201, **kop(WOONCONSULENT)})
    assert probleem(te_lang, 400, "ongeldige-invoer")["detail"] == "ongeldige velden: header.Idempotency-Key"


def test_a_domain_rule_is_a_422_problem_and_a_crash_a_500_problem(api):
    probleem(api.post("/v1/mzd/bbb-toelatingen", json={"vnummer": VNUMMER, "datum": "2024-05-01"},
                      headers=kop(MZD_MEDEWERKER)), 422, "domeinregel:ZaakOnbekendFout")
    crash = api.get("/v1/rapport", params={"peildatum": "2024-01-01"},
                    headers=kop(OPERATOR))  # this stack has no read models

    assert "Traceback" not in probleem(crash, 500, "interne-fout").get("detail", "")


def test_the_openapi_document_describes_the_errors_as_problems_and_not_fastapis_validation_error():
    document = maak_app(Stack()).openapi()
    tekst = json.dumps(document)

    assert "HTTPValidationError" not in tekst and '"ValidationError"' not in tekst
    assert set(document["components"]["schemas"]["Probleem"]["properties"]) == {"type", "title", "status", "detail"}
    gezien: set[str] = set()
    for pad, item in document["paths"].items():
        for methode, operatie in ((m, o) for m, o in item.items() if m != "servers"):
            for status, antwoord in operatie["responses"].items():
                if status == "200":
                    continue
                assert antwoord["content"] == {PROBLEM: {"schema": {"$ref": "#/components/schemas/Probleem"}}}, (
                    pad, methode, status)
                gezien.add(status)
            if "servers" not in item:  # under /v1
                assert "default" in operatie["responses"], (pad, methode)
    assert {"400", "404", "409", "422"} <= gezien
    opdracht = document["paths"]["/huisvesting/ibans"]["post"]["responses"]
    assert {"400", "409", "422"} <= set(opdracht)
    assert "404" in document["paths"]["/schemas/{type}"]["get"]["responses"]
    assert {"400", "409", "422"} <= set(document["paths"]["/klok"]["post"]["responses"])
