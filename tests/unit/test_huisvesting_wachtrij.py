"""The wachtrij's matching rule: which waiting household is offered which available home."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from huisvesting_domain_hulp import D, namen

from services.huisvesting.domain.wachtrij import Wachtrij, WoningAlGemeldFout


# -- the wachtrij: who is offered which home ---------------------------------------------------


def wachtrij_met(*wachtenden: tuple[int, dt.date, int]) -> Wachtrij:
    """A wachtrij with households (dossier number, koppeldatum, size)."""
    w = Wachtrij("0268")
    for nummer, koppeldatum, grootte in wachtenden:
        w.schrijf_in(dossier_id=uuid.UUID(int=nummer), koppeldatum=koppeldatum, grootte=grootte)
    return w


def meld(w: Wachtrij, woning_id: str, max_bewoners: int, per: dt.date = D(2024, 3, 1)) -> None:
    w.meld_woning(woning_id=woning_id, wijk="Dukenburg", soort="regulier", max_bewoners=max_bewoners, beschikbaar_per=per)


def test_a_home_goes_to_the_longest_waiting_household_that_fits_it():
    w = wachtrij_met((1, D(2024, 1, 1), 5), (2, D(2024, 1, 20), 1), (3, D(2024, 1, 10), 2))
    meld(w, "W1", max_bewoners=2)

    assert w.kandidaat("W1") == uuid.UUID(int=3)  # dossier 1 waited longer but does not fit


def test_a_household_with_an_open_offer_is_passed_over():
    w = wachtrij_met((1, D(2024, 1, 1), 1), (2, D(2024, 1, 5), 1))
    meld(w, "W1", max_bewoners=1)
    meld(w, "W2", max_bewoners=1)
    w.wijs_toe(woning_id="W1", dossier_id=uuid.UUID(int=1))

    assert w.kandidaat("W2") == uuid.UUID(int=2)
    assert w.beschikbare_woningen() == ["W2"]


def test_a_refused_home_never_goes_back_to_the_household_that_refused_it():
    w = wachtrij_met((1, D(2024, 1, 1), 1), (2, D(2024, 1, 5), 1))
    meld(w, "W1", max_bewoners=1)
    w.wijs_toe(woning_id="W1", dossier_id=uuid.UUID(int=1))
    w.geef_vrij(woning_id="W1", dossier_id=uuid.UUID(int=1))

    assert w.kandidaat("W1") == uuid.UUID(int=2)
    w.wijs_toe(woning_id="W1", dossier_id=uuid.UUID(int=2))
    w.geef_vrij(woning_id="W1", dossier_id=uuid.UUID(int=2))
    assert w.kandidaat("W1") is None
    assert w.beschikbare_woningen() == ["W1"]


def test_a_household_that_refused_a_home_waits_again_for_other_homes():
    w = wachtrij_met((1, D(2024, 1, 1), 1), (2, D(2024, 1, 5), 1))
    meld(w, "W1", max_bewoners=1)
    w.wijs_toe(woning_id="W1", dossier_id=uuid.UUID(int=1))
    w.geef_vrij(woning_id="W1", dossier_id=uuid.UUID(int=1))
    meld(w, "W2", max_bewoners=1)

    assert w.wachtenden[str(uuid.UUID(int=1))]["aanbod"] is None
    assert w.kandidaat("W2") == uuid.UUID(int=1)


def test_households_linked_on_the_same_day_are_ordered_by_dossier_id():
    w = wachtrij_met((9, D(2024, 1, 1), 1), (4, D(2024, 1, 1), 1), (7, D(2024, 1, 1), 1))
    meld(w, "W1", max_bewoners=1)

    assert w.kandidaat("W1") == uuid.UUID(int=4)


def test_a_home_nobody_fits_has_no_candidate_and_stays_available():
    w = wachtrij_met((1, D(2024, 1, 1), 4))
    meld(w, "W1", max_bewoners=3)

    assert w.kandidaat("W1") is None
    assert w.beschikbare_woningen() == ["W1"]


def test_available_homes_are_matched_earliest_available_first_then_by_id():
    w = Wachtrij("0268")
    meld(w, "W-b", max_bewoners=1, per=D(2024, 3, 1))
    meld(w, "W-c", max_bewoners=1, per=D(2024, 2, 1))
    meld(w, "W-a", max_bewoners=1, per=D(2024, 3, 1))

    assert w.beschikbare_woningen() == ["W-c", "W-a", "W-b"]


def test_a_home_reported_twice_while_available_or_on_offer_is_refused():
    w = wachtrij_met((1, D(2024, 1, 1), 1))
    meld(w, "W1", max_bewoners=2)
    with pytest.raises(WoningAlGemeldFout):
        meld(w, "W1", max_bewoners=2)

    w.wijs_toe(woning_id="W1", dossier_id=uuid.UUID(int=1))
    with pytest.raises(WoningAlGemeldFout) as fout:
        meld(w, "W1", max_bewoners=2)
    assert fout.value.reden == "domeinregel:WoningAlGemeldFout"


def test_a_let_home_leaves_the_queue_with_its_household():
    w = wachtrij_met((1, D(2024, 1, 1), 1), (2, D(2024, 1, 2), 1))
    meld(w, "W1", max_bewoners=1)
    w.wijs_toe(woning_id="W1", dossier_id=uuid.UUID(int=1))
    w.verhuur(woning_id="W1", dossier_id=uuid.UUID(int=1))

    assert "W1" not in w.woningen
    assert list(w.wachtenden) == [str(uuid.UUID(int=2))]
    assert namen(w)[-1] == "WoningVerhuurd"


def test_a_deregistered_household_is_no_longer_a_candidate():
    w = wachtrij_met((1, D(2024, 1, 1), 1), (2, D(2024, 1, 2), 1))
    w.schrijf_uit(dossier_id=uuid.UUID(int=1))
    meld(w, "W1", max_bewoners=1)

    assert w.kandidaat("W1") == uuid.UUID(int=2)
