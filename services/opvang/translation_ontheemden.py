"""The bus events of opvang's ontheemden and of the temporary protection: only the pseudonymous persoon_id, never a BSN."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from events import opvang as bus
from services.opvang.domain.ontheemde import Ontheemde as O
from services.opvang.domain.tijdelijke_bescherming import TijdelijkeBescherming as T
from services.runtime.translation import Uitgaand

BRONNEN = (O.Event, T.Event)
"""The stored event classes this module translates."""


def vertaal(e: Any) -> Iterator[Uitgaand]:
    """The bus events for one stored event of an Ontheemde or of the TijdelijkeBescherming (about no person)."""
    if isinstance(e, O.Geregistreerd):
        yield bus.ONTHEEMDE_GEREGISTREERD, e.persoon_id, bus.OntheemdeGeregistreerd(
            persoon_id=e.persoon_id, datum=e.datum)
    elif isinstance(e, O.Geplaatst):
        yield bus.ONTHEEMDE_GEPLAATST, e.persoon_id, bus.OntheemdeGeplaatst(
            persoon_id=e.persoon_id, opvangsoort=e.opvangsoort, locatie_id=e.locatie_id, datum=e.datum)
    elif isinstance(e, O.Verplaatst):
        yield bus.ONTHEEMDE_VERPLAATST, e.persoon_id, bus.OntheemdeVerplaatst(
            persoon_id=e.persoon_id, van_opvangsoort=e.van_opvangsoort, van_locatie_id=e.van_locatie_id,
            naar_opvangsoort=e.naar_opvangsoort, naar_locatie_id=e.naar_locatie_id, datum=e.datum,
            verplaatsingen=e.verplaatsingen)
    elif isinstance(e, O.Vertrokken):
        yield bus.ONTHEEMDE_VERTROKKEN, e.persoon_id, bus.OntheemdeVertrokken(
            persoon_id=e.persoon_id, opvangsoort=e.opvangsoort, locatie_id=e.locatie_id, datum=e.datum, reden=e.reden)
    elif isinstance(e, O.EigenBijdrageVastgesteld):
        yield bus.EIGEN_BIJDRAGE_VASTGESTELD, e.persoon_id, bus.EigenBijdrageVastgesteld(
            persoon_id=e.persoon_id, datum=e.datum, plichtig=e.plichtig, vrijstellingsgrond=e.vrijstellingsgrond)
    elif isinstance(e, T.Beeindigd):
        yield bus.TIJDELIJKE_BESCHERMING_BEEINDIGD, None, bus.TijdelijkeBeschermingBeeindigd(einddatum=e.einddatum)
    elif isinstance(e, T.Verlengd):
        yield bus.TIJDELIJKE_BESCHERMING_VERSCHOVEN, None, bus.TijdelijkeBeschermingVerschoven(
            einddatum=e.einddatum, vorige_einddatum=e.vorige_einddatum, besluitdatum=e.besluitdatum,
            heropend=e.heropend)
