"""Huisvesting's report, folded from the stored events of the real application: the opgave with
its achterstand per period and per year (the seed figures of 2024), as known on the peildatum, the
dossiers by state, blocked dossiers, doorlooptijden, offers per wijk and soort, and the gauges."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import uuid
from typing import Any

import pytest
from prometheus_client import REGISTRY

from events import brp, coa, corporaties, rijk
from events.envelope import Bericht, uit_json, valideer
from services.huisvesting import projections
from services.huisvesting.application import Huisvesting
from services.rapportage.projectie import Projectie, herbouw

D = dt.date
DAG = dt.timedelta(days=1)
VOLWASSEN = D(1990, 1, 1)
ENV = {"PERSISTENCE_MODULE": "eventsourcing.popo"}


@pytest.fixture(autouse=True)
def _in_tests(monkeypatch):
    monkeypatch.setenv("WELKOM_TESTING", "1")


@pytest.fixture
def app() -> Huisvesting:
    """BSN and IBAN block nobody here, except in the test about blocking."""
    return Huisvesting(env=ENV, pseudoniem_sleutel="test", vereist=())


def rapport(app: Huisvesting, peildatum: dt.date) -> dict[str, Any]:
    return herbouw({"huisvesting": app}).rapport(peildatum)["huisvesting"]


# -- the chain's messages and the staff's commands -------------------------------------------

_vnummers = (f"{n:010d}" for n in itertools.count(1_000_000_001))


def bericht(type_: str, data: dict[str, Any], source: str) -> Bericht:
    return valideer(uit_json({
        "specversion": "1.0", "id": str(uuid.uuid4()), "source": source, "type": type_,
        "time": "2024-01-01T09:00:00Z", "datacontenttype": "application/json", "data": data,
    }))


def taakstelling(periode: str, aantal: int, amv_aantal: int | None = None) -> Bericht:
    return bericht(
        rijk.TAAKSTELLING_VASTGESTELD,
        {"gemeentecode": "0268", "periode": periode, "aantal": aantal, "amv_aantal": amv_aantal},
        "urn:nld:rijk",
    )


def koppeling(koppeldatum: dt.date, grootte: int = 1, geboren: dt.date = VOLWASSEN) -> tuple[str, Bericht]:
    """A new household of `grootte` persons linked to Nijmegen; its main person's vnummer."""
    leden = [next(_vnummers) for _ in range(grootte)]
    return leden[0], bericht(
        coa.GEKOPPELD_AAN_GEMEENTE,
        {
            "vnummer": leden[0], "gemeentecode": "0268", "koppeldatum": koppeldatum.isoformat(),
            "huishouden": [{"vnummer": v, "geboortedatum": geboren.isoformat()} for v in leden],
        },
        "urn:nld:coa",
    )


def woning(
    woning_id: str, max_bewoners: int, per: dt.date, wijk: str = "Dukenburg", soort: str = "regulier"
) -> Bericht:
    return bericht(
        corporaties.WONING_BESCHIKBAAR_GESTELD,
        {"woning_id": woning_id, "wijk": wijk, "soort": soort, "max_bewoners": max_bewoners,
         "beschikbaar_per": per.isoformat()},
        "urn:nld:corporatie:talis",
    )


def inschrijving(vnummer: str, datum: dt.date) -> Bericht:
    return bericht(
        brp.INGESCHREVEN_IMMIGRATIE, {"vnummer": vnummer, "bsn": "111222333", "datum": datum.isoformat()},
        "urn:nld:brp",
    )


def ontvang(app: Huisvesting, *berichten: Bericht) -> None:
    assert app.verwerk_batch(list(berichten)) == []


def verhuis(app: Huisvesting, vnummer: str, woning_id: str, datum: dt.date) -> None:
    """The household accepts the offered home and moves in on `datum`."""
    persoon = app.persoon(vnummer)
    app.voer_uit(lambda uow: app.accepteer(uow, persoon, woning_id, datum - DAG))
    app.voer_uit(lambda uow: app.verhuis(uow, persoon, woning_id, datum))


def huisvest(app: Huisvesting, personen: int, van: dt.date, tot: dt.date) -> None:
    """Households of 1, 2, 3, 4, 1, 2, ... persons, `personen` in all, each linked 60 days before it
    moves into a regular home of its size; the moves spread evenly from `van` to `tot`."""
    groottes = []
    for grootte in itertools.cycle((1, 2, 3, 4)):
        if sum(groottes) + grootte > personen:
            if sum(groottes) < personen:
                groottes.append(personen - sum(groottes))
            break
        groottes.append(grootte)
    dagen = (tot - van).days
    berichten, verhuizingen = [], []
    for i, grootte in enumerate(groottes):
        datum = van + dt.timedelta(days=round(i * dagen / max(len(groottes) - 1, 1)))
        hoofd, k = koppeling(datum - dt.timedelta(days=60), grootte)
        berichten += [k, woning(f"W{hoofd}", grootte, datum - dt.timedelta(days=10))]
        verhuizingen.append((app.persoon(hoofd), f"W{hoofd}", datum))
    ontvang(app, *berichten)

    def alle_verhuizingen(uow) -> None:
        for persoon, woning_id, datum in verhuizingen:
            app.accepteer(uow, persoon, woning_id, datum - dt.timedelta(days=5))
            app.verhuis(uow, persoon, woning_id, datum)

    app.voer_uit(alle_verhuizingen)


# -- the opgave -----------------------------------------------------------------------------


def test_the_seed_year_2024_on_1_october_291_of_464_housed_with_the_achterstand_of_2023(app):
    ontvang(app, taakstelling("2023-H1", 196), taakstelling("2023-H2", 197))
    huisvest(app, 293, D(2023, 1, 2), D(2023, 12, 29))
    ontvang(app, taakstelling("2024-H1", 182), taakstelling("2024-H2", 182))
    huisvest(app, 291, D(2024, 1, 1), D(2024, 10, 1))

    assert rapport(app, D(2023, 12, 31))["taakstelling_jaar"] == {
        "jaar": 2023, "taakstelling": 393, "achterstand": 0, "opgave": 393, "gerealiseerd": 293,
        "nog_te_gaan": 100, "aandeel_gerealiseerd": 0.746, "amv_taakstelling": None, "amv_gerealiseerd": 0,
    }
    op_1_oktober = rapport(app, D(2024, 10, 1))
    assert op_1_oktober["taakstelling_jaar"] == {
        "jaar": 2024, "taakstelling": 364, "achterstand": 100, "opgave": 464, "gerealiseerd": 291,
        "nog_te_gaan": 173, "aandeel_gerealiseerd": 0.627, "amv_taakstelling": None, "amv_gerealiseerd": 0,
    }
    # The half year: H1's opgave (182 + 100) less what H1 housed is carried into H2.
    periode = op_1_oktober["taakstelling_periode"]
    assert periode["periode"] == "2024-H2" and periode["taakstelling"] == 182
    assert periode["achterstand"] == 282 - (291 - periode["gerealiseerd"])
    assert periode["opgave"] == 182 + periode["achterstand"]
    assert op_1_oktober["gerealiseerd"] == periode["gerealiseerd"]
    assert op_1_oktober["dossiers_open"] == 0


def test_over_realisation_counts_towards_the_next_period_and_a_period_without_taakstelling_is_0(app):
    ontvang(app, taakstelling("2024-H1", 3), taakstelling("2024-H2", 3), taakstelling("2025-H2", 4))
    huisvest(app, 5, D(2024, 3, 1), D(2024, 5, 1))  # households of 1, 2 and 2: 2 more than H1 asked
    huisvest(app, 1, D(2024, 8, 1), D(2024, 8, 1))

    h2 = rapport(app, D(2024, 9, 1))
    assert h2["taakstelling_periode"] == {
        "periode": "2024-H2", "taakstelling": 3, "achterstand": -2, "opgave": 1, "gerealiseerd": 1,
        "nog_te_gaan": 0, "aandeel_gerealiseerd": 1.0, "amv_taakstelling": None, "amv_gerealiseerd": 0,
    }
    assert h2["taakstelling"] == 3 and h2["nog_te_gaan"] == 2  # the period's own taakstelling, as before
    assert h2["taakstelling_jaar"]["opgave"] == 6 and h2["taakstelling_jaar"]["gerealiseerd"] == 6

    # 2025-H1 lies between two known periods: taakstelling 0; the head start was used up in 2024-H2.
    assert rapport(app, D(2025, 3, 1))["taakstelling_periode"]["taakstelling"] == 0
    assert rapport(app, D(2025, 3, 1))["taakstelling_periode"]["opgave"] == 0
    assert rapport(app, D(2025, 3, 1))["taakstelling_periode"]["aandeel_gerealiseerd"] is None
    assert rapport(app, D(2025, 9, 1))["taakstelling_jaar"] == {
        "jaar": 2025, "taakstelling": 4, "achterstand": 0, "opgave": 4, "gerealiseerd": 0,
        "nog_te_gaan": 4, "aandeel_gerealiseerd": 0.0, "amv_taakstelling": None, "amv_gerealiseerd": 0,
    }
    # After the last known period the taakstelling is unknown, the carry is not.
    na = rapport(app, D(2026, 2, 1))["taakstelling_periode"]
    assert (na["taakstelling"], na["achterstand"], na["opgave"]) == (None, 4, None)


def test_an_amv_household_counts_towards_the_indicative_amv_taakstelling(app):
    ontvang(app, taakstelling("2024-H1", 10, amv_aantal=2))
    hoofd, k = koppeling(D(2024, 1, 10), geboren=D(2008, 5, 1))
    ontvang(app, k, woning("A1", 1, D(2024, 2, 1), soort="amv"))
    verhuis(app, hoofd, "A1", D(2024, 2, 10))

    jaar = rapport(app, D(2024, 3, 1))["taakstelling_jaar"]
    assert (jaar["amv_taakstelling"], jaar["amv_gerealiseerd"], jaar["gerealiseerd"]) == (2, 1, 1)


# -- as known on the peildatum ---------------------------------------------------------------


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


# -- doorlooptijd, household mismatch, offers ------------------------------------------------


def test_doorlooptijd_koppeling_to_move_of_the_periods_moves_median_and_p90(app):
    verhuisd_op = D(2024, 7, 20)
    vorige, k_vorige = koppeling(D(2024, 5, 1))
    ontvang(app, k_vorige, woning("V", 1, D(2024, 6, 1)))
    verhuis(app, vorige, "V", D(2024, 6, 20))  # the previous period: not counted
    for dagen in (10, 20, 30, 40, 100):
        hoofd, k = koppeling(verhuisd_op - dt.timedelta(days=dagen))
        ontvang(app, k, woning(f"W{dagen}", 1, verhuisd_op - DAG))
        verhuis(app, hoofd, f"W{dagen}", verhuisd_op)
    laat, k_laat = koppeling(D(2024, 7, 1))
    ontvang(app, k_laat, woning("L", 1, D(2024, 8, 1)))
    verhuis(app, laat, "L", D(2024, 8, 2))  # after the peildatum

    # Linear interpolation: the median is the middle value, p90 lies at 0.9 * 4 = 3.6: 40 + 0.6 * 60.
    assert rapport(app, D(2024, 8, 1))["doorlooptijd"] == {"verhuizingen": 5, "mediaan_dagen": 30.0, "p90_dagen": 76.0}
    assert rapport(app, D(2024, 8, 2))["doorlooptijd"]["verhuizingen"] == 6


def test_offers_per_wijk_and_soort_in_the_period_up_to_the_peildatum(app):
    _, k0 = koppeling(D(2023, 11, 1))
    ontvang(app, k0, woning("OUD", 1, D(2023, 12, 1), wijk="Lindenholt"))  # offered in 2023-H2
    alleen_1, k1 = koppeling(D(2024, 1, 1))
    _, k2 = koppeling(D(2024, 1, 2))
    _, k3 = koppeling(D(2024, 1, 3))
    _, k4 = koppeling(D(2024, 1, 4), grootte=4)
    ontvang(app, k1, k2, k3, k4)
    ontvang(
        app,
        woning("Z1", 4, D(2024, 2, 1), wijk="Nijmegen-Zuid"),  # to the first single
        woning("D1", 1, D(2024, 2, 2), wijk="Dukenburg", soort="flex"),  # to the second
    )
    app.voer_uit(lambda uow: app.weiger(uow, app.persoon(alleen_1), "Z1", D(2024, 2, 3), "te ver"))  # to the third
    ontvang(app, woning("LAAT", 1, D(2024, 3, 2), wijk="Dukenburg"))  # after the peildatum

    r = rapport(app, D(2024, 3, 1))
    assert r["aanbiedingen"] == {
        "totaal": 3,
        "per_wijk": {"Dukenburg": 1, "Nijmegen-Zuid": 2},
        "per_soort": {"flex": 1, "regulier": 2},
        "per_wijk_soort": [
            {"wijk": "Dukenburg", "soort": "flex", "aantal": 1},
            {"wijk": "Nijmegen-Zuid", "soort": "regulier", "aantal": 2},
        ],
    }
    assert r["huishoudens"] == {
        "eenpersoons_wachtend": 1, "meerpersoons_wachtend": 1, "eenpersoonswoningen_aangeboden": 1}
    assert r["dossiers_per_status"]["aangeboden"] == 3
    assert rapport(app, D(2023, 12, 31))["aanbiedingen"]["per_wijk"] == {"Lindenholt": 1}
    assert rapport(app, D(2024, 3, 2))["aanbiedingen"]["totaal"] == 4


def test_single_persons_waiting_against_single_person_homes_offered(app):
    for _ in range(3):
        ontvang(app, koppeling(D(2024, 1, 1))[1])
    ontvang(app, koppeling(D(2024, 1, 1), grootte=3)[1], woning("E1", 1, D(2024, 2, 1)))

    assert rapport(app, D(2024, 3, 1))["huishoudens"] == {
        "eenpersoons_wachtend": 2, "meerpersoons_wachtend": 1, "eenpersoonswoningen_aangeboden": 1}


# -- rebuild, gauges, text -------------------------------------------------------------------


def ketenverloop(app: Huisvesting) -> list[dt.date]:
    """A small mixed history; the peildata worth looking at."""
    ontvang(app, taakstelling("2024-H1", 4), taakstelling("2024-H2", 6, amv_aantal=1))
    huisvest(app, 6, D(2024, 2, 1), D(2024, 8, 1))
    ontvang(app, koppeling(D(2024, 3, 1))[1], koppeling(D(2024, 6, 1), grootte=2)[1])
    ontvang(app, woning("F1", 1, D(2024, 9, 1), wijk="Lindenholt", soort="doorstroom"))
    return [D(2024, 1, 31), D(2024, 4, 1), D(2024, 7, 1), D(2024, 10, 1), D(2024, 12, 31)]


def test_a_rebuild_gives_the_live_report_every_time_and_it_is_plain_json(app):
    live = Projectie({"huisvesting": app})
    ontvang(app, taakstelling("2024-H1", 4))
    live.bij()
    peildata = ketenverloop(app)
    live.bij()

    for peildatum in peildata:
        eerste = herbouw({"huisvesting": app}).rapport(peildatum)
        assert herbouw({"huisvesting": app}).rapport(peildatum) == eerste == live.rapport(peildatum)
        assert live.rapport(peildatum) == eerste
        assert json.loads(json.dumps(eerste)) == eerste


def test_the_gauges_show_the_report_without_personal_data(app):
    peildata = ketenverloop(app)
    projectie = herbouw({"huisvesting": app})
    projectie.werk_metrics_bij(peildata[-1])
    r = projectie.rapport(peildata[-1])["huisvesting"]

    def waarde(naam: str, **labels: str) -> float | None:
        return REGISTRY.get_sample_value(naam, labels)

    assert waarde("welkom_huisvesting_dossiers_open") == r["dossiers_open"] == 2
    assert waarde("welkom_huisvesting_dossiers_over_termijn") == r["dossiers_over_termijn"]
    assert waarde("welkom_huisvesting_opgave_personen", scope="jaar") == 10
    achterstand = r["taakstelling_periode"]["achterstand"]
    assert waarde("welkom_huisvesting_achterstand_personen", scope="periode") == achterstand == 1
    assert waarde("welkom_huisvesting_gerealiseerd_aandeel", scope="jaar") == 0.6
    assert waarde("welkom_huisvesting_amv_taakstelling_personen", scope="periode") == 1
    assert waarde("welkom_huisvesting_dossiers", status="aangeboden") == 1
    assert waarde("welkom_huisvesting_dossiers", status="wachtend") == 1
    assert waarde("welkom_huisvesting_aanbiedingen", wijk="Lindenholt", soort="doorstroom") == 1
    assert waarde("welkom_huisvesting_doorlooptijd_dagen", quantile="0.9") == r["doorlooptijd"]["p90_dagen"]

    # A family of labels is replaced, not added to: offers of an earlier period vanish.
    projectie.werk_metrics_bij(D(2024, 4, 1))
    assert waarde("welkom_huisvesting_aanbiedingen", wijk="Lindenholt", soort="doorstroom") is None
    labels = {s.labels.get(k) for m in REGISTRY.collect() if m.name.startswith("welkom_huisvesting")
              for s in m.samples for k in s.labels}
    assert not any(len(str(v)) >= 32 and "-" in str(v) for v in labels)  # no persoon or dossier ids


def test_the_report_reads_as_dutch_lines(app):
    peildata = ketenverloop(app)
    regels = projections.tekst(rapport(app, peildata[-1]))

    assert all(r.startswith("  ") for r in regels)
    assert any("jaar 2024" in r and "opgave 10" in r and "gerealiseerd 6 (60.0%)" in r for r in regels)
    assert any(r.strip().startswith("over 10-wekentermijn") for r in regels)
