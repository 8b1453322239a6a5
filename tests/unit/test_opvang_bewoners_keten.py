"""Opvang on the in-memory store as COA and the IND drive it: a child moved twice, the right to opvang ended by the clock, departures, what the bus and the audit show."""

from __future__ import annotations

from typing import Any, get_args

import pytest
from application_hulp import ENV, D, afwijzing, bewoner, historie
from bewoners_hulp import geplaatst, verplaatst, vertrokken

from events import coa, opvang as bus
from services import catalogus
from services.opvang import translation
from services.opvang.application import Opvang
from services.opvang.domain.bewoner import BIJZONDERE_BEHOEFTEN, VERTREKREDENEN, Bewoner
from services.rapportage.audit import tijdlijn
from services.rapportage.projectie import Projectie
from services.runtime.relay import bus_events
from services.runtime.settings import Settings

SAMIR, AMAL = "4000000001", "4000000002"
"""Samir is 11 and comes with a medical need; Amal is an adult whose asylum application is refused."""


@pytest.fixture
def opvang() -> Opvang:
    return Opvang(env=ENV, pseudoniem_sleutel="test")


def gepubliceerd(app: Opvang) -> list[tuple[str, dict[str, Any]]]:
    """What opvang's relay publishes from its store: (type, data) in order."""
    notificaties = list(app.recorder.select_notifications(1, 100_000))
    return [(ce["type"], ce.data) for _, ce in bus_events(app, translation, notificaties)]


def test_samir_moved_twice_within_90_days_is_a_repeated_move_but_with_a_window_of_60_days_not(opvang):
    smal = Opvang(env=ENV, pseudoniem_sleutel="test", kind_verplaatsing_dagen=60)
    reis = [geplaatst(SAMIR, "azc-dommer", D(2024, 1, 10), D(2012, 8, 20), "medisch"),
            verplaatst(SAMIR, "azc-dommer", "tgo-stieltjesstraat", D(2024, 2, 1)),
            verplaatst(SAMIR, "tgo-stieltjesstraat", "azc-dommer", D(2024, 4, 20))]

    assert opvang.verwerk_batch(reis) == [] and smal.verwerk_batch(reis) == []

    assert historie(opvang, bewoner(opvang, SAMIR).id)[-3:] == ["Verplaatst", "Verplaatst", "KindHerhaaldVerplaatst"]
    assert "KindHerhaaldVerplaatst" not in historie(smal, bewoner(smal, SAMIR).id)


def test_the_window_comes_from_the_setting_through_the_catalogue(monkeypatch):
    monkeypatch.setenv("WELKOM_OPVANG_KIND_VERPLAATSING_DAGEN", "45")
    dienst = catalogus.per_naam()["opvang"]

    app = dienst.application(env=ENV, pseudoniem_sleutel="test", **dienst.opties(Settings()))

    assert app.kind_verplaatsing_dagen == 45
    monkeypatch.delenv("WELKOM_OPVANG_KIND_VERPLAATSING_DAGEN")
    assert Settings().opvang_kind_verplaatsing_dagen == 90


def test_amals_definitive_refusal_ends_her_right_to_opvang_when_the_clock_passes_28_days(opvang):
    opvang.verwerk_batch([geplaatst(AMAL, "azc-dommer", D(2024, 3, 1), D(1994, 2, 2))])

    assert opvang.verwerk_batch([afwijzing(AMAL, D(2024, 5, 1), definitief=False)]) == []
    assert opvang.verloop_tijd(D(2024, 12, 1)) == 0, "a refusal open to appeal starts no term"
    assert opvang.verwerk_batch([afwijzing(AMAL, D(2024, 5, 1))]) == []
    assert opvang.verloop_tijd(D(2024, 5, 29)) == 0, "the 28th day is still hers"
    assert opvang.verloop_tijd(D(2024, 5, 30)) == 1
    assert opvang.verloop_tijd(D(2024, 6, 30)) == 0

    amal = bewoner(opvang, AMAL)
    assert historie(opvang, amal.id)[-2:] == ["DefinitiefAfgewezen", "RechtOpOpvangBeeindigd"]
    assert amal.in_opvang and amal.recht_op_opvang_beeindigd

    assert opvang.verwerk_batch([vertrokken(AMAL, "azc-dommer", D(2024, 6, 12), "einde-recht-op-opvang")]) == []
    assert not bewoner(opvang, AMAL).in_opvang


def test_a_refusal_of_someone_opvang_does_not_know_is_mzds_alone_and_a_departure_of_a_stranger_is_rejected(opvang):
    onbekend = vertrokken("4000000009", "azc-dommer", D(2024, 6, 12), "onbekend")

    assert opvang.verwerk_batch([afwijzing("4000000008", D(2024, 5, 1))]) == []
    assert opvang.verwerk_batch([onbekend]) == [(onbekend, "domeinregel:NietInOpvangFout")]
    assert Bewoner.create_id(opvang.persoon("4000000008")) not in opvang.repository


def test_the_bus_carries_the_term_the_end_of_the_right_and_the_reason_but_no_age_and_no_need(opvang):
    opvang.verwerk_batch([
        geplaatst(SAMIR, "azc-dommer", D(2024, 1, 10), D(2012, 8, 20), "psychisch"),
        verplaatst(SAMIR, "azc-dommer", "tgo-stieltjesstraat", D(2024, 2, 1)),
        verplaatst(SAMIR, "tgo-stieltjesstraat", "azc-dommer", D(2024, 2, 20)),
        afwijzing(SAMIR, D(2024, 5, 1)),
    ])
    opvang.verloop_tijd(D(2024, 6, 1))
    opvang.verwerk_batch([vertrokken(SAMIR, "azc-dommer", D(2024, 6, 12), "einde-recht-op-opvang")])

    uit = gepubliceerd(opvang)

    assert [t for t, _ in uit] == [bus.BEWONER_GEPLAATST, bus.BEWONER_VERPLAATST, bus.BEWONER_VERPLAATST,
                                   bus.BEWONER_VERTREKTERMIJN_GESTART, bus.BEWONER_RECHT_OP_OPVANG_BEEINDIGD,
                                   bus.BEWONER_UITGESTROOMD]
    data = [d for _, d in uit]
    assert (data[3]["besluitdatum"], data[3]["vertrektermijn_verloopt_op"]) == ("2024-05-01", "2024-05-29")
    assert (data[4]["verlopen_op"], data[4]["locatie_id"]) == ("2024-05-29", "azc-dommer")
    assert (data[5]["reden"], data[5]["locatie_id"]) == ("einde-recht-op-opvang", "azc-dommer")
    tekst = str(data)
    assert "psychisch" not in tekst and "2012" not in tekst and "2030" not in tekst


def test_the_audit_timeline_shows_each_location_and_why_the_stay_ended(opvang):
    opvang.verwerk_batch([
        geplaatst(SAMIR, "azc-dommer", D(2024, 1, 10), D(2012, 8, 20)),
        verplaatst(SAMIR, "azc-dommer", "tgo-stieltjesstraat", D(2024, 2, 1)),
        vertrokken(SAMIR, "tgo-stieltjesstraat", D(2024, 3, 5), "overgeplaatst-andere-gemeente"),
    ])

    regels = [r for r in tijdlijn({"opvang": opvang}, opvang.persoon(SAMIR), Projectie({"opvang": opvang}))
              if r["gebeurtenis"] != "Geregistreerd"]

    assert [(r["datum"], r["gebeurtenis"]) for r in regels] == [
        ("2024-01-10", "Geplaatst"), ("2024-02-01", "Verplaatst"), ("2024-03-05", "Uitgestroomd")]
    geplaatst_, verplaatst_, uit = (r["feiten"] for r in regels)
    assert geplaatst_["locatie_id"] == "azc-dommer"
    assert (verplaatst_["van_locatie_id"], verplaatst_["naar_locatie_id"]) == ("azc-dommer", "tgo-stieltjesstraat")
    assert (uit["locatie_id"], uit["reden"]) == ("tgo-stieltjesstraat", "overgeplaatst-andere-gemeente")
    assert all(r["bron"] != "onbekend" for r in regels), "each line says which COA message caused it"


def test_coa_may_send_exactly_the_needs_and_reasons_opvang_knows():
    assert get_args(coa.BijzondereBehoefte) == BIJZONDERE_BEHOEFTEN
    assert get_args(coa.Vertrekreden) == VERTREKREDENEN
