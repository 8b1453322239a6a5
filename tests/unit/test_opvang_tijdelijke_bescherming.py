"""The end of the temporary protection of ontheemden: 4 March 2026 by the RTB, a term the clock records, moved or reopened by the Rijk."""

from __future__ import annotations

import pytest
from application_hulp import historie
from ontheemden_hulp import OLENA, TARAS, D, geef, geplaatst, opvang, rapport, verlengd

from services.domain import Domeinfout
from services.domain.termijnkalender import Termijnkalender
from services.opvang import translation
from services.opvang.domain.tijdelijke_bescherming import TijdelijkeBescherming

BESCHERMING = TijdelijkeBescherming.create_id()


def kalender(app) -> dict[str, D]:
    return app.repository.get(Termijnkalender.create_id("opvang")).open_voor(BESCHERMING)


def bus(app) -> list[tuple[str, dict]]:
    """The bus events about the protection (about no person: no subject)."""
    return [(t, d.model_dump(mode="json")) for n in app.recorder.select_notifications(1, 1000)
            for t, s, d in translation.vertaal(app.mapper.to_domain_event(n)) if "bescherming" in t]


def test_the_first_registration_puts_the_end_of_protection_on_4_march_2026_in_the_term_calendar():
    app = opvang()

    geplaatst(app, OLENA, "particulier", D(2024, 3, 1))

    assert kalender(app) == {"tijdelijke-bescherming": D(2026, 3, 4)}
    assert rapport(app, D(2024, 3, 1))["tijdelijke_bescherming"] == {
        "einddatum": "2026-03-04", "besluitdatum": None, "van_kracht": True, "dagen_resterend": 733}


def test_the_day_after_the_last_day_the_clock_records_that_the_protection_ended():
    app = opvang()
    geplaatst(app, OLENA, "particulier", D(2024, 3, 1))

    assert app.verloop_tijd(D(2026, 3, 4)) == 0, "the last day is still protected"
    assert app.verloop_tijd(D(2026, 3, 5)) == 1

    assert historie(app, BESCHERMING) == ["Ingesteld", "Beeindigd"]
    assert kalender(app) == {}
    assert bus(app) == [("nl.opvang.tijdelijke-bescherming-beeindigd", {"einddatum": "2026-03-04"})]
    assert rapport(app, D(2026, 3, 5))["tijdelijke_bescherming"]["van_kracht"] is False
    with pytest.raises(Domeinfout) as fout:
        geef(app, "registreer-ontheemde", bsn=TARAS, datum="2026-03-05")
    assert fout.value.reden == "domeinregel:TijdelijkeBeschermingBeeindigdFout"


def test_a_decision_before_the_end_moves_the_term_and_the_clock_then_records_nothing_on_the_old_date():
    app = opvang()
    geplaatst(app, OLENA, "particulier", D(2024, 3, 1))

    assert app.verwerk_batch([verlengd(D(2027, 3, 4), D(2025, 7, 15))]) == []

    assert kalender(app) == {"tijdelijke-bescherming": D(2027, 3, 4)}
    assert app.verloop_tijd(D(2026, 3, 5)) == 0
    assert bus(app) == [("nl.opvang.tijdelijke-bescherming-verschoven", {
        "einddatum": "2027-03-04", "vorige_einddatum": "2026-03-04", "besluitdatum": "2025-07-15", "heropend": False})]
    assert rapport(app, D(2025, 7, 14))["tijdelijke_bescherming"]["einddatum"] == "2026-03-04", "not known yet"
    assert rapport(app, D(2025, 7, 15))["tijdelijke_bescherming"] == {
        "einddatum": "2027-03-04", "besluitdatum": "2025-07-15", "van_kracht": True, "dagen_resterend": 597}


def test_a_decision_after_the_clock_recorded_the_end_reopens_the_term():
    app = opvang()
    geplaatst(app, OLENA, "particulier", D(2024, 3, 1))
    app.verloop_tijd(D(2026, 3, 5))

    app.verwerk_batch([verlengd(D(2027, 3, 4), D(2026, 4, 1))])

    assert historie(app, BESCHERMING) == ["Ingesteld", "Beeindigd", "Verlengd"]
    assert kalender(app) == {"tijdelijke-bescherming": D(2027, 3, 4)}
    assert bus(app)[-1] == ("nl.opvang.tijdelijke-bescherming-verschoven", {
        "einddatum": "2027-03-04", "vorige_einddatum": "2026-03-04", "besluitdatum": "2026-04-01", "heropend": True})
    lapse = rapport(app, D(2026, 3, 20))["tijdelijke_bescherming"]
    assert (lapse["einddatum"], lapse["van_kracht"]) == ("2026-03-04", False)
    assert rapport(app, D(2026, 4, 1))["tijdelijke_bescherming"]["van_kracht"] is True
    assert app.verloop_tijd(D(2027, 3, 5)) == 1
    assert historie(app, BESCHERMING)[-1] == "Beeindigd"


def test_a_decision_made_after_the_end_records_the_end_first_whether_or_not_the_clock_ran():
    met_klok, zonder_klok = opvang(), opvang()
    for app in (met_klok, zonder_klok):
        geplaatst(app, OLENA, "particulier", D(2024, 3, 1))
    met_klok.verloop_tijd(D(2026, 3, 10))

    for app in (met_klok, zonder_klok):
        app.verwerk_batch([verlengd(D(2027, 3, 4), D(2026, 4, 1))])

    assert historie(met_klok, BESCHERMING) == historie(zonder_klok, BESCHERMING) == [
        "Ingesteld", "Beeindigd", "Verlengd"]
    assert bus(met_klok) == bus(zonder_klok)
    assert rapport(met_klok, D(2026, 6, 1)) == rapport(zonder_klok, D(2026, 6, 1))


def test_a_copy_of_the_decision_records_nothing_and_a_decision_that_does_not_extend_goes_to_the_dlq():
    app = opvang()
    app.verwerk_batch([verlengd(D(2027, 3, 4), D(2025, 7, 15))])
    voor = app.recorder.max_notification_id()

    kopie = verlengd(D(2027, 3, 4), D(2025, 7, 15))  # sent again, under another CloudEvent id
    korter = verlengd(D(2026, 9, 4), D(2025, 8, 1))
    afgewezen = app.verwerk_batch([kopie, korter])

    assert [(b.id, r) for b, r in afgewezen] == [(korter.id, "domeinregel:GeenVerlengingFout")]
    assert historie(app, BESCHERMING) == ["Ingesteld", "Verlengd"]
    assert app.recorder.max_notification_id() == voor + 1, "only the copy's receipt"


def test_a_decision_dated_past_the_window_of_the_future_goes_to_the_dlq():
    app = opvang(vandaag=D(2025, 7, 1))

    [(_, reden)] = app.verwerk_batch([verlengd(D(2027, 3, 4), D(2025, 9, 1))])

    assert reden == "domeinregel:ToekomstigeDatumFout"
    assert BESCHERMING not in app.repository
