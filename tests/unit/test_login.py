"""Signing in to the kengetallen page: the development issuer's one-time link, the issuer's code flow with PKCE (against a small real OpenID provider), the session cookie and signing out."""

from __future__ import annotations

import asyncio
import datetime as dt
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient
from oidc_hulp import CLIENT_ID, Provider, openid_provider, s256
from toegang_hulp import GEMEENTE, Uitgever

from services.entrypoints.http import maak_app
from services.entrypoints.login import LOGIN_COOKIE
from services.runtime.gezondheid import Gezondheid
from services.runtime.settings import Settings
from services.toegang.sessies import COOKIE
from services.toegang.toegang import toegang_van

WELKOM = "https://welkom.test"
"""The browser speaks HTTPS to welkom (a Secure cookie is sent on nothing else)."""


class Projectie:
    """The read side, reduced to one figure: enough to tell the page from the login."""

    gemeentecode = GEMEENTE

    def bij(self) -> None:
        pass

    def rapport(self, peildatum: dt.date, gemeentecode: str | None = None) -> dict[str, Any]:
        return {"opvang": {"bewoners_in_opvang": 7}}

    def rapporten(self, peildata: list[dt.date], *_: Any) -> dict[dt.date, dict[str, Any]]:
        return {d: self.rapport(d) for d in peildata}


def browser(settings: Settings) -> TestClient:
    """A browser (cookie jar, no automatic redirects) on a welkom with these settings."""
    stack = types.SimpleNamespace(apps={}, ready=asyncio.Event(), projectie=Projectie(), settings=settings,
                                  toegang=toegang_van(settings), gezondheid=Gezondheid())
    return TestClient(maak_app(stack), base_url=WELKOM, follow_redirects=False)


def toont_cijfers(antwoord: httpx.Response) -> bool:
    return "data-kengetal" in antwoord.text


def sessiecookie(antwoord: httpx.Response) -> str | None:
    return next((k for k in antwoord.headers.get_list("set-cookie") if k.startswith(f"{COOKIE}=")), None)


# -- the development issuer: `welkom token --rol operator --login` -------------------------------

@pytest.fixture
def ontwikkel(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, http_host="127.0.0.1", oidc_issuer=None, gemeentecode=GEMEENTE,
                    sessie_minuten=15)


def link(settings: Settings, rollen: str = "operator", **anders: Any) -> str:
    """The one-time login link's token, as `welkom token --login` mints it (valid 2 minutes)."""
    return Uitgever(settings.data_dir).token(rollen, geldig=dt.timedelta(minutes=2), **anders)


def test_without_a_session_the_page_sends_the_browser_to_the_login_which_shows_no_figure(ontwikkel):
    with browser(ontwikkel) as b:
        for pad in ("/", "/dashboard", "/?peildatum=2024-10-01"):
            antwoord = b.get(pad)
            assert antwoord.status_code == 303 and antwoord.headers["location"] == "/login", pad
            assert not toont_cijfers(antwoord)
        login = b.get("/login")

    assert login.status_code == 200 and login.headers["content-type"].startswith("text/html")
    assert "welkom token --rol operator --login" in login.text
    assert not toont_cijfers(login) and sessiecookie(login) is None


def test_a_one_time_link_signs_in_with_a_strict_short_lived_cookie_and_works_once(ontwikkel):
    code = link(ontwikkel)
    with browser(ontwikkel) as b:
        aangemeld = b.get("/login", params={"code": code})
        pagina = b.get("/")
        dashboard = b.get("/dashboard")
        with TestClient(b.app, base_url=WELKOM, follow_redirects=False) as tweede_browser:
            nogmaals = tweede_browser.get("/login", params={"code": code})
            zonder_sessie = tweede_browser.get("/")

    cookie = sessiecookie(aangemeld)
    assert aangemeld.status_code == 200 and cookie is not None
    vlaggen = {deel.strip().lower() for deel in cookie.split(";")[1:]}
    assert {"httponly", "secure", "samesite=strict", "path=/", "max-age=900"} <= vlaggen
    assert not any(v.startswith("domain") for v in vlaggen)  # __Host-: this host only
    assert '<meta http-equiv="refresh" content="0;url=/">' in aangemeld.text  # on to the page, cookie and all
    assert not toont_cijfers(aangemeld) and code not in aangemeld.text

    assert pagina.status_code == 200 and toont_cijfers(pagina)
    assert dashboard.status_code == 200 and toont_cijfers(dashboard)
    assert nogmaals.status_code == 401 and "al gebruikt" in nogmaals.text
    assert sessiecookie(nogmaals) is None and not toont_cijfers(nogmaals) and code not in nogmaals.text
    assert "welkom token --rol operator --login" in nogmaals.text  # how to get a new one
    assert zonder_sessie.status_code == 303


def test_a_session_reads_the_figures_but_gives_no_command_and_does_not_move_the_clock(ontwikkel):
    with browser(ontwikkel) as b:
        b.get("/login", params={"code": link(ontwikkel)})
        rapport = b.get("/v1/rapport", params={"peildatum": "2024-10-01"})
        klok = b.post("/v1/klok", json={"tot": "2024-10-01"})
        audit = b.post("/v1/audit", json={"vnummer": "2099000001", "doel": "nieuwsgierig"})

    assert rapport.status_code == 200 and rapport.json() == {"opvang": {"bewoners_in_opvang": 7}}
    for antwoord in (klok, audit):
        assert antwoord.status_code == 401 and antwoord.headers["content-type"] == "application/problem+json"


def test_an_expired_or_forged_link_signs_no_one_in(ontwikkel):
    verlopen = link(ontwikkel, nu=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10))
    vreemd = Uitgever().token("operator")  # the right shape, another key
    with browser(ontwikkel) as b:
        antwoorden = {naam: b.get("/login", params={"code": code})
                      for naam, code in (("verlopen", verlopen), ("vreemd", vreemd), ("onzin", "abc.def"))}
        daarna = b.get("/")

    assert antwoorden["verlopen"].status_code == 401 and "verlopen" in antwoorden["verlopen"].text
    for naam, antwoord in antwoorden.items():
        assert antwoord.status_code == 401, naam
        assert sessiecookie(antwoord) is None and not toont_cijfers(antwoord), naam
        assert "Vraag een nieuwe link" in antwoord.text, naam
    assert daarna.status_code == 303 and daarna.headers["location"] == "/login"


def test_a_link_without_a_role_of_the_page_gets_no_session(ontwikkel):
    with browser(ontwikkel) as b:
        woonconsulent = b.get("/login", params={"code": link(ontwikkel, "woonconsulent")})
        daarna = b.get("/")

    assert woonconsulent.status_code == 403 and sessiecookie(woonconsulent) is None
    assert "operator of auditor" in woonconsulent.text and not toont_cijfers(woonconsulent)
    assert daarna.status_code == 303


def test_signing_out_ends_the_session_and_clears_the_cookie(ontwikkel):
    with browser(ontwikkel) as b:
        b.get("/login", params={"code": link(ontwikkel)})
        sessie = b.cookies.get(COOKIE)
        van_elders = [b.post("/logout", headers={"Sec-Fetch-Site": "cross-site"}),
                      b.post("/logout", headers={"Origin": "https://elders.example"})]
        nog_aangemeld = b.get("/")
        uit = b.post("/logout", headers={"Sec-Fetch-Site": "same-origin", "Origin": "null"})  # as Chromium sends it
        b.cookies.set(COOKIE, sessie or "", domain="welkom.test")  # a copy of the old cookie: of no use now
        met_oude_cookie = b.get("/")
        afgemeld = b.get("/login?afgemeld")

    assert [a.status_code for a in van_elders] == [403, 403] and nog_aangemeld.status_code == 200
    assert uit.status_code == 303 and uit.headers["location"] == "/login?afgemeld"
    gewist = {deel.strip().lower() for deel in (sessiecookie(uit) or "").split(";")}
    assert {"max-age=0", "secure", "path=/"} <= gewist  # a __Host- cookie is only cleared with Secure
    assert met_oude_cookie.status_code == 303 and not toont_cijfers(met_oude_cookie)
    assert "U bent afgemeld" in afgemeld.text


# -- a configured issuer: the authorization-code flow with PKCE -----------------------------------

@pytest.fixture
def provider() -> Iterator[Provider]:
    with openid_provider() as p:
        yield p


@pytest.fixture
def oidc(tmp_path: Path, provider: Provider) -> Settings:
    return Settings(data_dir=tmp_path, oidc_issuer=provider.url, oidc_client_id=CLIENT_ID, oidc_audience="welkom",
                    gemeentecode=GEMEENTE)


def naar_de_issuer_en_terug(b: TestClient) -> tuple[dict[str, str], str]:
    """Open /login, let the provider sign the user in: the authorization request's parameters,
    and the URL the provider sends the browser back to."""
    naar_issuer = b.get("/login")
    assert naar_issuer.status_code == 303, naar_issuer.text
    vraag = {k: v[0] for k, v in parse_qs(urlsplit(naar_issuer.headers["location"]).query).items()}
    terug = httpx.get(naar_issuer.headers["location"], follow_redirects=False)
    assert terug.status_code == 302, terug.text
    return vraag, terug.headers["location"]


def test_a_configured_issuer_signs_in_with_the_code_flow_and_pkce(oidc, provider):
    with browser(oidc) as b:
        assert b.get("/").headers["location"] == "/login"
        vraag, terug = naar_de_issuer_en_terug(b)
        aangemeld = b.get(terug)
        pagina = b.get("/")
        nogmaals = b.get(terug)  # the same answer of the issuer again

    assert vraag["response_type"] == "code" and vraag["client_id"] == CLIENT_ID and vraag["scope"] == "openid"
    assert vraag["redirect_uri"] == f"{WELKOM}/login/terug" and terug.startswith(f"{WELKOM}/login/terug?")
    assert vraag["code_challenge_method"] == "S256" and len(vraag["state"]) >= 32 and len(vraag["nonce"]) >= 32
    verzoek = provider.tokenverzoeken[0]
    assert s256(verzoek["code_verifier"]) == vraag["code_challenge"] != verzoek["code_verifier"]
    assert verzoek["redirect_uri"] == vraag["redirect_uri"] and "client_secret" not in verzoek

    assert aangemeld.status_code == 200 and sessiecookie(aangemeld) is not None
    assert "samesite=strict" in (sessiecookie(aangemeld) or "").lower()
    assert verzoek["code"] not in aangemeld.text
    assert pagina.status_code == 200 and toont_cijfers(pagina)
    assert nogmaals.status_code == 401 and sessiecookie(nogmaals) is None
    assert verzoek["code"] not in nogmaals.text and not toont_cijfers(nogmaals)


def test_the_issuers_answer_is_only_taken_in_the_browser_that_asked(oidc, provider):
    with browser(oidc) as b:
        _, terug = naar_de_issuer_en_terug(b)
        with TestClient(b.app, base_url=WELKOM, follow_redirects=False) as andere_browser:
            ondergeschoven = andere_browser.get(terug)  # a login CSRF: someone else's code and state
            daarna = andere_browser.get("/")

    assert ondergeschoven.status_code == 401 and sessiecookie(ondergeschoven) is None
    assert daarna.status_code == 303 and provider.tokenverzoeken == []


def test_a_user_without_a_role_of_the_page_or_an_id_token_of_another_login_gets_no_session(oidc, provider):
    provider.rollen = ["woonconsulent"]
    with browser(oidc) as b:
        zonder_rol = b.get(naar_de_issuer_en_terug(b)[1])
        provider.rollen, provider.andere_nonce = ["operator"], True
        andere_nonce = b.get(naar_de_issuer_en_terug(b)[1])
        daarna = b.get("/")

    assert zonder_rol.status_code == 403 and sessiecookie(zonder_rol) is None
    assert andere_nonce.status_code == 401 and sessiecookie(andere_nonce) is None
    assert daarna.status_code == 303


def test_a_code_the_issuer_does_not_take_is_a_502_page_without_the_code(oidc, provider):
    with browser(oidc) as b:
        _, terug = naar_de_issuer_en_terug(b)
        state = parse_qs(urlsplit(terug).query)["state"][0]
        antwoord = b.get("/login/terug", params={"code": "verzonnen-code-123", "state": state})

    assert provider.tokenverzoeken[0]["code"] == "verzonnen-code-123"
    assert antwoord.status_code == 502 and antwoord.headers["content-type"].startswith("text/html")
    assert "verzonnen-code-123" not in antwoord.text and sessiecookie(antwoord) is None
    assert LOGIN_COOKIE in " ".join(antwoord.headers.get_list("set-cookie"))  # the request is over
