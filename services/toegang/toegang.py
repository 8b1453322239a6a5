"""Which issuer welkom trusts (configured, or its own development issuer on loopback), with sessions and the rate limit."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from typing import Any

import httpx
import jwt

from services.runtime.settings import Settings
from services.toegang.limiet import Limiet
from services.toegang.ontwikkel import ISSUER as ONTWIKKEL_ISSUER, OntwikkelIssuer
from services.toegang.sessies import Sessies
from services.toegang.tokens import Verifier, uit_jwks, uit_url


class ToegangFout(Exception):
    """The access settings cannot be used (a development issuer on a public host, no JWKS, ...)."""


@dataclass
class Toegang:
    """What the HTTP API needs to let a caller in: the verifier of its tokens, the development
    issuer (when it is its own), the issuer's OpenID configuration (for the page's login),
    the page's sessions and the rate limit."""

    verifier: Verifier
    limiet: Limiet
    sessies: Sessies
    ontwikkel: OntwikkelIssuer | None = None
    oidc: dict[str, Any] = field(default_factory=dict)
    """The issuer's `.well-known/openid-configuration` (authorization and token endpoints)."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def ontwikkel_issuer(settings: Settings) -> OntwikkelIssuer:
    """The development issuer of this data dir (its key pair made on first use), or ToegangFout
    when an issuer is configured or the HTTP server is not on loopback."""
    if settings.oidc_issuer:
        raise ToegangFout("an issuer is configured (WELKOM_OIDC_ISSUER): get a token from it, not from welkom")
    if not is_loopback(settings.http_host):
        raise ToegangFout(f"the development issuer is only for loopback, not WELKOM_HTTP_HOST={settings.http_host}: "
                          "set WELKOM_OIDC_ISSUER, WELKOM_OIDC_AUDIENCE and the JWKS (deploy/README.md)")
    settings.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    return OntwikkelIssuer(settings.data_dir)


def toegang_van(settings: Settings) -> Toegang:
    """Access as the settings say: WELKOM_OIDC_ISSUER with its JWKS (file, URL, or discovered), or
    the development issuer of the data dir."""
    limiet, sessies = Limiet(settings.rate_limit), Sessies(settings.sessie_minuten)
    if not settings.oidc_issuer:
        issuer = ontwikkel_issuer(settings)
        verifier = Verifier(ONTWIKKEL_ISSUER, settings.oidc_audience, uit_jwks(issuer.jwks()),
                            settings.oidc_algoritmen, settings.oidc_leeway_s)
        return Toegang(verifier, limiet, sessies, ontwikkel=issuer)
    oidc = ontdek(settings.oidc_issuer) if settings.oidc_client_id else {}
    if settings.oidc_jwks_file:
        try:
            sleutels = uit_jwks(jwt.PyJWKSet.from_json(settings.oidc_jwks_file.read_text()))
        except (OSError, ValueError, jwt.PyJWKSetError, jwt.PyJWKError) as e:
            raise ToegangFout(f"cannot read the JWKS in {settings.oidc_jwks_file}: {type(e).__name__}") from None
    else:
        if not oidc and not settings.oidc_jwks_url:
            oidc = ontdek(settings.oidc_issuer)
        url = settings.oidc_jwks_url or oidc.get("jwks_uri")
        if not url:
            raise ToegangFout("the issuer's OpenID configuration names no jwks_uri: set WELKOM_OIDC_JWKS_URL")
        sleutels = uit_url(url)
    verifier = Verifier(settings.oidc_issuer, settings.oidc_audience, sleutels, settings.oidc_algoritmen,
                        settings.oidc_leeway_s)
    return Toegang(verifier, limiet, sessies, oidc=oidc)


def ontdek(issuer: str) -> dict[str, Any]:
    """The issuer's OpenID configuration (OpenID Connect Discovery 1.0), checked to be its own."""
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    try:
        antwoord = httpx.get(url, timeout=10)
        antwoord.raise_for_status()
        configuratie = antwoord.json()
    except (httpx.HTTPError, ValueError) as e:
        raise ToegangFout(f"cannot read the issuer's OpenID configuration at {url}: {type(e).__name__}") from None
    if configuratie.get("issuer") != issuer:
        raise ToegangFout(f"the OpenID configuration at {url} is of another issuer")
    return configuratie
