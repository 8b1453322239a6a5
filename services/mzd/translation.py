"""The one bridge from mzd's stored domain events to its published bus events."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from events import mzd as bus
from services.mzd.domain.zaak import Zaak as Z
from services.runtime.translation import Uitgaand

EEN_OP_EEN: dict[type, tuple[str, type, tuple[str, ...]]] = {
    Z.Heropend: (bus.ZAAK_HEROPEND, bus.ZaakHeropend, ("besluitdatum", "vertrektermijn_verloopt_op", "aanleiding")),
    Z.ProcedureGestart: (bus.PROCEDURE_GESTART, bus.ProcedureGestart, ("datum",)),
    Z.VertrektermijnVerstreken: (bus.VERTREKTERMIJN_VERSTREKEN, bus.VertrektermijnVerstreken, ("verlopen_op",)),
    Z.ToegelatenTotBbb: (bus.TOEGELATEN_TOT_BBB, bus.ToegelatenTotBbb, ("datum",)),
    Z.BbbToelatingGecorrigeerd: (bus.BBB_TOELATING_GECORRIGEERD, bus.BbbToelatingGecorrigeerd,
                                 ("datum", "oude_datum", "reden")),
    Z.BbbAangevraagd: (bus.BBB_AANGEVRAAGD, bus.BbbAangevraagd, ("datum",)),
    Z.BbbBeoordeeld: (bus.BBB_BEOORDEELD, bus.BbbBeoordeeld, ("datum", "toegelaten", "weigerredenen")),
    Z.BbbGeplaatst: (bus.BBB_GEPLAATST, bus.BbbGeplaatst, ("organisatie", "datum")),
    Z.BbbVertrokken: (bus.BBB_VERTROKKEN, bus.BbbVertrokken, ("organisatie", "datum", "reden")),
    Z.PerspectiefVastgesteld: (bus.PERSPECTIEF_VASTGESTELD, bus.PerspectiefVastgesteld, ("perspectief", "datum")),
    Z.Uitgestroomd: (bus.UITGESTROOMD, bus.Uitgestroomd, ("datum", "reden")),
}
"""Stored event class -> (bus type, schema, the fields it copies besides zaak_id and persoon_id).
Not published: ContactpersoonToegewezen (internal) and ZorgbehoefteVastgesteld (health data)."""


def vertaal(e: Any) -> Iterator[Uitgaand]:
    """The bus events for one stored event of a Zaak."""
    if not isinstance(e, Z.Event):
        return
    ids = {"zaak_id": e.originator_id, "persoon_id": e.persoon_id}
    if isinstance(e, Z.Geopend):
        # `aanleiding` only when it is not the schema's default: cases opened by a refusal publish
        # what they published before intrekking existed.
        extra = {"aanleiding": e.aanleiding} if e.aanleiding != "afwijzing" else {}
        yield bus.ZAAK_GEOPEND, e.persoon_id, bus.ZaakGeopend(
            **ids, besluitdatum=e.besluitdatum, vertrektermijn_verloopt_op=e.vertrektermijn_verloopt_op, **extra)
    elif isinstance(e, Z.Gelegaliseerd):  # the hand-over, and the uitstroom it is
        yield bus.PERSOON_GELEGALISEERD, e.persoon_id, bus.PersoonGelegaliseerd(
            **ids, besluitdatum=e.besluitdatum, soort=e.soort)
        yield bus.UITGESTROOMD, e.persoon_id, bus.Uitgestroomd(**ids, datum=e.besluitdatum, reden="legalisering")
    elif type(e) in EEN_OP_EEN:
        type_, schema, velden = EEN_OP_EEN[type(e)]
        yield type_, e.persoon_id, schema(**ids, **{v: getattr(e, v) for v in velden})
