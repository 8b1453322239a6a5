"""HTTP limits: a body cap enforced before anything parses the body, and the headers of every answer (security, API-Version; CORS on the OpenAPI document only)."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.datastructures import Headers
from starlette.middleware.body_limit import RequestBodyLimitMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.entrypoints.ontwerpregels import API_VERSION, CORS, DOCUMENT, VERSIE
from services.entrypoints.problemen import http_fout

MAX_BODY_BYTES = 64 * 1024
"""No command or question of the API comes near this; a larger body is refused unread (413)."""

KOPPEN = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
CSP_DOCS = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'")
"""Swagger UI starts itself with an inline script; only /v1/docs allows that."""


class Koppen:
    """ASGI middleware around the whole app (its 500s included): the security headers and
    `API-Version` on every answer, and a 413 problem for a body whose Content-Length is over the cap
    (unread). The OpenAPI document alone carries `Access-Control-Allow-Origin: *` (ADR
    /core/publish-openapi); no other answer has a CORS header, so a browser refuses cross-origin
    use of the API."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        lengte = Headers(scope=scope).get("content-length", "")
        if lengte.isdigit() and int(lengte) > MAX_BODY_BYTES:
            antwoord = http_fout(413)
            antwoord.headers.update(dict(_koppen_tekst("/v1/")))
            await antwoord(scope, receive, send)
            return

        async def verstuur(bericht: Message) -> None:
            if bericht["type"] == "http.response.start":
                bericht["headers"] = list(bericht.get("headers", [])) + _koppen(scope["path"])
            await send(bericht)

        await self.app(scope, receive, verstuur)


def begrens(api: FastAPI) -> None:
    """The body cap (starlette's middleware: by Content-Length, or while the body streams in; the
    413 it raises becomes a problem like every error) and the headers of every answer: `Koppen`
    wraps the app's whole middleware stack, so the 500 its outermost layer answers has them too."""
    api.add_middleware(RequestBodyLimitMiddleware, max_body_size=MAX_BODY_BYTES)
    stapel = api.build_middleware_stack
    api.build_middleware_stack = lambda: Koppen(stapel())  # type: ignore[method-assign]


def _koppen_tekst(pad: str) -> dict[str, str]:
    koppen = {**KOPPEN, "Content-Security-Policy": CSP_DOCS if pad.startswith("/v1/docs") else CSP,
              VERSIE: API_VERSION}
    if pad.startswith("/v1/"):
        koppen["Cache-Control"] = "no-store"  # answers may concern a person: no cache keeps them
    if pad == DOCUMENT:  # public, the same for everyone: any origin may read it (and may cache it)
        koppen.update({CORS: "*", "Cross-Origin-Resource-Policy": "cross-origin", "Cache-Control": "no-cache"})
    return koppen


def _koppen(pad: str) -> list[tuple[bytes, bytes]]:
    return [(k.lower().encode(), v.encode()) for k, v in _koppen_tekst(pad).items()]
