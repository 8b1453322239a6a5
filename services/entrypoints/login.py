"""The kengetallen page's login: a one-time link (development issuer) or the issuer's code flow with PKCE, into a session cookie.

Both end on a small page that sets the session cookie (`__Host-`, HttpOnly, Secure,
SameSite=Strict) and goes on to `/` with a meta refresh, not a redirect: Chromium sends no
SameSite=Strict cookie on a redirect chain that began on another site (the issuer, or a link in
a mail or chat), so a 303 would land on the login again. Nothing here shows a figure, or echoes
a token or an authorization code.
"""

from __future__ import annotations

import asyncio
import base64
import functools
import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

import httpx
import jwt
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from services.toegang import rollen
from services.toegang.ontwikkel import MAX_GELDIG
from services.toegang.sessies import COOKIE
from services.toegang.tokens import Gebruiker, TokenOngeldig

if TYPE_CHECKING:
    from services.entrypoints.http import Draaiend

TERUG = "/login/terug"
"""Where the issuer sends the browser back with an authorization code (the redirect URI)."""
LOGIN_COOKIE = "__Host-welkom_login"
"""The state of an authorization request under way: binds the answer to the browser that asked.
SameSite=Lax, as it must come along on the issuer's redirect back."""
AANVRAAG_S = 300
MAX_AANVRAGEN = 10_000
"""Authorization requests are kept 5 minutes, at most this many (the oldest go first: /login is public)."""
OPDRACHT = "welkom token --rol operator --login"
TIMEOUT_S = 10


class Aanvragen:
    """Authorization requests under way, in memory: state -> (PKCE code_verifier, nonce), each taken once."""

    def __init__(self) -> None:
        self._open: OrderedDict[str, tuple[str, str, float]] = OrderedDict()
        self._lock = threading.Lock()

    def nieuw(self) -> tuple[str, str, str]:
        """A new request: its state, code_verifier (RFC 7636: 43 characters or more) and nonce."""
        state, verifier, nonce = (secrets.token_urlsafe(32) for _ in range(3))
        with self._lock:
            nu = time.monotonic()
            while self._open and (len(self._open) >= MAX_AANVRAGEN or next(iter(self._open.values()))[2] < nu):
                self._open.popitem(last=False)
            self._open[state] = (verifier, nonce, nu + AANVRAAG_S)
        return state, verifier, nonce

    def neem(self, state: str) -> tuple[str, str] | None:
        """The code_verifier and nonce of a live request, once; None for an unknown, used or expired state."""
        with self._lock:
            gevonden = self._open.pop(state, None)
        if gevonden is None or gevonden[2] < time.monotonic():
            return None
        return gevonden[0], gevonden[1]


class IssuerFout(Exception):
    """The issuer's token endpoint could not be reached or gave no usable answer (502)."""


def challenge(verifier: str) -> str:
    """The PKCE S256 code_challenge of a code_verifier: BASE64URL(SHA256(verifier)), unpadded."""
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).rstrip(b"=").decode()


@functools.cache
def _sjablonen() -> Environment:
    return Environment(loader=PackageLoader("services.rapportage", "templates"), autoescape=select_autoescape(["html"]))


def pagina(status: int, titel: str, *, fout: str | None = None, uitleg: tuple[str, ...] = (),
           opdracht: str | None = None, opnieuw: bool = False, door: str | None = None) -> HTMLResponse:
    """The login page (templates/login.html): a message, what to do, never a figure; not cached."""
    html = _sjablonen().get_template("login.html").render(
        titel=titel, fout=fout, uitleg=uitleg, opdracht=opdracht, opnieuw=opnieuw, door=door)
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


def aangemeld(stack: Draaiend, wie: Gebruiker) -> Response:
    """A session for `wie` (who has a role of the page), its cookie, and on to the page."""
    sessie = stack.toegang.sessies.open(wie)
    antwoord = pagina(200, "Aangemeld", uitleg=("U bent aangemeld; de kengetallen worden geladen.",), door="/")
    antwoord.set_cookie(COOKIE, sessie, max_age=int(stack.toegang.sessies.duur_s), path="/", secure=True,
                        httponly=True, samesite="strict")
    return antwoord


def zonder_rol() -> HTMLResponse:
    return pagina(403, "Geen toegang", fout="U bent wel bekend, maar hebt geen rol die de kengetallen mag zien "
                  f"({' of '.join(rollen.RAPPORT)}).")


def van_eigen_pagina(request: Request, stack: Draaiend) -> bool:
    """Whether a POST comes from welkom's own page, as far as the browser says: Sec-Fetch-Site, else
    Origin (which is `null` on our own forms, as welkom sends Referrer-Policy: no-referrer)."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site == "same-origin"
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return True
    eigen = {request.headers.get("host", "")}
    if stack.settings.oidc_redirect_url:
        eigen.add(urlsplit(stack.settings.oidc_redirect_url).netloc)
    return urlsplit(origin).netloc in eigen


async def wissel_in(endpoint: str, gegevens: dict[str, str]) -> dict[str, Any]:
    """The token response of the issuer for an authorization code (RFC 6749 §4.1.3)."""
    try:
        async with httpx.AsyncClient(timeout=TIMEOUT_S) as client:
            antwoord = await client.post(endpoint, data=gegevens, headers={"Accept": "application/json"})
        tokens = antwoord.json() if antwoord.status_code == 200 else None
    except (httpx.HTTPError, ValueError):
        raise IssuerFout("onbereikbaar") from None
    if not isinstance(tokens, dict) or not isinstance(tokens.get("access_token"), str):
        raise IssuerFout(f"antwoord {antwoord.status_code}")
    return tokens


def id_token_klopt(stack: Draaiend, id_token: object, nonce: str) -> bool:
    """The ID token of the answer (OpenID Connect Core §3.1.3.7): signed by the issuer, for our
    client, unexpired, and with the nonce of this request."""
    if not isinstance(id_token, str):
        return False
    verifier = stack.toegang.verifier
    try:
        sleutel = verifier.sleutel_van(id_token)
        algoritmen = [a for a in verifier.algoritmen if a == sleutel.algorithm_name]
        claims = jwt.decode(id_token, sleutel, algorithms=algoritmen, audience=stack.settings.oidc_client_id,
                            issuer=verifier.issuer, leeway=verifier.leeway_s,
                            options={"require": ["iss", "sub", "aud", "exp", "iat", "nonce"]})
    except (jwt.PyJWTError, TokenOngeldig):
        return False
    return secrets.compare_digest(str(claims["nonce"]).encode(), nonce.encode())


def voeg_login_toe(api: FastAPI, stack: Draaiend) -> None:
    """GET /login (a one-time link, or on to the issuer), GET /login/terug (back from it), POST /logout."""
    aanvragen = Aanvragen()

    @api.get("/login", include_in_schema=False)
    async def login(request: Request, code: str | None = None, afgemeld: str | None = None) -> Response:
        if stack.toegang.ontwikkel is None:
            if afgemeld is not None:
                return pagina(200, "Afgemeld", uitleg=("U bent afgemeld.",), opnieuw=True)
            return naar_issuer(request)
        if code is None:
            return pagina(200, "Aanmelden", uitleg=(
                *(("U bent afgemeld.",) if afgemeld is not None else ()),
                "Deze welkom geeft zelf toegang (de ontwikkel-issuer). Vraag op deze machine een aanmeldlink:"),
                opdracht=OPDRACHT)
        try:
            wie = stack.toegang.verifier.controleer(code)
        except TokenOngeldig as e:
            reden = "verlopen" if e.reden == "verlopen" else "ongeldig"
            return link_geweigerd(f"Deze aanmeldlink is {reden}.")
        if not stack.toegang.sessies.eenmalig(wie.jti, MAX_GELDIG.total_seconds() + stack.toegang.verifier.leeway_s):
            return link_geweigerd("Deze aanmeldlink is al gebruikt: een link werkt één keer.")
        if not wie.heeft(rollen.RAPPORT):
            return zonder_rol()
        return aangemeld(stack, wie)

    def link_geweigerd(fout: str) -> HTMLResponse:
        return pagina(401, "Aanmelden mislukt", fout=fout, uitleg=(
            "Vraag een nieuwe link:",), opdracht=OPDRACHT)

    def naar_issuer(request: Request) -> Response:
        """On to the issuer's authorization endpoint (code flow, PKCE S256), the state in a cookie."""
        eindpunt, client_id = stack.toegang.oidc.get("authorization_endpoint"), stack.settings.oidc_client_id
        if not eindpunt or not client_id or not stack.toegang.oidc.get("token_endpoint"):
            return pagina(503, "Aanmelden is niet ingesteld", fout="Deze welkom kent geen client bij de issuer.",
                          uitleg=("Beheer: zet WELKOM_OIDC_CLIENT_ID (en de issuer moet een OpenID-configuratie "
                                  "met authorization_endpoint en token_endpoint hebben).",))
        state, verifier, nonce = aanvragen.nieuw()
        vraag = urlencode({
            "response_type": "code", "client_id": client_id, "redirect_uri": terug_url(request), "scope": "openid",
            "state": state, "nonce": nonce, "code_challenge": challenge(verifier), "code_challenge_method": "S256"})
        antwoord = RedirectResponse(f"{eindpunt}{'&' if '?' in eindpunt else '?'}{vraag}", status_code=303)
        antwoord.set_cookie(LOGIN_COOKIE, state, max_age=AANVRAAG_S, path="/", secure=True, httponly=True,
                            samesite="lax")
        return antwoord

    def terug_url(request: Request) -> str:
        return stack.settings.oidc_redirect_url or str(request.base_url).rstrip("/") + TERUG

    @api.get(TERUG, include_in_schema=False)
    async def terug(request: Request, code: str | None = None, state: str | None = None) -> Response:
        bewaard = request.cookies.get(LOGIN_COOKIE, "")
        aanvraag = aanvragen.neem(state) if state else None
        if aanvraag is None or not secrets.compare_digest(bewaard.encode(), (state or "").encode()):
            return mislukt(401, "Deze aanmelding is verlopen, al gebruikt of in een andere browser begonnen.")
        if not code:
            return mislukt(401, "De issuer heeft u niet aangemeld.")
        verifier, nonce = aanvraag
        gegevens = {"grant_type": "authorization_code", "code": code, "redirect_uri": terug_url(request),
                    "client_id": stack.settings.oidc_client_id or "", "code_verifier": verifier}
        if stack.settings.oidc_client_secret is not None:
            gegevens["client_secret"] = stack.settings.oidc_client_secret.get_secret_value()
        try:
            tokens = await wissel_in(stack.toegang.oidc["token_endpoint"], gegevens)
        except IssuerFout:
            return mislukt(502, "De issuer gaf geen token; probeer het later opnieuw.")
        try:  # in a thread: the issuer's JWKS may have to be fetched
            wie = await asyncio.to_thread(stack.toegang.verifier.controleer, tokens["access_token"])
        except TokenOngeldig as e:
            return mislukt(401, f"De issuer gaf geen bruikbaar access token voor welkom ({e.reden}).")
        if not await asyncio.to_thread(id_token_klopt, stack, tokens.get("id_token"), nonce):
            return mislukt(401, "Het ID token van de issuer hoort niet bij deze aanmelding.")
        antwoord = aangemeld(stack, wie) if wie.heeft(rollen.RAPPORT) else zonder_rol()
        antwoord.delete_cookie(LOGIN_COOKIE, path="/", secure=True, httponly=True, samesite="lax")
        return antwoord

    def mislukt(status: int, fout: str) -> Response:
        antwoord = pagina(status, "Aanmelden mislukt", fout=fout, opnieuw=True)
        antwoord.delete_cookie(LOGIN_COOKIE, path="/", secure=True, httponly=True, samesite="lax")
        return antwoord

    @api.post("/logout", include_in_schema=False)
    async def logout(request: Request) -> Response:
        """End the session (a form on the page; SameSite=Strict keeps other sites' forms out, and so do
        Sec-Fetch-Site and Origin when the browser sends them) and back to the login."""
        if not van_eigen_pagina(request, stack):
            return pagina(403, "Afmelden geweigerd", fout="Afmelden kan alleen vanaf de pagina zelf.")
        stack.toegang.sessies.sluit(request.cookies.get(COOKIE))
        antwoord = RedirectResponse("/login?afgemeld", status_code=303)
        antwoord.delete_cookie(COOKIE, path="/", secure=True, httponly=True, samesite="strict")
        return antwoord
