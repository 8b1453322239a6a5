"""The term calendar finds one aggregate's open terms by its index, also when restored from a snapshot made before the index existed."""

from __future__ import annotations

import copy
import datetime as dt
import uuid

from services.domain.termijnkalender import Termijnkalender

D = dt.date


def test_each_aggregate_sees_only_its_own_open_terms_as_they_are_planned_and_closed():
    kalender = Termijnkalender("huisvesting")
    a, b = uuid.uuid4(), uuid.uuid4()
    kalender.bij(a, {"huisvesting": D(2024, 3, 1), "verhuizing": D(2024, 4, 1)})
    kalender.bij(b, {"huisvesting": D(2024, 5, 1)})
    kalender.bij(a, {"verhuizing": D(2024, 4, 8)})

    assert kalender.open_voor(a) == {"verhuizing": D(2024, 4, 8)}
    assert kalender.open_voor(b) == {"huisvesting": D(2024, 5, 1)}
    assert kalender.verlopen(D(2024, 6, 1)) == [(a, "verhuizing", D(2024, 4, 8)), (b, "huisvesting", D(2024, 5, 1))]
    kalender.bij(b, {})
    assert kalender.open_voor(b) == {} and len(kalender.termijnen) == 1


def test_a_calendar_without_the_index_builds_it_from_its_open_terms():
    kalender = Termijnkalender("opvang")
    a = uuid.uuid4()
    kalender.bij(a, {"vertrektermijn": D(2024, 3, 1)})
    del kalender.__dict__["per_aggregate"]  # as restored from a snapshot taken before the index

    assert kalender.open_voor(a) == {"vertrektermijn": D(2024, 3, 1)}
    kalender.bij(a, {})
    assert kalender.open_voor(a) == {} and not kalender.termijnen


def test_the_copy_a_unit_of_work_gets_changes_nothing_in_the_calendar_it_came_from() -> None:
    kalender = Termijnkalender("inburgering")
    traject = uuid.uuid4()
    kalender.bij(traject, {"intake": dt.date(2024, 3, 15)})
    kopie = copy.deepcopy(kalender)
    kopie.bij(traject, {"intake": dt.date(2024, 4, 1), "voortgang": dt.date(2024, 9, 1)})
    assert kalender.open_voor(traject) == {"intake": dt.date(2024, 3, 15)}
    assert kopie.open_voor(traject) == {"intake": dt.date(2024, 4, 1), "voortgang": dt.date(2024, 9, 1)}
    assert [t[1] for t in kalender.verlopen(dt.date(2025, 1, 1))] == ["intake"]
    assert (kopie.id, kopie.version) == (kalender.id, kalender.version + 2)
    assert len(kalender.pending_events) < len(kopie.pending_events)
