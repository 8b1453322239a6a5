"""Reception locations: their dated capacity, opening and closing, who may change them, and the occupancy on any peildatum."""

from __future__ import annotations

import pytest
from application_hulp import ENV, D, plaatsing, verplaatsing
import ontheemden_hulp as ontheemden
from locaties_hulp import capaciteit, geopend, gesloten, rapport, verhuisd
from prometheus_client import REGISTRY

from events import opvang as bus
from services.domain.toekomst import ToekomstigeDatumFout
from services.opvang import metrics
from services.opvang.application import Opvang
from services.opvang.commands_locaties import COMMANDS_LOCATIES, LocatieCapaciteit, LocatieOpening, LocatieSluiting
from services.opvang.domain.locatie import (
    COA, AndereBeheerderFout, Locatie, LocatieGeslotenFout, OngeldigeCapaciteitFout, SluitingVoorOpeningFout,
    WijzigingVoorOpeningFout)
from services.opvang.translation import vertaal
from services.rapportage.projectie import Projectie


@pytest.fixture
def opvang() -> Opvang:
    return Opvang(env=ENV, pseudoniem_sleutel="test", vandaag=lambda: D(2024, 12, 1))


def stieltjesstraat() -> Locatie:
    return Locatie.open("azc-stieltjesstraat", "Stieltjesstraat", "0268", "noodopvang", COA, 120, D(2023, 3, 1),
                        geplande_sluiting=D(2027, 9, 30))


# -- the aggregate -------------------------------------------------------------------------------


def test_a_location_has_its_capacity_from_each_change_on_also_when_a_change_arrives_late():
    locatie = stieltjesstraat()
    locatie.wijzig_capaciteit(150, D(2024, 9, 1))
    locatie.wijzig_capaciteit(100, D(2024, 3, 1))  # news of an earlier change, after the later one

    assert [locatie.capaciteit_op(d) for d in (D(2023, 2, 28), D(2023, 3, 1), D(2024, 3, 1), D(2024, 9, 1))] == [
        0, 120, 100, 150]
    locatie.sluit(D(2025, 1, 1))
    assert locatie.capaciteit_op(D(2024, 12, 31)) == 150 and locatie.capaciteit_op(D(2025, 1, 1)) == 0
    assert [type(e).__name__ for e in locatie.collect_events()] == [
        "Geopend", "CapaciteitGewijzigd", "CapaciteitGewijzigd", "Gesloten"]


def test_the_capacity_it_already_has_on_that_date_records_nothing():
    locatie = stieltjesstraat()
    locatie.wijzig_capaciteit(120, D(2024, 1, 1))

    assert [type(e).__name__ for e in locatie.collect_events()] == ["Geopend"]


@pytest.mark.parametrize("onzin, fout", [
    (lambda: Locatie.open("x", "X", "0268", "azc", COA, -1, D(2024, 1, 1)), OngeldigeCapaciteitFout),
    (lambda: Locatie.open("x", "X", "0268", "azc", COA, 10, D(2024, 1, 1), D(2023, 12, 31)), SluitingVoorOpeningFout),
    (lambda: stieltjesstraat().wijzig_capaciteit(-5, D(2024, 1, 1)), OngeldigeCapaciteitFout),
    (lambda: stieltjesstraat().wijzig_capaciteit(80, D(2023, 2, 1)), WijzigingVoorOpeningFout),
    (lambda: stieltjesstraat().sluit(D(2023, 2, 1)), SluitingVoorOpeningFout),
], ids=["negative capacity", "planned closing before opening", "negative change", "change before opening",
        "closing before opening"])
def test_nonsense_is_refused(onzin, fout):
    with pytest.raises(fout):
        onzin()


def test_a_closed_location_takes_no_change_and_no_second_closing():
    locatie = stieltjesstraat()
    locatie.sluit(D(2024, 6, 1))

    with pytest.raises(LocatieGeslotenFout):
        locatie.wijzig_capaciteit(50, D(2024, 5, 1))
    with pytest.raises(LocatieGeslotenFout):
        locatie.sluit(D(2024, 7, 1))


def test_only_who_runs_a_location_changes_it():
    with pytest.raises(AndereBeheerderFout):
        stieltjesstraat().eis_beheerder("gemeente")


# -- the application: COA's events and staff's commands ------------------------------------------


def test_coa_opens_changes_and_closes_and_each_is_published_without_a_person(opvang):
    assert opvang.verwerk_batch([
        geopend("azc-dommer", "azc", 400, D(2017, 1, 1)), capaciteit("azc-dommer", 420, D(2024, 9, 1)),
        gesloten("azc-dommer", D(2024, 11, 1)),
    ]) == []

    events = [uit for n in opvang.recorder.select_notifications(1, 100)
              for uit in vertaal(opvang.mapper.to_domain_event(n))]
    assert [(t, s) for t, s, _ in events] == [(bus.LOCATIE_GEREGISTREERD, None),
                                              (bus.LOCATIE_CAPACITEIT_GEREGISTREERD, None),
                                              (bus.LOCATIE_SLUITING_GEREGISTREERD, None)]
    assert events[0][2].model_dump() == {
        "locatie_id": "azc-dommer", "naam": "azc-dommer", "soort": "azc", "beheerder": "coa", "capaciteit": 400,
        "datum": D(2017, 1, 1), "geplande_sluiting": None}


def test_another_gemeentes_location_is_not_for_us_and_an_unknown_one_is_rejected(opvang):
    arnhem = geopend("azc-arnhem", "azc", 300, D(2024, 1, 1), gemeentecode="0202")
    onbekend = capaciteit("azc-onbekend", 10, D(2024, 2, 1))
    dubbel = geopend("azc-dommer", "azc", 500, D(2024, 3, 1))

    afgewezen = opvang.verwerk_batch([arnhem, gesloten("azc-arnhem", D(2024, 2, 1), gemeentecode="0202"),
                                      geopend("azc-dommer", "azc", 400, D(2017, 1, 1)), onbekend, dubbel])

    assert afgewezen == [(onbekend, "domeinregel:LocatieOnbekendFout"), (dubbel, "domeinregel:LocatieBestaatAlFout")]
    assert rapport(opvang, D(2024, 6, 1))["bezetting"]["capaciteit"] == 400


def test_a_location_opened_too_far_ahead_is_rejected(opvang):
    ver_vooruit = geopend("azc-nieuw", "azc", 100, D(2025, 6, 1))

    assert opvang.verwerk_batch([ver_vooruit]) == [(ver_vooruit, f"domeinregel:{ToekomstigeDatumFout.__name__}")]


def opdracht(naam: str):
    return next(o for o in COMMANDS_LOCATIES if o.naam == naam)


def test_staff_register_the_gemeentes_own_location_and_cannot_touch_coas(opvang):
    opvang.verwerk_batch([geopend("azc-dommer", "azc", 400, D(2017, 1, 1))])
    opdracht("open-locatie").voer_uit(opvang, LocatieOpening(
        locatie_id="oekraine-tarweweg", naam="Tarweweg", soort="oekraine", capaciteit=300, datum=D(2022, 4, 1),
        geplande_sluiting=D(2025, 12, 31)), "k-1")
    opdracht("wijzig-capaciteit").voer_uit(opvang, LocatieCapaciteit(
        locatie_id="oekraine-tarweweg", capaciteit=250, datum=D(2024, 9, 1)), "k-2")

    with pytest.raises(AndereBeheerderFout):
        opdracht("sluit-locatie").voer_uit(opvang, LocatieSluiting(locatie_id="azc-dommer", datum=D(2024, 9, 1)), "k-3")

    r = rapport(opvang, D(2024, 10, 1))
    assert r["locaties"]["oekraine"] == {"aantal": 1, "capaciteit": 250, "bezetting": 0}
    assert r["bezetting"]["per_locatie"]["oekraine-tarweweg"]["geplande_sluiting"] == "2025-12-31"
    assert r["spreidingstaakstelling"]["capaciteit_telt_mee"] == 400  # the gemeente's own places do not count
    assert all(o.persoon(opvang, None) is None for o in COMMANDS_LOCATIES)


# -- occupancy on a peildatum ----------------------------------------------------------------------


def test_occupancy_follows_placements_moves_and_move_ins_against_capacity(opvang):
    opvang.verwerk_batch([
        geopend("azc-dommer", "azc", 3, D(2017, 1, 1)),
        geopend("azc-stieltjesstraat", "noodopvang", 2, D(2023, 3, 1), geplande_sluiting=D(2027, 9, 30)),
        plaatsing("3000000001", "azc-dommer", D(2024, 1, 1)),
        plaatsing("3000000002", "azc-dommer", D(2024, 1, 2)),
        plaatsing("3000000003", "azc-stieltjesstraat", D(2024, 1, 3)),
        plaatsing("3000000004", "azc-dommer", D(2024, 2, 1)),
        plaatsing("3000000005", "azc-dommer", D(2024, 2, 2)),  # four in three places
        verplaatsing("3000000005", "azc-dommer", "azc-stieltjesstraat", D(2024, 3, 1)),
        plaatsing("3000000006", "azc-elders", D(2024, 3, 1)),  # a location opvang has no record of
    ])
    opvang.verwerk_batch([verhuisd(opvang, ("3000000001", "3000000002"), D(2024, 4, 1))])

    def bezetting(peildatum):
        b = rapport(opvang, peildatum)["bezetting"]
        return {i: (p["bezetting"], p["capaciteit"]) for i, p in b["per_locatie"].items()}, b

    assert bezetting(D(2023, 12, 31))[0] == {"azc-dommer": (0, 3), "azc-stieltjesstraat": (0, 2)}
    per_locatie, totaal = bezetting(D(2024, 2, 15))
    assert per_locatie == {"azc-dommer": (4, 3), "azc-stieltjesstraat": (1, 2)}
    assert totaal["locaties_boven_capaciteit"] == 1 and (totaal["bezetting"], totaal["capaciteit"]) == (5, 5)
    per_locatie, totaal = bezetting(D(2024, 3, 1))
    assert per_locatie == {"azc-dommer": (3, 3), "azc-elders": (1, None), "azc-stieltjesstraat": (2, 2)}
    assert totaal["buiten_open_locaties"] == 1 and totaal["locaties_boven_capaciteit"] == 0
    assert totaal["per_locatie"]["azc-elders"]["soort"] is None
    assert bezetting(D(2024, 4, 1))[0]["azc-dommer"] == (1, 3)  # the household moved in

    per_soort = rapport(opvang, D(2024, 4, 1))["locaties"]
    assert per_soort["azc"] == {"aantal": 1, "capaciteit": 3, "bezetting": 1}
    assert per_soort["noodopvang"] == {"aantal": 1, "capaciteit": 2, "bezetting": 2}
    assert per_soort["tgo"] == {"aantal": 0, "capaciteit": 0, "bezetting": 0}


def test_a_closed_location_has_no_places_and_whoever_is_left_there_shows(opvang):
    opvang.verwerk_batch([geopend("azc-dommer", "azc", 400, D(2017, 1, 1)),
                          geopend("tgo-1", "noodopvang", 50, D(2023, 1, 1)),
                          plaatsing("3000000001", "tgo-1", D(2024, 1, 1)),
                          gesloten("tgo-1", D(2024, 6, 1))])

    voor, na = rapport(opvang, D(2024, 5, 31)), rapport(opvang, D(2024, 6, 1))

    assert voor["locaties"]["noodopvang"] == {"aantal": 1, "capaciteit": 50, "bezetting": 1}
    assert na["locaties"]["noodopvang"] == {"aantal": 0, "capaciteit": 0, "bezetting": 0}
    assert na["bezetting"]["per_locatie"]["tgo-1"] == {
        "naam": "tgo-1", "soort": "noodopvang", "capaciteit": None, "bezetting": 1, "geplande_sluiting": None}
    assert na["bezetting"]["buiten_open_locaties"] == 1
    assert (voor["spreidingstaakstelling"]["capaciteit_telt_mee"], na["spreidingstaakstelling"]["capaciteit_telt_mee"]) == (
        450, 400)


def test_the_gauges_show_places_and_persons_per_soort_and_location(opvang):
    opvang.verwerk_batch([geopend("azc-dommer", "azc", 400, D(2017, 1, 1)),
                          plaatsing("3000000001", "azc-dommer", D(2024, 1, 1))])

    metrics.werk_bij(rapport(opvang, D(2024, 6, 1)))

    def waarde(naam, **labels):
        return REGISTRY.get_sample_value(naam, labels)
    assert waarde("welkom_opvang_capaciteit_plekken", soort="azc") == 400
    assert waarde("welkom_opvang_bezetting_personen", soort="azc") == 1
    assert waarde("welkom_opvang_locatie_bezetting_personen", locatie="azc-dommer") == 1
    assert waarde("welkom_opvang_spreidingstaakstelling_capaciteit_plekken", doelgroep="alle") == 400
    assert waarde("welkom_opvang_spreidingstaakstelling_plekken", doelgroep="alle") is None  # no taakstelling known


def test_ontheemden_count_in_the_oekraine_location_they_stay_in_not_in_particuliere_opvang():
    app = ontheemden.opvang()
    opdracht("open-locatie").voer_uit(app, LocatieOpening(
        locatie_id="tarweweg", naam="Tarweweg", soort="oekraine", capaciteit=2, datum=D(2022, 4, 1)), None)
    ontheemden.geplaatst(app, ontheemden.OLENA, "tarweweg", D(2024, 1, 1))
    ontheemden.geplaatst(app, ontheemden.TARAS, "tarweweg", D(2024, 1, 1))
    ontheemden.geef(app, "verplaats-ontheemde", bsn=ontheemden.TARAS, locatie_id="particulier", datum="2024-02-01")

    assert rapport(app, D(2024, 1, 31))["locaties"]["oekraine"] == {"aantal": 1, "capaciteit": 2, "bezetting": 2}
    assert rapport(app, D(2024, 2, 1))["bezetting"]["per_locatie"]["tarweweg"]["bezetting"] == 1
    assert rapport(app, D(2024, 2, 1))["bezetting"]["buiten_open_locaties"] == 0


def test_an_ontheemde_placed_later_counts_in_the_live_views_and_the_gauge_of_that_oekraine_locatie():
    """Helpers disagreed whether ontheemden show in a location's occupancy: they do, also in views
    kept current step by step (not rebuilt), and in the location's gauge."""
    app = ontheemden.opvang()
    live = Projectie({"opvang": app})
    opdracht("open-locatie").voer_uit(app, LocatieOpening(
        locatie_id="tarweweg", naam="Tarweweg", soort="oekraine", capaciteit=250, datum=D(2022, 6, 1)), None)
    live.bij()
    ontheemden.geplaatst(app, ontheemden.OLENA, "tarweweg", D(2024, 3, 1))
    live.bij()

    opvang = live.rapport(D(2024, 3, 1))["opvang"]
    assert opvang["bezetting"]["per_locatie"]["tarweweg"]["bezetting"] == 1
    assert opvang["locaties"]["oekraine"]["bezetting"] == opvang["ontheemden"]["per_locatie"]["tarweweg"] == 1
    metrics.werk_bij(opvang)
    assert REGISTRY.get_sample_value("welkom_opvang_locatie_bezetting_personen", {"locatie": "tarweweg"}) == 1
