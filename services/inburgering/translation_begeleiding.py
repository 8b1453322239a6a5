"""The bus events of maatschappelijke begeleiding and participatie: only the persoon_id, and of participatie only the trede."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from events import inburgering_begeleiding as bus
from services.inburgering.domain.begeleiding import Begeleiding as B
from services.inburgering.domain.participatie import Participatie as P
from services.runtime.translation import Uitgaand

BRONNEN = (B.Event, P.Event)
"""The stored event classes this module translates."""


def vertaal(e: Any) -> Iterator[Uitgaand]:
    """The bus events for one stored event of a Begeleiding or a Participatie (whose matrix is never published)."""
    if isinstance(e, B.Gestart):
        yield bus.MAATSCHAPPELIJKE_BEGELEIDING_GESTART, e.persoon_id, bus.BegeleidingGestart(
            begeleiding_id=e.originator_id, persoon_id=e.persoon_id, datum=e.datum, einddatum=e.einddatum,
            uiterste_einddatum=e.uiterste_einddatum)
    elif isinstance(e, B.Verlengd):
        yield bus.MAATSCHAPPELIJKE_BEGELEIDING_VERLENGD, e.persoon_id, bus.BegeleidingVerlengd(
            begeleiding_id=e.originator_id, persoon_id=e.persoon_id, datum=e.datum, einddatum=e.einddatum,
            vorige_einddatum=e.vorige_einddatum, heropend=e.heropend)
    elif isinstance(e, B.Beeindigd):
        yield bus.MAATSCHAPPELIJKE_BEGELEIDING_BEEINDIGD, e.persoon_id, bus.BegeleidingBeeindigd(
            begeleiding_id=e.originator_id, persoon_id=e.persoon_id, datum=e.datum, reden="beeindigd-door-vwn")
    elif isinstance(e, B.TermijnVerstreken):
        yield bus.MAATSCHAPPELIJKE_BEGELEIDING_BEEINDIGD, e.persoon_id, bus.BegeleidingBeeindigd(
            begeleiding_id=e.originator_id, persoon_id=e.persoon_id, datum=e.einddatum, reden="termijn-verstreken")
    elif isinstance(e, P.TredeGemeten):
        yield bus.PARTICIPATIETREDE_GEMETEN, e.persoon_id, bus.ParticipatietredeGemeten(
            persoon_id=e.persoon_id, datum=e.datum, trede=e.trede)
