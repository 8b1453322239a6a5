"""An offer, its acceptance or refusal, the move, and the 2-week move term, as the dossier records them."""

from __future__ import annotations

from huisvesting_domain_hulp import HOOFD, KIND, PARTNER, D, aangeboden, laatste, namen

from services.huisvesting.domain.huisvestingsdossier import AANGEBODEN, GEACCEPTEERD, VERHUISD, WACHTEND


def herbouwd(aggregate):
    """The aggregate as a replay of its recorded history would rebuild it."""
    opnieuw = None
    for e in aggregate.pending_events:
        opnieuw = e.mutate(opnieuw)
    return opnieuw


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
