"""Commands on an offer that is not open are refused: each command checks the offer it names."""

from __future__ import annotations

import pytest
from huisvesting_domain_hulp import D, aangeboden, dossier, namen

from services.huisvesting.domain.huisvestingsdossier import AANGEBODEN, GeenOpenAanbodFout, NogNietGeaccepteerdFout


# -- offers that are not open: each command checks the offer it names ---------------------------


def test_accepting_without_an_offer_is_refused():
    d = dossier()
    with pytest.raises(GeenOpenAanbodFout):
        d.accepteer(woning_id="W1", datum=D(2024, 2, 1))
    assert namen(d) == ["Geopend"]


def test_accepting_another_home_than_the_one_offered_is_refused():
    d = aangeboden(woning_id="W1")
    with pytest.raises(GeenOpenAanbodFout):
        d.accepteer(woning_id="W2", datum=D(2024, 2, 2))
    assert d.status == AANGEBODEN


def test_accepting_the_same_offer_twice_is_refused():
    d = aangeboden()
    d.accepteer(woning_id="W1", datum=D(2024, 2, 2))
    with pytest.raises(GeenOpenAanbodFout):
        d.accepteer(woning_id="W1", datum=D(2024, 2, 3))
    assert namen(d).count("AanbodGeaccepteerd") == 1


def test_refusing_without_an_offer_is_refused():
    d = dossier()
    with pytest.raises(GeenOpenAanbodFout):
        d.weiger(woning_id="W1", datum=D(2024, 2, 1), reden="x")


def test_a_second_offer_while_one_is_open_is_refused():
    d = aangeboden(woning_id="W1")
    with pytest.raises(GeenOpenAanbodFout):
        d.bied_aan(woning_id="W2", wijk="Hatert", soort="flex", datum=D(2024, 2, 2))
    assert d.woning_id == "W1"


def test_moving_in_before_accepting_is_refused():
    d = aangeboden()
    with pytest.raises(NogNietGeaccepteerdFout) as fout:
        d.verhuis(woning_id="W1", datum=D(2024, 2, 5))
    assert fout.value.reden == "domeinregel:NogNietGeaccepteerdFout"
    assert d.status == AANGEBODEN


def test_moving_into_another_home_than_the_accepted_one_is_refused():
    d = aangeboden(woning_id="W1")
    d.accepteer(woning_id="W1", datum=D(2024, 2, 2))
    with pytest.raises(GeenOpenAanbodFout):
        d.verhuis(woning_id="W2", datum=D(2024, 2, 5))


def test_a_household_that_moved_in_gets_no_further_offers_or_moves():
    d = aangeboden()
    d.accepteer(woning_id="W1", datum=D(2024, 2, 2))
    d.verhuis(woning_id="W1", datum=D(2024, 2, 5))

    with pytest.raises(GeenOpenAanbodFout):
        d.bied_aan(woning_id="W2", wijk="Hatert", soort="flex", datum=D(2024, 3, 1))
    with pytest.raises(GeenOpenAanbodFout):
        d.verhuis(woning_id="W1", datum=D(2024, 2, 6))
    with pytest.raises(GeenOpenAanbodFout):
        d.weiger(woning_id="W1", datum=D(2024, 2, 6), reden="x")
