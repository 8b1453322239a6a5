"""Opvang in the demo scenario: COA's and the gemeente's locations, stays with their behoeften, moves and departures, and the ontheemden, shaped like the seed."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from scenario_hulp import SEED, gespeeld, rapport, scenario, van
from stdnum.nl import bsn as stdnum_bsn

from events import brp, coa, ind, rijk
from services.demo.locaties import OEKRAINE
from services.demo.opvangwerk import werk
from services.opvang.domain.bewoner import BIJZONDERE_BEHOEFTEN, VERTREKREDENEN
from services.rapportage.pagina import maandeinden

D = dt.date


def stappen(soort: str) -> list[dict]:
    """The bodies of the opvang staff's planned commands of one kind."""
    return [g.body for g in werk(scenario(), SEED) if g.soort == soort]


# -- the inputs and the staff's plan ----------------------------------------------------------------


def test_the_same_seed_gives_the_same_staff_work_and_another_seed_other_work():
    assert werk(scenario(), 7) == werk(scenario(), 7)
    assert werk(scenario(), 7) != werk(scenario(), 8)


def test_placements_carry_birth_dates_and_some_a_bijzondere_behoefte_from_the_closed_list():
    plaatsingen = van(coa.ASIELZOEKER_GEPLAATST)
    behoeften = Counter(p.get("bijzondere_behoefte") for p in plaatsingen)

    assert all("geboortedatum" in p for p in plaatsingen)
    assert set(behoeften) - {None} == set(BIJZONDERE_BEHOEFTEN)
    assert sum(n for b, n in behoeften.items() if b) < len(plaatsingen) / 5


def test_coa_reports_departures_with_its_reasons_and_the_refused_leave_after_their_28_days():
    vertrokken = van(coa.ASIELZOEKER_VERTROKKEN)
    afgewezen = {a["vnummer"]: D.fromisoformat(a["besluitdatum"]) for a in van(ind.ASIELAANVRAAG_AFGEWEZEN)}
    einde_recht = [v for v in vertrokken if v["reden"] == "einde-recht-op-opvang"]

    assert {v["reden"] for v in vertrokken} >= set(VERTREKREDENEN) - {"overleden"}
    assert einde_recht and all(
        D.fromisoformat(v["datum"]) > afgewezen[v["vnummer"]] + dt.timedelta(days=28) for v in einde_recht)


def test_the_rijk_sets_817_places_of_which_69_amv_and_extends_the_protection_to_4_march_2027():
    assert [(s["plekken"], s["amv_plekken"], s["realiseren_per"]) for s in van(rijk.SPREIDINGSTAAKSTELLING_VASTGESTELD)
            ] == [(817, 69, "2025-07-01")]
    assert [v["einddatum"] for v in van(rijk.TIJDELIJKE_BESCHERMING_VERLENGD)] == ["2027-03-04"]


def test_the_oekraine_locaties_the_staff_register_hold_785_places_from_september_2022_on():
    for datum in (D(2022, 9, 1), D(2024, 3, 31), D(2024, 4, 1), D(2024, 12, 31)):
        assert sum(loc.plekken_op(datum) for loc in OEKRAINE) == 785, datum
    geopend = {o["locatie_id"]: o for o in stappen("locatie-geopend")}
    assert {"tgo-koudenhoek", "waalhaven", "tarweweg"} <= set(geopend)
    assert (geopend["waalhaven"]["geplande_sluiting"], geopend["tarweweg"]["geplande_sluiting"]) == (
        "2025-03-01", "2025-12-31")


def test_ontheemden_have_synthetic_valid_bsns_none_of_them_a_statushouders():
    bsns = {r["bsn"] for r in stappen("ontheemde-geregistreerd")}

    assert len(bsns) == len(stappen("ontheemde-geregistreerd")) > 785
    assert all(stdnum_bsn.is_valid(b) for b in bsns)
    assert not bsns & {b["bsn"] for b in van(brp.INGESCHREVEN_IMMIGRATIE)}


# -- played through the services with the demo's staff ----------------------------------------------


def test_the_opvang_staff_do_each_kind_of_thing_and_none_is_refused():
    _, personeel, afgewezen = gespeeld()

    assert afgewezen == [] and not personeel.geweigerd
    assert {"locatie-geopend", "locatie-capaciteit", "locatie-gesloten", "ontheemde-geregistreerd",
            "ontheemde-geplaatst", "ontheemde-verplaatst", "ontheemde-vertrokken", "eigen-bijdrage"
            } <= set(personeel.gedaan)


def test_on_1_august_2024_the_taakstelling_is_520_of_817_with_297_to_go_and_none_for_amv():
    taak = rapport(D(2024, 8, 1))["spreidingstaakstelling"]

    assert (taak["plekken"], taak["capaciteit_telt_mee"], taak["nog_te_gaan"]) == (817, 520, 297)
    assert (taak["amv"]["plekken"], taak["amv"]["gerealiseerd"], taak["amv"]["nog_te_gaan"]) == (69, 0, 69)


def test_the_785_oekraine_places_are_nearly_full_and_some_200_stay_in_private_shelter():
    for peildatum in (D(2023, 12, 31), D(2024, 8, 1), D(2024, 12, 31)):
        o = rapport(peildatum)["ontheemden"]
        assert (o["plekken"]["afspraak"], o["plekken"]["capaciteit"], o["plekken"]["tekort_op_afspraak"]) == (785, 785, 0)
        assert 750 <= o["in_gemeentelijke_opvang"] <= 785, peildatum
        assert 180 <= o["in_particuliere_opvang"] <= 260, peildatum
        assert o["verplaatsingen"] > 0 and o["vertrekken"]["terugkeer"] > 0
    te_vervangen = rapport(D(2024, 12, 31))["ontheemden"]["te_vervangen"]
    assert {i: (t["vervangen_per"], t["te_laat"]) for i, t in te_vervangen.items()} == {
        "waalhaven": ("2025-03-01", False), "tarweweg": ("2025-12-31", False)}


def test_every_ontheemde_in_an_oekraine_locatie_counts_in_its_occupancy():
    for peildatum in maandeinden(D(2022, 4, 1), D(2024, 12, 31))[::5]:
        opvang = rapport(peildatum)
        per_locatie = opvang["bezetting"]["per_locatie"]
        oekraine = {i: p["bezetting"] for i, p in per_locatie.items() if p["soort"] == "oekraine" and p["bezetting"]}
        assert oekraine == opvang["ontheemden"]["per_locatie"], peildatum
        assert opvang["locaties"]["oekraine"]["bezetting"] == opvang["ontheemden"]["in_gemeentelijke_opvang"]


def test_the_locations_are_full_but_hardly_over_their_places_at_any_month_end():
    for peildatum in maandeinden(D(2022, 4, 1), D(2024, 12, 31)):
        for locatie_id, p in rapport(peildatum)["bezetting"]["per_locatie"].items():
            assert p["capaciteit"] is None or p["bezetting"] <= p["capaciteit"] * 1.05, (peildatum, locatie_id)
    locaties = rapport(D(2024, 8, 1))["locaties"]
    assert locaties["azc"]["bezetting"] > 0.9 * locaties["azc"]["capaciteit"]
    assert locaties["tgo"]["bezetting"] > 0.8 * locaties["tgo"]["capaciteit"]


def test_few_are_moved_twice_yet_some_children_within_the_window_and_stays_end_for_every_reason():
    opvang = rapport(D(2024, 12, 31))
    kinderen, uitstroom = opvang["kinderen"], opvang["uitstroom"]["jaar"]["per_reden"]

    assert opvang["verplaatsingen_per_persoon"]["aandeel_twee_of_meer"] < 0.1
    assert 0 < kinderen["herhaald_verplaatst"] < kinderen["personen"] / 10
    assert max(uitstroom, key=uitstroom.get) == "gehuisvest"
    assert all(uitstroom[r] > 0 for r in ("zelfstandig-vertrokken", "overgeplaatst-andere-gemeente",
                                          "einde-recht-op-opvang", "onbekend"))
    assert opvang["recht_op_opvang_beeindigd"]["personen"] > 0


def test_the_bijzondere_behoeften_show_counts_and_small_cells_as_under_5():
    behoeften = rapport(D(2024, 8, 1))["bijzondere_behoeften"]

    assert set(behoeften) == set(BIJZONDERE_BEHOEFTEN)
    assert "<5" in behoeften.values() and any(isinstance(n, int) and n >= 5 for n in behoeften.values())


def test_the_eigen_bijdrage_is_decided_from_july_2024_and_the_protection_moves_to_2027():
    zomer, einde = rapport(D(2024, 8, 1))["ontheemden"], rapport(D(2024, 12, 31))["ontheemden"]

    assert rapport(D(2024, 6, 30))["ontheemden"]["eigen_bijdrage"]["onbekend"] == rapport(
        D(2024, 6, 30))["ontheemden"]["in_gemeentelijke_opvang"]
    assert 0 < zomer["eigen_bijdrage"]["plichtig"] < zomer["eigen_bijdrage"]["onbekend"]
    bijdrage = einde["eigen_bijdrage"]
    assert bijdrage["onbekend"] < 20 and bijdrage["plichtig"] < bijdrage["vrijgesteld"]
    assert all(n > 0 for n in bijdrage["per_grond"].values())
    assert zomer["tijdelijke_bescherming"]["einddatum"] == "2026-03-04"
    assert einde["tijdelijke_bescherming"]["einddatum"] == "2027-03-04"
