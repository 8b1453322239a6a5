"""DLQ records as an operator sees them (no value, no key) and as they go back (original headers, chosen ones only)."""

from __future__ import annotations

import json

import pytest

from services.domain.identity import persoon_id
from services.runtime.dlq import DlqFout, DlqRecord, dlq_topic, kies, terug_sleutel
from services.runtime.settings import Settings

VNUMMER = "5800000001"
WAARDE = json.dumps({"specversion": "1.0", "id": "ind-1", "source": "urn:nld:oin:ind",
                     "type": "nl.vreemdelingen.verblijfsvergunning-verleend",
                     "data": {"vnummer": VNUMMER, "besluitdatum": "2024-01-25", "soort": "nareis"}}).encode()


def record(topic: str, offset: int, reden: str, **extra: bytes) -> DlqRecord:
    koppen = {"content-type": b"application/cloudevents+json", "dlq_reason": reden.encode(),
              "dlq_service": b"huisvesting", "dlq_topic": topic.removesuffix(".dlq").encode(),
              "dlq_partition": b"2", "dlq_offset": b"41", **extra}
    return DlqRecord(topic, 0, offset, 1_714_557_600_000, WAARDE, tuple(koppen.items()))


RECORDS = [record("keten.coa.dlq", 0, "geen-json"), record("keten.ind.dlq", 0, "domeinregel:ReferentZonderDossierFout"),
           record("keten.ind.dlq", 1, "ongeldige-data:literal_error:soort"),
           record("keten.ind.dlq", 2, "domeinregel:ReferentZonderDossierFout", dlq_encrypted=b"aes-gcm")]


def test_the_overview_holds_topic_offset_time_service_reason_and_origin_but_no_value_or_key():
    overzicht = RECORDS[1].overzicht()
    assert overzicht == {"topic": "keten.ind.dlq", "partition": 0, "offset": 0, "tijd": "2024-05-01T10:00:00Z",
                         "service": "huisvesting", "reden": "domeinregel:ReferentZonderDossierFout",
                         "oorsprong": {"topic": "keten.ind", "partition": 2, "offset": 41}}
    assert VNUMMER not in json.dumps(overzicht) + repr(RECORDS[1])


def test_going_back_the_headers_are_the_original_ones_in_order_without_the_dlq_ones():
    assert RECORDS[3].terug_headers() == [("content-type", b"application/cloudevents+json")]
    assert RECORDS[3].oorsprong == "keten.ind"


def test_records_are_chosen_by_topic_and_offset_or_by_reason():
    assert kies(RECORDS, dlq_topics=["keten.ind.dlq"], offsets=[2, 0]) == [RECORDS[3], RECORDS[1]]
    assert kies(RECORDS, dlq_topics=["keten.coa", "keten.ind.dlq"], offsets=[0, 1]) == [RECORDS[0], RECORDS[2]]
    assert kies(RECORDS, reden="domeinregel:ReferentZonderDossierFout") == [RECORDS[1], RECORDS[3]]
    assert kies(RECORDS, reden="ongeldige-data") == [RECORDS[2]]            # the code before the first colon
    assert kies(RECORDS, reden="geen-json", dlq_topics=["keten.coa.dlq"]) == [RECORDS[0]]
    assert dlq_topic("keten.ind") == dlq_topic("keten.ind.dlq") == "keten.ind.dlq"


@pytest.mark.parametrize("keuze, fout", [
    ({"dlq_topics": ["keten.ind.dlq"], "offsets": [1, 7]}, "no such dead-lettered record: keten.ind.dlq@7"),
    ({"dlq_topics": ["keten.ind.dlq", "keten.coa.dlq"], "offsets": [0, 1, 2]}, "one --topic per --offset"),
    ({"dlq_topics": ["keten.ind.dlq"], "offsets": [0], "reden": "geen-json"}, "not both"),
    ({"reden": "domeinregel:AndereFout"}, "no dead-lettered record has reason"),
    ({"reden": "geen"}, "no dead-lettered record has reason"),                 # a code is a whole part
    ({}, "choose records"),
])
def test_a_choice_that_names_nothing_known_stops_before_anything_is_sent(keuze, fout):
    with pytest.raises(DlqFout, match=fout):
        kies(RECORDS, **keuze)


def test_the_key_going_back_is_the_pseudonymous_person_never_the_vnummer():
    settings = Settings()
    sleutel = terug_sleutel(WAARDE, [], settings)
    assert sleutel == str(persoon_id(VNUMMER, settings.pseudonym_secret.get_secret_value())).encode()
    binary = [("ce_specversion", b"1.0"), ("ce_subject", b"9d0c6f1e")]
    assert terug_sleutel(b'{"personen": []}', binary, settings) == b"9d0c6f1e"       # as the relay keys it
    assert terug_sleutel(b"{geen json", [], settings) is None
    assert terug_sleutel(None, [], settings) is None
