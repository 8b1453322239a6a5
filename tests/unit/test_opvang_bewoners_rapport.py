"""Opvang's bewoner figures on a peildatum: moves per person and per child, uitstroom per reason, the right to opvang, bijzondere behoeften suppressed under 5, and their gauges."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from application_hulp import ENV, D, afwijzing, bericht
from bewoners_hulp import geplaatst, verplaatst, vertrokken
from events_hulp import VOORBEELDEN
from prometheus_client import REGISTRY

from events import huisvesting
from services.domain.kleine_aantallen import onderdruk, onderdruk_telling
from services.opvang import metrics
from services.opvang.application import Opvang
from services.rapportage.projectie import herbouw

VOLWASSEN = D(1990, 1, 1)


@pytest.fixture
def opvang() -> Opvang:
    return Opvang(env=ENV, pseudoniem_sleutel="test")


def rapport(app: Opvang, peildatum: dt.date) -> dict[str, Any]:
    return herbouw({"opvang": app}).rapport(peildatum)["opvang"]


def verhuisd(app: Opvang, vnummers: list[str], datum: dt.date, oude_datum: dt.date | None = None) -> Any:
    """Huisvesting's `verhuisd` (or, with `oude_datum`, its correction) for these persons."""
    soort = huisvesting.VERHUIZING_GECORRIGEERD if oude_datum else huisvesting.VERHUISD
    data = {**VOORBEELDEN[soort], "personen": [str(app.persoon(v)) for v in vnummers], "datum": datum.isoformat()}
    if oude_datum:
        data["oude_datum"] = oude_datum.isoformat()
    return bericht(soort, data, source="urn:nld:gemeente-nijmegen:welkom:huisvesting")


def test_moves_per_person_and_per_child_count_only_a_childs_moves_before_18(opvang):
    opvang.verwerk_batch([
        geplaatst("5000000001", "azc-dommer", D(2024, 1, 2), VOLWASSEN),  # never moved
        geplaatst("5000000002", "azc-dommer", D(2024, 1, 2), VOLWASSEN),
        verplaatst("5000000002", "azc-dommer", "tgo-stieltjesstraat", D(2024, 2, 1)),
        geplaatst("5000000003", "azc-dommer", D(2024, 1, 2)),  # age unknown, moved three times
        verplaatst("5000000003", "azc-dommer", "tgo-stieltjesstraat", D(2024, 2, 1)),
        verplaatst("5000000003", "tgo-stieltjesstraat", "azc-dommer", D(2024, 5, 1)),
        verplaatst("5000000003", "azc-dommer", "tgo-stieltjesstraat", D(2024, 9, 1)),
        geplaatst("5000000004", "azc-dommer", D(2024, 1, 2), D(2012, 8, 20)),  # Samir, 11
        verplaatst("5000000004", "azc-dommer", "tgo-stieltjesstraat", D(2024, 3, 1)),
        verplaatst("5000000004", "tgo-stieltjesstraat", "azc-dommer", D(2024, 4, 15)),  # 45 days later
        geplaatst("5000000005", "azc-dommer", D(2024, 1, 2), D(2006, 6, 1)),  # Noor turns 18 on 1 June
        verplaatst("5000000005", "azc-dommer", "tgo-stieltjesstraat", D(2024, 5, 1)),
        verplaatst("5000000005", "tgo-stieltjesstraat", "azc-dommer", D(2024, 6, 10)),  # an adult's move
    ])

    op_1_april, op_1_oktober = rapport(opvang, D(2024, 4, 1)), rapport(opvang, D(2024, 10, 1))

    assert op_1_oktober["verplaatsingen"] == 8
    assert op_1_oktober["verplaatsingen_per_persoon"] == {  # 0, 1, 3, 2, 2
        "personen": 5, "mediaan": 2, "p90": 2.6, "twee_of_meer": 3, "aandeel_twee_of_meer": 0.6}
    assert op_1_oktober["kinderen"] == {  # Samir 2, Noor 1 before she turned 18
        "personen": 2, "mediaan": 1.5, "p90": 1.9, "twee_of_meer": 1, "aandeel_twee_of_meer": 0.5,
        "verplaatsingen": 3, "herhaald_verplaatst": 1}
    assert op_1_april["kinderen"]["herhaald_verplaatst"] == 0
    assert op_1_april["verplaatsingen_per_persoon"]["twee_of_meer"] == 0
    assert rapport(opvang, D(2023, 12, 31))["verplaatsingen_per_persoon"] == {
        "personen": 0, "mediaan": None, "p90": None, "twee_of_meer": 0, "aandeel_twee_of_meer": None}


def test_uitstroom_per_reason_in_the_month_and_year_of_the_peildatum_on_the_corrected_date(opvang):
    vnummers = ["5100000001", "5100000002", "5100000003", "5100000004"]
    opvang.verwerk_batch([geplaatst(v, "azc-dommer", D(2023, 6, 1), VOLWASSEN) for v in vnummers])
    opvang.verwerk_batch([
        verhuisd(opvang, ["5100000001"], D(2024, 10, 3)),
        vertrokken("5100000002", "azc-dommer", D(2024, 9, 20), "zelfstandig-vertrokken"),
        vertrokken("5100000003", "azc-dommer", D(2023, 12, 31), "overleden"),
        vertrokken("5100000004", "azc-dommer", D(2024, 10, 20), "onbekend"),
    ])

    uit = rapport(opvang, D(2024, 10, 15))["uitstroom"]

    assert uit["maand"] == {"periode": "2024-10", "totaal": 1, "per_reden": {
        "gehuisvest": 1, "zelfstandig-vertrokken": 0, "overgeplaatst-andere-gemeente": 0,
        "einde-recht-op-opvang": 0, "overleden": 0, "onbekend": 0}}
    assert (uit["jaar"]["periode"], uit["jaar"]["totaal"]) == ("2024", 2)
    assert {r: n for r, n in uit["jaar"]["per_reden"].items() if n} == {"gehuisvest": 1, "zelfstandig-vertrokken": 1}
    assert rapport(opvang, D(2023, 12, 31))["uitstroom"]["maand"]["per_reden"]["overleden"] == 1

    opvang.verwerk_batch([verhuisd(opvang, ["5100000001"], D(2024, 9, 28), oude_datum=D(2024, 10, 3))])

    na_correctie = rapport(opvang, D(2024, 10, 15))["uitstroom"]
    assert na_correctie["maand"]["totaal"] == 0
    assert na_correctie["jaar"]["per_reden"]["gehuisvest"] == 1
    eind_september = rapport(opvang, D(2024, 9, 30))["uitstroom"]  # the wrong date had not come yet
    assert {r: n for r, n in eind_september["maand"]["per_reden"].items() if n} == {
        "gehuisvest": 1, "zelfstandig-vertrokken": 1}


def test_the_right_to_opvang_ends_after_28_days_for_who_still_stays_the_same_whether_the_clock_ran_or_not(opvang):
    amal, omar = "5200000001", "5200000002"
    opvang.verwerk_batch([geplaatst(v, "azc-dommer", D(2024, 3, 1), VOLWASSEN) for v in (amal, omar)])
    opvang.verwerk_batch([afwijzing(amal, D(2024, 5, 1)), afwijzing(omar, D(2024, 5, 1))])
    opvang.verwerk_batch([vertrokken(omar, "azc-dommer", D(2024, 5, 20), "zelfstandig-vertrokken"),
                          vertrokken(amal, "azc-dommer", D(2024, 6, 12), "einde-recht-op-opvang")])
    peildata = [D(2024, 4, 30), D(2024, 5, 15), D(2024, 5, 29), D(2024, 5, 30), D(2024, 6, 12)]

    def cijfers() -> list[tuple[int, dict[str, int]]]:
        return [(r["vertrektermijn_lopend"], r["recht_op_opvang_beeindigd"])
                for r in (rapport(opvang, d) for d in peildata)]

    zonder_klok = cijfers()
    opvang.verloop_tijd(D(2024, 7, 1))

    assert zonder_klok == cijfers() == [
        (0, {"personen": 0, "nog_in_opvang": 0}),
        (2, {"personen": 0, "nog_in_opvang": 0}),
        (1, {"personen": 0, "nog_in_opvang": 0}),  # Omar left on the 20th; the 29th is Amal's last day
        (0, {"personen": 1, "nog_in_opvang": 1}),  # Amal stays without a right
        (0, {"personen": 1, "nog_in_opvang": 0}),  # until she leaves
    ]


def test_bijzondere_behoeften_of_who_stays_are_shown_from_5_and_smaller_cells_as_under_5(opvang):
    medisch = [f"53000000{i:02d}" for i in range(5)]
    opvang.verwerk_batch([geplaatst(v, "azc-dommer", D(2024, 1, 2), VOLWASSEN, "medisch") for v in medisch])
    opvang.verwerk_batch([geplaatst("5300000010", "azc-dommer", D(2024, 1, 2), VOLWASSEN, "lhbtiq"),
                          geplaatst("5300000011", "azc-dommer", D(2024, 1, 2), VOLWASSEN)])

    behoeften = rapport(opvang, D(2024, 2, 1))["bijzondere_behoeften"]
    assert behoeften == {"medisch": 5, "psychisch": "<5", "beperking": "<5", "zwangerschap": "<5",
                         "alleenstaande-minderjarige": "<5", "alleenstaande-ouder": "<5", "lhbtiq": "<5"}

    opvang.verwerk_batch([vertrokken(medisch[0], "azc-dommer", D(2024, 3, 1), "zelfstandig-vertrokken")])

    assert rapport(opvang, D(2024, 3, 1))["bijzondere_behoeften"]["medisch"] == "<5"
    assert rapport(opvang, D(2024, 2, 1))["bijzondere_behoeften"]["medisch"] == 5, "a past peildatum stays the same"
    assert all(isinstance(n, str) or n >= 5 for n in json.loads(json.dumps(behoeften)).values())


def test_small_cells_are_suppressed_alike_from_0_to_4():
    assert [onderdruk(n) for n in range(7)] == ["<5", "<5", "<5", "<5", "<5", 5, 6]
    assert onderdruk_telling({"a": 12, "b": 1, "c": 0}) == {"a": 12, "b": "<5", "c": "<5"}


def test_the_gauges_show_the_children_moved_again_and_the_uitstroom_per_reason(opvang):
    opvang.verwerk_batch([
        geplaatst("5400000001", "azc-dommer", D(2024, 1, 2), D(2015, 1, 1)),
        verplaatst("5400000001", "azc-dommer", "tgo-stieltjesstraat", D(2024, 2, 1)),
        verplaatst("5400000001", "tgo-stieltjesstraat", "azc-dommer", D(2024, 2, 15)),
        geplaatst("5400000002", "azc-dommer", D(2024, 1, 2), VOLWASSEN),
        vertrokken("5400000002", "azc-dommer", D(2024, 2, 20), "overgeplaatst-andere-gemeente"),
    ])
    metrics.werk_bij(rapport(opvang, D(2024, 1, 31)))
    assert REGISTRY.get_sample_value("welkom_opvang_kinderen_herhaald_verplaatst_personen") == 0

    metrics.werk_bij(rapport(opvang, D(2024, 2, 29)))

    assert REGISTRY.get_sample_value("welkom_opvang_kinderen_herhaald_verplaatst_personen") == 1
    assert REGISTRY.get_sample_value("welkom_opvang_uitstroom_personen",
                                     {"periode": "maand", "reden": "overgeplaatst-andere-gemeente"}) == 1
    assert REGISTRY.get_sample_value("welkom_opvang_twee_of_meer_verplaatsingen_aandeel", {"groep": "kinderen"}) == 1
    assert REGISTRY.get_sample_value("welkom_opvang_kinderen_verplaatsingen_per_persoon", {"kwantiel": "0.5"}) == 2
