"""The Spreidingswet taakstelling on a peildatum: the seed's 520 of 817 on 1 August 2024, and a later decision that replaces an earlier one from its besluitdatum on."""

from __future__ import annotations

import pytest
from application_hulp import ENV, D
from locaties_hulp import geopend, rapport, spreiding

from services.opvang.application import Opvang
from services.opvang.domain.spreidingstaakstelling import (
    AmvBovenTaakstellingFout, IndicatiefNaVerdeelbesluitFout, RealiserenVoorBesluitFout, Spreidingstaakstelling)


@pytest.fixture
def opvang() -> Opvang:
    return Opvang(env=ENV, pseudoniem_sleutel="test", vandaag=lambda: D(2024, 12, 1))


def de_seed(opvang: Opvang) -> None:
    """Seed 001 §1.1: 817 places per 1 July 2025, indicatively 69 AMV; 400 structural places at the
    Dommer van Poldersveldtweg and 120 temporary ones at the Stieltjesstraat, which closes in
    September 2027. (The opening dates and the day in September are ours: the seed gives none.)"""
    assert opvang.verwerk_batch([
        spreiding(817, D(2024, 2, 1), amv=69, realiseren_per=D(2025, 7, 1)),
        geopend("azc-dommer", "azc", 400, D(2017, 1, 1), naam="Dommer van Poldersveldtweg"),
        geopend("azc-stieltjesstraat", "noodopvang", 120, D(2023, 3, 1), naam="Stieltjesstraat",
                geplande_sluiting=D(2027, 9, 30)),
    ]) == []


def test_the_seed_on_1_august_2024_520_of_817_and_297_still_to_go(opvang):
    de_seed(opvang)

    r = rapport(opvang, D(2024, 8, 1))

    assert r["spreidingstaakstelling"] == {
        "cyclus": "2024-2026", "fase": "indicatief", "besluitdatum": "2024-02-01", "plekken": 817, "amv_plekken": 69,
        "realiseren_per": "2025-07-01", "capaciteit_telt_mee": 520, "gerealiseerd": 520, "nog_te_gaan": 297,
        "amv": {"plekken": 69, "capaciteit_telt_mee": 0, "gerealiseerd": 0, "nog_te_gaan": 69},
    }
    assert r["bezetting"]["per_locatie"]["azc-stieltjesstraat"]["geplande_sluiting"] == "2027-09-30"
    # Before the law's first decision there is no taakstelling, but the places that would count are known.
    eerder = rapport(opvang, D(2024, 1, 31))["spreidingstaakstelling"]
    assert (eerder["plekken"], eerder["nog_te_gaan"], eerder["capaciteit_telt_mee"]) == (None, None, 520)


def test_an_amv_location_counts_for_the_whole_and_for_the_amv_part_and_tgo_or_zorg_places_for_neither(opvang):
    de_seed(opvang)
    assert opvang.verwerk_batch([geopend("amv-nijmegen", "amv", 12, D(2024, 11, 15)),
                                 geopend("tgo-nijmegen", "tgo", 80, D(2024, 11, 15)),
                                 geopend("zorg-nijmegen", "zorg", 20, D(2024, 11, 15))]) == []

    taak = rapport(opvang, D(2024, 12, 1))["spreidingstaakstelling"]

    assert (taak["capaciteit_telt_mee"], taak["nog_te_gaan"]) == (532, 285)
    assert taak["amv"] == {"plekken": 69, "capaciteit_telt_mee": 12, "gerealiseerd": 12, "nog_te_gaan": 57}


def test_a_verdeelbesluit_replaces_the_indicative_figure_from_its_besluitdatum_on(opvang):
    de_seed(opvang)
    opvang.verwerk_batch([spreiding(760, D(2024, 10, 1), fase="verdeelbesluit", amv=60)])

    voor, op = rapport(opvang, D(2024, 9, 30)), rapport(opvang, D(2024, 10, 1))

    assert (voor["spreidingstaakstelling"]["fase"], voor["spreidingstaakstelling"]["plekken"]) == ("indicatief", 817)
    assert voor["spreidingstaakstelling"]["nog_te_gaan"] == 297  # an earlier peildatum keeps the earlier figure
    assert op["spreidingstaakstelling"]["fase"] == "verdeelbesluit"
    assert (op["spreidingstaakstelling"]["plekken"], op["spreidingstaakstelling"]["nog_te_gaan"]) == (760, 240)
    assert op["spreidingstaakstelling"]["amv"]["plekken"] == 60


def test_more_places_than_asked_are_all_realised_and_nothing_is_still_to_go(opvang):
    opvang.verwerk_batch([spreiding(300, D(2024, 2, 1)), geopend("azc-dommer", "azc", 400, D(2017, 1, 1))])

    taak = rapport(opvang, D(2024, 8, 1))["spreidingstaakstelling"]

    assert (taak["capaciteit_telt_mee"], taak["gerealiseerd"], taak["nog_te_gaan"]) == (400, 300, 0)
    assert taak["amv"] == {"plekken": None, "capaciteit_telt_mee": 0, "gerealiseerd": None, "nog_te_gaan": None}


def test_the_next_cyclus_is_reported_once_it_is_decided_and_the_same_decision_twice_is_one(opvang):
    de_seed(opvang)
    herhaald = spreiding(817, D(2024, 2, 1), amv=69)  # the same decision, sent again with another id
    volgende = spreiding(900, D(2026, 2, 1), cyclus="2026-2028", realiseren_per=D(2027, 7, 1))
    opvang.verwerk_batch([herhaald])
    opvang.vandaag = lambda: D(2026, 2, 1)
    opvang.verwerk_batch([volgende])

    assert rapport(opvang, D(2026, 1, 31))["spreidingstaakstelling"]["cyclus"] == "2024-2026"
    assert rapport(opvang, D(2026, 2, 1))["spreidingstaakstelling"]["cyclus"] == "2026-2028"
    events = opvang.events.get(Spreidingstaakstelling.create_id("0268", "2024-2026"))
    assert [type(e).__name__ for e in events] == ["Vastgesteld"]


def test_another_gemeentes_taakstelling_is_not_for_us_and_nonsense_is_rejected(opvang):
    arnhem = spreiding(500, D(2024, 2, 1), gemeentecode="0202")
    te_veel_amv = spreiding(50, D(2024, 2, 1), amv=69)
    te_laat = spreiding(817, D(2024, 11, 1), realiseren_per=D(2024, 7, 1))

    afgewezen = opvang.verwerk_batch([arnhem, te_veel_amv, te_laat])

    assert afgewezen == [(te_veel_amv, "domeinregel:AmvBovenTaakstellingFout"),
                         (te_laat, "domeinregel:RealiserenVoorBesluitFout")]
    assert rapport(opvang, D(2024, 12, 1))["spreidingstaakstelling"]["plekken"] is None


def test_no_indicative_figure_after_the_verdeelbesluit_of_the_same_cyclus():
    taak = Spreidingstaakstelling.stel_in("0268", "2024-2026", "verdeelbesluit", 817, 69, D(2025, 7, 1), D(2024, 10, 1))
    taak.stel_vast("indicatief", 800, 69, D(2025, 7, 1), D(2024, 2, 1))  # an older raming, learned late: history

    with pytest.raises(IndicatiefNaVerdeelbesluitFout):
        taak.stel_vast("indicatief", 800, 69, D(2025, 7, 1), D(2024, 11, 1))
    with pytest.raises(AmvBovenTaakstellingFout):
        taak.stel_vast("verdeelbesluit", 60, 69, D(2025, 7, 1), D(2024, 11, 1))
    with pytest.raises(RealiserenVoorBesluitFout):
        taak.stel_vast("verdeelbesluit", 817, 69, D(2024, 1, 1), D(2024, 11, 1))
    assert taak.geldend_op(D(2024, 9, 1))[2] == 800 and taak.geldend_op(D(2024, 10, 1))[2] == 817
