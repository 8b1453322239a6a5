"""The published language: strict schemas, the envelope reader, and generated docs that cannot go stale."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import events
from events import asyncapi, catalogue, topics
from events.envelope import (
    MAX_EVENT_BYTES,
    STRUCTURED_CONTENT_TYPE,
    Afgewezen,
    bron,
    lees,
    maak,
    naar_binary,
    naar_structured,
)
from events.registry import REGISTRY, SOORTEN, Eventsoort

EVENTS_DIR = Path(events.__file__).parent

VNUMMER = "1234567890"
PARTNERVNUMMER = "2345678901"
PERSOON = "5f0c4e2a-8d7b-4c1e-9a3f-2b6d8e1f0a47"
DOSSIER = "0b9e6f1c-3a2d-4e5f-8a7b-6c5d4e3f2a1b"
TRAJECT = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d"
ZAAK = "3c2d1e0f-9a8b-4c7d-8e6f-5a4b3c2d1e0f"

VOORBEELDEN: dict[str, dict[str, Any]] = {
    "nl.vreemdelingen.verblijfsvergunning-verleend": {
        "vnummer": VNUMMER, "besluitdatum": "2024-03-01", "soort": "asiel",
    },
    "nl.vreemdelingen.asielaanvraag-afgewezen": {
        "vnummer": VNUMMER, "besluitdatum": "2024-03-01", "definitief": True,
    },
    "nl.opvang.asielzoeker-geplaatst": {
        "vnummer": VNUMMER, "locatie_id": "azc-heumensoord", "datum": "2024-01-15",
        "geboortedatum": "1990-06-30",
    },
    "nl.opvang.asielzoeker-verplaatst": {
        "vnummer": VNUMMER, "van_locatie_id": "azc-heumensoord", "naar_locatie_id": "azc-lent",
        "datum": "2024-02-01",
    },
    "nl.statushouders.gekoppeld-aan-gemeente": {
        "vnummer": VNUMMER, "gemeentecode": "0268", "koppeldatum": "2024-03-10",
        "huishouden": [
            {"vnummer": VNUMMER, "geboortedatum": "1990-06-30"},
            {"vnummer": PARTNERVNUMMER, "geboortedatum": "2015-01-02"},
        ],
    },
    "nl.brp.ingeschreven-immigratie": {"vnummer": VNUMMER, "bsn": "111222333", "datum": "2024-03-20"},
    "nl.statushouders.taakstelling-vastgesteld": {
        "gemeentecode": "0268", "periode": "2024-H1", "aantal": 187,
    },
    "nl.woningen.woning-beschikbaar-gesteld": {
        "woning_id": "talis-4711", "wijk": "Dukenburg", "soort": "regulier", "max_bewoners": 4,
        "beschikbaar_per": "2024-04-01",
    },
    "nl.opvang.bewoner-geplaatst": {
        "persoon_id": PERSOON, "locatie_id": "azc-heumensoord", "datum": "2024-01-15",
    },
    "nl.opvang.bewoner-verplaatst": {
        "persoon_id": PERSOON, "van_locatie_id": "azc-heumensoord", "naar_locatie_id": "azc-lent",
        "datum": "2024-02-01", "verplaatsingen": 1,
    },
    "nl.opvang.bewoner-statushouder-geworden": {
        "persoon_id": PERSOON, "besluitdatum": "2024-03-01", "soort": "asiel",
    },
    "nl.opvang.bewoner-uitgestroomd": {
        "persoon_id": PERSOON, "locatie_id": None, "datum": "2024-05-01", "reden": "gehuisvest",
    },
    "nl.statushouders.huisvestingsdossier-geopend": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "personen": [PERSOON],
        "koppeldatum": "2024-03-10", "termijn_verloopt_op": "2024-05-19",
    },
    "nl.statushouders.taakstelling-geregistreerd": {"periode": "2024-H1", "aantal": 187},
    "nl.statushouders.woning-aangeboden": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "woning_id": "talis-4711", "wijk": "Dukenburg",
        "soort": "regulier", "max_bewoners": 4, "huishoudgrootte": 2, "datum": "2024-04-02",
        "verhuistermijn_verloopt_op": "2024-04-16",
    },
    "nl.statushouders.aanbod-geaccepteerd": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "woning_id": "talis-4711", "datum": "2024-04-05",
    },
    "nl.statushouders.aanbod-geweigerd": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "woning_id": "talis-4711", "datum": "2024-04-05",
        "reden": "te ver van school",
    },
    "nl.statushouders.verhuisd": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "personen": [PERSOON], "woning_id": "talis-4711",
        "woningsoort": "regulier", "datum": "2024-04-12", "verhuistermijn_gehaald": True,
        "eerste_huisvesting": True,
    },
    "nl.statushouders.aanbod-ingetrokken": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "woning_id": "talis-4711", "datum": "2024-04-20",
        "reden": "niet gereageerd binnen de verhuistermijn",
    },
    "nl.statushouders.huisvestingsdossier-geblokkeerd": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "ontbreekt": ["bsn", "iban"], "datum": "2024-03-10",
    },
    "nl.statushouders.huisvestingsdossier-gedeblokkeerd": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "datum": "2024-03-20", "geblokkeerd_sinds": "2024-03-10",
    },
    "nl.statushouders.nareiziger-toegevoegd": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "nareiziger_id": PERSOON, "huishoudgrootte": 3,
        "datum": "2024-06-01", "vervolgbehoefte": False,
    },
    "nl.statushouders.huisvestingstermijn-verstreken": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "verlopen_op": "2024-05-19",
    },
    "nl.statushouders.verhuistermijn-verstreken": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "woning_id": "talis-4711",
        "verlopen_op": "2024-04-16",
    },
    "nl.inburgeraars.inburgeringstraject-gestart": {
        "traject_id": TRAJECT, "persoon_id": PERSOON, "koppeldatum": "2024-03-10",
        "intaketermijn_verloopt_op": "2024-05-19",
    },
    "nl.inburgeraars.brede-intake-afgerond": {
        "traject_id": TRAJECT, "persoon_id": PERSOON, "datum": "2024-04-20", "leerroute": "B1",
        "binnen_termijn": True,
    },
    "nl.inburgeraars.intaketermijn-verstreken": {
        "traject_id": TRAJECT, "persoon_id": PERSOON, "verlopen_op": "2024-05-19",
    },
    "nl.mzd.zaak-geopend": {
        "zaak_id": ZAAK, "persoon_id": PERSOON, "besluitdatum": "2024-03-01",
        "vertrektermijn_verloopt_op": "2024-03-29",
    },
    "nl.mzd.toegelaten-tot-bbb": {"zaak_id": ZAAK, "persoon_id": PERSOON, "datum": "2024-03-30"},
    "nl.mzd.vertrektermijn-verstreken": {
        "zaak_id": ZAAK, "persoon_id": PERSOON, "verlopen_op": "2024-03-29",
    },
}

IND = REGISTRY["nl.vreemdelingen.verblijfsvergunning-verleend"]
TIJD = dt.datetime(2024, 3, 2, 9, 30, tzinfo=dt.timezone.utc)


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


def _soort_ids(soort: Eventsoort) -> str:
    return soort.type


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


# --- the envelope reader ------------------------------------------------------------------------


def _event(soort: Eventsoort = IND, **data: Any):
    gegevens = soort.schema.model_validate_json(json.dumps({**VOORBEELDEN[soort.type], **data}))
    return maak(
        soort, service="opvang", id=uuid.uuid4(), subject=PERSOON, data=gegevens, time=TIJD, sequence=7
    )


def _partner_envelop(**anders: Any) -> dict[str, Any]:
    """A structured event as a chain partner (here the IND) sends it."""
    return {
        "specversion": "1.0",
        "id": "ind-000123",
        "source": "urn:nld:oin:00000001003214345000:ind",
        "type": IND.type,
        "time": "2024-03-02T09:30:00Z",
        "datacontenttype": "application/json",
        "data": dict(VOORBEELDEN[IND.type]),
        **anders,
    }


STRUCTURED = {"content-type": STRUCTURED_CONTENT_TYPE.encode()}


def afgewezen(value: bytes | None, headers: Any) -> str:
    """The reason `lees` gives for rejecting a record, after checking it holds no input value."""
    with pytest.raises(Afgewezen) as fout:
        lees(value, headers)
    reden = fout.value.reden
    for invoer in (VNUMMER, PARTNERVNUMMER, "1234567890", "azc-heumensoord", "ind-000123"):
        assert invoer not in reden
        assert invoer not in str(fout.value)
    return reden


def test_lees_accepts_binary_mode():
    record = naar_binary(_event())
    bericht = lees(record.value, record.headers)
    assert bericht.type == IND.type
    assert bericht.source == bron("opvang")
    assert bericht.subject == PERSOON
    assert bericht.time == "2024-03-02T09:30:00Z"
    assert bericht.data.model_dump(mode="json", exclude_unset=True) == VOORBEELDEN[IND.type]


def test_lees_accepts_binary_mode_with_headers_as_kafka_gives_them():
    record = naar_binary(_event())
    bericht = lees(record.value, list(record.headers.items()))
    assert bericht.data.model_dump(mode="json", exclude_unset=True) == VOORBEELDEN[IND.type]


def test_lees_accepts_structured_mode_from_a_partner():
    bericht = lees(json.dumps(_partner_envelop()).encode(), STRUCTURED)
    assert bericht.id == "ind-000123"
    assert bericht.source == "urn:nld:oin:00000001003214345000:ind"
    assert bericht.soort is IND
    assert bericht.data.vnummer == VNUMMER


def test_lees_accepts_structured_mode_without_content_type_header():
    bericht = lees(json.dumps(_partner_envelop()).encode(), None)
    assert bericht.data.besluitdatum == dt.date(2024, 3, 1)


def test_same_source_and_id_give_the_same_dedupe_key():
    eerst = lees(json.dumps(_partner_envelop()).encode(), STRUCTURED)
    opnieuw = lees(json.dumps(_partner_envelop(time="2024-03-03T10:00:00Z")).encode(), STRUCTURED)
    ander = lees(json.dumps(_partner_envelop(id="ind-000124")).encode(), STRUCTURED)
    assert eerst.dedupe_key == opnieuw.dedupe_key != ander.dedupe_key


def test_lees_rejects_a_value_that_is_not_json():
    assert afgewezen(b'{"vnummer": "1234567890"', STRUCTURED) == "geen-json"


def test_lees_rejects_a_binary_value_that_is_not_json():
    headers = naar_binary(_event()).headers
    assert afgewezen(b"vnummer=1234567890", headers) == "geen-json"


def test_lees_rejects_json_that_is_not_a_cloudevent():
    assert afgewezen(json.dumps(VOORBEELDEN[IND.type]).encode(), STRUCTURED) == "geen-cloudevent"
    assert afgewezen(b'["1234567890"]', None) == "geen-cloudevent"


def test_lees_rejects_an_empty_record():
    assert afgewezen(None, STRUCTURED) == "leeg-bericht"


def test_lees_rejects_an_unknown_type():
    envelop = _partner_envelop(type="nl.vreemdelingen.iets-anders-gebeurd")
    assert afgewezen(json.dumps(envelop).encode(), STRUCTURED) == "onbekend-type"
    headers = {**naar_binary(_event()).headers, "ce_type": b"nl.vreemdelingen.iets-anders-gebeurd"}
    assert afgewezen(naar_binary(_event()).value, headers) == "onbekend-type"


def test_lees_rejects_another_specversion():
    envelop = _partner_envelop(specversion="0.3")
    assert afgewezen(json.dumps(envelop).encode(), STRUCTURED) == "ongeldige-envelop:specversion"


def test_lees_rejects_a_missing_envelope_attribute():
    envelop = _partner_envelop()
    del envelop["source"]
    assert afgewezen(json.dumps(envelop).encode(), STRUCTURED) == "ongeldige-envelop"
    record = naar_binary(_event())
    headers = {k: v for k, v in record.headers.items() if k != "ce_type"}
    assert afgewezen(record.value, headers) == "ongeldige-envelop"


def test_lees_rejects_an_id_that_is_not_a_string():
    envelop = _partner_envelop(id=123)
    assert afgewezen(json.dumps(envelop).encode(), STRUCTURED) == "ongeldige-envelop:id"


def test_lees_rejects_a_missing_id():
    envelop = _partner_envelop()
    del envelop["id"]
    assert afgewezen(json.dumps(envelop).encode(), STRUCTURED).startswith("ongeldige-envelop")


def test_lees_rejects_a_missing_data_field():
    envelop = _partner_envelop()
    del envelop["data"]["soort"]
    assert afgewezen(json.dumps(envelop).encode(), STRUCTURED) == "ongeldige-data:veld-ontbreekt:soort"


def test_lees_rejects_missing_data():
    envelop = _partner_envelop()
    del envelop["data"]
    assert afgewezen(json.dumps(envelop).encode(), STRUCTURED) == "ongeldige-data:model_type:data"


def test_lees_rejects_a_wrong_type_in_data():
    envelop = _partner_envelop(data={**VOORBEELDEN[IND.type], "vnummer": 1234567890})
    assert afgewezen(json.dumps(envelop).encode(), STRUCTURED) == "ongeldige-data:string_type:vnummer"


def test_lees_rejects_a_vnummer_of_the_wrong_shape_without_repeating_it():
    envelop = _partner_envelop(data={**VOORBEELDEN[IND.type], "vnummer": "12345678901234567890"})
    reden = afgewezen(json.dumps(envelop).encode(), STRUCTURED)
    assert reden == "ongeldige-data:string_pattern_mismatch:vnummer"


def test_lees_rejects_an_extra_field_in_data():
    envelop = _partner_envelop(data={**VOORBEELDEN[IND.type], "bsn": "123456782"})
    reden = afgewezen(json.dumps(envelop).encode(), STRUCTURED)
    # The field name is the sender's and could itself be personal data: it is not repeated.
    assert reden == "ongeldige-data:extra_forbidden"
    assert "123456782" not in reden


def test_lees_rejects_a_binary_record_with_wrong_data():
    record = naar_binary(_event())
    value = json.dumps({**VOORBEELDEN[IND.type], "besluitdatum": "1 maart 2024"}).encode()
    assert afgewezen(value, record.headers) == "ongeldige-data:date_parsing:besluitdatum"


def test_lees_rejects_a_record_over_64_kb():
    envelop = _partner_envelop(opvulling="x" * MAX_EVENT_BYTES)
    value = json.dumps(envelop).encode()
    assert len(value) > MAX_EVENT_BYTES
    assert afgewezen(value, STRUCTURED).startswith("te-groot:")


def test_lees_accepts_a_record_just_under_64_kb():
    envelop = _partner_envelop(opvulling="")
    ruimte = MAX_EVENT_BYTES - len(json.dumps(envelop).encode())
    value = json.dumps(_partner_envelop(opvulling="x" * ruimte)).encode()
    assert len(value) == MAX_EVENT_BYTES
    assert lees(value, STRUCTURED).data.vnummer == VNUMMER


# --- round trip -------------------------------------------------------------------------------------


@pytest.mark.parametrize("soort", SOORTEN, ids=_soort_ids)
def test_round_trip_maak_binary_lees_keeps_the_data(soort: Eventsoort):
    event = _event(soort)
    record = naar_binary(event)
    bericht = lees(record.value, record.headers)
    assert bericht.soort is soort
    assert bericht.id == event["id"]
    assert bericht.data == soort.schema.model_validate_json(json.dumps(VOORBEELDEN[soort.type]))
    assert record.headers["ce_dataschema"] == soort.dataschema.encode()
    assert record.headers["ce_sequence"] == b"7"


def test_round_trip_through_structured_mode_keeps_the_data():
    event = _event()
    record = naar_structured(event)
    assert record.headers["content-type"] == STRUCTURED_CONTENT_TYPE.encode()
    bericht = lees(record.value, record.headers)
    assert (bericht.id, bericht.subject) == (event["id"], PERSOON)
    assert bericht.data.model_dump(mode="json", exclude_unset=True) == VOORBEELDEN[IND.type]


def test_binary_record_is_keyed_by_subject_and_carries_no_vnummer_outside_data():
    record = naar_binary(_event())
    assert record.key == PERSOON.encode()
    assert all(VNUMMER.encode() not in v for v in record.headers.values())
    assert VNUMMER.encode() in record.value


# --- generated documentation --------------------------------------------------------------------


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


def test_lees_rejects_a_binary_record_without_ce_id():
    headers = {k: v for k, v in naar_binary(_event()).headers.items() if k != "ce_id"}
    assert afgewezen(naar_binary(_event()).value, headers) == "ongeldige-envelop:id"
