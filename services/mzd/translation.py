"""The one bridge from mzd's stored domain events to its published bus events."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from events import mzd as bus
from services.mzd.domain.zaak import Zaak as Z
from services.runtime.translation import Uitgaand


def vertaal(e: Any) -> Iterator[Uitgaand]:
    """The bus events for one stored event of a Zaak."""
    if isinstance(e, Z.Geopend):
        yield bus.ZAAK_GEOPEND, e.persoon_id, bus.ZaakGeopend(
            zaak_id=e.originator_id,
            persoon_id=e.persoon_id,
            besluitdatum=e.besluitdatum,
            vertrektermijn_verloopt_op=e.vertrektermijn_verloopt_op,
        )
    elif isinstance(e, Z.ToegelatenTotBbb):
        persoon_id = e.persoon_id
        yield bus.TOEGELATEN_TOT_BBB, persoon_id, bus.ToegelatenTotBbb(
            zaak_id=e.originator_id, persoon_id=persoon_id, datum=e.datum
        )
    elif isinstance(e, Z.VertrektermijnVerstreken):
        persoon_id = e.persoon_id
        yield bus.VERTREKTERMIJN_VERSTREKEN, persoon_id, bus.VertrektermijnVerstreken(
            zaak_id=e.originator_id, persoon_id=persoon_id, verlopen_op=e.verlopen_op
        )
    elif isinstance(e, Z.BbbToelatingGecorrigeerd):
        yield bus.BBB_TOELATING_GECORRIGEERD, e.persoon_id, bus.BbbToelatingGecorrigeerd(
            zaak_id=e.originator_id, persoon_id=e.persoon_id, datum=e.datum, oude_datum=e.oude_datum,
            reden=e.reden,
        )
