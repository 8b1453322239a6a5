"""The development issuer: welkom signs its own tokens with a key pair in the data dir, for a developer's machine only."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import uuid
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from services.runtime.rechten import BESTAND_MODUS

ISSUER = "urn:nld:gemeente-nijmegen:welkom:ontwikkel-issuer"
SLEUTELBESTAND = "ontwikkel-issuer.pem"
ALGORITME = "ES256"
MAX_GELDIG = dt.timedelta(hours=24)
DUUR = re.compile(r"^(\d+)([smhd])$")


def duur(tekst: str) -> dt.timedelta:
    """`15m`, `2h`, `30s`, `1d`: how long a token stays valid (at most a day)."""
    gevonden = DUUR.fullmatch(tekst.strip())
    if not gevonden:
        raise ValueError("--geldig is a number with s, m, h or d, e.g. 15m")
    eenheid = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}[gevonden[2]]
    waarde = dt.timedelta(**{eenheid: int(gevonden[1])})
    if not dt.timedelta(0) < waarde <= MAX_GELDIG:
        raise ValueError("--geldig lies between 1s and 24h")
    return waarde


class OntwikkelIssuer:
    """An EC P-256 key pair in `<data dir>/ontwikkel-issuer.pem` (0600), made on first use: it
    signs access tokens (RFC 9068) that the stack of the same data dir accepts. Refused by
    `toegang_van` when the HTTP server listens on anything but loopback."""

    def __init__(self, data_dir: Path) -> None:
        self.pad = data_dir / SLEUTELBESTAND
        self._sleutel = _laad_of_maak(self.pad)
        publiek = jwt.algorithms.ECAlgorithm.to_jwk(self._sleutel.public_key(), as_dict=True)
        kern = {k: publiek[k] for k in ("crv", "kty", "x", "y")}
        self.kid = jwt.utils.base64url_encode(hashlib.sha256(
            json.dumps(kern, sort_keys=True, separators=(",", ":")).encode()).digest()).decode()
        self.jwk = {**publiek, "kid": self.kid, "alg": ALGORITME, "use": "sig"}
        """The public key as a JWK, its `kid` the RFC 7638 thumbprint."""

    def jwks(self) -> jwt.PyJWKSet:
        return jwt.PyJWKSet.from_dict({"keys": [self.jwk]})

    def token(self, sub: str, rollen: list[str], gemeenten: list[str], *, audience: str,
              geldig: dt.timedelta = dt.timedelta(minutes=15), nu: dt.datetime | None = None,
              extra: dict[str, object] | None = None) -> str:
        """A signed access token for `sub` with these roles and gemeentecodes."""
        nu = nu or dt.datetime.now(dt.UTC)
        claims = {
            "iss": ISSUER, "sub": sub, "aud": audience, "client_id": "welkom-cli",
            "iat": nu, "nbf": nu, "exp": nu + geldig, "jti": str(uuid.uuid4()),
            "roles": rollen, "gemeentecodes": gemeenten, **(extra or {}),
        }
        return jwt.encode(claims, self._sleutel, algorithm=ALGORITME, headers={"kid": self.kid, "typ": "at+jwt"})


def _laad_of_maak(pad: Path) -> ec.EllipticCurvePrivateKey:
    """The key in `pad`, made (0600, exclusively: two processes starting at once share one) if absent."""
    if not pad.exists():
        sleutel = ec.generate_private_key(ec.SECP256R1())
        pem = sleutel.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
        pad.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            fd = os.open(pad, os.O_CREAT | os.O_EXCL | os.O_WRONLY, BESTAND_MODUS)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "wb") as uit:
                uit.write(pem)
            return sleutel
    geladen = serialization.load_pem_private_key(pad.read_bytes(), password=None)
    if not isinstance(geladen, ec.EllipticCurvePrivateKey):
        raise ValueError(f"{pad} holds no EC private key")
    return geladen


class Tokenvoorraad:
    """Tokens of the development issuer per (subject, role), made again a minute before they
    expire: for the demo's staff, who give thousands of commands."""

    def __init__(self, issuer: OntwikkelIssuer, audience: str, gemeenten: list[str]) -> None:
        self.issuer, self.audience, self.gemeenten = issuer, audience, gemeenten
        self._tokens: dict[tuple[str, str], tuple[str, dt.datetime]] = {}

    def kop(self, sub: str, rol: str) -> dict[str, str]:
        """The Authorization header of `sub` acting in `rol`."""
        nu = dt.datetime.now(dt.UTC)
        token, verloopt = self._tokens.get((sub, rol), ("", nu))
        if verloopt - nu < dt.timedelta(minutes=1):
            geldig = dt.timedelta(minutes=15)
            token = self.issuer.token(sub, [rol], self.gemeenten, audience=self.audience, geldig=geldig, nu=nu)
            self._tokens[(sub, rol)] = (token, nu + geldig)
        return {"Authorization": f"Bearer {token}"}
