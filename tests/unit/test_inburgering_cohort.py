"""Seed 004 §6.2 through the real domain and report: of 171 persons obliged in one year, after three years 101 passed, 38 (22%) are still obliged and 30 (18%) exempted, 2 otherwise."""

from __future__ import annotations

import datetime as dt

from application_hulp import D, koppeling
from inburgering_hulp import app, rapport, signaal
from metriek import waarde

from services.inburgering import metrics

UITKOMSTEN = (
    [("SS106", {})] * 101                                             # the inburgeringsdiploma
    + [("SS107", {})] * 12 + [("SS108", {"grond": "MED"})] * 10 + [("SS108", {"grond": "BIO"})] * 8
    + [("SS110", {"reden": "vertrokken uit Nederland"}), ("SS111", {})]
    + [(None, {})] * 38                                               # still obliged after three years
)


def test_a_cohort_of_171_obliged_reports_the_seed_status_after_three_years():
    dienst = app()
    berichten = []
    for n, (code, gegevens) in enumerate(UITKOMSTEN):
        vnummer = f"50000{n:05d}"
        gekoppeld = D(2022, 1, 3) + dt.timedelta(days=2 * n)
        begin = gekoppeld + dt.timedelta(days=14)
        berichten += [koppeling(vnummer, gekoppeld),
                      signaal("SS101", begin, vnummer=vnummer, begindatum=begin,
                              doelgroep="asielstatushouder"),
                      signaal("SS102", begin, vnummer=vnummer, startdatum=begin, einddatum=begin.replace(year=2025))]
        if code is not None:
            einde = begin + dt.timedelta(days=700 + n)
            if code == "SS106":
                berichten.append(signaal("SS199", einde, vnummer=vnummer, examendatum=einde, onderdeel="LU",
                                         niveau="B1", resultaat="geslaagd"))
            berichten.append(signaal(code, einde, vnummer=vnummer, datum=einde, **gegevens))
    assert dienst.verwerk_batch(berichten) == []
    # The clock: no intake was recorded (171 intake terms), and 38 termijnen passed while the plicht ran.
    assert dienst.verloop_tijd(D(2026, 1, 1)) == 171 + 38

    cijfers = rapport(dienst, D(2026, 1, 1))

    assert cijfers["na_drie_jaar"] == {"2022": {
        "totaal": 171, "geslaagd": 101, "nog_plichtig": 38, "vrijgesteld_of_ontheven": 30, "overig": 2,
        "aandeel_geslaagd": 0.591, "aandeel_nog_plichtig": 0.222, "aandeel_vrijgesteld_of_ontheven": 0.175,
        "aandeel_overig": 0.012}}
    assert cijfers["plicht"] == {"lopend": 38, "geschorst": 0, "beeindigd": {
        "diploma": 101, "ontheffing": 18, "overleden": 1, "vervallen": 1, "vrijstelling": 12},
        "oude_wet_op_verzoek": 0}
    assert cijfers["termijnen"] == {"lopend": 0, "verstreken": 38}
    assert cijfers["caseload"]["asielstatushouder"] == 38
    assert cijfers["examens"] == {"LU:geslaagd": 101}
    assert cijfers["aandachtslijst"]["totaal"] == 0
    metrics.werk_bij(cijfers)
    assert waarde("welkom_inburgering_termijn_verstreken_personen") == 38
    assert waarde("welkom_inburgering_caseload_personen", doelgroep="asielstatushouder") == 38
    assert waarde("welkom_inburgering_aandachtslijst_personen", reden="geen-duo-signaal") == 0
    # Before three years have passed, the cohort is not reported yet.
    assert rapport(dienst, D(2024, 12, 31))["na_drie_jaar"] == {}
