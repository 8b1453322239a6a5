"""The bus orders a person's inputs per topic only: any interleaving across topics reaches the same state and report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from application_hulp import IND, afwijzing, bericht, koppeling, plaatsing, woning
from events import brp, ind
from events.envelope import Bericht
from services.catalogus import alle
from services.rapportage.projectie import herbouw
from services.runtime.application import WelkomApplication
from services.runtime.settings import Settings

D = dt.date
HOOFD, PARTNER, ANDER = "1500000001", "1500000002", "1500000003"
PEILDATA = [D(2024, 1, 1) + dt.timedelta(weeks=w) for w in range(0, 53, 4)]


def per_topic() -> dict[str, list[Bericht]]:
    """One household's inputs as the partners send them; within a topic they stay in this order."""
    return {
        "keten.coa": [plaatsing(HOOFD, "azc-dommer", D(2024, 1, 8)), plaatsing(PARTNER, "azc-dommer", D(2024, 1, 8)),
                      koppeling(HOOFD, D(2024, 2, 12), (PARTNER,))],
        "keten.ind": [bericht(ind.VERBLIJFSVERGUNNING_VERLEEND, {"vnummer": HOOFD, "besluitdatum": "2024-02-01",
                                                                 "soort": "asiel"}, source=IND),
                      afwijzing(ANDER, D(2024, 3, 1))],
        "keten.corporaties": [woning("W-1", 2, D(2024, 3, 4))],
        "keten.brp": [bericht(brp.INGESCHREVEN_IMMIGRATIE, {"vnummer": v, "bsn": bsn, "datum": "2024-02-20"},
                              source="urn:nld:brp:nijmegen") for v, bsn in ((HOOFD, "111222333"), (PARTNER, "123456782"))],
    }


def apps() -> list[WelkomApplication]:
    instellingen = Settings(huisvesting_vereist=["bsn"])
    return [s.application(env={"PERSISTENCE_MODULE": "eventsourcing.popo"}, pseudoniem_sleutel="test",
                          **s.opties(instellingen)) for s in alle()]


def speel(volgorde: Sequence[str]) -> tuple[dict, list[tuple[str, str, str]]]:
    """Deliver the inputs topic by topic in the given interleaving, each to every service that
    consumes its type, as the inboxes do; the reports on every peildatum, and the rejects."""
    rijen = {topic: list(berichten) for topic, berichten in per_topic().items()}
    diensten, afgewezen = apps(), []
    for topic in volgorde:
        invoer = rijen[topic].pop(0)
        for app in diensten:
            if invoer.type in app.handlers():
                afgewezen += [(app.name, b.type, reden) for b, reden in app.verwerk_batch([invoer])]
    return herbouw({app.name: app for app in diensten}).rapporten(PEILDATA), sorted(afgewezen)


IN_VOLGORDE = [topic for topic, berichten in per_topic().items() for _ in berichten]
VERWACHT = speel(IN_VOLGORDE)


def test_the_household_in_chain_order_is_placed_linked_offered_a_home_and_leaves_no_rejects() -> None:
    rapporten, afgewezen = VERWACHT
    assert afgewezen == []
    eind = rapporten[PEILDATA[-1]]
    assert eind["opvang"]["bewoners_in_opvang"] == 2 and eind["mzd"]["zaken_open"] == 1
    assert eind["huisvesting"]["dossiers_per_status"]["aangeboden"] == 1


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(IN_VOLGORDE))
def test_any_interleaving_across_topics_gives_the_same_reports_on_every_peildatum(volgorde: list[str]) -> None:
    assert speel(volgorde) == VERWACHT
