"""Who may do what over HTTP, endpoint by endpoint: no token, a forged or expired one, the wrong role,
another gemeente's, and the right one. Generated from the app's OpenAPI document (`x-rollen`) and the
services' command tables (tests/unit/matrix_hulp.py), so a new endpoint is in this matrix without
editing it. Every refusal is problem+json and never repeats the V-nummer of the request."""

from __future__ import annotations

import pytest
from application_hulp import opgeslagen
from fastapi.testclient import TestClient
from http_hulp import IBAN
from matrix_hulp import (ENDPOINTS, OPDRACHTEN, VNUMMER, Endpoint, bekende_stack, geweigerd, gewoon_antwoord,
                         niet_geauthenticeerd)
from toegang_hulp import ANDERE_GEMEENTE, GEMEENTE, UITGEVER, bearer, kop

from services import catalogus
from services.entrypoints.http import maak_app
from services.toegang.rollen import ROLLEN, WOONCONSULENT


def test_the_matrix_covers_every_command_the_audit_the_report_and_the_clock():
    """The generation found what it should: were it to find nothing, every test below would pass vacuously."""
    gevonden = {str(e) for e in ENDPOINTS}
    assert {f"POST {o.url}" for o in OPDRACHTEN} <= gevonden
    assert {"POST /v1/audit", "GET /v1/rapport", "POST /v1/klok", "GET /v1/schemas/{type}"} <= gevonden
    assert all(e.rollen for e in ENDPOINTS)


@pytest.fixture(scope="module")
def api() -> TestClient:
    """One stack for the refusals: nothing refused changes it."""
    return TestClient(maak_app(bekende_stack()), raise_server_exceptions=False)


# -- authentication: no token, or one that is not valid ----------------------------------------------


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_without_a_token_every_endpoint_answers_401_with_a_bearer_challenge(api, endpoint):
    niet_geauthenticeerd(api.request(**endpoint.verzoek()), "geen-token")


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_another_scheme_than_bearer_is_no_token(api, endpoint):
    for kop_ in ({"Authorization": f"Basic {VNUMMER}"}, {"Authorization": "Bearer "}):
        niet_geauthenticeerd(api.request(**endpoint.verzoek(), headers=kop_), "geen-bearer")


VERVALST = list(UITGEVER.vervalst(ROLLEN))


@pytest.mark.parametrize("soort", VERVALST)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_a_forged_expired_or_foreign_token_with_every_role_is_401(api, endpoint, soort):
    """Expired, not yet valid, another issuer or audience, `alg: none`, a changed signature, roles
    written into a signed token, HS256 signed with the public key, an ID token, another key."""
    token, reden = UITGEVER.vervalst(endpoint.rollen)[soort]

    niet_geauthenticeerd(api.request(**endpoint.verzoek(), headers=bearer(token)), reden)


# -- authorisation: the role, the gemeente ------------------------------------------------------------


def andere_rollen(endpoint: Endpoint) -> list[str]:
    return [r for r in ROLLEN if r not in endpoint.rollen]


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_a_valid_token_with_none_of_the_endpoints_roles_is_403(api, endpoint):
    """Each other role alone, all of them at once, and no role at all (deny by default)."""
    for rollen in [[r] for r in andere_rollen(endpoint)] + [andere_rollen(endpoint), []]:
        geweigerd(api.request(**endpoint.verzoek(), headers=kop(rollen)), 403, "geen-toegang")


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_a_token_of_another_gemeente_is_403_even_when_it_names_that_gemeente(api, endpoint):
    """The stack is Nijmegen's: a token for another gemeente sees nothing of it, also not by asking
    for its own gemeente in the query (only an endpoint that takes `gemeente` answers for it)."""
    anders = kop(endpoint.rollen, gemeenten=[ANDERE_GEMEENTE])

    geweigerd(api.request(**endpoint.verzoek(), headers=anders), 403, "andere-gemeente")
    geweigerd(api.request(**endpoint.verzoek(gemeente=GEMEENTE), headers=anders), 403, "andere-gemeente")
    if not endpoint.neemt_gemeente:
        geweigerd(api.request(**endpoint.verzoek(gemeente=ANDERE_GEMEENTE), headers=anders), 403, "andere-gemeente")


@pytest.mark.parametrize("endpoint", [e for e in ENDPOINTS if e.neemt_gemeente], ids=str)
def test_an_endpoint_that_answers_for_a_named_gemeente_needs_that_gemeente_in_the_token(api, endpoint):
    eigen = kop(endpoint.rollen)

    geweigerd(api.request(**endpoint.verzoek(gemeente=ANDERE_GEMEENTE), headers=eigen), 403, "andere-gemeente")
    beide = kop(endpoint.rollen, gemeenten=[GEMEENTE, ANDERE_GEMEENTE])
    assert api.request(**endpoint.verzoek(gemeente=ANDERE_GEMEENTE), headers=beide).status_code == 200


@pytest.mark.parametrize("rol, endpoint", [(r, e) for e in ENDPOINTS for r in e.rollen],
                         ids=lambda x: x if isinstance(x, str) else str(x))
def test_each_of_the_endpoints_roles_gets_its_own_answer(rol, endpoint):
    stack = bekende_stack()
    http = TestClient(maak_app(stack), raise_server_exceptions=False)

    gewoon_antwoord(http.request(**endpoint.verzoek(), headers=kop(rol)))


def test_a_command_on_a_known_person_is_carried_out_for_its_role():
    """Not only a domain refusal: the right role has the effect (the IBAN is recorded)."""
    stack = bekende_stack()
    http = TestClient(maak_app(stack))
    voor = opgeslagen(stack.apps["huisvesting"])

    antwoord = http.post("/v1/huisvesting/ibans", json={"vnummer": VNUMMER, "iban": IBAN, "datum": "2024-01-10"},
                         headers=kop(WOONCONSULENT))

    assert antwoord.json() == {"status": "verwerkt"}
    assert opgeslagen(stack.apps["huisvesting"]) > voor


SERVICES = [s for s in catalogus.alle() if s.commands]


@pytest.mark.parametrize("eigen, ander", [(a, b) for a in SERVICES for b in SERVICES if a is not b],
                         ids=lambda s: s.name)
def test_the_roles_of_one_services_commands_cannot_give_another_services_commands(api, eigen, ander):
    rollen = sorted({r for o in eigen.commands for r in o.rollen})
    vreemd = [o for o in ander.commands if not set(o.rollen) & set(rollen)]
    assert vreemd, f"{eigen.name} and {ander.name} share a role for every command"
    for opdracht in vreemd:
        endpoint = next(e for e in ENDPOINTS if str(e) == f"POST {opdracht.url}")
        geweigerd(api.request(**endpoint.verzoek(), headers=kop(rollen)), 403, "geen-toegang")
