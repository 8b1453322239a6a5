"""Access tokens for the tests: welkom's development issuer (in a temp dir, or a stack's data dir),
the `toegang` of a stand-in stack, and the forged tokens the access matrix sends.

    from toegang_hulp import kop, token, toegang
    api.post(url, json=body, headers=kop(WOONCONSULENT))
    stack.toegang = toegang(limiet="3/minute")

A token made here is one the stand-in stack accepts because both use the same development issuer
(the default one of this process, in a temp dir); an integration test's stack accepts the tokens of
`Uitgever.van(stack.settings)`, the issuer in its data dir, as `welkom token` would mint them.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization

from services.runtime.settings import Settings
from services.toegang.ontwikkel import OntwikkelIssuer
from services.toegang.rollen import ROLLEN
from services.toegang.toegang import Toegang, toegang_van

GEMEENTE = "0268"
"""Nijmegen: the gemeente of every stand-in stack (its `settings.gemeentecode`)."""
ANDERE_GEMEENTE = "0344"
AUDIENCE = "welkom"
SUB = "test:medewerker"

Rollen = str | Iterable[str]


def _lijst(rollen: Rollen) -> list[str]:
    return [rollen] if isinstance(rollen, str) else list(rollen)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _ontb64(tekst: str) -> bytes:
    return base64.urlsafe_b64decode(tekst + "=" * (-len(tekst) % 4))


def _delen(token: str) -> tuple[dict[str, Any], dict[str, Any], str]:
    kop_, claims, handtekening = token.split(".")
    return json.loads(_ontb64(kop_)), json.loads(_ontb64(claims)), handtekening


def _samen(kop_: dict[str, Any], claims: dict[str, Any], handtekening: str = "") -> str:
    return ".".join([_b64(json.dumps(kop_).encode()), _b64(json.dumps(claims).encode()), handtekening])


class Uitgever:
    """welkom's development issuer, its key pair in `data_dir` (a temp dir of its own when none is
    given): the tokens it mints are the ones a stack on that data dir accepts."""

    def __init__(self, data_dir: Path | None = None, audience: str = AUDIENCE) -> None:
        if data_dir is None:
            self._map = tempfile.TemporaryDirectory(prefix="welkom-toegang-")  # removed with this object
            data_dir = Path(self._map.name)
        self.data_dir, self.audience = data_dir, audience
        self.issuer = OntwikkelIssuer(data_dir)

    @classmethod
    def van(cls, settings: Settings) -> Uitgever:
        """The development issuer of a running stack with these settings (its data dir and audience)."""
        return cls(settings.data_dir, settings.oidc_audience)

    def token(self, rollen: Rollen, gemeenten: Iterable[str] = (GEMEENTE,), *, sub: str = SUB,
              audience: str | None = None, geldig: dt.timedelta = dt.timedelta(minutes=15),
              nu: dt.datetime | None = None, **afwijkingen: Any) -> str:
        """A valid access token with these roles and gemeentecodes; `afwijkingen` replace claims
        (`iss="..."`, `jti=None` for a token without one)."""
        return self.issuer.token(sub, _lijst(rollen), list(gemeenten), audience=audience or self.audience,
                                 geldig=geldig, nu=nu, extra=afwijkingen)

    def kop(self, rollen: Rollen, gemeenten: Iterable[str] = (GEMEENTE,), **afwijkingen: Any) -> dict[str, str]:
        """The Authorization header of `token(...)`."""
        return bearer(self.token(rollen, gemeenten, **afwijkingen))

    def toegang(self, limiet: str = "120/minute") -> Toegang:
        """The access of a stack on this issuer's data dir, built as the stack builds it
        (`toegang_van`), with a rate limit of its own (fresh per call: a fresh budget)."""
        settings = Settings(data_dir=self.data_dir, http_host="127.0.0.1", oidc_issuer=None,
                            oidc_audience=self.audience, gemeentecode=GEMEENTE, rate_limit=limiet)
        return toegang_van(settings)

    # -- forged and otherwise invalid tokens ------------------------------------------------------

    def vervalst(self, rollen: Rollen, gemeenten: Iterable[str] = (GEMEENTE,)) -> dict[str, tuple[str, str]]:
        """Tokens that carry `rollen` and `gemeenten` yet must be refused: name -> (token, the reason
        the 401 names). Each differs from a valid token in one way only."""
        rollen = _lijst(rollen)
        goed = self.token(rollen, gemeenten)
        kop_, claims, handtekening = _delen(goed)
        nu = dt.datetime.now(dt.UTC)

        ruw = bytearray(_ontb64(handtekening))
        ruw[10] ^= 0x01  # a bit in r of the ES256 signature (the last base64 digit holds padding bits)
        bijgeschreven = {**claims, "roles": sorted(ROLLEN), "gemeentecodes": [GEMEENTE, ANDERE_GEMEENTE]}

        publiek = self.issuer._sleutel.public_key().public_bytes(  # noqa: SLF001 - the published key, as PEM
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        hs_kop = {**kop_, "alg": "HS256"}
        invoer = f"{_b64(json.dumps(hs_kop).encode())}.{_b64(json.dumps(claims).encode())}"
        hs256 = f"{invoer}.{_b64(hmac.new(publiek, invoer.encode(), hashlib.sha256).digest())}"

        vreemd = Uitgever(audience=self.audience)  # another key pair: an attacker's, or another issuer's
        vreemd_token = vreemd.token(rollen, gemeenten)
        onze_kid = _teken(claims, vreemd, {"kid": self.issuer.kid, "typ": "at+jwt"})

        return {
            "geen-token-maar-onzin": ("dit-is-geen-jwt", "onleesbaar"),
            "verlopen": (self.token(rollen, gemeenten, nu=nu - dt.timedelta(hours=1)), "verlopen"),
            "nog-niet-geldig": (self.token(rollen, gemeenten, nu=nu + dt.timedelta(hours=1)), "nog-niet-geldig"),
            "andere-issuer": (self.token(rollen, gemeenten, iss="https://issuer.elders.example"), "andere-issuer"),
            "andere-audience": (self.token(rollen, gemeenten, audience="een-andere-api"), "andere-audience"),
            "alg-none": (_samen({**kop_, "alg": "none"}, claims), "algoritme"),
            "handtekening-gewijzigd": (f"{goed.rsplit('.', 1)[0]}.{_b64(bytes(ruw))}", "handtekening"),
            "rollen-bijgeschreven": (_samen(kop_, bijgeschreven, handtekening), "handtekening"),
            "hs256-met-publieke-sleutel": (hs256, "algoritme"),
            "geen-access-token": (_teken(claims, self, {"kid": self.issuer.kid, "typ": "JWT"}), "geen-access-token"),
            "andere-sleutel": (vreemd_token, "sleutel-onbekend"),
            "andere-sleutel-onze-kid": (onze_kid, "handtekening"),
            "zonder-jti": (self.token(rollen, gemeenten, jti=None), "claim-ontbreekt"),
        }


def _teken(claims: dict[str, Any], uitgever: Uitgever, kop_: dict[str, Any]) -> str:
    """`claims` signed ES256 by `uitgever`'s key under the header `kop_` (its own kid or another)."""
    return jwt.encode(claims, uitgever.issuer._sleutel, algorithm="ES256", headers=kop_)  # noqa: SLF001


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


UITGEVER = Uitgever()
"""The development issuer of the unit tests' stand-in stacks (one temp dir per test process)."""


def token(rollen: Rollen, gemeenten: Iterable[str] = (GEMEENTE,), **afwijkingen: Any) -> str:
    return UITGEVER.token(rollen, gemeenten, **afwijkingen)


def kop(rollen: Rollen, gemeenten: Iterable[str] = (GEMEENTE,), **afwijkingen: Any) -> dict[str, str]:
    return UITGEVER.kop(rollen, gemeenten, **afwijkingen)


def toegang(limiet: str = "120/minute") -> Toegang:
    """A stand-in stack's `toegang`: it accepts the tokens of `token`/`kop`."""
    return UITGEVER.toegang(limiet)

