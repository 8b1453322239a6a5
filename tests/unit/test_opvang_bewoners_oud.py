"""Placements stored before they carried an age or a bijzondere behoefte read as unknown; the old stores keep their figures and gain the new ones."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from application_hulp import D

from services.opvang.domain.bewoner import Bewoner
from services.rapportage.projectie import herbouw
from services.runtime.application import WelkomApplication

RAPPORTEN = Path(__file__).parent.parent / "fixtures" / "store_voor_v2" / "rapporten.json"


@pytest.fixture
def opvang(oude_apps: dict[str, WelkomApplication]) -> WelkomApplication:
    return oude_apps["opvang"]


def test_old_placements_read_without_an_age_or_a_bijzondere_behoefte(opvang):
    geplaatst = [e for e in map(opvang.mapper.to_domain_event, opvang.recorder.select_notifications(1, 1_000_000))
                 if isinstance(e, Bewoner.Geplaatst)]

    assert len(geplaatst) > 20
    assert {(e.meerderjarig_op, e.bijzondere_behoefte) for e in geplaatst} == {(None, None)}
    assert all(e.locatie_id and e.persoon_id for e in geplaatst)


def test_a_new_placement_on_an_old_store_is_stored_as_version_3_with_its_fields(opvang):
    verlaten = next(b for b in (opvang.repository.get(n.originator_id)
                                for n in opvang.recorder.select_notifications(1, 1_000_000)
                                if n.topic.endswith("Bewoner.Uitgestroomd")) if not b.in_opvang)

    opvang.voer_uit(lambda uow: uow.get(verlaten.id).plaats("azc-nieuw", D(2025, 3, 1), D(2010, 1, 1), "medisch"))

    [laatste] = opvang.recorder.select_events(verlaten.id, desc=True, limit=1)
    assert b'"class_version":3' in laatste.state
    nieuw = opvang.mapper.to_domain_event(laatste)
    assert (nieuw.meerderjarig_op, nieuw.bijzondere_behoefte) == (D(2028, 1, 1), "medisch")


def test_the_old_stores_keep_their_opvang_figures_and_count_their_uitstroom_as_housed(oude_apps):
    verwacht = json.loads(RAPPORTEN.read_text())
    read_model = herbouw(oude_apps)

    for peildatum, oud in verwacht.items():
        nu = read_model.rapport(dt.date.fromisoformat(peildatum))["opvang"]
        assert {k: nu[k] for k in oud["opvang"]} == oud["opvang"], peildatum
        assert nu["kinderen"]["personen"] == 0, "no age was stored then"
        jaar = nu["uitstroom"]["jaar"]
        assert jaar["totaal"] == jaar["per_reden"]["gehuisvest"], "a move into a home was the only uitstroom then"
    assert read_model.rapport(D(2024, 12, 31))["opvang"]["uitstroom"]["jaar"]["totaal"] > 0
