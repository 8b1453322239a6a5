"""The generated catalogue and AsyncAPI document: complete, stable, and never stale against the registry."""

from __future__ import annotations

import json
from pathlib import Path

from events_hulp import VOORBEELDEN

import events
from events import asyncapi, catalogue, topics
from events.registry import REGISTRY, SOORTEN


EVENTS_DIR = Path(events.__file__).parent


def test_events_readme_is_freshly_generated():
    opgeslagen = (EVENTS_DIR / "README.md").read_text(encoding="utf-8")
    assert opgeslagen == catalogue.markdown(), "run: python -m events.catalogue > events/README.md"


def test_asyncapi_json_is_freshly_generated():
    opgeslagen = (EVENTS_DIR / "asyncapi.json").read_text(encoding="utf-8")
    assert opgeslagen == asyncapi.json_text(), "run: python -m events.asyncapi > events/asyncapi.json"


def test_catalogue_lists_every_type_with_its_topic_and_dataschema():
    tekst = catalogue.markdown()
    for soort in SOORTEN:
        assert f"#### `{soort.type}`" in tekst
        assert soort.dataschema in tekst
        for veld in VOORBEELDEN[soort.type]:
            assert f"| `{veld}` |" in tekst
    for kop in ("dlq_reason", "dlq_topic", "dlq_partition", "dlq_offset", "dlq_service"):
        assert f"`{kop}`" in tekst


def test_asyncapi_has_one_message_per_type_with_its_schema():
    doc = asyncapi.document()
    assert doc["asyncapi"].startswith("3.")
    berichten = {b["title"]: b for b in doc["components"]["messages"].values()}
    assert set(berichten) == set(REGISTRY)
    for soort in SOORTEN:
        bericht = berichten[soort.type]
        schema = doc["components"]["schemas"][bericht["payload"]["$ref"].rsplit("/", 1)[-1]]
        assert set(schema["properties"]) == set(soort.schema.model_fields)
        assert schema["additionalProperties"] is False
        assert f"`{topics.dlq(soort.topic)}`" in bericht["description"]
        kanaal = doc["channels"][soort.type]
        assert kanaal["address"] == soort.topic
        actie = doc["operations"][soort.type]["action"]
        assert actie == ("receive" if soort.richting == "inkomend" else "send")


def test_asyncapi_json_text_is_stable_and_sorted():
    tekst = asyncapi.json_text()
    assert tekst == asyncapi.json_text()
    assert json.loads(tekst) == asyncapi.document()
    assert tekst == json.dumps(json.loads(tekst), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_every_header_a_message_points_to_is_declared_and_the_kafka_key_is_bound():
    doc = asyncapi.document()
    for bericht in doc["components"]["messages"].values():
        soort = REGISTRY[bericht["title"]]
        kop = bericht["correlationId"]["location"].removeprefix("$message.header#/")
        assert kop in bericht["headers"]["properties"]                        # correlation_id declared
        sleutel = bericht["bindings"]["kafka"]["key"]
        assert sleutel["type"] == "string" and soort.sleutel.beschrijving in sleutel["description"]
        assert (sleutel.get("format") == "uuid") == (soort.sleutel.aggregaat == "persoon")
        assert "ce_sequencetype" not in bericht["headers"]["properties"]
        if soort.richting == "uitgaand":
            assert bericht["headers"]["properties"]["ce_sequence"]["pattern"] == "^[0-9]{20}$"
