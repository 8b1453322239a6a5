"""The HTTP API (NL API Design Rules): health, metrics, reports, audit and the staff commands."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
import inspect
from typing import Annotated, Any, Protocol

from fastapi import FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, ConfigDict, Field

from events.registry import REGISTRY
from services import catalogus
from services.domain import Domeinfout
from services.entrypoints.kengetallen import voeg_paginas_toe
from services.rapportage.audit import tijdlijn
from services.rapportage.projectie import Projectie
from services.runtime.application import AlVerwerkt, Conflict, WelkomApplication
from services.runtime.commands import Opdracht, Verzoek

API_VERSION = "1.0.0"
PROBLEM = "application/problem+json"


Sleutel = Annotated[
    str | None,
    Header(alias="Idempotency-Key", max_length=200, description="the same key applies a command once"),
]


class Draaiend(Protocol):
    """What the HTTP API needs of a running stack (the composition root passes itself)."""

    apps: dict[str, WelkomApplication]
    ready: asyncio.Event
    projectie: Projectie | None

    async def verloop_tijd(self, op: dt.date) -> dict[str, int]: ...


class KlokOpdracht(BaseModel):
    """Advance the clock (not a person's command: no V-nummer)."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)
    tot: dt.date = Field(description="record every term whose last day lies before this date")


class AuditVraag(Verzoek):
    """Whose timeline: the V-nummer, in the body."""


def probleem(status: int, titel: str, detail: str | None = None) -> JSONResponse:
    body = {"type": f"urn:nld:gemeente-nijmegen:welkom:probleem:{titel}", "title": titel, "status": status}
    if detail:
        body["detail"] = detail
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


def maak_app(stack: Draaiend) -> FastAPI:
    """The FastAPI application of a running stack."""
    api = FastAPI(
        title="welkom",
        version=API_VERSION,
        description="Van asiel tot en met integratie: the event-sourced chain of Gemeente Nijmegen.",
        openapi_url="/v1/openapi.json",
        docs_url=None,  # served offline by voeg_paginas_toe
        redoc_url=None,
    )

    @api.middleware("http")
    async def api_versie(request: Request, call_next: Callable[..., Any]) -> Response:
        response = await call_next(request)
        response.headers["API-Version"] = API_VERSION
        return response

    @api.exception_handler(RequestValidationError)
    async def ongeldig(_: Request, fout: RequestValidationError) -> JSONResponse:
        velden = ",".join(".".join(str(p) for p in e["loc"]) for e in fout.errors()[:5])
        return probleem(400, "ongeldige-invoer", f"ongeldige velden: {velden}")

    @api.exception_handler(Domeinfout)
    async def domeinfout(_: Request, fout: Domeinfout) -> JSONResponse:
        return probleem(422, fout.reden, (type(fout).__doc__ or "").strip())

    @api.exception_handler(Conflict)
    async def conflict(_: Request, fout: Conflict) -> JSONResponse:
        return probleem(409, "conflict", "gelijktijdige wijzigingen; probeer opnieuw")

    @api.get("/health")
    async def health() -> JSONResponse:
        klaar = stack.ready.is_set()
        return JSONResponse({"status": "ok" if klaar else "starting"}, status_code=200 if klaar else 503)

    @api.get("/metrics")
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    @api.get("/v1/rapport")
    async def rapport(
        peildatum: Annotated[dt.date, Query()],
        gemeente: Annotated[str | None, Query(pattern=r"^[0-9]{4}$", description="gemeentecode (default: ours)")] = None,
    ) -> dict[str, Any]:
        assert stack.projectie is not None
        await asyncio.to_thread(stack.projectie.bij)
        return await asyncio.to_thread(stack.projectie.rapport, peildatum, gemeente)

    @api.get("/v1/schemas/{type_}")
    async def schema(type_: str) -> Any:
        soort = REGISTRY.get(type_)
        if soort is None:
            return probleem(404, "onbekend-type")
        return soort.schema.model_json_schema()

    @api.post("/v1/audit")
    async def audit(vraag: AuditVraag) -> dict[str, Any]:
        persoon = next(iter(stack.apps.values())).persoon(vraag.vnummer)
        regels = await asyncio.to_thread(tijdlijn, stack.apps, persoon, stack.projectie)
        return {"persoon_id": str(persoon), "tijdlijn": regels}

    for service in catalogus.alle():
        for opdracht in service.commands:
            _route(api, stack, opdracht)

    @api.post("/v1/klok")
    async def klok(body: KlokOpdracht) -> dict[str, Any]:
        return {"tot": body.tot.isoformat(), "verlopen": await stack.verloop_tijd(body.tot)}

    voeg_paginas_toe(api, stack)
    return api


def _route(api: FastAPI, stack: Draaiend, opdracht: Opdracht[Any]) -> None:
    """`POST /v1/<service>/<pad>` for one entry of a command table: the body is its request model,
    the effect one call into the service's Application, once per Idempotency-Key."""

    async def endpoint(body: Verzoek, key: str | None = None) -> dict[str, str]:
        app = stack.apps[opdracht.service]
        try:
            await asyncio.to_thread(opdracht.voer_uit, app, body, f"http:{key}" if key else None)
        except AlVerwerkt:
            return {"status": "al-verwerkt"}
        return {"status": "verwerkt"}

    endpoint.__signature__ = inspect.Signature([  # type: ignore[attr-defined]
        inspect.Parameter("body", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=opdracht.verzoek),
        inspect.Parameter("key", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Sleutel),
    ])
    api.post(
        opdracht.url, name=f"{opdracht.service}-{opdracht.naam}", summary=opdracht.doc.split("(")[0].strip(),
        description=f"{opdracht.doc}\n\nRoles: {', '.join(opdracht.rollen)}.",
        openapi_extra={"x-rollen": list(opdracht.rollen)},
    )(endpoint)
