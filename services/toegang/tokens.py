"""Bearer access tokens (RFC 9068 JWTs) verified with PyJWT against the issuer's JWKS: who the caller is, in which roles."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import jwt

ASYMMETRISCH = frozenset({"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"})
"""The algorithms welkom accepts at all: `none` and HMAC (HS*) never, whatever the settings say."""
TYPEN = ("at+jwt", "application/at+jwt")
"""RFC 9068 §4: an access token says so in its `typ` header (an ID token cannot be used instead)."""
ROLLEN_CLAIM, GEMEENTEN_CLAIM = "roles", "gemeentecodes"
"""RFC 9068 §2.2.3.1 `roles`; the gemeentecodes whose data the token may see (object-level access)."""


REDENEN: tuple[tuple[type[jwt.PyJWTError], str], ...] = (
    (jwt.ExpiredSignatureError, "verlopen"),
    (jwt.ImmatureSignatureError, "nog-niet-geldig"),
    (jwt.InvalidIssuerError, "andere-issuer"),
    (jwt.InvalidAudienceError, "andere-audience"),
    (jwt.InvalidSignatureError, "handtekening"),
    (jwt.InvalidAlgorithmError, "algoritme"),
    (jwt.MissingRequiredClaimError, "claim-ontbreekt"),
    (jwt.PyJWKClientError, "sleutel-onbekend"),
    (jwt.PyJWTError, "onleesbaar"),
)
"""The 401's reason per PyJWT error, most specific first (the last one catches the rest)."""


class TokenOngeldig(Exception):
    """The token is missing, unreadable, expired, from another issuer or audience, or not signed
    by the issuer's key. `reden` is a short slug for the 401's detail: never the token itself."""

    def __init__(self, reden: str) -> None:
        super().__init__(reden)
        self.reden = reden


@dataclass(frozen=True)
class Gebruiker:
    """Who a valid token speaks for: its subject, roles and gemeenten."""

    sub: str
    rollen: frozenset[str]
    gemeenten: frozenset[str]
    client_id: str | None = None
    jti: str = ""

    def heeft(self, rollen: Iterable[str]) -> bool:
        """Whether the token has one of these roles (deny by default: no roles, no access)."""
        return bool(self.rollen & set(rollen))

    def ziet(self, gemeentecode: str) -> bool:
        return gemeentecode in self.gemeenten


SleutelVan = Callable[[str], jwt.PyJWK]
"""The issuer's public key a token names (by its `kid`): from a JWKS URL, file or the development issuer."""


def uit_jwks(jwks: jwt.PyJWKSet) -> SleutelVan:
    """The key of a token from a fixed key set (a file, or the development issuer)."""

    def sleutel(token: str) -> jwt.PyJWK:
        kid = jwt.get_unverified_header(token).get("kid")
        kandidaten = [k for k in jwks.keys if kid is None or k.key_id == kid]
        if kid is None and len(jwks.keys) > 1 or not kandidaten:
            raise TokenOngeldig("sleutel-onbekend")
        return kandidaten[0]

    return sleutel


def uit_url(url: str) -> SleutelVan:
    """The key of a token from the issuer's JWKS URL (PyJWKClient: cached, fetched again for a new kid)."""
    client = jwt.PyJWKClient(url, cache_keys=True, lifespan=300, timeout=10)
    return client.get_signing_key_from_jwt


class Verifier:
    """Checks a token as RFC 9068 asks: signature by the issuer's key with an allowed asymmetric
    algorithm, `typ`, `iss`, `aud`, `exp`/`nbf`/`iat` (with a small leeway), `sub` and `jti`."""

    def __init__(self, issuer: str, audience: str, sleutel_van: SleutelVan, algoritmen: Iterable[str],
                 leeway_s: int = 30) -> None:
        self.issuer, self.audience, self.sleutel_van, self.leeway_s = issuer, audience, sleutel_van, leeway_s
        self.algoritmen = [a for a in algoritmen if a in ASYMMETRISCH]
        if not self.algoritmen:
            raise ValueError(f"no allowed signing algorithm: choose from {', '.join(sorted(ASYMMETRISCH))}")

    def controleer(self, token: str) -> Gebruiker:
        try:
            kop = jwt.get_unverified_header(token)
            if kop.get("alg") not in self.algoritmen:
                raise TokenOngeldig("algoritme")
            if str(kop.get("typ", "")).lower() not in TYPEN:
                raise TokenOngeldig("geen-access-token")
            sleutel = self.sleutel_van(token)
            claims = jwt.decode(
                token, sleutel, algorithms=[a for a in self.algoritmen if a == sleutel.algorithm_name],
                audience=self.audience, issuer=self.issuer, leeway=self.leeway_s,
                options={"require": ["iss", "sub", "aud", "exp", "iat", "jti"]},
            )
        except jwt.PyJWTError as e:
            raise TokenOngeldig(next(reden for soort, reden in REDENEN if isinstance(e, soort))) from None
        return Gebruiker(
            sub=str(claims["sub"]),
            rollen=frozenset(_lijst(claims.get(ROLLEN_CLAIM))),
            gemeenten=frozenset(_lijst(claims.get(GEMEENTEN_CLAIM))),
            client_id=claims.get("client_id"),
            jti=str(claims["jti"]),
        )


def _lijst(waarde: object) -> list[str]:
    """A claim that is a list of strings, or one space-separated string; anything else is none."""
    if isinstance(waarde, str):
        return waarde.split()
    if isinstance(waarde, list):
        return [w for w in waarde if isinstance(w, str)]
    return []
