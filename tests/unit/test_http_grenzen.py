"""The API's limits: an oversized body is refused unread, every answer carries the security headers, no CORS but on the OpenAPI document."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from http_hulp import gestarte_api
from toegang_hulp import kop

from services.entrypoints.grenzen import MAX_BODY_BYTES
from services.toegang.rollen import WOONCONSULENT


@pytest.fixture
def api() -> TestClient:
    return gestarte_api()


def test_a_body_over_64_kb_is_refused_with_a_413_problem_before_it_is_parsed(api: TestClient) -> None:
    te_groot = b'{"vnummer": "1000000001", "woning_id": "' + b"x" * MAX_BODY_BYTES + b'", "datum": "2024-03-01"}'

    antwoord = api.post("/v1/huisvesting/aanbod-acceptaties", content=te_groot,
                        headers={"content-type": "application/json", **kop(WOONCONSULENT)})

    assert antwoord.status_code == 413
    assert antwoord.headers["content-type"] == "application/problem+json"
    assert antwoord.json()["title"] == "te-groot" and "1000000001" not in antwoord.text


def test_a_streamed_body_without_length_is_cut_off_at_the_cap_too(api: TestClient) -> None:
    def delen():
        for _ in range(MAX_BODY_BYTES // 1024 + 2):
            yield b" " * 1024

    antwoord = api.post("/v1/huisvesting/aanbod-acceptaties", content=delen(),
                        headers={"content-type": "application/json", **kop(WOONCONSULENT)})

    assert antwoord.status_code == 413 and antwoord.json()["title"] == "te-groot"


@pytest.mark.parametrize("pad, rol", [("/health", None), ("/v1/bestaat-niet", WOONCONSULENT),
                                      ("/v1/docs", WOONCONSULENT), ("/v1/rapport", None), ("/metrics", None)])
def test_every_answer_carries_the_security_headers_and_no_cors(api: TestClient, pad: str, rol: str | None) -> None:
    """Also a 401 (no token): the access layer's refusals are answers like any other. Only the
    OpenAPI document may be read cross-origin (tests/unit/test_http_ontwerpregels.py)."""
    antwoord = api.get(pad, headers={"Origin": "https://elders.example", **(kop(rol) if rol else {})})

    assert antwoord.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in antwoord.headers["content-security-policy"]
    assert ("'unsafe-inline'" in antwoord.headers["content-security-policy"]) == (pad == "/v1/docs")
    assert antwoord.headers["referrer-policy"] == "no-referrer"
    assert "access-control-allow-origin" not in antwoord.headers
    if pad.startswith("/v1/"):
        assert antwoord.headers["cache-control"] == "no-store"


def test_a_cors_preflight_gets_no_permission(api: TestClient) -> None:
    antwoord = api.options("/v1/mzd/bbb-toelatingen", headers={
        "Origin": "https://elders.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in antwoord.headers
