"""Every HTTP error as application/problem+json (RFC 9457), and the OpenAPI document saying so.

A problem has `type` (`urn:nld:gemeente-nijmegen:welkom:probleem:<titel>`), `title` (the same
short slug, which clients such as the demo's staff read), `status` and a `detail` in Dutch (ADR
/core/error-handling/problem-details: status, title and detail are always there). A detail never holds an input value, a path or a V-nummer: at most the names
of invalid fields, which come from the request models, not from the client.
"""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from services.domain import Domeinfout
from services.domain.ontvangst import SleutelHergebruiktFout
from services.runtime.application import Conflict

PROBLEM = "application/problem+json"
TYPE = "urn:nld:gemeente-nijmegen:welkom:probleem:"
SCHEMA = "#/components/schemas/Probleem"

HTTP_FOUTEN: dict[int, tuple[str, str]] = {
    400: ("ongeldig-verzoek", "het verzoek kan niet worden gelezen"),
    401: ("niet-geauthenticeerd", "dit verzoek vraagt om authenticatie"),
    403: ("geen-toegang", "dit verzoek is niet toegestaan"),
    404: ("niet-gevonden", "deze URL bestaat niet"),
    405: ("methode-niet-toegestaan", "deze methode is op deze URL niet toegestaan; zie de Allow-header"),
    406: ("niet-acceptabel", "er is geen antwoord in een gevraagd mediatype"),
    413: ("te-groot", "het verzoek is te groot"),
    415: ("mediatype-niet-ondersteund", "stuur de body als application/json"),
    500: ("interne-fout", "er ging iets mis in welkom; het verzoek is niet (volledig) uitgevoerd"),
    503: ("niet-beschikbaar", "welkom is nog niet klaar om dit te beantwoorden"),
}
"""Title and detail of the errors the HTTP layer itself answers (unknown path, wrong method, ...)."""

BESCHRIJVING = {
    400: "Ongeldig verzoek: de body is geen JSON, of een veld of parameter is ongeldig (alleen namen in `detail`).",
    401: "Niet geauthenticeerd: geen, of geen geldig, access token (verlopen, andere issuer of audience, handtekening).",
    403: "Geen toegang: het token heeft geen van de rollen van dit endpoint, of niet de gevraagde gemeente.",
    404: "Niet gevonden.",
    409: "Conflict: gelijktijdige wijzigingen bleven winnen; probeer het opnieuw.",
    422: "Niet verwerkt: een regel weigert het verzoek (`title` zegt welke); er is niets vastgelegd.",
    429: "Te veel verzoeken van dit token; de Retry-After-header zegt na hoeveel seconden het weer mag.",
    "default": "Elke andere fout, ook als problem+json.",
}


class Probleem(BaseModel):
    """An error (RFC 9457 problem details); `detail` holds no input value and no personal data."""

    type: str = Field(description="URI of the kind of problem: urn:nld:gemeente-nijmegen:welkom:probleem:<title>")
    title: str = Field(description="short name of the kind of problem, e.g. `domeinregel:DossierOnbekendFout`")
    status: int = Field(description="the HTTP status code")
    detail: str = Field(description="explanation in Dutch, without input values")


def probleem(status: int, titel: str, detail: str | None = None,
             headers: Mapping[str, str] | None = None) -> JSONResponse:
    """A problem+json answer; without a `detail` of its own, the status's phrase is its detail."""
    body: dict[str, Any] = {"type": f"{TYPE}{titel}", "title": titel, "status": status,
                            "detail": detail or _omschrijving(status) or titel}
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=dict(headers or {}))


def http_fout(status: int, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """The problem of an error the HTTP layer answers itself; never echoes the path or the input."""
    titel, detail = HTTP_FOUTEN.get(status, (f"http-{status}", _omschrijving(status)))
    return probleem(status, titel, detail, headers)


def _omschrijving(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def ongeldige_invoer(fout: RequestValidationError) -> JSONResponse:
    """400: a body that is no JSON, or fields that break the request model (named, never echoed)."""
    fouten = fout.errors()
    if any(e.get("type") == "json_invalid" for e in fouten):
        return probleem(400, "ongeldige-json", "de body is geen geldige JSON")
    velden = sorted({_veld(e) for e in fouten})
    return probleem(400, "ongeldige-invoer", f"ongeldige velden: {','.join(velden[:5])}")


def _veld(fout: Mapping[str, Any]) -> str:
    """Where an error lies: the field path of the request model. The name of a field the model
    does not have comes from the client (it could be a V-nummer), so it is not repeated."""
    plek = [str(p) for p in fout.get("loc", ())]
    if fout.get("type") == "extra_forbidden" and plek:
        plek[-1] = "<onbekend veld>"
    return ".".join(plek)


def meld_problemen(api: FastAPI) -> None:
    """Answer every error of the app as problem+json, and document them so in its OpenAPI."""

    @api.exception_handler(StarletteHTTPException)
    async def http(_: Request, fout: StarletteHTTPException) -> JSONResponse:
        return http_fout(fout.status_code, fout.headers)

    @api.exception_handler(RequestValidationError)
    async def ongeldig(_: Request, fout: RequestValidationError) -> JSONResponse:
        return ongeldige_invoer(fout)

    @api.exception_handler(SleutelHergebruiktFout)
    async def hergebruikt(_: Request, fout: SleutelHergebruiktFout) -> JSONResponse:
        return probleem(422, "idempotency-key-hergebruikt", (type(fout).__doc__ or "").strip())

    @api.exception_handler(Domeinfout)
    async def domeinfout(_: Request, fout: Domeinfout) -> JSONResponse:
        return probleem(422, fout.reden, (type(fout).__doc__ or "").strip())

    @api.exception_handler(Conflict)
    async def conflict(_: Request, fout: Conflict) -> JSONResponse:
        return probleem(409, "conflict", "gelijktijdige wijzigingen; probeer opnieuw")

    @api.exception_handler(Exception)
    async def intern(_: Request, fout: Exception) -> JSONResponse:
        return http_fout(500)

    gewoon = api.openapi

    def openapi() -> dict[str, Any]:
        if api.openapi_schema is None:
            api.openapi_schema = met_problemen(gewoon())
        return api.openapi_schema

    api.openapi = openapi  # type: ignore[method-assign]


def fouten(*statussen: int) -> dict[int | str, dict[str, Any]]:
    """The `responses` of a route: these statuses, and every other error, as problem+json."""
    return {s: _antwoord(s) for s in (*statussen, "default")}


def _antwoord(status: int | str) -> dict[str, Any]:
    return {"description": BESCHRIJVING.get(status, "Fout."), "content": {PROBLEM: {"schema": {"$ref": SCHEMA}}}}


def met_problemen(document: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI document with the Probleem schema, a problem+json `default` on every operation
    under /v1, and without FastAPI's `HTTPValidationError` (welkom answers 400 problem+json)."""
    for pad, item in document.get("paths", {}).items():
        for operatie in item.values():
            antwoorden = operatie.get("responses", {})
            if "HTTPValidationError" in str(antwoorden.get("422", "")):
                del antwoorden["422"]
            if pad.startswith("/v1/"):
                antwoorden.setdefault("default", _antwoord("default"))
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for naam in ("HTTPValidationError", "ValidationError"):
        schemas.pop(naam, None)
    schemas["Probleem"] = Probleem.model_json_schema(ref_template="#/components/schemas/{model}")
    return document
