"""The HTTP API (NL API Design Rules): health, metrics, reports, audit and the staff commands."""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
from typing import Annotated, Any, Literal, Protocol

from fastapi import FastAPI, Header, Path, Query
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, ConfigDict, Field

from events.base import Datum
from events.registry import REGISTRY
from services import catalogus
from services.domain.ontvangst import SleutelHergebruiktFout
from services.entrypoints.grenzen import begrens
from services.entrypoints.aandachtslijst import voeg_aandachtslijst_toe
from services.entrypoints.kengetallen import voeg_paginas_toe
from services.entrypoints.login import voeg_login_toe
from services.entrypoints.ontwerpregels import API_VERSION, publiceer
from services.entrypoints.problemen import fouten, meld_problemen, probleem
from services.entrypoints.toegang_http import beveilig, route_rollen, vereis
from services.domain import Domeinfout
from services.logboek.application import Logboek
from services.logboek.register import activiteit_sleutel
from services.logboek.trace import begin
from services.logboek.verantwoording import lees_logboek, lees_tijdlijn
from services.runtime.herkomst import Herkomst
from services.rapportage.projectie import Projectie
from services.runtime.gezondheid import Gezondheid
from services.runtime.application import AlVerwerkt, WelkomApplication
from services.runtime.commands import Basisverzoek, Opdracht, Verzoek
from services.runtime.settings import Settings
from services.toegang import rollen
from services.toegang.tokens import Gebruiker
from services.toegang.toegang import Toegang

VERWERKT: dict[str, Any] = {"status": 200, "body": {"status": "verwerkt"}}
"""The answer to a command that had its effect; recorded with it, and given again for its key."""
CE_TYPE = r"^[a-z0-9]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$"
"""A CloudEvents `type` as welkom names them: reverse-DNS, kebab-case."""
HERHAALD = "Idempotent-Replayed"
"""Header on an answer given again for an Idempotency-Key (status and body are the first ones)."""


Traceparent = Annotated[
    str | None,
    Header(max_length=512, description="W3C Trace Context of the caller: its Logboek records join that trace "
           "(an invalid one is ignored: a new trace starts)"),
]
Sleutel = Annotated[
    str | None,
    Header(alias="Idempotency-Key", max_length=200, description=(
        "the same key applies a command once: the same request again gets the first answer; "
        "another request (URL or body) with the key gets 422 `idempotency-key-hergebruikt`")),
]


class Draaiend(Protocol):
    """What the HTTP API needs of a running stack (the composition root passes itself)."""

    apps: dict[str, WelkomApplication]
    ready: asyncio.Event
    projectie: Projectie | None
    gezondheid: Gezondheid
    settings: Settings
    """Read for `clock` (manual advancing is refused while the real-time clock runs) and `gemeentecode`."""
    toegang: Toegang
    logboek: Logboek | None
    """The Logboek's own store: audit and Logboek reads are logged there."""

    async def verloop_tijd(self, op: dt.date, door: str | None = None) -> dict[str, int]: ...


class Gezond(BaseModel):
    """The answer of /health once welkom runs."""

    status: Literal["ok", "degraded"]
    redenen: list[str] | None = Field(None, description="why welkom does not keep up (only with `degraded`)")


class KlokOpdracht(BaseModel):
    """Advance the clock (not a person's command: no V-nummer)."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True, strict=True)
    tot: Datum = Field(description=(
        "record every term whose last day lies before this date; at most today (the server's date): "
        "a term whose last day is today can still be met today"))


class AuditVraag(Verzoek):
    """Whose timeline or Logboek: the V-nummer, in the body, and why it is read (logged in the Logboek)."""

    doel: str = Field(min_length=3, max_length=200, description=(
        "the purpose of this read (e.g. `verzoek inzage AVG art. 15`, `toezicht provincie`): recorded "
        "in the Logboek Dataverwerkingen of the person"))


def maak_app(stack: Draaiend) -> FastAPI:
    """The FastAPI application of a running stack."""
    api = FastAPI(
        title="welkom",
        version=API_VERSION,
        description="Van asiel tot en met integratie: the event-sourced chain of Gemeente Nijmegen.",
        openapi_url="/v1/openapi.json",
        docs_url=None,  # served offline by voeg_paginas_toe
        redoc_url=None,
        redirect_slashes=False,  # ADR /core/no-trailing-slash: `/v1/rapport/` is a 404, not a redirect
    )

    beveilig(api, stack)
    meld_problemen(api)
    begrens(api)

    @api.get("/health", response_model=Gezond, responses=fouten(503))
    async def health() -> Response:
        """200 `ok`; 200 `degraded` with its reasons (a stalled relay, a growing lag: no personal
        data) while welkom runs but does not keep up; 503 (a problem) while it starts."""
        if not stack.ready.is_set():
            return probleem(503, "niet-beschikbaar", "welkom start nog: nog niet elk onderdeel draait")
        redenen = stack.gezondheid.redenen()
        return JSONResponse({"status": "degraded", "redenen": redenen} if redenen else {"status": "ok"})

    @api.get("/metrics", response_class=Response, responses={200: {
        "description": "Prometheus' text exposition format, as prometheus_client serves it (no personal data).",
        "content": {CONTENT_TYPE_LATEST: {"schema": {"type": "string"}}}}})
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    @api.get("/v1/rapport", responses=fouten(400, 401, 403),
             dependencies=[vereis(stack, rollen.RAPPORT, per_gemeente=True)],
             openapi_extra=route_rollen(rollen.RAPPORT))
    async def rapport(
        peildatum: Annotated[Datum, Query(description="the day the figures are known on: `YYYY-MM-DD`")],
        gemeente: Annotated[str | None, Query(pattern=r"^[0-9]{4}$", description="gemeentecode (default: ours)")] = None,
    ) -> dict[str, Any]:
        assert stack.projectie is not None
        await asyncio.to_thread(stack.projectie.bij)
        return await asyncio.to_thread(stack.projectie.rapport, peildatum, gemeente)

    @api.get("/v1/schemas/{type}", responses=fouten(400, 401, 403, 404), dependencies=[vereis(stack, rollen.IEDEREEN)],
             openapi_extra=route_rollen(rollen.IEDEREEN))
    async def schema(soort_naam: Annotated[str, Path(
            alias="type", max_length=200, pattern=CE_TYPE, examples=["nl.statushouders.woning-aangeboden"],
            description="a CloudEvents `type` welkom reads or publishes")]) -> Any:
        """The JSON Schema of the `data` of one event type (404 for a type welkom does not know)."""
        soort = REGISTRY.get(soort_naam)
        if soort is None:
            return probleem(404, "onbekend-type")
        return soort.schema.model_json_schema()

    @api.post("/v1/audit", responses=fouten(400, 401, 403, 429), openapi_extra=route_rollen(rollen.AUDIT))
    async def audit(vraag: AuditVraag, traceparent: Traceparent = None,
                    wie: Gebruiker = vereis(stack, rollen.AUDIT, beperkt=True)) -> dict[str, Any]:
        """One person's timeline across the four services, with each event's grondslag, bron and
        actor; the read is logged in the person's Logboek with its `doel`."""
        assert stack.logboek is not None
        persoon = next(iter(stack.apps.values())).persoon(vraag.vnummer)
        regels = await asyncio.to_thread(
            lees_tijdlijn, stack.apps, stack.logboek, persoon, actor=wie.sub, doel=vraag.doel,
            bron="POST /v1/audit", traceparent=traceparent, projectie=stack.projectie)
        return {"persoon_id": str(persoon), "tijdlijn": regels}

    @api.post("/v1/logboek", responses=fouten(400, 401, 403, 429), openapi_extra=route_rollen(rollen.AUDIT))
    async def logboek(vraag: AuditVraag, traceparent: Traceparent = None,
                      wie: Gebruiker = vereis(stack, rollen.AUDIT, beperkt=True)) -> dict[str, Any]:
        """One person's Logboek Dataverwerkingen (Logius): every processing of their data, this
        read included, with its activity, legal basis, trace, actor and status; no V-nummer."""
        assert stack.logboek is not None
        persoon = next(iter(stack.apps.values())).persoon(vraag.vnummer)
        regels = await asyncio.to_thread(
            lees_logboek, stack.apps, stack.logboek, persoon, actor=wie.sub, doel=vraag.doel,
            bron="POST /v1/logboek", traceparent=traceparent)
        return {"persoon_id": str(persoon), "verwerkingen": regels}

    for service in catalogus.alle():
        for opdracht in service.commands:
            _route(api, stack, opdracht)

    @api.post("/v1/klok", responses=fouten(400, 401, 403, 409, 422, 429), openapi_extra=route_rollen(rollen.KLOK))
    async def klok(body: KlokOpdracht, wie: Gebruiker = vereis(stack, rollen.KLOK, beperkt=True)) -> Any:
        """Advance the clock by hand (a stack with WELKOM_CLOCK=manual); nothing is recorded when refused."""
        if stack.settings.clock == "realtime":
            return probleem(422, "klok-loopt-vanzelf", "de klok loopt in realtime; handmatig verzetten kan alleen "
                            "bij WELKOM_CLOCK=manual")
        if body.tot > dt.date.today():
            return probleem(422, "klok-tot-in-de-toekomst", "tot is hoogstens vandaag: een termijn die vandaag "
                            "afloopt kan vandaag nog gehaald worden")
        return {"tot": body.tot.isoformat(), "verlopen": await stack.verloop_tijd(body.tot, door=wie.sub)}

    voeg_aandachtslijst_toe(api, stack)
    voeg_paginas_toe(api, stack)
    voeg_login_toe(api, stack)
    publiceer(api)
    return api


def _route(api: FastAPI, stack: Draaiend, opdracht: Opdracht[Any]) -> None:
    """`POST /v1/<service>/<pad>` for one entry of a command table: the body is its request model,
    the effect one call into the service's Application, once per Idempotency-Key (IETF draft): the
    same request with a key gets its first answer again (status and body, with `Idempotent-Replayed`);
    another request with it, on this or another service's URL, 422 and nothing recorded."""

    async def endpoint(body: Basisverzoek, key: str | None = None, traceparent: str | None = None,
                       wie: Gebruiker | None = None) -> JSONResponse:
        assert wie is not None
        app = stack.apps[opdracht.service]
        sleutel = f"http:{key}" if key else None
        herkomst = Herkomst(bron=sleutel or f"POST {opdracht.url}", actor=wie.sub,
                            naam=f"{opdracht.service}.{opdracht.naam}", trace=begin(traceparent))
        try:
            if sleutel is not None:
                await asyncio.to_thread(_niet_elders_gebruikt, stack, opdracht.service, sleutel)
            await asyncio.to_thread(opdracht.voer_uit, app, body, sleutel, lambda _: VERWERKT, herkomst)
        except Domeinfout:  # refused: nothing stored, but the person's data was processed to decide it
            persoon = _persoon(opdracht, app, body)
            if stack.logboek is not None and persoon is not None:
                await asyncio.to_thread(stack.logboek.leg_vast, [persoon], herkomst,
                                        status="fout", activiteit=activiteit_sleutel(opdracht.service))
            raise
        except AlVerwerkt as e:
            eerder = e.antwoord or VERWERKT  # recorded before answers were: those keys were answered so
            return JSONResponse(eerder["body"], status_code=eerder["status"], headers={HERHAALD: "true"})
        return JSONResponse(VERWERKT["body"], status_code=VERWERKT["status"])

    endpoint.__signature__ = inspect.Signature([  # type: ignore[attr-defined]
        inspect.Parameter("body", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=opdracht.verzoek),
        inspect.Parameter("key", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Sleutel),
        inspect.Parameter("traceparent", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Traceparent),
        inspect.Parameter("wie", inspect.Parameter.KEYWORD_ONLY, annotation=Gebruiker,
                          default=vereis(stack, opdracht.rollen, beperkt=True)),
    ])
    api.post(
        opdracht.url, name=f"{opdracht.service}-{opdracht.naam}", summary=opdracht.doc.split("(")[0].strip(),
        description=f"{opdracht.doc}\n\nRoles: {', '.join(opdracht.rollen)}.",
        openapi_extra=route_rollen(opdracht.rollen), responses=fouten(400, 401, 403, 409, 422, 429),
    )(endpoint)


def _persoon(opdracht: Opdracht[Any], app: WelkomApplication, body: Basisverzoek) -> Any:
    """The person a refused command is about; none when the refusal is that it names no one
    (a BSN that fails the elfproef)."""
    try:
        return opdracht.persoon(app, body)
    except Domeinfout:
        return None


def _niet_elders_gebruikt(stack: Draaiend, service: str, sleutel: str) -> None:
    """A key is one request for the whole API: refuse a key another service has recorded. (Each
    service records its keys in its own store, so two first uses at once on two services are not
    caught; one service's own check is in the transaction of the effect.)"""
    if any(naam != service and app.is_verwerkt(sleutel) for naam, app in stack.apps.items()):
        raise SleutelHergebruiktFout()
