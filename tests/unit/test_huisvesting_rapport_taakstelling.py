"""Huisvesting's opgave per half-year period and per calendar year, as known on the peildatum: the
taakstelling with the achterstand carried from period to period (the seed figures of 2024), and AMV."""

from __future__ import annotations

import pytest
from huisvesting_rapport_hulp import ENV, D, huisvest, koppeling, ontvang, rapport, taakstelling, verhuis, woning

from services.huisvesting.application import Huisvesting


@pytest.fixture
def app() -> Huisvesting:
    """BSN and IBAN block nobody here."""
    return Huisvesting(env=ENV, pseudoniem_sleutel="test", vereist=())


def test_the_seed_year_2024_on_1_october_291_of_464_housed_with_the_achterstand_of_2023(app):
    ontvang(app, taakstelling("2023-H1", 196), taakstelling("2023-H2", 197))
    huisvest(app, 293, D(2023, 1, 2), D(2023, 12, 29))
    ontvang(app, taakstelling("2024-H1", 182), taakstelling("2024-H2", 182))
    huisvest(app, 291, D(2024, 1, 1), D(2024, 10, 1))

    assert rapport(app, D(2023, 12, 31))["taakstelling_jaar"] == {
        "jaar": 2023, "taakstelling": 393, "achterstand": 0, "opgave": 393, "gerealiseerd": 293,
        "nog_te_gaan": 100, "nog_te_gaan_opgave": 100, "aandeel_gerealiseerd": 0.746,
        "amv_taakstelling": None, "amv_gerealiseerd": 0,
    }
    op_1_oktober = rapport(app, D(2024, 10, 1))
    assert op_1_oktober["taakstelling_jaar"] == {
        "jaar": 2024, "taakstelling": 364, "achterstand": 100, "opgave": 464, "gerealiseerd": 291,
        "nog_te_gaan": 173, "nog_te_gaan_opgave": 173, "aandeel_gerealiseerd": 0.627,
        "amv_taakstelling": None, "amv_gerealiseerd": 0,
    }
    # The half year: H1's opgave (182 + 100) less what H1 housed is carried into H2.
    periode = op_1_oktober["taakstelling_periode"]
    assert periode["periode"] == "2024-H2" and periode["taakstelling"] == 182
    assert periode["achterstand"] == 282 - (291 - periode["gerealiseerd"])
    assert periode["opgave"] == 182 + periode["achterstand"]
    assert op_1_oktober["gerealiseerd"] == periode["gerealiseerd"]
    assert op_1_oktober["dossiers_open"] == 0


def test_over_realisation_counts_towards_the_next_period_and_a_period_without_taakstelling_is_0(app):
    ontvang(app, taakstelling("2024-H1", 3), taakstelling("2024-H2", 3), taakstelling("2025-H2", 4))
    huisvest(app, 5, D(2024, 3, 1), D(2024, 5, 1))  # households of 1, 2 and 2: 2 more than H1 asked
    huisvest(app, 1, D(2024, 8, 1), D(2024, 8, 1))

    h2 = rapport(app, D(2024, 9, 1))
    assert h2["taakstelling_periode"] == {
        "periode": "2024-H2", "taakstelling": 3, "achterstand": -2, "opgave": 1, "gerealiseerd": 1,
        "nog_te_gaan": 0, "nog_te_gaan_opgave": 0, "aandeel_gerealiseerd": 1.0,
        "amv_taakstelling": None, "amv_gerealiseerd": 0,
    }
    assert h2["taakstelling"] == 3 and h2["nog_te_gaan"] == 2  # the period's own taakstelling, as before
    # Two figures had one name: the new names say which is which; the old key keeps its value.
    assert h2["nog_te_gaan_taakstelling"] == 2 and h2["taakstelling_periode"]["nog_te_gaan_opgave"] == 0
    assert h2["taakstelling_jaar"]["opgave"] == 6 and h2["taakstelling_jaar"]["gerealiseerd"] == 6

    # 2025-H1 lies between two known periods: taakstelling 0; the head start was used up in 2024-H2.
    assert rapport(app, D(2025, 3, 1))["taakstelling_periode"]["taakstelling"] == 0
    assert rapport(app, D(2025, 3, 1))["taakstelling_periode"]["opgave"] == 0
    assert rapport(app, D(2025, 3, 1))["taakstelling_periode"]["aandeel_gerealiseerd"] is None
    assert rapport(app, D(2025, 9, 1))["taakstelling_jaar"] == {
        "jaar": 2025, "taakstelling": 4, "achterstand": 0, "opgave": 4, "gerealiseerd": 0,
        "nog_te_gaan": 4, "nog_te_gaan_opgave": 4, "aandeel_gerealiseerd": 0.0,
        "amv_taakstelling": None, "amv_gerealiseerd": 0,
    }
    # After the last known period the taakstelling is unknown, the carry is not.
    na = rapport(app, D(2026, 2, 1))["taakstelling_periode"]
    assert (na["taakstelling"], na["achterstand"], na["opgave"]) == (None, 4, None)


def test_an_amv_household_counts_towards_the_indicative_amv_taakstelling(app):
    ontvang(app, taakstelling("2024-H1", 10, amv_aantal=2))
    hoofd, k = koppeling(D(2024, 1, 10), geboren=D(2008, 5, 1))
    ontvang(app, k, woning("A1", 1, D(2024, 2, 1), soort="amv"))
    verhuis(app, hoofd, "A1", D(2024, 2, 10))

    jaar = rapport(app, D(2024, 3, 1))["taakstelling_jaar"]
    assert (jaar["amv_taakstelling"], jaar["amv_gerealiseerd"], jaar["gerealiseerd"]) == (2, 1, 1)
