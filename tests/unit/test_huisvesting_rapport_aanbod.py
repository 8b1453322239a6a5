"""Huisvesting's moves and offers in the report: doorlooptijden from koppeling to move, offers per
wijk and soort in the period, and single persons waiting against single-person homes offered."""

from __future__ import annotations

import datetime as dt

import pytest
from huisvesting_rapport_hulp import DAG, ENV, D, koppeling, ontvang, rapport, verhuis, woning

from services.huisvesting.application import Huisvesting


@pytest.fixture
def app() -> Huisvesting:
    """BSN and IBAN block nobody here."""
    return Huisvesting(env=ENV, pseudoniem_sleutel="test", vereist=())


def test_doorlooptijd_koppeling_to_move_of_the_periods_moves_median_and_p90(app):
    verhuisd_op = D(2024, 7, 20)
    vorige, k_vorige = koppeling(D(2024, 5, 1))
    ontvang(app, k_vorige, woning("V", 1, D(2024, 6, 1)))
    verhuis(app, vorige, "V", D(2024, 6, 20))  # the previous period: not counted
    for dagen in (10, 20, 30, 40, 100):
        hoofd, k = koppeling(verhuisd_op - dt.timedelta(days=dagen))
        ontvang(app, k, woning(f"W{dagen}", 1, verhuisd_op - DAG))
        verhuis(app, hoofd, f"W{dagen}", verhuisd_op)
    laat, k_laat = koppeling(D(2024, 7, 1))
    ontvang(app, k_laat, woning("L", 1, D(2024, 8, 1)))
    verhuis(app, laat, "L", D(2024, 8, 2))  # after the peildatum

    # Linear interpolation: the median is the middle value, p90 lies at 0.9 * 4 = 3.6: 40 + 0.6 * 60.
    assert rapport(app, D(2024, 8, 1))["doorlooptijd"] == {"verhuizingen": 5, "mediaan_dagen": 30.0, "p90_dagen": 76.0}
    assert rapport(app, D(2024, 8, 2))["doorlooptijd"]["verhuizingen"] == 6
    # The same five moves in buckets of 10 weeks: four under 70 days, the 100 days in 70-140.
    verdeling = rapport(app, D(2024, 8, 1))["doorlooptijd_verdeling"]
    assert [(b["van"], b["tot"], b["verhuizingen"]) for b in verdeling[:3]] == [(0, 70, 4), (70, 140, 1), (140, 210, 0)]
    assert (len(verdeling), verdeling[-1]["van"], verdeling[-1]["tot"]) == (9, 560, None)
    assert sum(b["verhuizingen"] for b in verdeling) == 5


def test_offers_per_wijk_and_soort_in_the_period_up_to_the_peildatum(app):
    _, k0 = koppeling(D(2023, 11, 1))
    ontvang(app, k0, woning("OUD", 1, D(2023, 12, 1), wijk="Lindenholt"))  # offered in 2023-H2
    alleen_1, k1 = koppeling(D(2024, 1, 1))
    _, k2 = koppeling(D(2024, 1, 2))
    _, k3 = koppeling(D(2024, 1, 3))
    _, k4 = koppeling(D(2024, 1, 4), grootte=4)
    ontvang(app, k1, k2, k3, k4)
    ontvang(
        app,
        woning("Z1", 4, D(2024, 2, 1), wijk="Nijmegen-Zuid"),  # to the first single
        woning("D1", 1, D(2024, 2, 2), wijk="Dukenburg", soort="flex"),  # to the second
    )
    app.voer_uit(lambda uow: app.weiger(uow, app.persoon(alleen_1), "Z1", D(2024, 2, 3), "te ver"))  # to the third
    ontvang(app, woning("LAAT", 1, D(2024, 3, 2), wijk="Dukenburg"))  # after the peildatum

    r = rapport(app, D(2024, 3, 1))
    assert r["aanbiedingen"] == {
        "totaal": 3,
        "per_wijk": {"Dukenburg": 1, "Nijmegen-Zuid": 2},
        "per_soort": {"flex": 1, "regulier": 2},
        "per_wijk_soort": [
            {"wijk": "Dukenburg", "soort": "flex", "aantal": 1},
            {"wijk": "Nijmegen-Zuid", "soort": "regulier", "aantal": 2},
        ],
    }
    assert r["huishoudens"] == {
        "eenpersoons_wachtend": 1, "meerpersoons_wachtend": 1, "eenpersoonswoningen_aangeboden": 1}
    assert r["dossiers_per_status"]["aangeboden"] == 3
    assert rapport(app, D(2023, 12, 31))["aanbiedingen"]["per_wijk"] == {"Lindenholt": 1}
    assert rapport(app, D(2024, 3, 2))["aanbiedingen"]["totaal"] == 4


def test_single_persons_waiting_against_single_person_homes_offered(app):
    for _ in range(3):
        ontvang(app, koppeling(D(2024, 1, 1))[1])
    ontvang(app, koppeling(D(2024, 1, 1), grootte=3)[1], woning("E1", 1, D(2024, 2, 1)))

    assert rapport(app, D(2024, 3, 1))["huishoudens"] == {
        "eenpersoons_wachtend": 2, "meerpersoons_wachtend": 1, "eenpersoonswoningen_aangeboden": 1}
