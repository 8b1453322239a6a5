"""What the access matrix tests share: every protected endpoint of the API with a valid request
for it, generated from the OpenAPI document (`x-rollen`) and the services' command tables; a stack
on which the requests' V-nummer is a known person; and the checks of the answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from application_hulp import D, afwijzing, koppeling
from http_hulp import IBAN, Stack, per_url

from events.registry import REGISTRY
from services import catalogus
from services.entrypoints.http import maak_app
from services.entrypoints.toegang_http import openbaar
from services.rapportage.projectie import herbouw

VNUMMER = "2718281828"
"""A V-nummer no answer has any business repeating: every body of the matrix carries it."""
PROBLEM = "application/problem+json"
DOCUMENT = maak_app(Stack()).openapi()
PADEN = per_url(DOCUMENT)
"""The document's operations by the path a client requests (`/v1/rapport`)."""

VOORBEELDEN: dict[str, Any] = {
    "vnummer": VNUMMER, "iban": IBAN, "datum": "2024-03-01", "tot": "2024-03-01", "woning_id": "W1",
    "reden": "verkeerd ingevoerd", "weigerreden": "te klein", "intrekreden": "geen reactie",
    "doel": "verzoek inzage AVG art. 15", "peildatum": "2024-10-01", "type": next(iter(REGISTRY)),
    "bsn": "999990019",  # a test BSN (elfproef) for the ontheemden's commands
    "capaciteit": 40,
    "binding": False, "voorliggende_voorziening": False, "contactpersoon": "bz-0412",  # mzd's BBB assessment
}
"""A valid value per field or parameter name; others come from their schema (an enum's first value, a date)."""


# -- the endpoints, from the OpenAPI document ----------------------------------------------------


def _schema(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = DOCUMENT["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in schema:  # an optional value: its non-null form
        schema = next(s for s in schema["anyOf"] if s.get("type") != "null")
    return schema


def voorbeeld(naam: str, schema: dict[str, Any]) -> Any:
    """A valid value of a parameter or body field: by its name, else by its schema."""
    if naam in VOORBEELDEN:
        return VOORBEELDEN[naam]
    schema = _schema(schema)
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    if schema.get("format") == "date":
        return "2024-03-01"
    if schema.get("type") == "object":
        return {veld: voorbeeld(veld, s) for veld, s in schema.get("properties", {}).items()
                if veld in schema.get("required", [])}
    if schema.get("type") == "string" and "pattern" not in schema:
        return "voorbeeld"
    if schema.get("type") == "integer" and "minimum" in schema:  # a trede, a score: the lowest valid value
        return int(schema["minimum"])
    raise AssertionError(f"no example for {naam!r} ({schema}): add one to VOORBEELDEN in {__file__}")


@dataclass(frozen=True)
class Endpoint:
    """One operation of the OpenAPI document, with a valid request for it."""

    methode: str
    sjabloon: str
    operatie: dict[str, Any] = field(compare=False, repr=False)

    def __str__(self) -> str:
        return f"{self.methode} {self.sjabloon}"

    @property
    def rollen(self) -> tuple[str, ...]:
        return tuple(self.operatie.get("x-rollen", ()))

    @property
    def neemt_gemeente(self) -> bool:
        """Whether the endpoint answers for a gemeente the caller names (`?gemeente=`)."""
        return any((p["name"], p["in"]) == ("gemeente", "query") for p in self.operatie.get("parameters", []))

    def verzoek(self, **query: str) -> dict[str, Any]:
        """The keyword arguments of `TestClient.request` for a valid request (with these query parameters)."""
        url, params = self.sjabloon, dict(query)
        for p in self.operatie.get("parameters", []):
            if p["in"] == "path":
                url = url.replace("{" + p["name"] + "}", str(voorbeeld(p["name"], p["schema"])))
            elif p["in"] == "query" and p.get("required"):
                params.setdefault(p["name"], voorbeeld(p["name"], p["schema"]))
        inhoud = self.operatie.get("requestBody", {}).get("content", {}).get("application/json")
        body = {"json": voorbeeld("body", inhoud["schema"])} if inhoud else {}
        return {"method": self.methode, "url": url, "params": params, **body}


ENDPOINTS = [Endpoint(methode.upper(), pad, operatie) for pad, item in PADEN.items()
             for methode, operatie in item.items() if not openbaar(pad)]
"""Every operation of the API (at the URL a client requests) but the public ones (/health, /metrics, the document)."""
OPDRACHTEN = [o for s in catalogus.alle() for o in s.commands]


# -- the stack and the answers -------------------------------------------------------------------


def bekende_stack(limiet: str = "120/minute") -> Stack:
    """A started stack on which the V-nummer is a known person (huisvesting, inburgering and mzd
    have a dossier for them) and the report has its views."""
    stack = Stack(limiet=limiet)
    for app in stack.apps.values():
        app.verwerk_batch([b for b in (koppeling(VNUMMER, D(2024, 1, 1)), afwijzing(VNUMMER, D(2024, 1, 2)))
                           if b.type in app.handlers()])
    stack.projectie = herbouw(stack.apps)
    stack.ready.set()
    return stack


def geweigerd(antwoord: Any, status: int, titel: str) -> dict[str, Any]:
    """A refusal: problem+json with this status and title, without the V-nummer."""
    assert antwoord.status_code == status, antwoord.text
    assert antwoord.headers["content-type"] == PROBLEM
    assert VNUMMER not in antwoord.text
    probleem = antwoord.json()
    assert (probleem["status"], probleem["title"]) == (status, titel), probleem
    return probleem


def niet_geauthenticeerd(antwoord: Any, reden: str) -> None:
    probleem = geweigerd(antwoord, 401, "niet-geauthenticeerd")
    assert probleem["detail"].endswith(f"({reden})")
    fout = "" if reden == "geen-token" else ', error="invalid_token"'
    assert antwoord.headers["WWW-Authenticate"] == f'Bearer realm="welkom"{fout}'


def gewoon_antwoord(antwoord: Any) -> None:
    """The endpoint's own answer: done, or a rule of the domain that refuses (a problem without the V-nummer)."""
    if antwoord.status_code == 200:
        return
    probleem = geweigerd(antwoord, 422, antwoord.json().get("title", "?"))
    assert probleem["title"].startswith("domeinregel:"), probleem
