"""The registry and its strict schemas: every type on a known topic, valid examples accepted, anything else refused."""

from __future__ import annotations

import json
from typing import Any

import pytest
from events_hulp import IND, PARTNERVNUMMER, VOORBEELDEN, _soort_ids
from pydantic import ValidationError

from events import topics
from events.registry import REGISTRY, SOORTEN, Eventsoort


def _fout(value: Any) -> Any:
    """A value of the wrong JSON type for a field whose valid value is `value` (no coercion allowed)."""
    if isinstance(value, bool):
        return "true"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return 1234567890
    if isinstance(value, list):
        return "lijst"
    return 12  # None of a nullable field


def _velden() -> list[tuple[Eventsoort, str]]:
    return [(s, veld) for s in SOORTEN for veld in VOORBEELDEN[s.type]]


# --- schemas ----------------------------------------------------------------------------------


def test_every_registered_type_has_an_example_here():
    assert set(VOORBEELDEN) == set(REGISTRY)


def test_registry_has_one_entry_per_type_on_a_known_topic():
    assert len(REGISTRY) == len(SOORTEN)
    for soort in SOORTEN:
        bekend = topics.INBOUND if soort.richting == "inkomend" else topics.OUTBOUND
        assert soort.topic in bekend


@pytest.mark.parametrize("soort", SOORTEN, ids=_soort_ids)
def test_schema_accepts_a_valid_example(soort: Eventsoort):
    gegevens = soort.schema.model_validate_json(json.dumps(VOORBEELDEN[soort.type]))
    assert gegevens.model_dump(mode="json", exclude_unset=True) == VOORBEELDEN[soort.type]


def test_a_brp_registration_with_a_bsn_failing_the_elfproef_is_rejected_without_echoing_it():
    data = {**VOORBEELDEN["nl.brp.ingeschreven-immigratie"], "bsn": "123456789"}
    with pytest.raises(ValidationError) as fout:
        REGISTRY["nl.brp.ingeschreven-immigratie"].schema.model_validate_json(json.dumps(data))
    assert "123456789" not in str(fout.value)


def test_a_nareis_permit_names_its_referent():
    data = {**VOORBEELDEN[IND.type], "soort": "nareis", "referent_vnummer": PARTNERVNUMMER}
    assert IND.schema.model_validate_json(json.dumps(data)).referent_vnummer == PARTNERVNUMMER


@pytest.mark.parametrize("soort", SOORTEN, ids=_soort_ids)
def test_schema_rejects_an_extra_field(soort: Eventsoort):
    data = {**VOORBEELDEN[soort.type], "iban": "NL91ABNA0417164300"}
    with pytest.raises(ValidationError) as fout:
        soort.schema.model_validate_json(json.dumps(data))
    assert [e["type"] for e in fout.value.errors()] == ["extra_forbidden"]
    assert "NL91ABNA0417164300" not in str(fout.value)


@pytest.mark.parametrize(
    ("soort", "veld"), _velden(), ids=[f"{s.type}:{v}" for s, v in _velden()]
)
def test_schema_rejects_a_wrong_type_without_coercion(soort: Eventsoort, veld: str):
    data = {**VOORBEELDEN[soort.type], veld: _fout(VOORBEELDEN[soort.type][veld])}
    with pytest.raises(ValidationError) as fout:
        soort.schema.model_validate_json(json.dumps(data))
    assert {e["loc"][0] for e in fout.value.errors()} == {veld}
    assert "1234567890" not in str(fout.value)


@pytest.mark.parametrize("soort", SOORTEN, ids=_soort_ids)
def test_schema_rejects_a_missing_required_field(soort: Eventsoort):
    verplicht = soort.schema.model_json_schema()["required"]
    data = {k: v for k, v in VOORBEELDEN[soort.type].items() if k != verplicht[0]}
    with pytest.raises(ValidationError) as fout:
        soort.schema.model_validate_json(json.dumps(data))
    assert [(e["type"], e["loc"]) for e in fout.value.errors()] == [("missing", (verplicht[0],))]


def test_vnummer_and_gemeentecode_patterns_are_enforced():
    schema = REGISTRY["nl.statushouders.gekoppeld-aan-gemeente"].schema
    goed = VOORBEELDEN["nl.statushouders.gekoppeld-aan-gemeente"]
    for fout in ({"vnummer": "12345"}, {"gemeentecode": "268"}, {"huishouden": []}):
        with pytest.raises(ValidationError):
            schema.model_validate_json(json.dumps({**goed, **fout}))
