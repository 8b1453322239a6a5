"""A household's huisvestingsdossier from its koppeling, and the 10-week term to be offered a home."""

from __future__ import annotations

import datetime as dt

import pytest
from huisvesting_domain_hulp import (
    HOOFD,
    KIND,
    KOPPELDATUM,
    PARTNER,
    TIEN_WEKEN_LATER,
    D,
    aangeboden,
    dossier,
    laatste,
    namen,
)

from services.huisvesting.domain.huisvestingsdossier import (
    AANGEBODEN,
    WACHTEND,
    HoofdpersoonOntbreektFout,
    Huisvestingsdossier,
)


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
