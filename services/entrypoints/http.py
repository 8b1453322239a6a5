"""The HTTP API (NL API Design Rules): health, metrics, reports, audit and the staff commands."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, ConfigDict, Field

from events.base import Vnummer
from events.registry import REGISTRY
from services.runtime.application import AlVerwerkt, Conflict, Werkeenheid
from services.domain import Domeinfout
from services.rapportage.audit import tijdlijn

if TYPE_CHECKING:
    from services.stack import Stack

API_VERSION = "1.0.0"
PROBLEM = "application/problem+json"


Sleutel = Annotated[
    str | None,
    Header(alias="Idempotency-Key", max_length=200, description="the same key applies a command once"),
]


class Opdracht(BaseModel):
    """Base of every staff command body: strict, closed."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)


class AanbodOpdracht(Opdracht):
    vnummer: Vnummer = Field(description="V-nummer of the household's main person")
    woning_id: str
    datum: dt.date


class WeigerOpdracht(AanbodOpdracht):
    reden: str = Field(min_length=1, max_length=200)


class IntrekOpdracht(WeigerOpdracht):
    """Withdraw an offer whose 2-week move term expired."""


class IbanOpdracht(Opdracht):
    vnummer: Vnummer = Field(description="V-nummer of the person (the household's main person unblocks it)")
    iban: str = Field(min_length=15, max_length=40, description="checked (ISO 13616), never stored")
    datum: dt.date


class IntakeOpdracht(Opdracht):
    vnummer: Vnummer
    datum: dt.date
    leerroute: Literal["B1", "onderwijsroute", "z-route"]


class BbbOpdracht(Opdracht):
    vnummer: Vnummer
    datum: dt.date


class KlokOpdracht(Opdracht):
    tot: dt.date = Field(description="record every term whose last day lies before this date")


class AuditVraag(Opdracht):
    vnummer: Vnummer


def probleem(status: int, titel: str, detail: str | None = None) -> JSONResponse:
    body = {"type": f"urn:nld:gemeente-nijmegen:welkom:probleem:{titel}", "title": titel, "status": status}
    if detail:
        body["detail"] = detail
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


def maak_app(stack: Stack) -> FastAPI:
    """The FastAPI application of a running stack."""
    api = FastAPI(
        title="welkom",
        version=API_VERSION,
        description="Van asiel tot en met integratie: the event-sourced chain of Gemeente Nijmegen.",
        openapi_url="/v1/openapi.json",
        docs_url="/v1/docs",
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
    async def rapport(peildatum: Annotated[dt.date, Query()]) -> dict[str, Any]:
        assert stack.projectie is not None
        await asyncio.to_thread(stack.projectie.bij)
        return stack.projectie.rapport(peildatum)

    @api.get("/v1/schemas/{type_}")
    async def schema(type_: str) -> Any:
        soort = REGISTRY.get(type_)
        if soort is None:
            return probleem(404, "onbekend-type")
        return soort.schema.model_json_schema()

    @api.post("/v1/audit")
    async def audit(vraag: AuditVraag) -> dict[str, Any]:
        persoon = next(iter(stack.apps.values())).persoon(vraag.vnummer)
        regels = await asyncio.to_thread(tijdlijn, stack.apps, persoon)
        return {"persoon_id": str(persoon), "tijdlijn": regels}

    async def opdracht(
        service: str, sleutel: str | None, vnummer: str, actie: Callable[[Any, Werkeenheid, Any], Any]
    ) -> Any:
        """One staff command: the person's pseudonym, one application call, once per key."""
        app = stack.apps[service]
        persoon = app.persoon(vnummer)
        try:
            await asyncio.to_thread(
                app.voer_uit, lambda uow: actie(app, uow, persoon), f"http:{sleutel}" if sleutel else None
            )
        except AlVerwerkt:
            return {"status": "al-verwerkt"}
        return {"status": "verwerkt"}

    @api.post("/v1/huisvesting/aanbod-acceptaties")
    async def accepteer(body: AanbodOpdracht, key: Sleutel = None) -> Any:
        return await opdracht("huisvesting", key, body.vnummer,
                              lambda app, u, p: app.accepteer(u, p, body.woning_id, body.datum))

    @api.post("/v1/huisvesting/aanbod-weigeringen")
    async def weiger(body: WeigerOpdracht, key: Sleutel = None) -> Any:
        return await opdracht("huisvesting", key, body.vnummer,
                              lambda app, u, p: app.weiger(u, p, body.woning_id, body.datum, body.reden))

    @api.post("/v1/huisvesting/verhuizingen")
    async def verhuis(body: AanbodOpdracht, key: Sleutel = None) -> Any:
        return await opdracht("huisvesting", key, body.vnummer,
                              lambda app, u, p: app.verhuis(u, p, body.woning_id, body.datum))

    @api.post("/v1/huisvesting/aanbod-intrekkingen")
    async def trek_in(body: IntrekOpdracht, key: Sleutel = None) -> Any:
        return await opdracht("huisvesting", key, body.vnummer,
                              lambda app, u, p: app.trek_in(u, p, body.woning_id, body.datum, body.reden))

    @api.post("/v1/huisvesting/ibans")
    async def iban(body: IbanOpdracht, key: Sleutel = None) -> Any:
        return await opdracht("huisvesting", key, body.vnummer,
                              lambda app, u, p: app.registreer_iban(u, p, body.iban, body.datum))

    @api.post("/v1/inburgering/brede-intakes")
    async def intake(body: IntakeOpdracht, key: Sleutel = None) -> Any:
        return await opdracht("inburgering", key, body.vnummer,
                              lambda app, u, p: app.rond_intake_af(u, p, body.datum, body.leerroute))

    @api.post("/v1/mzd/bbb-toelatingen")
    async def bbb(body: BbbOpdracht, key: Sleutel = None) -> Any:
        return await opdracht("mzd", key, body.vnummer,
                              lambda app, u, p: app.laat_toe_tot_bbb(u, p, body.datum))

    @api.post("/v1/klok")
    async def klok(body: KlokOpdracht) -> dict[str, Any]:
        return {"tot": body.tot.isoformat(), "verlopen": await stack.verloop_tijd(body.tot)}

    return api
