"""A small OpenID provider for the login tests: discovery, JWKS, authorize, and a token endpoint that checks PKCE; on loopback."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import secrets
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode

import jwt
import uvicorn
from cryptography.hazmat.primitives.asymmetric import ec
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

CLIENT_ID = "welkom-kengetallen"
AUDIENCE = "welkom"


@dataclass
class Aanvraag:
    """An authorization request the provider said yes to: what the token endpoint must see again."""

    client_id: str
    redirect_uri: str
    challenge: str
    nonce: str


@dataclass
class Provider:
    """The provider's state: its key, the user it signs in (any browser is that user, no questions
    asked), the codes it gave out, and every token request it had (to check what welkom sent)."""

    url: str = ""
    sub: str = "medewerker-17"
    rollen: list[str] = field(default_factory=lambda: ["operator"])
    gemeenten: list[str] = field(default_factory=lambda: ["0268"])
    sleutel: ec.EllipticCurvePrivateKey = field(default_factory=lambda: ec.generate_private_key(ec.SECP256R1()))
    codes: dict[str, Aanvraag] = field(default_factory=dict)
    tokenverzoeken: list[dict[str, str]] = field(default_factory=list)
    andere_nonce: bool = False
    """Answer with an ID token of another login (a nonce the client did not send)."""

    def onderteken(self, claims: dict[str, object], typ: str) -> str:
        return jwt.encode(claims, self.sleutel, algorithm="ES256", headers={"kid": "k1", "typ": typ})


def s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def app_van(provider: Provider) -> FastAPI:
    """The provider's endpoints (OpenID Connect Discovery, RFC 6749 §4.1 with RFC 7636, RFC 9068 tokens)."""
    app = FastAPI()

    @app.get("/.well-known/openid-configuration")
    def configuratie() -> dict[str, object]:
        return {"issuer": provider.url, "authorization_endpoint": f"{provider.url}/authorize",
                "token_endpoint": f"{provider.url}/token", "jwks_uri": f"{provider.url}/jwks",
                "response_types_supported": ["code"], "code_challenge_methods_supported": ["S256"],
                "id_token_signing_alg_values_supported": ["ES256"]}

    @app.get("/jwks")
    def jwks() -> dict[str, object]:
        publiek = jwt.algorithms.ECAlgorithm.to_jwk(provider.sleutel.public_key(), as_dict=True)
        return {"keys": [{**publiek, "kid": "k1", "alg": "ES256", "use": "sig"}]}

    @app.get("/authorize")
    def authorize(response_type: str, client_id: str, redirect_uri: str, state: str, nonce: str,
                  code_challenge: str, code_challenge_method: str, scope: str) -> Response:
        if response_type != "code" or code_challenge_method != "S256" or "openid" not in scope.split():
            return JSONResponse({"error": "invalid_request"}, status_code=400)
        code = secrets.token_urlsafe(16)
        provider.codes[code] = Aanvraag(client_id, redirect_uri, code_challenge, nonce)
        return RedirectResponse(f"{redirect_uri}?{urlencode({'code': code, 'state': state})}", status_code=302)

    @app.post("/token")
    async def token(request: Request) -> Response:
        if request.headers.get("content-type") != "application/x-www-form-urlencoded":
            return JSONResponse({"error": "invalid_request"}, status_code=400)
        verzoek = {k: v[0] for k, v in parse_qs((await request.body()).decode()).items()}
        provider.tokenverzoeken.append(verzoek)
        client_id = verzoek.get("client_id", "")
        aanvraag = provider.codes.pop(verzoek.get("code", ""), None)
        if (verzoek.get("grant_type") != "authorization_code" or aanvraag is None or aanvraag.client_id != client_id
                or aanvraag.redirect_uri != verzoek.get("redirect_uri")
                or s256(verzoek.get("code_verifier", "")) != aanvraag.challenge):
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        nu = dt.datetime.now(dt.UTC)
        tijden = {"iat": nu, "exp": nu + dt.timedelta(minutes=5)}
        access = provider.onderteken({"iss": provider.url, "sub": provider.sub, "aud": AUDIENCE, "client_id": client_id,
                                      "jti": str(uuid.uuid4()), "roles": provider.rollen,
                                      "gemeentecodes": provider.gemeenten, **tijden}, "at+jwt")
        nonce = "van-een-andere-aanmelding" if provider.andere_nonce else aanvraag.nonce
        id_token = provider.onderteken({"iss": provider.url, "sub": provider.sub, "aud": client_id, "nonce": nonce,
                                        **tijden}, "JWT")
        return JSONResponse({"access_token": access, "token_type": "Bearer", "expires_in": 300, "id_token": id_token},
                            headers={"Cache-Control": "no-store"})

    return app


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def openid_provider() -> Iterator[Provider]:
    """A provider served on a free loopback port in a thread, for the duration of the block."""
    poort = vrije_poort()
    provider = Provider(url=f"http://127.0.0.1:{poort}")
    server = uvicorn.Server(uvicorn.Config(app_van(provider), host="127.0.0.1", port=poort, log_level="warning"))
    draad = threading.Thread(target=server.run, daemon=True)
    draad.start()
    einde = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < einde, "the OpenID provider did not start"
        time.sleep(0.02)
    try:
        yield provider
    finally:
        server.should_exit = True
        draad.join(timeout=5)
