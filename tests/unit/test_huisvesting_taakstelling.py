"""A taakstelling per gemeente and period, whose number a new decision replaces."""

from __future__ import annotations

from huisvesting_domain_hulp import namen

from services.huisvesting.domain.taakstelling import Taakstelling


# -- taakstelling ----------------------------------------------------------------------------


def test_a_taakstelling_is_set_per_gemeente_and_period_and_a_new_decision_replaces_the_number():
    t = Taakstelling(gemeentecode="0268", periode="2024-H1", aantal=182)
    t.wijzig(gemeentecode=t.gemeentecode, periode=t.periode, aantal=232)

    assert t.id == Taakstelling.create_id("0268", "2024-H1")
    assert t.id != Taakstelling.create_id("0268", "2024-H2")
    assert t.aantal == 232
    assert namen(t) == ["Vastgesteld", "Gewijzigd"]
