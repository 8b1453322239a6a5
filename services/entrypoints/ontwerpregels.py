"""The OpenAPI document as the NL API Design Rules (ADR 2.x) shape it: the /v1 server, contact, API-Version on every answer, and the document itself at /v1/openapi.json.

FastAPI writes every route under its full path (`/v1/rapport`). ADR's `/core/uri-version` wants the
major version in the server's URL instead, so the published document says `servers: [{url: /v1}]`
and `/rapport`: the URLs a client reaches are the same. The two routes outside the versioned API
(`/health`, `/metrics`) say their own server, `/`. Relative server URLs resolve against the
document's own URL, so the document holds for every host it is served from.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

from services.entrypoints.problemen import fouten

API_VERSION = "1.0.0"
"""The full version of the API (semver): `info.version` and the `API-Version` header of every answer."""
BASIS = "/v1"
DOCUMENT = f"{BASIS}/openapi.json"
"""Where the document is published: readable without a token, by any origin (CORS `*`), the only
URL with a CORS header (ADR /core/publish-openapi)."""
CONTACT = {
    "name": "team welkom, Gemeente Nijmegen (programma Welkom in Nijmegen)",
    "url": "https://www.nijmegen.nl/",
    "email": "welkom@nijmegen.nl",
}
"""Who answers for this API (ADR /core/doc-openapi-contact)."""
VERSIE = "API-Version"
CORS = "Access-Control-Allow-Origin"


def versie_kop() -> dict[str, Any]:
    """The `API-Version` header as an answer declares it: on every answer, always this version."""
    return {"description": "the full version of the API (ADR /core/version-header)", "required": True,
            "schema": {"type": "string", "const": API_VERSION}}


def publiceer(api: FastAPI) -> None:
    """Serve the app's OpenAPI document in its ADR shape (made once, on the first request for it)."""
    vorige: Callable[[], dict[str, Any]] = api.openapi
    klaar: list[dict[str, Any]] = []

    def openapi() -> dict[str, Any]:
        if not klaar:
            klaar.append(volgens_ontwerpregels(copy.deepcopy(vorige())))
        return klaar[0]

    api.openapi = openapi  # type: ignore[method-assign]


def volgens_ontwerpregels(document: dict[str, Any]) -> dict[str, Any]:
    """The document with `info.contact`, the `/v1` server, paths relative to it (the others with
    their own server `/`), the document itself as `/openapi.json`, and `API-Version` declared on
    every answer of every operation."""
    document["info"]["contact"] = dict(CONTACT)
    document["servers"] = [{"url": BASIS, "description": "the versioned API (major version 1), on this host"}]
    paden: dict[str, Any] = {}
    for pad, item in document.get("paths", {}).items():
        if pad.startswith(BASIS + "/"):
            paden[pad.removeprefix(BASIS)] = item
        else:
            paden[pad] = {"servers": [{"url": "/", "description": "the root of this host: outside the versioned "
                                       "API (liveness and metrics, no token)"}], **item}
    paden["/openapi.json"] = {"get": _document_zelf()}
    for item in paden.values():
        for methode, operatie in item.items():
            if methode in ("servers", "parameters", "summary", "description"):
                continue
            for antwoord in operatie.get("responses", {}).values():
                antwoord.setdefault("headers", {})[VERSIE] = versie_kop()
    document["paths"] = paden
    return document


def _document_zelf() -> dict[str, Any]:
    """The operation that serves this document."""
    return {
        "summary": "This OpenAPI document",
        "description": "Readable without a token and, from a browser, by any origin (`Access-Control-Allow-Origin: *`: "
                       "this answer only); the same document for every caller.",
        "operationId": "openapi",
        "security": [],
        "responses": {
            "200": {
                "description": "The OpenAPI document of this API.",
                "headers": {CORS: {"description": "any origin may read the document (CORS)", "required": True,
                                   "schema": {"type": "string", "const": "*"}}},
                "content": {"application/json": {"schema": {"type": "object", "required": ["openapi", "info", "paths"]}}},
            },
            **{str(s): a for s, a in fouten().items()},
        },
    }

