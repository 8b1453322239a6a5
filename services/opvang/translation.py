"""The one bridge from opvang's stored domain events to its published bus events."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from events import opvang as bus
from services.opvang.domain.bewoner import Bewoner as B
from services.runtime.translation import Uitgaand


def vertaal(e: Any) -> Iterator[Uitgaand]:
    """The bus events for one stored event of a Bewoner."""
    if not isinstance(e, B.Event) or isinstance(e, B.Geregistreerd):
        return
    persoon_id = e.persoon_id
    if isinstance(e, B.Geplaatst):
        yield bus.BEWONER_GEPLAATST, persoon_id, bus.BewonerGeplaatst(
            persoon_id=persoon_id, locatie_id=e.locatie_id, datum=e.datum
        )
    elif isinstance(e, B.Verplaatst):
        yield bus.BEWONER_VERPLAATST, persoon_id, bus.BewonerVerplaatst(
            persoon_id=persoon_id,
            van_locatie_id=e.van_locatie_id,
            naar_locatie_id=e.naar_locatie_id,
            datum=e.datum,
            verplaatsingen=e.verplaatsingen,
        )
    elif isinstance(e, B.StatushouderGeworden):
        yield bus.BEWONER_STATUSHOUDER_GEWORDEN, persoon_id, bus.BewonerStatushouderGeworden(
            persoon_id=persoon_id, besluitdatum=e.besluitdatum, soort=e.soort
        )
    elif isinstance(e, B.Uitgestroomd):
        yield bus.BEWONER_UITGESTROOMD, persoon_id, bus.BewonerUitgestroomd(
            persoon_id=persoon_id, locatie_id=e.locatie_id, datum=e.datum, reden=e.reden
        )
    elif isinstance(e, B.UitstroomGecorrigeerd):
        yield bus.BEWONER_UITSTROOM_GECORRIGEERD, persoon_id, bus.BewonerUitstroomGecorrigeerd(
            persoon_id=persoon_id, locatie_id=e.locatie_id, datum=e.datum, oude_datum=e.oude_datum, reden=e.reden
        )
