"""A bewoner's journey on its own: a child moved twice, a definitive refusal that ends the right to opvang, a departure with its reason."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from services.opvang.domain.bewoner import (
    VERTREK,
    AndereLocatieFout,
    Bewoner,
    NietInOpvangFout,
    OnbekendeBijzondereBehoefteFout,
    OnbekendeVertrekredenFout,
)

D = dt.date
PERSOON = uuid.UUID(int=0x0268)
SAMIR_GEBOREN = D(2012, 8, 20)
"""Samir is 11 when COA places him, and turns 18 on 20 August 2030."""


def namen(b: Bewoner) -> list[str]:
    return [type(e).__name__ for e in b.pending_events]


def laatste(b: Bewoner, naam: str):
    return [e for e in b.pending_events if type(e).__name__ == naam][-1]


def samir(op: dt.date = D(2024, 1, 10)) -> Bewoner:
    b = Bewoner(persoon_id=PERSOON)
    b.plaats("azc-dommer", op, geboortedatum=SAMIR_GEBOREN)
    return b


def test_of_a_child_only_the_day_they_turn_18_is_kept_and_of_an_adult_nothing_of_their_birth():
    kind = samir()
    volwassene = Bewoner(persoon_id=PERSOON)
    volwassene.plaats("azc-dommer", D(2024, 1, 10), geboortedatum=D(1990, 3, 1), bijzondere_behoefte="medisch")

    assert laatste(kind, "Geplaatst").meerderjarig_op == D(2030, 8, 20)
    assert "geboortedatum" not in vars(laatste(kind, "Geplaatst"))
    assert laatste(volwassene, "Geplaatst").meerderjarig_op is None
    assert laatste(volwassene, "Geplaatst").bijzondere_behoefte == "medisch"
    assert kind.minderjarig_op(D(2030, 8, 19)) and not kind.minderjarig_op(D(2030, 8, 20))


def test_a_placement_with_a_bijzondere_behoefte_outside_the_closed_list_is_refused():
    b = Bewoner(persoon_id=PERSOON)

    with pytest.raises(OnbekendeBijzondereBehoefteFout):
        b.plaats("azc-dommer", D(2024, 1, 10), bijzondere_behoefte="heeft last van de buren")

    assert not b.in_opvang


def test_a_childs_second_move_within_the_window_is_recorded_as_a_repeated_move_with_that_window():
    b = samir()
    b.verplaats("azc-dommer", "tgo-stieltjesstraat", D(2024, 2, 1), kind_venster_dagen=90)
    assert "KindHerhaaldVerplaatst" not in namen(b), "a first move is no repeated move"

    b.verplaats("tgo-stieltjesstraat", "azc-dommer", D(2024, 4, 30), kind_venster_dagen=90)

    herhaald = laatste(b, "KindHerhaaldVerplaatst")
    assert (herhaald.datum, herhaald.vorige_datum, herhaald.dagen, herhaald.venster_dagen) == (
        D(2024, 4, 30), D(2024, 2, 1), 89, 90)
    assert b.verplaatsingen == 2


def test_a_move_outside_the_window_an_adults_move_and_a_move_after_turning_18_are_no_repeated_moves():
    ruim = samir()
    ruim.verplaats("azc-dommer", "tgo-stieltjesstraat", D(2024, 2, 1), kind_venster_dagen=30)
    ruim.verplaats("tgo-stieltjesstraat", "azc-dommer", D(2024, 3, 2), kind_venster_dagen=30)  # 30 days: within
    ruim.verplaats("azc-dommer", "tgo-stieltjesstraat", D(2024, 4, 2), kind_venster_dagen=30)  # 31 days: not
    volwassene = Bewoner(persoon_id=PERSOON)
    volwassene.plaats("azc-dommer", D(2024, 1, 10), geboortedatum=D(1990, 3, 1))
    volwassene.verplaats("azc-dommer", "tgo-stieltjesstraat", D(2024, 2, 1))
    volwassene.verplaats("tgo-stieltjesstraat", "azc-dommer", D(2024, 2, 8))
    bijna_18 = samir(D(2030, 7, 1))
    bijna_18.verplaats("azc-dommer", "tgo-stieltjesstraat", D(2030, 8, 1))
    bijna_18.verplaats("tgo-stieltjesstraat", "azc-dommer", D(2030, 8, 20))

    assert [e.datum for e in ruim.pending_events if type(e).__name__ == "KindHerhaaldVerplaatst"] == [D(2024, 3, 2)]
    assert "KindHerhaaldVerplaatst" not in namen(volwassene)
    assert "KindHerhaaldVerplaatst" not in namen(bijna_18)


def test_a_definitive_refusal_starts_28_days_after_which_the_right_ends_but_the_stay_goes_on():
    b = samir()
    b.wijs_definitief_af(D(2024, 5, 1))

    gestart = laatste(b, "DefinitiefAfgewezen")
    assert (gestart.locatie_id, gestart.vertrektermijn_verloopt_op) == ("azc-dommer", D(2024, 5, 29))
    assert b.open_termijnen() == {VERTREK: D(2024, 5, 29)}

    b.verstrijk_termijn(VERTREK, D(2024, 5, 29))

    beeindigd = laatste(b, "RechtOpOpvangBeeindigd")
    assert (beeindigd.verlopen_op, beeindigd.locatie_id) == (D(2024, 5, 29), "azc-dommer")
    assert b.open_termijnen() == {} and b.in_opvang

    b.vertrek("azc-dommer", D(2024, 6, 10), "einde-recht-op-opvang")

    uit = laatste(b, "Uitgestroomd")
    assert (uit.locatie_id, uit.datum, uit.reden) == ("azc-dommer", D(2024, 6, 10), "einde-recht-op-opvang")
    assert not b.in_opvang


def test_the_term_ends_with_the_stay_and_a_second_refusal_or_one_of_someone_not_in_opvang_records_nothing():
    b = samir()
    b.wijs_definitief_af(D(2024, 5, 1))
    b.wijs_definitief_af(D(2024, 5, 15))
    b.vertrek("azc-dommer", D(2024, 5, 10), "zelfstandig-vertrokken")
    b.verstrijk_termijn(VERTREK, D(2024, 5, 29))
    nooit_geplaatst = Bewoner(persoon_id=PERSOON)
    nooit_geplaatst.wijs_definitief_af(D(2024, 5, 1))

    assert namen(b).count("DefinitiefAfgewezen") == 1
    assert "RechtOpOpvangBeeindigd" not in namen(b)
    assert b.open_termijnen() == {}
    assert namen(nooit_geplaatst) == ["Geregistreerd"] and nooit_geplaatst.open_termijnen() == {}


def test_a_departure_names_the_location_the_person_stays_in_and_a_reason_from_coas_list():
    b = samir()

    with pytest.raises(AndereLocatieFout):
        b.vertrek("tgo-stieltjesstraat", D(2024, 6, 10), "zelfstandig-vertrokken")
    with pytest.raises(OnbekendeVertrekredenFout):
        b.vertrek("azc-dommer", D(2024, 6, 10), "met de noorderzon")

    assert b.in_opvang and "Uitgestroomd" not in namen(b)


def test_a_departure_after_the_move_into_a_home_keeps_the_reason_housed_and_a_move_needs_a_stay():
    b = samir()
    b.stroom_uit(D(2024, 6, 1), "gehuisvest")
    b.vertrek("azc-dommer", D(2024, 6, 2), "overgeplaatst-andere-gemeente")

    assert [e.reden for e in b.pending_events if type(e).__name__ == "Uitgestroomd"] == ["gehuisvest"]
    with pytest.raises(NietInOpvangFout):
        b.verplaats("azc-dommer", "tgo-stieltjesstraat", D(2024, 6, 3))


def test_after_leaving_a_new_stay_can_get_a_new_vertrektermijn():
    b = samir()
    b.wijs_definitief_af(D(2024, 5, 1))
    b.vertrek("azc-dommer", D(2024, 5, 10), "zelfstandig-vertrokken")
    b.plaats("azc-dommer", D(2024, 9, 1))
    b.wijs_definitief_af(D(2024, 10, 1))

    assert b.open_termijnen() == {VERTREK: D(2024, 10, 29)}


def test_a_child_born_on_29_february_turns_18_on_1_march_of_a_common_year():
    b = Bewoner(persoon_id=PERSOON)
    b.plaats("azc-dommer", D(2024, 1, 10), geboortedatum=D(2008, 2, 29))

    assert laatste(b, "Geplaatst").meerderjarig_op == D(2026, 3, 1)
