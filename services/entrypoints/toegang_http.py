"""The HTTP API's access layer: a bearer token (or the page's session) on every path but /health, /metrics, /v1/openapi.json and assets; roles and gemeente per route."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from services.entrypoints.problemen import probleem
from services.toegang.sessies import COOKIE
from services.toegang.tokens import Gebruiker, TokenOngeldig

if TYPE_CHECKING:
    from services.entrypoints.http import Draaiend

OPENBAAR = ("/health", "/metrics", "/statisch/", "/login", "/v1/openapi.json")
"""No token needed: liveness, metrics (no personal data), the page's CSS, the login itself and the OpenAPI
document (ADR /core/publish-openapi: clients read it without authenticating)."""
PAGINAS = ("/", "/dashboard", "/logout")
"""Pages a browser loads (and its sign-out button): without a session it is sent to the login,
never shown the figures."""
SCHEME = "bearer"
VEILIG = ("GET", "HEAD")
SESSIE_POST = ("/logout",)
"""The page's session cookie lets a browser read (GET, HEAD) and sign out; every other POST (a
command, an audit read, the clock) needs a bearer token, whatever cookie comes along."""

class Geweigerd(Exception):
    """A request the access layer refuses: 401 (who?), 403 (not you) or 429 (not now)."""

    def __init__(self, status: int, titel: str, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(titel)
        self.status, self.titel, self.detail, self.headers = status, titel, detail, headers or {}

    def antwoord(self) -> Response:
        return probleem(self.status, self.titel, self.detail, self.headers)

def niet_geauthenticeerd(reden: str) -> Geweigerd:
    """401 with RFC 6750's WWW-Authenticate; the reason is a slug, never the token."""
    fout = "invalid_token" if reden != "geen-token" else None
    waarde = 'Bearer realm="welkom"' + (f', error="{fout}"' if fout else "")
    return Geweigerd(401, "niet-geauthenticeerd", f"geen geldig access token ({reden})", {"WWW-Authenticate": waarde})

def openbaar(pad: str) -> bool:
    return any(pad == p or (p.endswith("/") and pad.startswith(p)) or pad.startswith(p + "/") for p in OPENBAAR)

class Authenticatie:
    """ASGI middleware: who is asking, before anything reads the body. A bearer token, else the
    page's session cookie; none valid on a non-public path is 401 problem+json (a page: to the login)."""

    def __init__(self, app: ASGIApp, stack: Draaiend) -> None:
        self.app, self.stack = app, stack

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or openbaar(scope["path"]):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        try:
            scope.setdefault("state", {})["gebruiker"] = self.wie(request)
        except Geweigerd as fout:
            pagina = scope["path"] in PAGINAS and "bearer" not in request.headers.get("authorization", "").lower()
            antwoord = RedirectResponse("/login", status_code=303) if pagina else fout.antwoord()
            await antwoord(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def wie(self, request: Request) -> Gebruiker:
        kop = request.headers.get("authorization")
        if kop is not None:
            soort, _, token = kop.partition(" ")
            if soort.lower() != "bearer" or not token.strip():
                raise niet_geauthenticeerd("geen-bearer")
            try:
                return self.stack.toegang.verifier.controleer(token.strip())
            except TokenOngeldig as e:
                raise niet_geauthenticeerd(e.reden) from None
        if request.method not in VEILIG and request.url.path not in SESSIE_POST:
            raise niet_geauthenticeerd("geen-token")  # a session only reads: a change needs a bearer token
        gebruiker = self.stack.toegang.sessies.gebruiker(request.cookies.get(COOKIE))
        if gebruiker is None:
            raise niet_geauthenticeerd("geen-token")
        return gebruiker

def gebruiker(request: Request) -> Gebruiker:
    """The caller the middleware let in."""
    return request.state.gebruiker  # type: ignore[no-any-return]

def vereis(stack: Draaiend, rollen: Iterable[str], *, beperkt: bool = False, per_gemeente: bool = False) -> Any:
    """A route dependency: one of `rollen` (403 `geen-toegang`), the gemeente whose data the route
    touches in the token (403 `andere-gemeente`): this stack's, or, on a route that answers `per_gemeente`,
    the one its `gemeente` query parameter names; and, when `beperkt`, within the rate limit of its
    subject (429 with Retry-After)."""
    nodig = tuple(rollen)

    async def toets(request: Request) -> Gebruiker:
        wie = gebruiker(request)
        if not wie.heeft(nodig):
            raise Geweigerd(403, "geen-toegang", f"hiervoor is een van deze rollen nodig: {', '.join(nodig)}")
        gemeente = (request.query_params.get("gemeente") if per_gemeente else None) or stack.settings.gemeentecode
        if not wie.ziet(gemeente):
            raise Geweigerd(403, "andere-gemeente", "dit token geeft geen toegang tot de gegevens van deze gemeente")
        if beperkt:
            wacht = stack.toegang.limiet.neem(f"{wie.client_id or ''}:{wie.sub}")
            if wacht is not None:
                raise Geweigerd(429, "te-veel-verzoeken", f"probeer het over {wacht} s opnieuw",
                                {"Retry-After": str(wacht)})
        return wie

    return Depends(toets)

def route_rollen(rollen: Iterable[str]) -> dict[str, Any]:
    """The `openapi_extra` of a protected route: the bearer scheme and its roles (`x-rollen`)."""
    return {"security": [{SCHEME: []}], "x-rollen": list(rollen)}

def beveilig(api: FastAPI, stack: Draaiend) -> None:
    """Authenticate every non-public path; answer refusals as problem+json; declare the scheme in OpenAPI."""
    api.add_middleware(Authenticatie, stack=stack)

    @api.exception_handler(Geweigerd)
    async def geweigerd(_: Request, fout: Geweigerd) -> Response:
        return fout.antwoord()

    vorige: Callable[[], dict[str, Any]] = api.openapi

    def openapi() -> dict[str, Any]:
        document = vorige()
        document.setdefault("components", {}).setdefault("securitySchemes", {})[SCHEME] = {
            "type": "http", "scheme": "bearer", "bearerFormat": "JWT",
            "description": "OAuth 2.0 access token (RFC 9068) of the configured issuer, with `roles` and "
                           "`gemeentecodes`; locally: `welkom token --rol <rol>`",
        }
        return document

    api.openapi = openapi  # type: ignore[method-assign]
