"""The begeleiding's figures on a peildatum: running (extended, without a traject, ending soon), ended by VWN or by its term, how long; the same whenever the clock ran."""

from __future__ import annotations

from application_hulp import koppeling
from begeleiding_hulp import AMAL, BILAL, CELAL, D, beeindigd, geweigerd, gestart, inburgering, rapport, verlengd

DANI = "4010000004"


def begeleidingen():
    """Amal (with a traject) runs 8 months; Bilal is extended to 12; Celal is ended by VWN after 5
    months; Dani, without a traject, is extended to 10 months."""
    app = inburgering()
    geweigerd(app, koppeling(AMAL, D(2023, 11, 1), (BILAL, CELAL)), gestart(AMAL, D(2024, 1, 15)),
              gestart(BILAL, D(2024, 1, 15)), gestart(CELAL, D(2024, 2, 1)), gestart(DANI, D(2024, 3, 1)),
              verlengd(BILAL, D(2024, 9, 1)), beeindigd(CELAL, D(2024, 6, 30)),
              verlengd(DANI, D(2024, 10, 1), D(2025, 1, 1)))
    return app


def test_in_the_summer_four_run_and_one_without_a_traject_ends_in_the_autumn():
    juni = rapport(begeleidingen(), D(2024, 6, 30))["begeleiding"]

    assert (juni["gestart"], juni["lopend"], juni["lopend_zonder_traject"], juni["verlengd"]) == (4, 4, 1, 0)
    assert juni["afgelopen"] == {"totaal": 0, "beeindigd_door_vwn": 0, "termijn_verstreken": 0}
    assert juni["duur_dagen"] == {"mediaan": None, "p90": None}


def test_in_september_one_ended_early_one_ran_out_and_one_was_extended():
    september = rapport(begeleidingen(), D(2024, 9, 20))["begeleiding"]

    assert (september["lopend"], september["lopend_verlengd"], september["verlengd"]) == (2, 1, 1)
    assert september["afgelopen"] == {"totaal": 2, "beeindigd_door_vwn": 1, "termijn_verstreken": 1}
    assert september["duur_dagen"] == {"mediaan": 198.0, "p90": 235.6}  # 151 and 245 days
    assert september["eindigt_binnen_30_dagen"] == 0
    assert rapport(begeleidingen(), D(2024, 10, 5))["begeleiding"]["eindigt_binnen_30_dagen"] == 0  # Dani extended
    assert rapport(begeleidingen(), D(2024, 12, 20))["begeleiding"]["eindigt_binnen_30_dagen"] == 2


def test_a_year_on_every_begeleiding_has_ended_and_none_lasted_past_12_months():
    januari = rapport(begeleidingen(), D(2025, 1, 20))["begeleiding"]

    assert (januari["lopend"], januari["afgelopen"]["totaal"], januari["afgelopen"]["termijn_verstreken"]) == (0, 4, 3)
    assert januari["duur_dagen"]["p90"] <= 367


def test_the_figures_are_the_same_whether_the_clock_ran_before_or_after_the_facts_arrived():
    voor, na = inburgering(), inburgering()
    geweigerd(voor, gestart(AMAL, D(2024, 1, 15)))
    voor.verloop_tijd(D(2024, 10, 1))  # recorded as run out on 15 September ...
    geweigerd(voor, verlengd(AMAL, D(2024, 9, 10), D(2024, 11, 15)))  # ... then an extension of 10 September
    geweigerd(na, gestart(AMAL, D(2024, 1, 15)), verlengd(AMAL, D(2024, 9, 10), D(2024, 11, 15)))
    na.verloop_tijd(D(2024, 10, 1))

    for peildatum in (D(2024, 9, 9), D(2024, 9, 20), D(2024, 11, 15), D(2024, 11, 16)):
        assert rapport(voor, peildatum)["begeleiding"] == rapport(na, peildatum)["begeleiding"], peildatum
    assert rapport(voor, D(2024, 9, 20))["begeleiding"]["lopend"] == 1
