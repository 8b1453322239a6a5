"""VWN's begeleiding through inburgering's inbox: recorded for every statushouder VWN names, refusals to the DLQ, the clock's end, and what goes on the bus."""

from __future__ import annotations

from application_hulp import historie, koppeling
from begeleiding_hulp import AMAL, BILAL, CELAL, D, beeindigd, bus, geweigerd, gestart, inburgering, opgeslagen_tekst, verlengd

from services.domain.termijnkalender import Termijnkalender
from services.inburgering.domain.begeleiding import Begeleiding


def test_vwn_starts_a_begeleiding_also_for_a_person_without_a_traject_and_the_bus_names_only_the_persoon_id():
    app = inburgering()

    assert geweigerd(app, koppeling(AMAL, D(2024, 1, 10)), gestart(AMAL, D(2024, 3, 1)), gestart(BILAL, D(2024, 3, 4))) == []

    begeleid = {v: app.repository.get(Begeleiding.create_id(app.persoon(v))) for v in (AMAL, BILAL)}
    assert {v: b.einddatum for v, b in begeleid.items()} == {AMAL: D(2024, 11, 1), BILAL: D(2024, 11, 4)}
    gestarte = [d for t, d in bus(app) if t == "nl.inburgeraars.maatschappelijke-begeleiding-gestart"]
    assert [(d["persoon_id"], d["datum"], d["einddatum"], d["uiterste_einddatum"]) for d in gestarte] == [
        (str(app.persoon(AMAL)), "2024-03-01", "2024-11-01", "2025-03-01"),
        (str(app.persoon(BILAL)), "2024-03-04", "2024-11-04", "2025-03-04")]
    assert AMAL not in opgeslagen_tekst(app) and BILAL not in str(bus(app))


def test_what_vwn_cannot_mean_goes_to_the_dlq_with_the_rule_it_breaks_and_changes_nothing():
    app = inburgering()
    geweigerd(app, gestart(AMAL, D(2024, 3, 1)))

    assert geweigerd(app, verlengd(CELAL, D(2024, 5, 1)), beeindigd(CELAL, D(2024, 5, 1)), gestart(AMAL, D(2024, 6, 1)),
                     verlengd(AMAL, D(2024, 5, 1), D(2025, 3, 2)), verlengd(AMAL, D(2024, 11, 2)),
                     beeindigd(AMAL, D(2024, 2, 1)), gestart(BILAL, D(2031, 1, 1))) == [
        "domeinregel:GeenBegeleidingFout", "domeinregel:GeenBegeleidingFout", "domeinregel:BegeleidingBestaatAlFout",
        "domeinregel:VerlengingTeLangFout", "domeinregel:BegeleidingAfgelopenFout", "domeinregel:DatumVoorStartFout",
        "domeinregel:ToekomstigeDatumFout"]
    assert historie(app, Begeleiding.create_id(app.persoon(AMAL))) == ["Gestart"]


def test_the_clock_records_the_end_of_8_months_or_of_the_extension_never_past_12():
    app = inburgering()
    geweigerd(app, gestart(AMAL, D(2024, 1, 15)), gestart(BILAL, D(2024, 1, 15)), gestart(CELAL, D(2024, 1, 15)),
              verlengd(BILAL, D(2024, 9, 1)), beeindigd(CELAL, D(2024, 6, 30)))
    kalender = app.repository.get(Termijnkalender.create_id("inburgering"))
    assert kalender.open_voor(Begeleiding.create_id(app.persoon(AMAL))) == {"begeleiding": D(2024, 9, 15)}
    assert kalender.open_voor(Begeleiding.create_id(app.persoon(CELAL))) == {}

    assert app.verloop_tijd(D(2024, 9, 15)) == 0, "the last day still runs"
    assert app.verloop_tijd(D(2024, 9, 16)) == 1
    assert app.verloop_tijd(D(2025, 1, 16)) == 1

    einden = [(d["persoon_id"], d["datum"], d["reden"]) for t, d in bus(app)
              if t == "nl.inburgeraars.maatschappelijke-begeleiding-beeindigd"]
    assert einden == [(str(app.persoon(CELAL)), "2024-06-30", "beeindigd-door-vwn"),
                      (str(app.persoon(AMAL)), "2024-09-15", "termijn-verstreken"),
                      (str(app.persoon(BILAL)), "2025-01-15", "termijn-verstreken")]
    assert app.verloop_tijd(D(2026, 1, 1)) == 0


def test_an_extension_decided_in_time_that_arrives_after_the_clock_reopens_the_begeleiding():
    app = inburgering()
    geweigerd(app, gestart(AMAL, D(2024, 1, 15)))
    app.verloop_tijd(D(2024, 10, 1))

    assert geweigerd(app, verlengd(AMAL, D(2024, 9, 10), D(2024, 11, 15))) == []

    verlenging = [d for t, d in bus(app) if t == "nl.inburgeraars.maatschappelijke-begeleiding-verlengd"]
    assert [(d["vorige_einddatum"], d["einddatum"], d["heropend"]) for d in verlenging] == [
        ("2024-09-15", "2024-11-15", True)]
    assert app.verloop_tijd(D(2024, 11, 16)) == 1
