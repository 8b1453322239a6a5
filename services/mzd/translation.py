"""The one bridge from mzd's stored domain events to its published bus events."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from events import mzd as bus
from services.mzd.domain.zaak import VERTREKTERMIJN
from services.mzd.domain.zaak import Zaak as Z
from services.runtime.translation import Uitgaand


def vertaal(e: Any, aggregate: Callable[[Any], Any]) -> Iterator[Uitgaand]:
    """The bus events for one stored event of a Zaak."""
    if isinstance(e, Z.Geopend):
        yield bus.ZAAK_GEOPEND, e.persoon_id, bus.ZaakGeopend(
            zaak_id=e.originator_id,
            persoon_id=e.persoon_id,
            besluitdatum=e.besluitdatum,
            vertrektermijn_verloopt_op=e.besluitdatum + VERTREKTERMIJN,
        )
    elif isinstance(e, Z.ToegelatenTotBbb):
        persoon_id = aggregate(e.originator_id).persoon_id
        yield bus.TOEGELATEN_TOT_BBB, persoon_id, bus.ToegelatenTotBbb(
            zaak_id=e.originator_id, persoon_id=persoon_id, datum=e.datum
        )
    elif isinstance(e, Z.VertrektermijnVerstreken):
        persoon_id = aggregate(e.originator_id).persoon_id
        yield bus.VERTREKTERMIJN_VERSTREKEN, persoon_id, bus.VertrektermijnVerstreken(
            zaak_id=e.originator_id, persoon_id=persoon_id, verlopen_op=e.verlopen_op
        )
