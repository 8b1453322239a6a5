"""A store written before stored events carried persoon_id and term dates replays to the same bus events and report."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from events.envelope import naar_structured, volgnummer
from services.catalogus import alle
from services.huisvesting.domain.huisvestingsdossier import Huisvestingsdossier
from services.rapportage.audit import tijdlijn
from services.rapportage.projectie import herbouw
from services.runtime.application import WelkomApplication
from services.runtime.herkomst import Herkomst
from services.runtime.relay import bus_events

OUD = Path(__file__).parent.parent / "fixtures" / "store_voor_v2"


@pytest.fixture
def apps(oude_apps: dict[str, WelkomApplication]) -> dict[str, WelkomApplication]:
    return oude_apps


def gepubliceerd(apps: dict[str, WelkomApplication]) -> list[dict[str, Any]]:
    """What the relays publish from these stores, as structured CloudEvents with their topic."""
    uit = []
    for service in alle():
        app = apps[service.name]
        notificaties = list(app.recorder.select_notifications(1, 1_000_000))
        for topic, cloudevent in bus_events(app, service.translation, notificaties):
            uit.append({"topic": topic, "cloudevent": json.loads(naar_structured(cloudevent).value)})
    return uit


def test_the_old_stores_hold_events_of_class_version_1_only(apps):
    staten = [n.state for app in apps.values() for n in app.recorder.select_notifications(1, 1_000_000)]

    assert len(staten) > 1000
    assert not any(b'"class_version"' in s for s in staten)


def test_the_old_stores_publish_exactly_the_bus_events_the_old_relay_published(apps):
    verwacht = [json.loads(regel) for regel in gzip.open(OUD / "bus_events.jsonl.gz", "rt")]

    nu = gepubliceerd(apps)

    assert len(nu) == len(verwacht) > 400
    for oud, nieuw in zip(verwacht, nu):
        assert nieuw == met_de_sequence_van_nu(oud)


def met_de_sequence_van_nu(oud: dict[str, Any]) -> dict[str, Any]:
    """An old bus event as it is published since the one documented change (events/README.md,
    "Changes for consumers"): `sequence` zero-padded, the same number; no `sequencetype`."""
    cloudevent = dict(oud["cloudevent"])
    assert cloudevent.pop("sequencetype") == "Integer"
    cloudevent["sequence"] = volgnummer(int(cloudevent["sequence"]))
    return {**oud, "cloudevent": cloudevent}


def test_the_old_stores_publish_without_loading_an_aggregate(apps, monkeypatch):
    def niet_laden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the relay loaded an aggregate")

    for app in apps.values():
        monkeypatch.setattr(app.repository, "get", niet_laden)

    assert len(gepubliceerd(apps)) > 400


def alleen_sleutels_van(verwacht: Any, nu: Any) -> Any:
    """`nu` cut down to the keys `verwacht` has, recursively in dicts (a missing key stays missing)."""
    if isinstance(verwacht, dict) and isinstance(nu, dict):
        return {k: alleen_sleutels_van(v, nu[k]) for k, v in verwacht.items() if k in nu}
    return nu


def test_the_old_stores_give_the_report_the_old_code_gave_on_every_peildatum(apps):
    """Every figure the old code reported is unchanged. Figures added since (such as huisvesting's
    `doorlooptijd_verdeling`) are not in the fixture, so only the fixture's keys are compared, per
    service and recursively; a key the fixture has and the report lost still fails."""
    verwacht = json.loads((OUD / "rapporten.json").read_text())
    read_model = herbouw(apps)

    for peildatum, rapport in verwacht.items():
        assert alleen_sleutels_van(rapport, read_model.rapport(dt.date.fromisoformat(peildatum))) == rapport, peildatum


def test_old_events_read_with_the_persoon_id_and_term_of_their_aggregate(apps):
    app = apps["huisvesting"]
    events = [app.mapper.to_domain_event(n) for n in app.recorder.select_notifications(1, 1_000_000)]
    geopend = {e.originator_id: e for e in events if isinstance(e, Huisvestingsdossier.Geopend)}

    for e in events:
        if isinstance(e, Huisvestingsdossier.Event):
            assert e.persoon_id == geopend[e.originator_id].persoon_id
    assert all(d.termijn_verloopt_op == d.koppeldatum + dt.timedelta(weeks=10) for d in geopend.values())


def test_a_new_event_on_an_old_aggregate_is_stored_as_version_2_with_its_persoon_id(apps):
    app = apps["opvang"]
    geplaatst = {n.originator_id for n in app.recorder.select_notifications(1, 1_000_000) if n.topic.endswith("Geplaatst")}
    bewoner = next(b for b in map(app.repository.get, sorted(geplaatst)) if b.in_opvang)

    app.voer_uit(lambda uow: uow.get(bewoner.id).verplaats(bewoner.locatie_id, "azc-nieuw", dt.date(2025, 3, 1)))

    [laatste] = app.recorder.select_events(bewoner.id, desc=True, limit=1)
    assert b'"class_version":2' in laatste.state
    assert app.mapper.to_domain_event(laatste).persoon_id == bewoner.persoon_id


def test_old_events_show_their_provenance_as_unknown_and_a_new_one_its_own(apps):
    app = apps["opvang"]
    geplaatst = {n.originator_id for n in app.recorder.select_notifications(1, 1_000_000) if n.topic.endswith("Geplaatst")}
    bewoner = next(b for b in map(app.repository.get, sorted(geplaatst)) if b.in_opvang)
    app.voer_uit(lambda uow: uow.get(bewoner.id).verplaats(bewoner.locatie_id, "azc-nieuw", dt.date(2025, 3, 1)),
                 herkomst=Herkomst(bron="http:k-7", actor="opvang-medewerker-2", naam="opvang.verplaats"))

    regels = tijdlijn(apps, bewoner.persoon_id)

    *oud, nieuw = [r for r in regels if r["service"] == "opvang"]
    assert oud and all((r["grondslag"], r["bron"], r["actor"]) == ("onbekend",) * 3 for r in oud)
    assert (nieuw["bron"], nieuw["actor"]) == ("http:k-7", "opvang-medewerker-2")
    assert nieuw["grondslag"].startswith("Vreemdelingenwet 2000")
