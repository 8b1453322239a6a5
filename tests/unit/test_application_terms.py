"""Huisvesting's clock: each expired 10-week or move term is recorded once, a met or running term never."""

from __future__ import annotations

from application_hulp import D, aangeboden_huishouden, dossier, historie, koppeling, opgeslagen, woning



# -- the clock --------------------------------------------------------------------------------


def test_the_clock_records_each_expired_term_once_and_leaves_running_terms_alone(huisvesting):
    huisvesting.verwerk_batch(
        [koppeling("1000000001", D(2024, 1, 1)), koppeling("1000000002", D(2024, 3, 1))]
    )
    te_laat = dossier(huisvesting, "1000000001")
    op_tijd = dossier(huisvesting, "1000000002")

    assert huisvesting.verloop_tijd(D(2024, 3, 11)) == 0  # the last day itself is still within the term
    assert huisvesting.verloop_tijd(D(2024, 3, 12)) == 1
    voor = opgeslagen(huisvesting)
    assert huisvesting.verloop_tijd(D(2024, 3, 12)) == 0
    assert huisvesting.verloop_tijd(D(2024, 3, 20)) == 0

    assert opgeslagen(huisvesting) == voor
    assert historie(huisvesting, te_laat.id) == ["Geopend", "HuisvestingstermijnVerstreken"]
    assert historie(huisvesting, op_tijd.id) == ["Geopend"]
    assert dossier(huisvesting, "1000000002").open_termijnen() == {"huisvesting": D(2024, 5, 10)}


def test_an_offer_after_the_clock_recorded_the_expiry_does_not_record_it_again(huisvesting):
    huisvesting.verwerk_batch([koppeling("1000000001", D(2024, 1, 1))])
    huisvesting.verloop_tijd(D(2024, 4, 1))
    huisvesting.verwerk_batch([woning("W1", 1, D(2024, 4, 15))])

    assert historie(huisvesting, dossier(huisvesting, "1000000001").id) == [
        "Geopend",
        "HuisvestingstermijnVerstreken",
        "WoningAangeboden",
    ]
    assert huisvesting.verloop_tijd(D(2024, 4, 20)) == 0


def test_the_clock_expires_a_move_term_once_and_a_met_term_never(huisvesting):
    aangeboden_huishouden(huisvesting)  # offered 2024-03-01, move term until 2024-03-15

    assert huisvesting.verloop_tijd(D(2024, 3, 15)) == 0
    assert huisvesting.verloop_tijd(D(2024, 3, 16)) == 1
    assert huisvesting.verloop_tijd(D(2024, 3, 17)) == 0

    assert historie(huisvesting, dossier(huisvesting, "1000000001").id) == [
        "Geopend",
        "WoningAangeboden",
        "VerhuistermijnVerstreken",
    ]
