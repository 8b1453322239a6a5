"""Round trips: an event made here, sent binary or structured, reads back with its data and no vnummer outside it."""

from __future__ import annotations

import json

import pytest
from events_hulp import IND, PERSOON, VNUMMER, VOORBEELDEN, _event, _soort_ids

from events.envelope import STRUCTURED_CONTENT_TYPE, lees, naar_binary, naar_structured, volgnummer
from events.registry import SOORTEN, Eventsoort


@pytest.mark.parametrize("soort", SOORTEN, ids=_soort_ids)
def test_round_trip_maak_binary_lees_keeps_the_data(soort: Eventsoort):
    event = _event(soort)
    record = naar_binary(event)
    bericht = lees(record.value, record.headers)
    assert bericht.soort is soort
    assert bericht.id == event["id"]
    assert bericht.data == soort.schema.model_validate_json(json.dumps(VOORBEELDEN[soort.type]))
    assert record.headers["ce_dataschema"] == soort.dataschema.encode()
    assert record.headers["ce_sequence"] == b"00000000000000000007"   # zero-padded: sorts as it was published
    assert "ce_sequencetype" not in record.headers                     # dropped by the extension


def test_sequences_sort_as_strings_in_publication_order():
    posities = [0, 7, 9, 10, 99, 100, 2**63 - 1]
    assert sorted(volgnummer(p) for p in reversed(posities)) == [volgnummer(p) for p in posities]
    with pytest.raises(ValueError):
        volgnummer(-1)


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
