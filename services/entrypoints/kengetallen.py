"""The HTML pages of welkom's server: the kengetallen page (`/`, `/dashboard`) and the offline Swagger UI.

Both are served with what the installed packages ship: the page's template and CSS from
`services.rapportage`, Swagger UI's JavaScript and CSS from the `fastapi-offline` wheel. Nothing
on them points at another host, so they work on a machine without internet.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from importlib.resources import files
from typing import TYPE_CHECKING, Annotated

from fastapi import FastAPI, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from services.entrypoints.problemen import probleem
from services.entrypoints.toegang_http import vereis
from services.rapportage import pagina
from services.toegang import rollen

if TYPE_CHECKING:
    from services.entrypoints.http import Draaiend

SWAGGER = "/statisch/swagger-ui"
DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")
EERSTE, LAATSTE = dt.date(1900, 1, 1), dt.date(2999, 12, 31)
"""The peildata the page draws (its plots look back a year from the peildatum)."""
ONGELDIG = "Ongeldige peildatum: kies een bestaande datum tussen 1900 en 2999 (JJJJ-MM-DD)."


def peildatum_uit(tekst: str | None, vandaag: dt.date) -> dt.date | None:
    """The peildatum of the query: today when absent or empty, None when it is not a date."""
    if not tekst:
        return vandaag
    if not DATUM.fullmatch(tekst):
        return None
    try:
        datum = dt.date.fromisoformat(tekst)
    except ValueError:
        return None
    return datum if EERSTE <= datum <= LAATSTE else None


def wil_html(accept: str | None) -> bool:
    """Whether the client reads HTML (a browser, or anyone who does not say): otherwise, a client
    asking for JSON only, the page's errors are problem+json like the API's."""
    soorten = [deel.split(";")[0].strip().lower() for deel in (accept or "*/*").split(",")]
    return any(s in ("text/html", "text/*", "*/*", "") for s in soorten) or not any("json" in s for s in soorten)


def voeg_paginas_toe(api: FastAPI, stack: Draaiend) -> None:
    """Add the kengetallen page, its CSS, and Swagger UI at `/v1/docs` (the app has `docs_url=None`)."""
    swagger = files("fastapi_offline") / "static"
    api.mount(SWAGGER, StaticFiles(directory=str(swagger)), name="swagger-ui")
    api.mount("/statisch", StaticFiles(packages=[("services.rapportage", "static")]), name="statisch")

    rapport = [vereis(stack, rollen.RAPPORT, per_gemeente=True)]  # a role of the page and the gemeente asked for

    @api.get("/", include_in_schema=False, response_class=HTMLResponse, dependencies=rapport)
    @api.get("/dashboard", include_in_schema=False, response_class=HTMLResponse, dependencies=rapport)
    async def kengetallen(
        request: Request,
        peildatum: Annotated[str | None, Query(max_length=20)] = None,
        gemeente: Annotated[str | None, Query(pattern=r"^[0-9]{4}$")] = None,
    ) -> Response:
        vandaag = dt.date.today()
        datum = peildatum_uit(peildatum, vandaag)
        if datum is None:
            if not wil_html(request.headers.get("accept")):
                return probleem(400, "ongeldige-peildatum", ONGELDIG)
            return HTMLResponse(pagina.foutpagina(vandaag, ONGELDIG), status_code=400)
        if stack.projectie is None:
            return probleem(503, "niet-gestart", "de kengetallen zijn er zodra welkom is gestart")
        await asyncio.to_thread(stack.projectie.bij)
        projectie = stack.projectie
        gemeentecode = gemeente or projectie.gemeentecode
        return HTMLResponse(await asyncio.to_thread(
            pagina.html, lambda d: projectie.rapport(d, gemeentecode), datum, gemeentecode,
            lambda ds: projectie.rapporten(ds, gemeentecode, ("huisvesting",))))

    @api.get("/v1/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=api.openapi_url or "/v1/openapi.json",
            title=f"{api.title} {api.version} – API",
            swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js",
            swagger_css_url=f"{SWAGGER}/swagger-ui.css",
            swagger_favicon_url=f"{SWAGGER}/favicon.png",
            swagger_ui_parameters={"validatorUrl": None},
        )
