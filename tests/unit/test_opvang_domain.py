"""Opvang's Bewoner on its own: placement, moves counted, becoming statushouder, uitstroom."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from services.opvang.domain.bewoner import AlInOpvangFout, Bewoner, NietInOpvangFout, ZelfdeLocatieFout

D = dt.date
PERSOON = uuid.UUID(int=0x0268)


def namen(aggregate) -> list[str]:
    return [type(e).__name__ for e in aggregate.pending_events]


def laatste(aggregate, naam: str):
    return [e for e in aggregate.pending_events if type(e).__name__ == naam][-1]


def geplaatst(locatie_id: str = "azc-dommer", op: dt.date = D(2024, 1, 10)) -> Bewoner:
    b = Bewoner(persoon_id=PERSOON)
    b.plaats(locatie_id, op)
    return b


def test_a_registered_person_is_not_yet_in_opvang_has_no_moves_and_is_no_statushouder():
    b = Bewoner(persoon_id=PERSOON)

    assert namen(b) == ["Geregistreerd"]
    assert b.id == Bewoner.create_id(PERSOON)
    assert not b.in_opvang
    assert b.verplaatsingen == 0
    assert b.statushouder is False


def test_a_person_placed_in_a_location_stays_there():
    b = geplaatst("azc-dommer", D(2024, 1, 10))

    assert namen(b) == ["Geregistreerd", "Geplaatst"]
    assert b.in_opvang
    assert b.locatie_id == "azc-dommer"
    assert laatste(b, "Geplaatst").datum == D(2024, 1, 10)


def test_placing_a_person_who_already_stays_in_a_location_is_refused():
    b = geplaatst("azc-dommer")

    with pytest.raises(AlInOpvangFout) as fout:
        b.plaats("tgo-stieltjesstraat", D(2024, 2, 1))

    assert fout.value.reden == "domeinregel:AlInOpvangFout"
    assert b.locatie_id == "azc-dommer"
    assert namen(b) == ["Geregistreerd", "Geplaatst"]


def test_every_move_between_locations_is_counted():
    b = geplaatst("azc-dommer")
    b.verplaats("azc-dommer", "tgo-stieltjesstraat", D(2024, 2, 1))
    b.verplaats("tgo-stieltjesstraat", "azc-dommer", D(2024, 3, 1))

    assert b.verplaatsingen == 2
    assert b.locatie_id == "azc-dommer"
    assert [e.verplaatsingen for e in b.pending_events if type(e).__name__ == "Verplaatst"] == [1, 2]


def test_moving_a_person_who_is_not_in_opvang_is_refused():
    b = Bewoner(persoon_id=PERSOON)

    with pytest.raises(NietInOpvangFout):
        b.verplaats("azc-dommer", "tgo-stieltjesstraat", D(2024, 2, 1))

    assert b.verplaatsingen == 0
    assert namen(b) == ["Geregistreerd"]


def test_a_move_to_the_same_location_is_refused_and_not_counted():
    b = geplaatst("azc-dommer")

    with pytest.raises(ZelfdeLocatieFout):
        b.verplaats("azc-dommer", "azc-dommer", D(2024, 2, 1))

    assert b.verplaatsingen == 0


def test_a_permit_makes_the_person_statushouder_once():
    b = geplaatst()
    b.verleen_status(D(2024, 4, 1), "asiel")
    b.verleen_status(D(2024, 5, 1), "nareis")

    assert b.statushouder is True
    assert namen(b).count("StatushouderGeworden") == 1
    assert laatste(b, "StatushouderGeworden").besluitdatum == D(2024, 4, 1)
    assert b.in_opvang  # a statushouder stays in the opvang until housed


def test_a_person_not_in_opvang_can_still_become_statushouder():
    b = Bewoner(persoon_id=PERSOON)
    b.verleen_status(D(2024, 4, 1), "asiel")

    assert b.statushouder is True
    assert not b.in_opvang


def test_uitstroom_records_the_location_left_and_ends_the_stay():
    b = geplaatst("azc-dommer")
    b.stroom_uit(D(2024, 9, 1), "gehuisvest")

    uit = laatste(b, "Uitgestroomd")
    assert uit.locatie_id == "azc-dommer"
    assert uit.reden == "gehuisvest"
    assert not b.in_opvang


def test_uitstroom_of_a_person_not_in_opvang_records_nothing():
    b = geplaatst()
    b.stroom_uit(D(2024, 9, 1), "gehuisvest")
    b.stroom_uit(D(2024, 9, 2), "gehuisvest")

    assert namen(b).count("Uitgestroomd") == 1
    assert namen(Bewoner(persoon_id=PERSOON)) == ["Geregistreerd"]


def test_after_uitstroom_a_person_can_be_placed_again_and_earlier_moves_still_count():
    b = geplaatst("azc-dommer")
    b.verplaats("azc-dommer", "tgo-stieltjesstraat", D(2024, 2, 1))
    b.stroom_uit(D(2024, 3, 1), "vertrokken")
    b.plaats("azc-dommer", D(2024, 6, 1))

    assert b.locatie_id == "azc-dommer"
    assert b.verplaatsingen == 1
