"""The access token verifier (RFC 9068 with PyJWT) and welkom's development issuer, without HTTP."""

from __future__ import annotations

import base64
import datetime as dt
import json
import stat
from pathlib import Path

import jwt
import pytest
from toegang_hulp import AUDIENCE, GEMEENTE, Uitgever

from services.runtime.settings import Settings
from services.toegang.ontwikkel import ISSUER, MAX_GELDIG, OntwikkelIssuer, Tokenvoorraad, duur
from services.toegang.rollen import AUDITOR, OPERATOR, WOONCONSULENT
from services.toegang.toegang import ToegangFout, is_loopback, toegang_van
from services.toegang.tokens import ASYMMETRISCH, TokenOngeldig, Verifier, uit_jwks

LEEWAY_S = 30


@pytest.fixture
def uitgever(tmp_path: Path) -> Uitgever:
    return Uitgever(tmp_path / "data")


def verifier(uitgever: Uitgever, algoritmen: tuple[str, ...] = ("ES256",)) -> Verifier:
    return Verifier(ISSUER, AUDIENCE, uit_jwks(uitgever.issuer.jwks()), algoritmen, leeway_s=LEEWAY_S)


def claims_van(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def teken(uitgever: Uitgever, claims: dict, kop: dict) -> str:
    """Claims signed with the issuer's own key, under a header of the test's choosing."""
    return jwt.encode(claims, uitgever.issuer._sleutel, algorithm="ES256", headers=kop)  # noqa: SLF001


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def reden(verifier_: Verifier, token: str) -> str:
    with pytest.raises(TokenOngeldig) as fout:
        verifier_.controleer(token)
    return fout.value.reden


# -- what a valid token says ----------------------------------------------------------------------------


def test_a_valid_token_gives_its_subject_roles_and_gemeenten(uitgever):
    gebruiker = verifier(uitgever).controleer(uitgever.token([WOONCONSULENT, AUDITOR], sub="ambtenaar:17"))

    assert gebruiker.sub == "ambtenaar:17" and gebruiker.jti
    assert gebruiker.rollen == {WOONCONSULENT, AUDITOR} and gebruiker.gemeenten == {GEMEENTE}
    assert gebruiker.heeft([OPERATOR, AUDITOR]) and not gebruiker.heeft([OPERATOR])
    assert gebruiker.ziet(GEMEENTE) and not gebruiker.ziet("0344")


def test_roles_as_one_space_separated_string_count_and_anything_else_is_no_role(uitgever):
    als_tekst = verifier(uitgever).controleer(uitgever.token([], roles=f"{OPERATOR} {AUDITOR}"))
    als_getal = verifier(uitgever).controleer(uitgever.token([], roles=42, gemeentecodes={"0268": True}))

    assert als_tekst.rollen == {OPERATOR, AUDITOR}
    assert als_getal.rollen == frozenset() and als_getal.gemeenten == frozenset()
    assert not als_getal.heeft([OPERATOR, AUDITOR, WOONCONSULENT])  # deny by default


# -- the clock: exp, nbf and iat with a leeway ------------------------------------------------------------


def test_a_token_just_expired_is_accepted_within_the_leeway_and_refused_beyond_it(uitgever):
    nu = dt.datetime.now(dt.UTC)
    geldig = dt.timedelta(minutes=5)

    net_verlopen = uitgever.token(OPERATOR, nu=nu - geldig - dt.timedelta(seconds=LEEWAY_S - 10), geldig=geldig)
    lang_verlopen = uitgever.token(OPERATOR, nu=nu - geldig - dt.timedelta(seconds=LEEWAY_S + 10), geldig=geldig)

    assert verifier(uitgever).controleer(net_verlopen).rollen == {OPERATOR}
    assert reden(verifier(uitgever), lang_verlopen) == "verlopen"


def test_a_token_from_a_clock_slightly_ahead_is_accepted_and_from_the_future_refused(uitgever):
    nu = dt.datetime.now(dt.UTC)

    iets_voor = uitgever.token(OPERATOR, nu=nu + dt.timedelta(seconds=LEEWAY_S - 10))
    toekomst = uitgever.token(OPERATOR, nu=nu + dt.timedelta(seconds=LEEWAY_S + 10))
    later_geldig = uitgever.token(OPERATOR, nbf=int((nu + dt.timedelta(minutes=5)).timestamp()))

    assert verifier(uitgever).controleer(iets_voor).rollen == {OPERATOR}
    assert reden(verifier(uitgever), toekomst) == "nog-niet-geldig"
    assert reden(verifier(uitgever), later_geldig) == "nog-niet-geldig"


@pytest.mark.parametrize("claim", ["sub", "jti", "exp", "iat", "iss", "aud"])
def test_a_token_without_a_required_claim_is_refused(uitgever, claim):
    claims = claims_van(uitgever.token(OPERATOR))
    del claims[claim]

    assert reden(verifier(uitgever), teken(uitgever, claims, {"kid": uitgever.issuer.kid, "typ": "at+jwt"})) == (
        "claim-ontbreekt")


# -- the key, the algorithm and the type -------------------------------------------------------------------


def test_a_key_the_issuer_does_not_publish_is_refused(uitgever, tmp_path):
    ander = Uitgever(tmp_path / "ander")
    claims = claims_van(uitgever.token(OPERATOR))
    onbekende_kid = teken(uitgever, claims, {"kid": "een-andere-sleutel", "typ": "at+jwt"})

    assert reden(verifier(uitgever), ander.token(OPERATOR)) == "sleutel-onbekend"
    assert reden(verifier(uitgever), onbekende_kid) == "sleutel-onbekend"


def test_without_a_kid_the_only_key_is_used_but_among_several_none_is_guessed(uitgever, tmp_path):
    zonder_kid = teken(uitgever, claims_van(uitgever.token(OPERATOR)), {"typ": "at+jwt"})
    twee = jwt.PyJWKSet.from_dict({"keys": [uitgever.issuer.jwk, Uitgever(tmp_path / "b").issuer.jwk]})

    assert verifier(uitgever).controleer(zonder_kid).rollen == {OPERATOR}
    assert reden(Verifier(ISSUER, AUDIENCE, uit_jwks(twee), ["ES256"]), zonder_kid) == "sleutel-onbekend"


@pytest.mark.parametrize("typ, geldig", [("at+jwt", True), ("application/at+jwt", True), ("AT+JWT", True),
                                         ("JWT", False), (None, False), ("id+jwt", False)])
def test_only_an_access_token_says_so_in_its_typ(uitgever, typ, geldig):
    """RFC 9068 §4: an ID token (`JWT`) or a token without `typ` is no access token, however well signed."""
    token = teken(uitgever, claims_van(uitgever.token(OPERATOR)), {"kid": uitgever.issuer.kid, "typ": typ})
    if typ is None:
        assert "typ" not in jwt.get_unverified_header(token)

    if geldig:
        assert verifier(uitgever).controleer(token).rollen == {OPERATOR}
    else:
        assert reden(verifier(uitgever), token) == "geen-access-token"


def test_hs256_signed_with_the_public_key_and_alg_none_are_refused_even_when_allowed_in_the_settings(uitgever):
    vervalst = uitgever.vervalst(OPERATOR)
    toegeeflijk = verifier(uitgever, ("HS256", "none", "ES256"))

    assert toegeeflijk.algoritmen == ["ES256"]
    assert reden(toegeeflijk, vervalst["hs256-met-publieke-sleutel"][0]) == "algoritme"
    assert reden(toegeeflijk, vervalst["alg-none"][0]) == "algoritme"


def test_a_verifier_without_an_asymmetric_algorithm_cannot_be_made(uitgever):
    with pytest.raises(ValueError, match="no allowed signing algorithm"):
        verifier(uitgever, ("HS256", "HS512", "none"))
    assert not any(a.startswith("HS") or a == "none" for a in ASYMMETRISCH)


def test_an_algorithm_the_key_is_not_for_is_refused(uitgever):
    """The token says RS256 (allowed) but the issuer's key is EC: no algorithm confusion."""
    claims = claims_van(uitgever.token(OPERATOR))
    kop = {"alg": "RS256", "typ": "at+jwt", "kid": uitgever.issuer.kid}
    token = f"{b64(json.dumps(kop).encode())}.{b64(json.dumps(claims).encode())}.{b64(b'x' * 256)}"

    assert reden(verifier(uitgever, ("RS256", "ES256")), token) == "algoritme"


def test_every_forged_token_of_the_test_helper_is_refused_for_its_own_reason(uitgever):
    """The matrix of tests/unit/test_toegang_matrix.py relies on these being refused for these reasons."""
    for naam, (token, verwacht) in uitgever.vervalst([OPERATOR, AUDITOR]).items():
        assert reden(verifier(uitgever), token) == verwacht, naam


# -- the development issuer ---------------------------------------------------------------------------


def test_the_issuers_key_is_0600_in_a_0700_data_dir_and_reused_by_the_next_instance(tmp_path):
    data_dir = tmp_path / "nieuw"
    eerste = OntwikkelIssuer(data_dir)
    tweede = OntwikkelIssuer(data_dir)

    assert stat.S_IMODE(eerste.pad.stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert tweede.kid == eerste.kid and tweede.jwk == eerste.jwk
    token = eerste.token("cli:ik", [OPERATOR], [GEMEENTE], audience=AUDIENCE)
    gebruiker = Verifier(ISSUER, AUDIENCE, uit_jwks(tweede.jwks()), ["ES256"]).controleer(token)
    assert gebruiker.sub == "cli:ik"


def test_the_jwks_publishes_the_public_key_only(tmp_path):
    issuer = OntwikkelIssuer(tmp_path)

    assert "d" not in issuer.jwk and issuer.jwk["kty"] == "EC" and issuer.jwk["alg"] == "ES256"
    assert b"PRIVATE KEY" in issuer.pad.read_bytes()


def test_the_stack_accepts_the_tokens_of_the_issuer_in_its_data_dir_and_no_other(tmp_path):
    toegang = toegang_van(Settings(data_dir=tmp_path / "stack", http_host="127.0.0.1", oidc_issuer=None))

    assert toegang.ontwikkel is not None
    assert toegang.verifier.controleer(Uitgever(tmp_path / "stack").token(OPERATOR)).rollen == {OPERATOR}
    assert reden(toegang.verifier, Uitgever(tmp_path / "elders").token(OPERATOR)) == "sleutel-onbekend"


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("::1", True), ("localhost", True),
                                            ("127.0.0.2", True), ("0.0.0.0", False), ("::", False),
                                            ("10.0.0.5", False), ("welkom.nijmegen.nl", False)])
def test_the_development_issuer_is_only_for_a_server_on_loopback(tmp_path, host, loopback):
    settings = Settings(data_dir=tmp_path, http_host=host, oidc_issuer=None)

    assert is_loopback(host) == loopback
    if loopback:
        assert toegang_van(settings).ontwikkel is not None
    else:
        with pytest.raises(ToegangFout, match="loopback"):
            toegang_van(settings)


def test_the_token_stock_reuses_a_token_and_makes_one_per_subject_and_role(uitgever):
    voorraad = Tokenvoorraad(uitgever.issuer, AUDIENCE, [GEMEENTE])

    eerste = voorraad.kop("demo:a", WOONCONSULENT)

    assert voorraad.kop("demo:a", WOONCONSULENT) == eerste
    assert voorraad.kop("demo:a", OPERATOR) != eerste and voorraad.kop("demo:b", WOONCONSULENT) != eerste
    gebruiker = verifier(uitgever).controleer(eerste["Authorization"].removeprefix("Bearer "))
    assert (gebruiker.sub, gebruiker.rollen) == ("demo:a", {WOONCONSULENT})


# -- `welkom token --geldig` ------------------------------------------------------------------------------


@pytest.mark.parametrize("tekst, waarde", [("30s", dt.timedelta(seconds=30)), ("15m", dt.timedelta(minutes=15)),
                                           ("2h", dt.timedelta(hours=2)), ("1d", dt.timedelta(days=1)),
                                           (" 15m ", dt.timedelta(minutes=15)), ("24h", MAX_GELDIG)])
def test_a_duration_is_a_number_with_its_unit(tekst, waarde):
    assert duur(tekst) == waarde


@pytest.mark.parametrize("tekst", ["15", "m", "1.5h", "-1m", "15 m", "15M", "1w", "0s", "25h", "2d", "86401s", ""])
def test_a_duration_without_a_unit_or_beyond_a_day_is_refused(tekst):
    with pytest.raises(ValueError, match="--geldig"):
        duur(tekst)
