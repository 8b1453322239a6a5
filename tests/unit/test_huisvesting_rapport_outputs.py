"""Huisvesting's report as others read it: a rebuild gives the live report, the gauges show it without
personal data, and `welkom rapport` prints it as Dutch lines."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from huisvesting_rapport_hulp import ENV, D, huisvest, koppeling, ontvang, rapport, taakstelling, woning
from prometheus_client import REGISTRY

from services.huisvesting.application import Huisvesting
from services.rapportage import tekst
from services.rapportage.projectie import Projectie, herbouw


@pytest.fixture
def app() -> Huisvesting:
    """BSN and IBAN block nobody here."""
    return Huisvesting(env=ENV, pseudoniem_sleutel="test", vereist=())


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
    assert waarde("welkom_huisvesting_doorlooptijd_dagen", kwantiel="0.9") == r["doorlooptijd"]["p90_dagen"]

    # A family of labels is replaced, not added to: offers of an earlier period vanish.
    projectie.werk_metrics_bij(D(2024, 4, 1))
    assert waarde("welkom_huisvesting_aanbiedingen", wijk="Lindenholt", soort="doorstroom") is None
    labels = {s.labels.get(k) for m in REGISTRY.collect() if m.name.startswith("welkom_huisvesting")
              for s in m.samples for k in s.labels}
    assert not any(len(str(v)) >= 32 and "-" in str(v) for v in labels)  # no persoon or dossier ids


def test_the_report_reads_as_dutch_lines(app):
    peildata = ketenverloop(app)
    regels = tekst.huisvesting(rapport(app, peildata[-1]))

    assert all(r.startswith("  ") for r in regels)
    assert any("jaar 2024" in r and "opgave 10" in r and "gerealiseerd 6 (60.0%)" in r for r in regels)
    assert any("jaar 2024" in r and "nog te gaan voor de opgave 4" in r for r in regels)
    assert any("zonder achterstand" in r and "nog te gaan voor de taakstelling 3" in r for r in regels)
    assert any(r.strip().startswith("over 10-wekentermijn") for r in regels)
