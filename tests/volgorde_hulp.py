"""One household's inputs per topic, for the interleaving tests: the bus orders a person's inputs per topic only."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Sequence
from typing import Any

from events import brp, coa, corporaties, ind
from events.envelope import Bericht, uit_json, valideer

HOOFD, PARTNER, ANDER = "1500000001", "1500000002", "1500000003"
PEILDATA = [dt.date(2024, 1, 1) + dt.timedelta(weeks=w) for w in range(0, 53, 4)]
BRON = {"keten.coa": "urn:nld:oin:coa", "keten.ind": "urn:nld:oin:ind", "keten.corporaties": "urn:nld:wbb-nijmegen",
        "keten.brp": "urn:nld:brp:nijmegen"}


def _ce(topic: str, type_: str, data: dict[str, Any], n: int) -> dict[str, Any]:
    return {"specversion": "1.0", "id": f"volgorde-{topic}-{n}", "source": BRON[topic], "type": type_,
            "time": "2024-01-01T09:00:00Z", "datacontenttype": "application/json", "data": data}


def per_topic() -> dict[str, list[dict[str, Any]]]:
    """The household's CloudEvents as the partners send them; within a topic they stay in this order."""
    lid = [{"vnummer": v, "geboortedatum": "1990-01-01"} for v in (HOOFD, PARTNER)]
    rijen = {
        "keten.coa": [(coa.ASIELZOEKER_GEPLAATST, {"vnummer": v, "locatie_id": "azc-dommer", "datum": "2024-01-08"})
                      for v in (HOOFD, PARTNER)]
        + [(coa.GEKOPPELD_AAN_GEMEENTE, {"vnummer": HOOFD, "gemeentecode": "0268", "koppeldatum": "2024-02-12",
                                         "huishouden": lid})],
        "keten.ind": [(ind.VERBLIJFSVERGUNNING_VERLEEND, {"vnummer": HOOFD, "besluitdatum": "2024-02-01", "soort": "asiel"}),
                      (ind.ASIELAANVRAAG_AFGEWEZEN, {"vnummer": ANDER, "besluitdatum": "2024-03-01", "definitief": True})],
        "keten.corporaties": [(corporaties.WONING_BESCHIKBAAR_GESTELD, {
            "woning_id": "W-1", "wijk": "Dukenburg", "soort": "regulier", "max_bewoners": 2,
            "beschikbaar_per": "2024-03-04"})],
        "keten.brp": [(brp.INGESCHREVEN_IMMIGRATIE, {"vnummer": v, "bsn": bsn, "datum": "2024-02-20"})
                      for v, bsn in ((HOOFD, "111222333"), (PARTNER, "123456782"))],
    }
    return {topic: [_ce(topic, t, d, n) for n, (t, d) in enumerate(rij)] for topic, rij in rijen.items()}


IN_VOLGORDE = [topic for topic, events in per_topic().items() for _ in events]
"""The topics in chain order, one entry per input: a permutation of it is an interleaving."""


def als_bericht(cloudevent: dict[str, Any]) -> Bericht:
    return valideer(uit_json(cloudevent))


def in_volgorde(volgorde: Sequence[str]) -> list[dict[str, Any]]:
    """The inputs in the order an interleaving of topics delivers them."""
    rijen = {topic: list(events) for topic, events in per_topic().items()}
    return [rijen[topic].pop(0) for topic in volgorde]


def enkele_volgordes(aantal: int, seed: int = 7) -> list[list[str]]:
    """A few distinct interleavings, reproducible: for tests that cannot afford many."""
    alle = sorted(set(itertools.permutations(IN_VOLGORDE)))
    return [list(v) for v in random.Random(seed).sample(alle, aantal)]
