"""Huisvesting's aggregates on their own: a household's dossier, the wachtrij's matching rule, taakstellingen."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from services.huisvesting.domain.huisvestingsdossier import (
    AANGEBODEN,
    GEACCEPTEERD,
    VERHUISD,
    WACHTEND,
    GeenOpenAanbodFout,
    HoofdpersoonOntbreektFout,
    Huisvestingsdossier,
    NogNietGeaccepteerdFout,
)
from services.huisvesting.domain.taakstelling import Taakstelling
from services.huisvesting.domain.wachtrij import Wachtrij, WoningAlGemeldFout

D = dt.date
HOOFD = uuid.UUID(int=0xA)
PARTNER = uuid.UUID(int=0xB)
KIND = uuid.UUID(int=0xC)
KOPPELDATUM = D(2024, 1, 1)
TIEN_WEKEN_LATER = D(2024, 3, 11)  # last day of the Huisvestingswet term


def namen(aggregate) -> list[str]:
    """The names of the domain event classes an aggregate recorded, oldest first."""
    return [type(e).__name__ for e in aggregate.pending_events]


def laatste(aggregate, naam: str):
    return [e for e in aggregate.pending_events if type(e).__name__ == naam][-1]


def herbouwd(aggregate):
    """The aggregate as a replay of its recorded history would rebuild it."""
    opnieuw = None
    for e in aggregate.pending_events:
        opnieuw = e.mutate(opnieuw)
    return opnieuw


def dossier(koppeldatum: dt.date = KOPPELDATUM, personen=(HOOFD, PARTNER, KIND)) -> Huisvestingsdossier:
    return Huisvestingsdossier.open(persoon_id=HOOFD, personen=list(personen), koppeldatum=koppeldatum)


def aangeboden(op: dt.date = D(2024, 2, 1), woning_id: str = "W1") -> Huisvestingsdossier:
    d = dossier()
    d.bied_aan(woning_id=woning_id, wijk="Dukenburg", soort="regulier", datum=op)
    return d


# -- the dossier: koppeling, the 10-week term ----------------------------------------------------


def test_a_linked_household_gets_a_dossier_with_ten_weeks_to_be_offered_a_home():
    d = dossier()

    assert namen(d) == ["Geopend"]
    assert d.id == Huisvestingsdossier.create_id(HOOFD)
    assert d.status == WACHTEND
    assert d.huishoudgrootte == 3
    assert d.termijn_verloopt_op == KOPPELDATUM + dt.timedelta(weeks=10) == TIEN_WEKEN_LATER
    assert d.open_termijnen() == {"huisvesting": TIEN_WEKEN_LATER}


def test_a_koppeling_whose_household_lacks_the_main_person_opens_no_dossier():
    with pytest.raises(HoofdpersoonOntbreektFout) as fout:
        Huisvestingsdossier.open(persoon_id=HOOFD, personen=[PARTNER, KIND], koppeldatum=KOPPELDATUM)

    assert fout.value.reden == "domeinregel:HoofdpersoonOntbreektFout"


def test_a_household_offered_a_home_within_ten_weeks_meets_the_term():
    d = aangeboden(op=D(2024, 2, 1))

    assert namen(d) == ["Geopend", "WoningAangeboden"]
    assert d.status == AANGEBODEN
    assert d.eerste_aanbod_op == D(2024, 2, 1)
    assert d.termijn_verstreken is False
    assert "huisvesting" not in d.open_termijnen()


def test_an_offer_on_the_last_day_of_the_ten_weeks_still_meets_the_term():
    d = aangeboden(op=TIEN_WEKEN_LATER)

    assert namen(d) == ["Geopend", "WoningAangeboden"]
    assert d.termijn_verstreken is False


def test_an_offer_after_the_deadline_records_the_expired_term_first():
    d = aangeboden(op=D(2024, 3, 12))

    assert namen(d) == ["Geopend", "HuisvestingstermijnVerstreken", "WoningAangeboden"]
    assert laatste(d, "HuisvestingstermijnVerstreken").verlopen_op == TIEN_WEKEN_LATER
    assert d.termijn_verstreken is True
    assert d.status == AANGEBODEN


def test_the_clock_expiring_the_ten_weeks_closes_the_term_and_a_later_offer_does_not_expire_it_again():
    d = dossier()
    d.verstrijk_termijn("huisvesting", TIEN_WEKEN_LATER)

    assert d.open_termijnen() == {}

    d.bied_aan(woning_id="W1", wijk="Hatert", soort="flex", datum=D(2024, 6, 1))
    assert namen(d) == ["Geopend", "HuisvestingstermijnVerstreken", "WoningAangeboden"]


def test_an_offer_after_the_deadline_has_the_same_history_whether_or_not_the_clock_ran_first():
    zonder_klok = dossier()
    zonder_klok.bied_aan(woning_id="W1", wijk="Lindenholt", soort="regulier", datum=D(2024, 4, 1))
    met_klok = dossier()
    met_klok.verstrijk_termijn("huisvesting", met_klok.termijn_verloopt_op)
    met_klok.bied_aan(woning_id="W1", wijk="Lindenholt", soort="regulier", datum=D(2024, 4, 1))

    assert namen(zonder_klok) == namen(met_klok)


# -- offer, acceptance, move, and the 2-week move term -----------------------------------------


def test_an_offer_opens_a_two_week_term_to_move_and_records_the_household_size():
    d = aangeboden(op=D(2024, 2, 1))

    aanbod = laatste(d, "WoningAangeboden")
    assert aanbod.woning_id == "W1"
    assert aanbod.huishoudgrootte == 3
    assert aanbod.verhuistermijn_verloopt_op == D(2024, 2, 15)
    assert d.open_termijnen() == {"verhuizen": D(2024, 2, 15)}


def test_a_household_that_accepts_and_moves_in_within_two_weeks_meets_the_move_term():
    d = aangeboden(op=D(2024, 2, 1))
    d.accepteer(woning_id="W1", datum=D(2024, 2, 3))

    assert d.status == GEACCEPTEERD
    assert d.open_termijnen() == {"verhuizen": D(2024, 2, 15)}

    d.verhuis(woning_id="W1", datum=D(2024, 2, 15))

    assert namen(d) == ["Geopend", "WoningAangeboden", "AanbodGeaccepteerd", "Verhuisd"]
    verhuisd = laatste(d, "Verhuisd")
    assert verhuisd.verhuistermijn_gehaald is True
    assert verhuisd.personen == [HOOFD, PARTNER, KIND]
    assert d.status == VERHUISD
    assert d.verhuisd_op == D(2024, 2, 15)
    assert d.open_termijnen() == {}


def test_a_household_moving_in_after_two_weeks_misses_the_move_term():
    d = aangeboden(op=D(2024, 2, 1))
    d.accepteer(woning_id="W1", datum=D(2024, 2, 10))
    d.verhuis(woning_id="W1", datum=D(2024, 2, 16))

    assert laatste(d, "Verhuisd").verhuistermijn_gehaald is False
    assert d.open_termijnen() == {}


def test_the_clock_expiring_the_move_term_names_the_offered_home_and_closes_the_term():
    d = aangeboden(op=D(2024, 2, 1))
    d.verstrijk_termijn("verhuizen", D(2024, 2, 15))

    verstreken = laatste(d, "VerhuistermijnVerstreken")
    assert verstreken.woning_id == "W1"
    assert verstreken.verlopen_op == D(2024, 2, 15)
    assert d.open_termijnen() == {}
    assert d.status == AANGEBODEN  # the offer itself still stands


def test_a_late_move_has_the_same_history_whether_or_not_the_clock_ran_first():
    zonder_klok = aangeboden(op=D(2024, 2, 1))
    zonder_klok.accepteer(woning_id="W1", datum=D(2024, 2, 10))
    zonder_klok.verhuis(woning_id="W1", datum=D(2024, 3, 1))
    met_klok = aangeboden(op=D(2024, 2, 1))
    met_klok.accepteer(woning_id="W1", datum=D(2024, 2, 10))
    met_klok.verstrijk_termijn("verhuizen", D(2024, 2, 15))
    met_klok.verhuis(woning_id="W1", datum=D(2024, 3, 1))

    assert namen(met_klok) == [
        "Geopend", "WoningAangeboden", "AanbodGeaccepteerd", "VerhuistermijnVerstreken", "Verhuisd"
    ]
    assert namen(zonder_klok) == namen(met_klok)


def test_a_refusal_returns_the_dossier_to_waiting_and_closes_the_move_term():
    d = aangeboden(op=D(2024, 2, 1))
    d.weiger(woning_id="W1", datum=D(2024, 2, 5), reden="te ver van school")

    assert namen(d)[-1] == "AanbodGeweigerd"
    assert laatste(d, "AanbodGeweigerd").reden == "te ver van school"
    assert d.status == WACHTEND
    assert d.woning_id is None
    assert d.open_termijnen() == {}  # the 10-week term was met by the first offer


def test_a_household_can_refuse_after_accepting():
    d = aangeboden()
    d.accepteer(woning_id="W1", datum=D(2024, 2, 3))
    d.weiger(woning_id="W1", datum=D(2024, 2, 6), reden="woning bleek ongeschikt")

    assert d.status == WACHTEND


def test_after_a_refusal_a_new_offer_starts_a_new_move_term_but_the_first_offer_date_stays():
    d = aangeboden(op=D(2024, 2, 1))
    d.weiger(woning_id="W1", datum=D(2024, 2, 5), reden="te klein")
    d.bied_aan(woning_id="W2", wijk="Nijmegen-Zuid", soort="regulier", datum=D(2024, 5, 1))

    assert namen(d) == ["Geopend", "WoningAangeboden", "AanbodGeweigerd", "WoningAangeboden"]
    assert d.eerste_aanbod_op == D(2024, 2, 1)
    assert d.aangeboden_op == D(2024, 5, 1)
    assert d.open_termijnen() == {"verhuizen": D(2024, 5, 15)}


def test_a_new_offer_after_an_expired_move_term_reopens_the_move_term():
    d = aangeboden(op=D(2024, 2, 1))
    d.verstrijk_termijn("verhuizen", D(2024, 2, 15))
    d.weiger(woning_id="W1", datum=D(2024, 2, 20), reden="geen reactie")
    d.bied_aan(woning_id="W2", wijk="Hatert", soort="flex", datum=D(2024, 3, 1))

    assert d.open_termijnen() == {"verhuizen": D(2024, 3, 15)}


def test_a_dossier_rebuilt_from_its_history_is_the_same_dossier():
    d = aangeboden(op=D(2024, 3, 20))
    d.weiger(woning_id="W1", datum=D(2024, 3, 21), reden="te klein")
    d.bied_aan(woning_id="W2", wijk="Dukenburg", soort="regulier", datum=D(2024, 4, 1))
    d.accepteer(woning_id="W2", datum=D(2024, 4, 2))
    d.verhuis(woning_id="W2", datum=D(2024, 4, 10))

    opnieuw = herbouwd(d)
    assert opnieuw.version == d.version
    for veld in ("status", "woning_id", "eerste_aanbod_op", "termijn_verstreken", "verhuisd_op"):
        assert getattr(opnieuw, veld) == getattr(d, veld)


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


# -- taakstelling ----------------------------------------------------------------------------


def test_a_taakstelling_is_set_per_gemeente_and_period_and_a_new_decision_replaces_the_number():
    t = Taakstelling(gemeentecode="0268", periode="2024-H1", aantal=182)
    t.wijzig(periode=t.periode, aantal=232)

    assert t.id == Taakstelling.create_id("0268", "2024-H1")
    assert t.id != Taakstelling.create_id("0268", "2024-H2")
    assert t.aantal == 232
    assert namen(t) == ["Vastgesteld", "Gewijzigd"]
