"""The one bridge from opvang's stored domain events to its published bus events."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from events import opvang as bus
from services.opvang import translation_ontheemden as ontheemden
from services.opvang.domain.bewoner import Bewoner as B
from services.opvang.domain.locatie import Locatie as L
from services.opvang.domain.spreidingstaakstelling import Spreidingstaakstelling as S
from services.runtime.translation import Uitgaand


def vertaal(e: Any) -> Iterator[Uitgaand]:
    """The bus events for one stored event of a Bewoner."""
    if isinstance(e, (L.Event, S.Event)):
        yield from _locaties(e)
    if isinstance(e, ontheemden.BRONNEN):
        yield from ontheemden.vertaal(e)
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
    elif isinstance(e, B.DefinitiefAfgewezen):
        yield bus.BEWONER_VERTREKTERMIJN_GESTART, persoon_id, bus.BewonerVertrektermijnGestart(
            persoon_id=persoon_id, locatie_id=e.locatie_id, besluitdatum=e.besluitdatum,
            vertrektermijn_verloopt_op=e.vertrektermijn_verloopt_op,
        )
    elif isinstance(e, B.RechtOpOpvangBeeindigd):
        yield bus.BEWONER_RECHT_OP_OPVANG_BEEINDIGD, persoon_id, bus.BewonerRechtOpOpvangBeeindigd(
            persoon_id=persoon_id, locatie_id=e.locatie_id, verlopen_op=e.verlopen_op
        )
    # KindHerhaaldVerplaatst is not published: it would tell every subscriber that the person is a
    # child; the gauge and the report carry the count.


def _locaties(e: Any) -> Iterator[Uitgaand]:
    """The bus events of a location or a Spreidingswet taakstelling: about no person (no subject)."""
    if isinstance(e, L.Geopend):
        yield bus.LOCATIE_GEREGISTREERD, None, bus.LocatieGeregistreerd(
            locatie_id=e.locatie_id, naam=e.naam, soort=e.soort, beheerder=e.beheerder, capaciteit=e.capaciteit,
            datum=e.datum, geplande_sluiting=e.geplande_sluiting,
        )
    elif isinstance(e, L.CapaciteitGewijzigd):
        yield bus.LOCATIE_CAPACITEIT_GEREGISTREERD, None, bus.LocatieCapaciteitGeregistreerd(
            locatie_id=e.locatie_id, capaciteit=e.capaciteit, datum=e.datum
        )
    elif isinstance(e, L.Gesloten):
        yield bus.LOCATIE_SLUITING_GEREGISTREERD, None, bus.LocatieSluitingGeregistreerd(
            locatie_id=e.locatie_id, datum=e.datum
        )
    elif isinstance(e, (S.Vastgesteld, S.Bijgesteld)):
        yield bus.SPREIDINGSTAAKSTELLING_GEREGISTREERD, None, bus.SpreidingstaakstellingGeregistreerd(
            cyclus=e.cyclus, fase=e.fase, plekken=e.plekken, amv_plekken=e.amv_plekken,
            realiseren_per=e.realiseren_per, besluitdatum=e.besluitdatum,
        )
