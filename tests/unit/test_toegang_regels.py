"""The access rules beyond the matrix: the audit's purpose, the rate limit, what needs no token,
and what the OpenAPI document declares (tests/unit/test_toegang_matrix.py: who may call what)."""

from __future__ import annotations

import pytest
from application_hulp import opgeslagen
from fastapi.testclient import TestClient
from http_hulp import IBAN
from matrix_hulp import DOCUMENT, ENDPOINTS, PADEN, OPDRACHTEN, VNUMMER, VOORBEELDEN, bekende_stack, geweigerd, \
    niet_geauthenticeerd
from starlette.routing import Mount, Route
from toegang_hulp import ANDERE_GEMEENTE, GEMEENTE, kop

from services.entrypoints.http import maak_app
from services.entrypoints.toegang_http import OPENBAAR, PAGINAS, openbaar
from services.toegang.rollen import AUDIT, AUDITOR, MZD_MEDEWERKER, OPERATOR, ROLLEN, WOONCONSULENT


@pytest.fixture(scope="module")
def api() -> TestClient:
    return TestClient(maak_app(bekende_stack()), raise_server_exceptions=False)


# -- the audit ----------------------------------------------------------------------------------------


AUDIT_ENDPOINTS = [e for e in ENDPOINTS if e.rollen == AUDIT]


@pytest.mark.parametrize("endpoint", AUDIT_ENDPOINTS, ids=str)
def test_the_auditor_states_a_purpose_and_gets_the_persons_record(endpoint):
    http = TestClient(maak_app(bekende_stack()), raise_server_exceptions=False)

    for body in ({"vnummer": VNUMMER}, {"vnummer": VNUMMER, "doel": "ab"}, {"vnummer": VNUMMER, "doel": "x" * 201}):
        zonder_doel = http.post(endpoint.sjabloon, json=body, headers=kop(AUDITOR))
        assert "body.doel" in geweigerd(zonder_doel, 400, "ongeldige-invoer")["detail"]
    for rol in (OPERATOR, WOONCONSULENT):
        met_doel = http.post(endpoint.sjabloon, json={"vnummer": VNUMMER, "doel": VOORBEELDEN["doel"]},
                             headers=kop(rol))
        geweigerd(met_doel, 403, "geen-toegang")

    antwoord = http.post(endpoint.sjabloon, json={"vnummer": VNUMMER, "doel": VOORBEELDEN["doel"]},
                         headers=kop(AUDITOR))

    assert antwoord.status_code == 200, antwoord.text
    assert set(antwoord.json()) - {"persoon_id"}, "the person's record, not only who they are"


# -- the rate limit ----------------------------------------------------------------------------------


def test_the_rate_limit_answers_429_with_retry_after_per_subject_and_records_nothing():
    stack = bekende_stack(limiet="3/minute")
    http = TestClient(maak_app(stack), raise_server_exceptions=False)
    iban = {"vnummer": VNUMMER, "iban": IBAN, "datum": "2024-01-10"}

    for _ in range(3):
        assert http.post("/v1/huisvesting/ibans", json=iban, headers=kop(WOONCONSULENT)).status_code == 200
    voor = {naam: opgeslagen(app) for naam, app in stack.apps.items()}
    te_veel = http.post("/v1/huisvesting/ibans", json=iban, headers=kop(WOONCONSULENT))

    geweigerd(te_veel, 429, "te-veel-verzoeken")
    assert 1 <= int(te_veel.headers["Retry-After"]) <= 60
    assert {naam: opgeslagen(app) for naam, app in stack.apps.items()} == voor
    bbb = http.post("/v1/mzd/bbb-toelatingen", json={"vnummer": VNUMMER, "datum": "2024-01-10"},
                    headers=kop([MZD_MEDEWERKER, WOONCONSULENT]))  # the same subject, another command
    geweigerd(bbb, 429, "te-veel-verzoeken")
    collega = http.post("/v1/huisvesting/ibans", json=iban, headers=kop(WOONCONSULENT, sub="test:collega"))
    assert collega.status_code == 200, "the limit is per subject"
    schema = http.get(f"/v1/schemas/{VOORBEELDEN['type']}", headers=kop(WOONCONSULENT))
    assert schema.status_code == 200, "reading a schema is not limited"


def test_the_rate_limit_holds_for_the_audit_too():
    http = TestClient(maak_app(bekende_stack(limiet="2/minute")), raise_server_exceptions=False)
    vraag = {"vnummer": VNUMMER, "doel": VOORBEELDEN["doel"]}

    antwoorden = [http.post("/v1/audit", json=vraag, headers=kop(AUDITOR)) for _ in range(3)]

    assert [a.status_code for a in antwoorden] == [200, 200, 429]
    geweigerd(antwoorden[-1], 429, "te-veel-verzoeken")
    assert int(antwoorden[-1].headers["Retry-After"]) >= 1


def test_refused_requests_do_not_use_up_the_rate_limit():
    """A 403 comes before the limit: a token without the role cannot exhaust its subject's budget."""
    http = TestClient(maak_app(bekende_stack(limiet="2/minute")), raise_server_exceptions=False)
    iban = {"vnummer": VNUMMER, "iban": IBAN, "datum": "2024-01-10"}

    for _ in range(5):
        geweigerd(http.post("/v1/huisvesting/ibans", json=iban, headers=kop(OPERATOR)), 403, "geen-toegang")

    toegestaan = http.post("/v1/huisvesting/ibans", json=iban, headers=kop(WOONCONSULENT))  # the same subject
    assert toegestaan.status_code == 200


# -- what needs no token, and what the OpenAPI document says -------------------------------------


def test_health_and_metrics_need_no_token(api):
    assert api.get("/health").json() == {"status": "ok"}
    assert api.get("/metrics").status_code == 200
    assert "security" not in PADEN["/health"]["get"]
    assert "security" not in PADEN["/metrics"]["get"]


def test_every_route_but_the_public_ones_needs_a_token_also_those_not_in_the_document(api):
    """The pages and Swagger UI: a browser page goes to the login."""
    app = api.app
    paden = {r.path for r in app.routes if isinstance(r, Route | Mount)}
    beschermd = sorted(p for p in paden if not openbaar(p) and "{" not in p)
    assert {"/", "/v1/docs"} <= set(beschermd)
    for pad in beschermd:
        antwoord = api.get(pad, follow_redirects=False)
        if pad in PAGINAS:
            assert (antwoord.status_code, antwoord.headers["location"]) == (303, "/login"), pad
        else:
            niet_geauthenticeerd(antwoord, "geen-token")


def test_of_the_documented_operations_only_health_metrics_and_the_document_itself_are_public():
    assert {pad for pad in PADEN if openbaar(pad)} == {"/health", "/metrics", "/v1/openapi.json"}
    assert [p for p in OPENBAAR if p.startswith("/v1")] == ["/v1/openapi.json"]
    assert PADEN["/v1/openapi.json"]["get"]["security"] == []


def test_the_document_declares_the_bearer_scheme_and_every_protected_operation_uses_it():
    schema = DOCUMENT["components"]["securitySchemes"]["bearer"]
    assert (schema["type"], schema["scheme"], schema["bearerFormat"]) == ("http", "bearer", "JWT")
    for pad, item in PADEN.items():
        for methode, operatie in item.items():
            if openbaar(pad):
                continue
            assert operatie["security"] == [{"bearer": []}], (methode, pad)
            assert operatie["x-rollen"] and set(operatie["x-rollen"]) <= set(ROLLEN), (methode, pad)
            assert {"401", "403"} <= set(operatie["responses"]), (methode, pad)


def test_every_command_table_entry_is_an_operation_with_its_roles():
    for opdracht in OPDRACHTEN:
        operatie = PADEN[opdracht.url]["post"]
        assert opdracht.rollen and set(opdracht.rollen) <= set(ROLLEN), opdracht.url
        assert operatie["x-rollen"] == list(opdracht.rollen), opdracht.url
        assert "429" in operatie["responses"], opdracht.url


@pytest.mark.parametrize("volgorde", [(GEMEENTE, ANDERE_GEMEENTE), (ANDERE_GEMEENTE, GEMEENTE)])
def test_a_gemeente_named_twice_never_shows_nijmegens_figures_to_another_gemeentes_token(api, volgorde):
    """The access check and the report read the same one of the two (no parameter pollution)."""
    eigen = api.get("/v1/rapport", params={"peildatum": "2024-10-01"}, headers=kop(OPERATOR)).json()
    assert eigen["huisvesting"]["dossiers_open"] == 1, "the known person's dossier, in Nijmegen's figures"

    antwoord = api.get("/v1/rapport", params=[("peildatum", "2024-10-01"), *(("gemeente", g) for g in volgorde)],
                       headers=kop(OPERATOR, gemeenten=[ANDERE_GEMEENTE]))

    if antwoord.status_code != 403:
        assert antwoord.status_code == 200 and antwoord.json()["huisvesting"]["dossiers_open"] == 0
