"""Consumer lag as the operator reads it: per topic and per partition, on every broker."""

from __future__ import annotations

import pytest

from events import coa, topics
from keten import Keten, cloudevent
from services.runtime.achterstand import Achterstandsmeter
from services.runtime.settings import Settings

pytestmark = [pytest.mark.integration, pytest.mark.kafka]


@pytest.mark.parametrize("backend", ["postgres"])
async def test_records_no_inbox_has_read_count_as_lag_in_the_partitions_that_hold_them(
    settings: Settings, keten: Keten
) -> None:
    vnummers = [f"40000009{i:02d}" for i in range(12)]
    await keten.stuur(*[cloudevent(coa.ASIELZOEKER_GEPLAATST, {
        "vnummer": v, "locatie_id": "azc-dommer", "datum": "2024-01-08"}) for v in vnummers])
    meter = Achterstandsmeter(settings, settings.kafka_bootstrap_servers or "", {"opvang": [topics.KETEN_COA]})
    try:
        gemeten = await meter.meet()                        # no stack runs: all twelve wait
    finally:
        await meter.sluit()
    assert gemeten["opvang"][topics.KETEN_COA] == 12
    verwacht: dict[int, int] = {}
    for m in keten.verzonden:                                  # where the broker put each of them
        verwacht[m.partition] = verwacht.get(m.partition, 0) + 1
    assert {p: n for p, n in meter.per_partitie["opvang"][topics.KETEN_COA].items() if n} == verwacht
