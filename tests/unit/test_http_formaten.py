"""Exact formats on the HTTP API: every date is `YYYY-MM-DD` and nothing pydantic would coerce, /metrics is text/plain as served, a BSN's elfproef is in its schema and answers 422."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from http_hulp import Stack, gestarte_api, per_url
from matrix_hulp import OPDRACHTEN, voorbeeld
from toegang_hulp import kop

from services.entrypoints.http import maak_app
from services.toegang.rollen import KLANTREGISSEUR, OPERATOR, OPVANG_MEDEWERKER

GEEN_DATUM = ["0", 0, "1", 20241001, "20241001", "2024-10-01T00:00:00", "2024-10-01T00:00:00Z", "2024-10-01 ",
              "2024-1-01", "01-10-2024", "2024-02-30", "+2024-10-01", "٢٠٢٤-١٠-٠١", True, None, 1.5]
"""What a date is not, though pydantic's own `date` reads several of these (0 as 1970-01-01)."""
DOCUMENT = maak_app(Stack()).openapi()
PADEN = per_url(DOCUMENT)


@pytest.fixture
def api() -> TestClient:
    return gestarte_api(limiet="100000/minute")  # hundreds of requests from one subject


def ongeldig(antwoord: Any, veld: str) -> None:
    assert antwoord.status_code == 400, antwoord.text
    assert antwoord.json()["title"] == "ongeldige-invoer" and veld in antwoord.json()["detail"]


@pytest.mark.parametrize("waarde", [w for w in GEEN_DATUM if isinstance(w, str | int) and not isinstance(w, bool)])
@pytest.mark.parametrize("pad, rol", [("/v1/rapport", OPERATOR), ("/v1/aandachtslijst", KLANTREGISSEUR)])
def test_a_peildatum_that_is_not_yyyy_mm_dd_is_a_400_never_a_report(api, pad, rol, waarde) -> None:
    ongeldig(api.get(pad, params={"peildatum": waarde}, headers=kop(rol)), "query.peildatum")


def datumvelden(opdracht: Any) -> list[str]:
    return [v for v, info in opdracht.verzoek.model_json_schema()["properties"].items()
            if info.get("format") == "date" or any(s.get("format") == "date" for s in info.get("anyOf", []))]


def test_every_date_field_of_every_command_refuses_what_is_no_date(api) -> None:
    """One definition (events.base.Datum) for every date: checked here on each command's each date field."""
    gezien = 0
    for opdracht in OPDRACHTEN:
        schema = PADEN[opdracht.url]["post"]["requestBody"]["content"]["application/json"]["schema"]
        body = voorbeeld("body", schema)
        for veld in datumvelden(opdracht):
            for waarde in GEEN_DATUM:
                if waarde is None and veld not in opdracht.verzoek.model_json_schema()["required"]:
                    continue  # an optional date may be null
                antwoord = api.post(opdracht.url, json={**body, veld: waarde}, headers=kop(opdracht.rollen[0]))
                ongeldig(antwoord, f"body.{veld}")
                gezien += 1
    assert gezien > 40 * 15


def test_the_clock_refuses_a_datetime_for_its_date_too(api) -> None:
    ongeldig(api.post("/v1/klok", json={"tot": "2024-10-01T00:00:00"}, headers=kop(OPERATOR)), "body.tot")
    ongeldig(api.post("/v1/klok", json={"tot": 0}, headers=kop(OPERATOR)), "body.tot")


def test_numbers_and_booleans_are_what_their_schema_says_and_no_text(api) -> None:
    opening = {"locatie_id": "tgo-heumensoord", "naam": "Heumensoord", "soort": "tgo", "datum": "2024-03-01"}
    medewerker = kop(OPVANG_MEDEWERKER)
    for capaciteit in ("40", True, 40.5):
        ongeldig(api.post("/v1/opvang/locatie-openingen", json={**opening, "capaciteit": capaciteit},
                          headers=medewerker), "body.capaciteit")
    assert api.post("/v1/opvang/locatie-openingen", json={**opening, "capaciteit": 40.0},
                    headers=medewerker).status_code == 200  # JSON Schema's integer: 40.0 is one


def test_the_document_says_metrics_are_text_plain_as_served(api) -> None:
    served = api.get("/metrics").headers["content-type"]
    documented = PADEN["/metrics"]["get"]["responses"]["200"]["content"]

    assert list(documented) == [served] and served.startswith("text/plain; version=")


def test_every_bsn_field_says_nine_digits_and_the_elfproef_and_a_failing_one_is_a_422(api) -> None:
    bsn_velden = [(o, o.verzoek.model_json_schema()["properties"]["bsn"]) for o in OPDRACHTEN
                  if "bsn" in o.verzoek.model_fields]
    assert len(bsn_velden) >= 5
    for opdracht, veld in bsn_velden:
        assert veld["pattern"] == "^[0-9]{9}$" and "elfproef" in veld["description"], opdracht.url
    antwoord = api.post("/v1/opvang/ontheemden", json={"bsn": "999990018", "datum": "2024-03-01"},
                        headers=kop(OPVANG_MEDEWERKER))
    assert (antwoord.status_code, antwoord.json()["title"]) == (422, "domeinregel:OngeldigBsnFout")
    assert "999990018" not in antwoord.text
