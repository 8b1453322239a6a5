"""The bus orders a person's inputs per topic only: any interleaving across topics reaches the same state and report."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.catalogus import alle
from services.rapportage.projectie import herbouw
from services.runtime.application import WelkomApplication
from services.runtime.settings import Settings
from volgorde_hulp import IN_VOLGORDE, PEILDATA, als_bericht, in_volgorde


def apps() -> list[WelkomApplication]:
    instellingen = Settings(huisvesting_vereist=["bsn"])
    return [s.application(env={"PERSISTENCE_MODULE": "eventsourcing.popo"}, pseudoniem_sleutel="test",
                          **s.opties(instellingen)) for s in alle()]


def speel(volgorde: Sequence[str]) -> tuple[dict, list[tuple[str, str, str]]]:
    """Deliver the inputs in the given interleaving, each to every service that consumes its
    type, as the inboxes do; the reports on every peildatum, and the rejects."""
    diensten, afgewezen = apps(), []
    for cloudevent in in_volgorde(volgorde):
        invoer = als_bericht(cloudevent)
        for app in diensten:
            if invoer.type in app.handlers():
                afgewezen += [(app.name, b.type, reden) for b, reden in app.verwerk_batch([invoer])]
    return herbouw({app.name: app for app in diensten}).rapporten(PEILDATA), sorted(afgewezen)


VERWACHT = speel(IN_VOLGORDE)


def test_the_household_in_chain_order_is_placed_linked_offered_a_home_and_leaves_no_rejects() -> None:
    rapporten, afgewezen = VERWACHT
    assert afgewezen == []
    eind = rapporten[PEILDATA[-1]]
    assert eind["opvang"]["bewoners_in_opvang"] == 2 and eind["mzd"]["zaken_open"] == 1
    assert eind["huisvesting"]["dossiers_per_status"]["aangeboden"] == 1
    assert eind["huisvesting"]["geblokkeerd"]["dagen_totaal"] == 8      # koppeling 12 Feb, BSN 20 Feb


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(IN_VOLGORDE))
def test_any_interleaving_across_topics_gives_the_same_reports_on_every_peildatum(volgorde: list[str]) -> None:
    assert speel(volgorde) == VERWACHT
