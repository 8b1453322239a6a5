"""Record keys: every type names the aggregate it concerns, so that aggregate's events share one partition, in order."""

from __future__ import annotations

import json

import pytest
from events_hulp import PERSOON, VNUMMER, VOORBEELDEN, _event, _soort_ids

from events import registry
from events.envelope import naar_binary
from events.registry import REGISTRY, SOORTEN, Eventsoort
from events.sleutels import PSEUDONIEM_VELDEN, Sleutel, SleutelFout
from services.domain.identity import persoon_id, persoon_id_van_bsn
from services.runtime.dlq import terug_sleutel
from services.runtime.publisher import sleutel
from services.runtime.settings import Settings

SETTINGS = Settings()
GEHEIM = SETTINGS.pseudonym_secret.get_secret_value()
BSN = "111222333"


def partner(type_: str, **data: object) -> dict[str, object]:
    """A structured CloudEvent of a chain partner, its data the registry's example with `data` on top."""
    return {"specversion": "1.0", "id": "p-1", "source": "urn:nld:oin:coa", "type": type_,
            "data": {**VOORBEELDEN[type_], **data}}


def sleutel_van_voorbeeld(soort: Eventsoort) -> bytes | None:
    """The key the record of the example gets: `welkom publish`'s for a partner's type, the relay's for ours."""
    if soort.richting == "inkomend":
        return sleutel(partner(soort.type), SETTINGS)
    return naar_binary(_event(soort)).key


@pytest.mark.parametrize("soort", SOORTEN, ids=_soort_ids)
def test_every_type_names_fields_of_its_own_schema_as_its_key(soort: Eventsoort):
    assert isinstance(soort.sleutel, Sleutel)
    assert set(soort.sleutel.velden) <= set(soort.schema.model_fields), "a key field the schema does not have"


@pytest.mark.parametrize("soort", SOORTEN, ids=_soort_ids)
def test_every_valid_record_gets_a_key_and_no_vnummer_or_bsn_is_in_it(soort: Eventsoort):
    key = sleutel_van_voorbeeld(soort)
    assert key, f"{soort.type} would be spread over the partitions at random: give it a key in events/registry.py"
    assert VNUMMER.encode() not in key and BSN.encode() not in key


@pytest.mark.parametrize("soort", [s for s in SOORTEN if s.sleutel.aggregaat == "persoon"], ids=_soort_ids)
def test_a_persons_records_are_keyed_by_their_persoon_id_the_subject_of_our_events(soort: Eventsoort):
    verwacht = str(persoon_id(VNUMMER, GEHEIM)) if soort.richting == "inkomend" else PERSOON
    assert sleutel_van_voorbeeld(soort) == verwacht.encode()


def test_one_persons_events_of_every_partner_share_one_key_so_kafka_keeps_their_order():
    types = [s.type for s in SOORTEN if s.richting == "inkomend" and s.sleutel.aggregaat == "persoon"]
    sleutels = {sleutel(partner(t, vnummer=VNUMMER), SETTINGS) for t in types}
    assert sleutels == {str(persoon_id(VNUMMER, GEHEIM)).encode()}


def test_a_duo_signal_with_only_a_bsn_is_keyed_by_the_pseudonym_of_the_bsn():
    data = {k: v for k, v in VOORBEELDEN["nl.inburgering.duo-signaal-ontvangen"].items() if k != "vnummer"}
    envelope = {**partner("nl.inburgering.duo-signaal-ontvangen"), "data": {**data, "bsn": BSN}}
    assert sleutel(envelope, SETTINGS) == str(persoon_id_van_bsn(BSN, GEHEIM)).encode()


@pytest.mark.parametrize("types, velden, verwacht", [
    (("nl.opvang.locatie-geopend", "nl.opvang.locatie-capaciteit-gewijzigd", "nl.opvang.locatie-gesloten"),
     {"locatie_id": "azc-1"}, b"locatie:azc-1"),
    (("nl.statushouders.taakstelling-vastgesteld",), {"gemeentecode": "0268", "periode": "2024-H1"},
     b"taakstelling:0268:2024-H1"),
    (("nl.opvang.spreidingstaakstelling-vastgesteld",), {"gemeentecode": "0268", "cyclus": "2024-2026"},
     b"spreidingstaakstelling:0268:2024-2026"),
    (("nl.woningen.woning-beschikbaar-gesteld",), {"woning_id": "w-7"}, b"woning:w-7"),
    (("nl.opvang.tijdelijke-bescherming-verlengd",), {}, b"tijdelijke-bescherming"),
])
def test_events_without_a_person_are_keyed_by_their_aggregate(types, velden, verwacht):
    assert {sleutel(partner(t, **velden), SETTINGS) for t in types} == {verwacht}


def test_our_events_without_a_person_are_keyed_by_their_aggregate_too():
    locatie = {naar_binary(_event(REGISTRY[t], locatie_id="azc-1")).key for t in (
        "nl.opvang.locatie-geregistreerd", "nl.opvang.locatie-capaciteit-geregistreerd",
        "nl.opvang.locatie-sluiting-geregistreerd")}
    assert locatie == {b"locatie:azc-1"}
    rtb = {naar_binary(_event(REGISTRY[t])).key for t in (
        "nl.opvang.tijdelijke-bescherming-beeindigd", "nl.opvang.tijdelijke-bescherming-verschoven")}
    assert rtb == {b"tijdelijke-bescherming"}


def test_a_record_sent_back_from_the_dlq_gets_the_key_it_would_have_had():
    structured = json.dumps(partner("nl.opvang.locatie-gesloten", locatie_id="azc-1")).encode()
    assert terug_sleutel(structured, [], SETTINGS) == b"locatie:azc-1"
    binary = [("ce_specversion", b"1.0"), ("ce_type", b"nl.opvang.asielzoeker-verplaatst"), ("ce_subject", b"x")]
    data = json.dumps(VOORBEELDEN["nl.opvang.asielzoeker-verplaatst"]).encode()
    assert terug_sleutel(data, binary, SETTINGS) == str(persoon_id(VNUMMER, GEHEIM)).encode()


def test_an_invalid_or_unknown_record_gets_no_key_and_never_its_vnummer():
    assert sleutel(partner("nl.opvang.locatie-gesloten", locatie_id=None), SETTINGS) is None
    onbekend = {"type": "nl.iets.anders", "subject": VNUMMER, "data": {"vnummer": VNUMMER}}
    assert sleutel(onbekend, SETTINGS) is None


def test_a_key_rule_cannot_put_a_person_in_clear_nor_be_made_without_its_fields():
    with pytest.raises(ValueError):
        Sleutel("persoon")
    with pytest.raises(ValueError):
        Sleutel("huishouden", ("vnummer",))
    with pytest.raises(SleutelFout):
        Sleutel("persoon", ("vnummer",)).van({"vnummer": VNUMMER})  # no pseudonymiser: no key, not a clear one
    assert set(PSEUDONIEM_VELDEN) == {"vnummer", "bsn"}


def test_a_new_type_cannot_be_registered_without_a_key_rule():
    with pytest.raises(TypeError):
        schema = REGISTRY["nl.opvang.locatie-gesloten"].schema
        registry._in("nl.iets.nieuws", "keten.coa", schema, "COA")  # type: ignore[call-arg]
