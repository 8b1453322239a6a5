"""`welkom bench`: the generated households and their inbound CloudEvents, as the chain receives them."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass
from typing import Any

from events import coa, corporaties, ind
from events.registry import soort

BRONNEN = {"IND": "urn:nld:oin:ind", "COA": "urn:nld:oin:coa", "woningcorporaties": "urn:nld:wbb-nijmegen"}
INBOUND_PER_HUISHOUDEN = 4


@dataclass(frozen=True)
class Huishouden:
    """One generated household: its members (main person first), koppeldatum and its fitting home."""

    index: int
    leden: list[tuple[str, dt.date]]
    koppeldatum: dt.date
    woning_id: str


def maak_huishoudens(n: int, seed: int = 2024) -> list[Huishouden]:
    """N households, sizes 1-4, unique 10-digit vnummers, koppeldatum in 2024.

    Koppeldata strictly increase (households sharing a day when N > 366 also share a size), so under
    the Wachtrij rule (longest waiting fitting household first) every household gets an offer,
    whatever the interleaving of keten.coa and keten.corporaties.
    """
    rng = random.Random(seed)
    dagen = [k * 366 // n for k in range(n)]
    grootte_per_dag = {d: rng.randint(1, 4) for d in set(dagen)}
    vnummers = iter(str(v) for v in rng.sample(range(10**9, 10**10), 4 * n))
    uit = []
    for k, dag in enumerate(dagen):
        leden = [(next(vnummers), dt.date(1970, 1, 1) + dt.timedelta(days=rng.randrange(11_000)))]
        for _ in range(grootte_per_dag[dag] - 1):
            leden.append((next(vnummers), dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(6_500))))
        uit.append(Huishouden(k, leden, dt.date(2024, 1, 1) + dt.timedelta(days=dag), f"bench-w{k:07d}"))
    return uit


def _ce(type_: str, data: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    registratie = soort(type_)
    assert registratie is not None, type_
    envelope = {
        "specversion": "1.0", "id": str(uuid.uuid4()), "source": BRONNEN[registratie.producent],
        "type": type_, "time": dt.datetime.now(dt.UTC).isoformat().replace("+00:00", "Z"),
        "datacontenttype": "application/json", "data": data,
    }
    return registratie.topic, envelope


def inbound(h: Huishouden) -> list[tuple[str, dict[str, Any]]]:
    """The household's four inbound CloudEvents, in chain order; the home comes last."""
    vnummer, geboren = h.leden[0]
    k = h.koppeldatum
    return [
        _ce(coa.ASIELZOEKER_GEPLAATST, {"vnummer": vnummer, "locatie_id": f"azc-{h.index % 7}",
                                        "datum": str(k - dt.timedelta(days=200)), "geboortedatum": str(geboren)}),
        _ce(ind.VERBLIJFSVERGUNNING_VERLEEND, {"vnummer": vnummer, "besluitdatum": str(k - dt.timedelta(days=30)),
                                               "soort": "asiel"}),
        _ce(coa.GEKOPPELD_AAN_GEMEENTE, {"vnummer": vnummer, "gemeentecode": "0268", "koppeldatum": str(k),
                                         "huishouden": [{"vnummer": v, "geboortedatum": str(g)} for v, g in h.leden]}),
        _ce(corporaties.WONING_BESCHIKBAAR_GESTELD, {"woning_id": h.woning_id, "wijk": "Dukenburg",
                                                     "soort": "regulier", "max_bewoners": len(h.leden),
                                                     "beschikbaar_per": str(k + dt.timedelta(days=14))}),
    ]
