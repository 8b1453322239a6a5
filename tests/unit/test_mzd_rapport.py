"""Mzd's report: BBB applications and assessments, occupancy per organisation and time in BBB, perspectives, care needs suppressed under 5, and the same answer on a peildatum whatever came later."""

from __future__ import annotations

import datetime as dt

from application_hulp import D
from mzd_hulp import afwijzing, geplaatst, mzd, opdracht, rapport, vertrokken

VNUMMERS = [f"21000000{n:02d}" for n in range(12)]


def bbb_app():
    """Twelve refused in January 2024; ten apply in February: two refused (one without binding,
    one with a voorliggende voorziening too), eight admitted and placed by three organisations
    in March; two of them leave in June."""
    app = mzd()
    assert app.verwerk_batch([afwijzing(v, D(2024, 1, 8)) for v in VNUMMERS]) == []
    for n, v in enumerate(VNUMMERS[:10]):
        opdracht(app, "vraag-bbb-aan", v, datum=D(2024, 2, 1))
        binding, voorziening = (n != 0, n == 1)
        opdracht(app, "beoordeel-bbb", v, datum=D(2024, 2, 12), binding=binding,
                 bindingsgrond="verblijf-in-nijmegen" if binding else None, voorliggende_voorziening=voorziening)
    organisaties = ["snov"] * 4 + ["stichting-gast"] * 3 + ["wereldvrouwenhuis"]
    plaatsingen = [geplaatst(v, o, D(2024, 3, 1) + dt.timedelta(days=n))
                   for n, (v, o) in enumerate(zip(VNUMMERS[2:10], organisaties))]
    assert app.verwerk_batch(plaatsingen) == []
    assert app.verwerk_batch([vertrokken(VNUMMERS[2], "snov", D(2024, 6, 10), "terugkeer"),
                              vertrokken(VNUMMERS[3], "snov", D(2024, 6, 30), "vertrokken-onbekend")]) == []
    return app


def test_applications_assessments_by_reason_and_occupancy_per_organisation():
    r = rapport(bbb_app(), D(2024, 2, 29), D(2024, 6, 30))

    assert r[D(2024, 2, 29)]["bbb_aanvragen"]["maand"] == {
        "periode": "2024-02", "aanvragen": 10, "toegelaten": 8, "geweigerd": 2,
        "weigerredenen": {"geen-binding": 1, "voorliggende-voorziening": 1}, "direct_toegelaten": 0}
    assert r[D(2024, 2, 29)]["in_bbb_opvang"] == 8 and r[D(2024, 2, 29)]["bbb_bezetting"]["totaal"] == 0
    juni = r[D(2024, 6, 30)]
    assert juni["bbb_bezetting"] == {"totaal": 6, "per_organisatie": {"snov": 2, "stichting-gast": 3,
                                                                       "wereldvrouwenhuis": 1}}
    assert juni["bbb_stromen"]["jaar"] == {
        "periode": "2024", "geplaatst": 8, "vertrokken": 2,
        "vertrokken_per_reden": {"terugkeer": 1, "doormigratie": 0, "legalisering": 0, "andere-voorziening": 0,
                                 "vertrokken-onbekend": 1, "overleden": 0, "overig": 0}}
    assert juni["bbb_aanvragen"]["maand"]["aanvragen"] == 0 and juni["bbb_aanvragen"]["jaar"]["aanvragen"] == 10


def test_time_in_bbb_of_the_stays_ended_and_of_those_staying():
    tijd = rapport(bbb_app(), D(2024, 6, 30))[D(2024, 6, 30)]["tijd_in_bbb"]

    # Ended: placed 1 and 2 March, left 10 and 30 June (101 and 120 days).
    assert tijd["afgerond"] == {"verblijven": 2, "mediaan_dagen": 110.5, "p90_dagen": 118.1}
    # Staying: placed 3 to 8 March, so 114 down to 119 days on 30 June.
    assert tijd["lopend"] == {"personen": 6, "mediaan_dagen": 116.5, "p90_dagen": 118.5}


def test_perspectives_contact_persons_and_care_needs_of_the_open_cases_small_cells_suppressed():
    app = bbb_app()
    for n, v in enumerate(VNUMMERS):
        opdracht(app, "perspectief", v, datum=D(2024, 4, 1), perspectief="terugkeer" if n < 7 else "doormigratie")
        if n < 6:
            opdracht(app, "zorgbehoefte", v, datum=D(2024, 4, 1), zorgbehoefte="somatisch" if n < 5 else "psychisch")
        if n < 3:
            opdracht(app, "contactpersoon", v, datum=D(2024, 4, 1), contactpersoon=f"bz-04{n}")
    opdracht(app, "perspectief", VNUMMERS[0], datum=D(2024, 5, 1), perspectief="legalisering")
    opdracht(app, "uitstroom", VNUMMERS[11], datum=D(2024, 5, 2), uitstroomreden="doormigratie")

    r = rapport(app, D(2024, 3, 31), D(2024, 5, 31))

    assert r[D(2024, 3, 31)]["perspectieven"] == {"terugkeer": 0, "doormigratie": 0, "legalisering": 0, "geen": 12}
    mei = r[D(2024, 5, 31)]
    assert mei["zaken_open"] == 11
    assert mei["perspectieven"] == {"terugkeer": 6, "doormigratie": 4, "legalisering": 1, "geen": 0}
    assert mei["zorgbehoeften"] == {"somatisch": 5, "psychisch": "<5", "mobiliteit": "<5", "cognitief": "<5",
                                    "verslaving": "<5"}
    assert mei["zonder_contactpersoon"] == 8
    assert mei["uitstroom"]["maand"]["per_reden"]["doormigratie"] == 1


def test_a_report_on_a_peildatum_is_the_same_whatever_came_after_it():
    app = bbb_app()
    voor = rapport(app, D(2024, 4, 30), D(2024, 6, 30))

    app.verwerk_batch([afwijzing(VNUMMERS[4], D(2024, 9, 2))])  # reopens nothing: the case runs
    opdracht(app, "uitstroom", VNUMMERS[5], datum=D(2024, 8, 1), uitstroomreden="overleden")
    assert app.verwerk_batch([vertrokken(VNUMMERS[5], "snov", D(2024, 8, 2), "overleden")]) == []

    assert rapport(app, D(2024, 4, 30), D(2024, 6, 30)) == voor
    augustus = rapport(app, D(2024, 8, 31))[D(2024, 8, 31)]
    assert augustus["in_bbb_opvang"] == 7 and augustus["bbb_bezetting"]["totaal"] == 5
