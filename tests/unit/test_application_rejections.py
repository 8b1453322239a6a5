"""A domain-rule violation in a batch is rejected alone, with its reason, while the rest of the batch applies."""

from __future__ import annotations

from application_hulp import D, dossier, koppeling, wachtrij, woning

from services.huisvesting.domain.huisvestingsdossier import WACHTEND
from services.huisvesting.domain.wachtrij import Wachtrij


# -- guarantee 4: a domain-rule violation is rejected alone ------------------------------------


def test_a_batch_with_one_koppeling_lacking_the_main_person_rejects_only_that_one(huisvesting):
    goed_1 = koppeling("1000000001", D(2024, 1, 1))
    fout = koppeling("1000000002", D(2024, 1, 2), leden=("1000000003",), met_hoofd=False)
    goed_2 = koppeling("1000000004", D(2024, 1, 3))
    w = woning("W1", 1, D(2024, 3, 1))

    afgewezen = huisvesting.verwerk_batch([goed_1, fout, goed_2, w])

    assert afgewezen == [(fout, "domeinregel:HoofdpersoonOntbreektFout")]
    assert dossier(huisvesting, "1000000002") is None
    assert dossier(huisvesting, "1000000004").status == WACHTEND
    assert dossier(huisvesting, "1000000001").woning_id == "W1"


def test_a_second_koppeling_of_a_linked_household_under_a_new_id_is_rejected(huisvesting):
    huisvesting.verwerk_batch([koppeling("1000000001", D(2024, 1, 1))])
    opnieuw = koppeling("1000000001", D(2024, 2, 1))

    assert huisvesting.verwerk_batch([opnieuw]) == [(opnieuw, "domeinregel:AlGekoppeldFout")]
    assert dossier(huisvesting, "1000000001").koppeldatum == D(2024, 1, 1)


def test_a_home_reported_again_under_a_new_id_is_rejected(huisvesting):
    huisvesting.verwerk_batch([woning("W1", 2, D(2024, 3, 1))])
    opnieuw = woning("W1", 3, D(2024, 3, 5))

    assert huisvesting.verwerk_batch([opnieuw]) == [(opnieuw, "domeinregel:WoningAlGemeldFout")]
    assert wachtrij(huisvesting).woningen["W1"]["max_bewoners"] == 2


def test_a_koppeling_for_another_gemeente_changes_nothing(huisvesting):
    elders = koppeling("1000000001", D(2024, 1, 1), gemeentecode="0363")

    assert huisvesting.verwerk_batch([elders]) == []

    assert dossier(huisvesting, "1000000001") is None
    assert Wachtrij.create_id("0268") not in huisvesting.repository
    assert Wachtrij.create_id("0363") not in huisvesting.repository
