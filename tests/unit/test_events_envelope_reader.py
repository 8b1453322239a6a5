"""The envelope reader `lees`: binary and structured CloudEvents accepted, bad records refused without echoing input."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from events_hulp import IND, PARTNERVNUMMER, PERSOON, VNUMMER, VOORBEELDEN, _event

from events.envelope import MAX_EVENT_BYTES, STRUCTURED_CONTENT_TYPE, Afgewezen, bron, lees, naar_binary


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


def test_lees_rejects_a_binary_record_without_ce_id():
    headers = {k: v for k, v in naar_binary(_event()).headers.items() if k != "ce_id"}
    assert afgewezen(naar_binary(_event()).value, headers) == "ongeldige-envelop:id"


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


def test_lees_rejects_a_record_nested_twenty_thousand_levels_deep():
    """40 KB of brackets made json raise RecursionError, which three inboxes retried for ever."""
    diep = b"[" * 20_000 + b"]" * 20_000
    assert afgewezen(diep, STRUCTURED) == "te-diep"
    envelop = json.dumps(_partner_envelop(data={"vnummer": "__"})).encode().replace(b'"__"', diep)
    assert afgewezen(envelop, STRUCTURED) == "te-diep"
