"""Huisvesting's dossiers in the report as known on the peildatum: their states, the 10-week term,
doorstroom homes, and dossiers blocked by a missing BSN or IBAN."""

from __future__ import annotations

import datetime as dt

import pytest
from huisvesting_rapport_hulp import ENV, D, inschrijving, koppeling, ontvang, rapport, taakstelling, verhuis, woning

from services.huisvesting.application import Huisvesting


@pytest.fixture
def app() -> Huisvesting:
    """BSN and IBAN block nobody here, except in the test about blocking."""
    return Huisvesting(env=ENV, pseudoniem_sleutel="test", vereist=())


def test_a_move_counts_from_its_date_and_the_dossier_passes_through_its_states(app):
    ontvang(app, taakstelling("2024-H1", 10))
    hoofd, k = koppeling(D(2024, 1, 10), grootte=2)
    ontvang(app, k, woning("W1", 2, D(2024, 3, 1)))
    persoon = app.persoon(hoofd)
    app.voer_uit(lambda uow: app.accepteer(uow, persoon, "W1", D(2024, 3, 5)))
    app.voer_uit(lambda uow: app.verhuis(uow, persoon, "W1", D(2024, 3, 12)))

    def op(datum: dt.date) -> tuple[int, int, dict[str, int]]:
        r = rapport(app, datum)
        status = {k: v for k, v in r["dossiers_per_status"].items() if v}
        return r["gerealiseerd"], r["dossiers_open"], status

    assert op(D(2024, 1, 9)) == (0, 0, {})
    assert op(D(2024, 2, 1)) == (0, 1, {"wachtend": 1})
    assert op(D(2024, 3, 4)) == (0, 1, {"aangeboden": 1})
    assert op(D(2024, 3, 11)) == (0, 1, {"geaccepteerd": 1})
    assert op(D(2024, 3, 12)) == (2, 0, {})
    assert rapport(app, D(2024, 3, 11))["personen_wachtend"] == 2


def test_a_household_past_the_10_week_term_without_an_offer_and_the_oldest_of_them(app):
    laat, k_laat = koppeling(D(2024, 1, 1), grootte=3)
    _, k_later = koppeling(D(2024, 1, 15), grootte=3)
    _, k_op_tijd = koppeling(D(2024, 1, 8), grootte=2)
    ontvang(app, k_laat, k_later, k_op_tijd, woning("W2", 2, D(2024, 3, 18)))  # on its term's last day

    assert rapport(app, D(2024, 3, 11))["over_termijn"] == {
        "aantal": 0, "oudste_koppeldatum": None, "oudste_dagen_wachtend": None}
    assert rapport(app, D(2024, 4, 1))["over_termijn"] == {
        "aantal": 2, "oudste_koppeldatum": "2024-01-01", "oudste_dagen_wachtend": 91}
    assert rapport(app, D(2024, 4, 1))["dossiers_over_termijn"] == 2

    ontvang(app, woning("W1", 3, D(2024, 4, 2)))  # too late: still past the term while open
    assert rapport(app, D(2024, 4, 3))["over_termijn"]["aantal"] == 2
    verhuis(app, laat, "W1", D(2024, 4, 10))
    assert rapport(app, D(2024, 4, 10))["over_termijn"] == {
        "aantal": 1, "oudste_koppeldatum": "2024-01-15", "oudste_dagen_wachtend": 86}


def test_a_single_moves_into_a_doorstroom_home_counts_once_and_stays_open_until_a_regular_home(app):
    ontvang(app, taakstelling("2024-H1", 10))
    alleen, k = koppeling(D(2024, 1, 10))
    ontvang(app, k, woning("F1", 1, D(2024, 2, 1), soort="doorstroom"))
    verhuis(app, alleen, "F1", D(2024, 2, 10))

    r = rapport(app, D(2024, 3, 1))
    assert (r["gerealiseerd"], r["dossiers_open"], r["dossiers_per_status"]["doorstroom"]) == (1, 1, 1)
    assert r["doorlooptijd"]["verhuizingen"] == 1

    ontvang(app, woning("W1", 1, D(2024, 4, 1)))
    verhuis(app, alleen, "W1", D(2024, 4, 10))
    r = rapport(app, D(2024, 5, 1))
    assert (r["gerealiseerd"], r["dossiers_open"], r["doorlooptijd"]["verhuizingen"]) == (1, 0, 1)


# -- blocked by a missing BSN or IBAN --------------------------------------------------------


def test_dossiers_blocked_by_a_missing_bsn_or_iban_and_for_how_long():
    app = Huisvesting(env=ENV, pseudoniem_sleutel="test", vereist=("bsn", "iban"))
    karim, k_karim = koppeling(D(2024, 1, 1))
    sara, k_sara = koppeling(D(2024, 1, 1), grootte=3)
    ontvang(app, k_karim, k_sara)

    r = rapport(app, D(2024, 1, 5))["geblokkeerd"]
    assert (r["dossiers"], r["ontbreekt_bsn"], r["ontbreekt_iban"]) == (2, 2, 2)
    assert rapport(app, D(2024, 1, 5))["dossiers_per_status"]["geblokkeerd"] == 2

    ontvang(app, inschrijving(sara, D(2024, 1, 6)), inschrijving(karim, D(2024, 1, 11)))
    app.voer_uit(lambda uow: app.registreer_iban(uow, app.persoon(karim), "NL91ABNA0417164300", D(2024, 1, 21)))

    assert rapport(app, D(2024, 2, 1))["geblokkeerd"] == {
        "dossiers": 1, "ontbreekt_bsn": 0, "ontbreekt_iban": 1,
        "ooit_geblokkeerd": 2, "dagen_totaal": 20 + 31, "dagen_mediaan": 25.5,
    }
    assert rapport(app, D(2024, 2, 1))["dossiers_per_status"] == {
        "wachtend": 1, "geblokkeerd": 1, "aangeboden": 0, "geaccepteerd": 0, "doorstroom": 0}
    assert rapport(app, D(2024, 1, 8))["geblokkeerd"]["ontbreekt_bsn"] == 1  # as known then

