"""The participatie figures on a peildatum: the ladder and the matrix now (its cells under 5 suppressed), and seed 004's targets after three years."""

from __future__ import annotations

from application_hulp import bericht, koppeling
from begeleiding_hulp import AMAL, BILAL, CELAL, D, geef, geweigerd, inburgering, matrix, rapport

from events import duo

VIJF = tuple(f"402000000{i}" for i in range(5))


def test_the_latest_trede_of_each_person_counts_and_a_matrix_cell_under_5_shows_as_under_5():
    app = inburgering()
    geweigerd(app, koppeling(AMAL, D(2024, 1, 10), (BILAL, CELAL, *VIJF)))
    geef(app, "trede", vnummer=AMAL, datum="2024-03-01", trede=1)
    geef(app, "trede", vnummer=AMAL, datum="2024-09-01", trede=4)
    geef(app, "trede", vnummer=BILAL, datum="2024-03-01", trede=2)
    for vnummer in VIJF:
        matrix(app, vnummer, D(2024, 4, 1), financien=1)
    matrix(app, CELAL, D(2024, 4, 1), financien=5)

    juni, oktober = (rapport(app, d)["participatie"] for d in (D(2024, 6, 1), D(2024, 10, 1)))

    assert (juni["gemeten"], juni["per_trede"]) == (2, {"1": 1, "2": 1, "3": 0, "4": 0, "5": 0, "6": 0})
    assert oktober["per_trede"] == {"1": 0, "2": 1, "3": 0, "4": 1, "5": 0, "6": 0}
    zelf = oktober["zelfredzaamheid"]
    assert zelf["gemeten"] == 6
    assert zelf["per_levensgebied"]["financien"] == {"1": 5, "2": "<5", "3": "<5", "4": "<5", "5": "<5"}
    assert zelf["per_levensgebied"]["mentale-gezondheid"] == {"1": "<5", "2": "<5", "3": 6, "4": "<5", "5": "<5"}
    assert rapport(app, D(2024, 3, 31))["participatie"]["zelfredzaamheid"]["gemeten"] == 0


def test_after_three_years_the_cohort_is_judged_by_what_was_measured_up_to_its_third_anniversary():
    """Amal reaches trede 5, moves forward on two levensgebieden and gets her diploma; Bilal reaches
    trede 4 only after the anniversary, moves on one levensgebied and gets his diploma after it;
    Celal is never measured; Dana's three years have not yet passed."""
    app = inburgering()
    geweigerd(app, koppeling(AMAL, D(2021, 3, 1), (BILAL, CELAL)), koppeling("4010000004", D(2022, 1, 1)))
    geef(app, "trede", vnummer=AMAL, datum="2021-09-01", trede=2)
    geef(app, "trede", vnummer=AMAL, datum="2024-02-01", trede=5)
    geef(app, "trede", vnummer=BILAL, datum="2023-06-01", trede=3)
    geef(app, "trede", vnummer=BILAL, datum="2024-03-02", trede=4)  # the day after his third anniversary
    matrix(app, AMAL, D(2021, 9, 1))
    matrix(app, AMAL, D(2023, 9, 1), financien=3, werk_en_opleiding=3)
    matrix(app, BILAL, D(2021, 9, 1))
    matrix(app, BILAL, D(2023, 9, 1), financien=4)
    geef(app, "trede", vnummer="4010000004", datum="2024-06-01", trede=6)
    for vnummer, datum in ((AMAL, "2023-11-01"), (BILAL, "2024-04-02")):
        assert geweigerd(app, bericht(duo.DUO_SIGNAAL_ONTVANGEN, {
            "gebeurtenis_id": "SS106", "vnummer": vnummer, "registratiedatum": datum, "gegevens": {"datum": datum}},
            source="urn:nld:duo")) == []

    drie = rapport(app, D(2024, 6, 1))["participatie"]["na_drie_jaar"]

    assert (drie["cohort"], drie["gemeten"], drie["trede_4_plus"], drie["trede_5_6"], drie["doelen_behaald"]) == (
        3, 2, 1, 1, 1)
    assert (drie["aandeel_trede_4_plus"], drie["aandeel_trede_5_6_van_trede_4_plus"],
            drie["aandeel_doelen_behaald"]) == (0.333, 1.0, 0.333)
    assert drie["aandeel_taal"] == 0.333, "Amal's diploma by her third anniversary; Bilal's came after his"
    assert drie["doelen"] == {"aandeel_trede_4_plus": 0.8, "aandeel_trede_5_6_van_trede_4_plus": 0.5,
                              "aandeel_doelen_behaald": 0.8, "aandeel_taal": 0.9}
    assert rapport(app, D(2024, 2, 29))["participatie"]["na_drie_jaar"]["cohort"] == 0
    assert rapport(app, D(2024, 3, 1))["participatie"]["na_drie_jaar"]["cohort"] == 3
