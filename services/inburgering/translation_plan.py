"""The bus events of inburgering's plans (PIP, route, PVT, MAP, Z-route), wijk and DUO's plicht: only the pseudonymous persoon_id."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from events import inburgering as bus
from services.inburgering.domain.inburgeringsplan import Inburgeringsplan as P
from services.inburgering.domain.inburgeringsplicht import Inburgeringsplicht as D
from services.inburgering.domain.inburgeringstraject import Inburgeringstraject as I
from services.runtime.translation import Uitgaand

BRONNEN = (P.Event, D.Event, I.UitnodigingVerstuurd, I.InWijkGevestigd)
"""The stored event classes this module translates."""


def vertaal(e: Any) -> Iterator[Uitgaand]:
    """The bus events for one stored event of a plan, a plicht, or a traject's invitation or wijk."""
    p = e.persoon_id
    if isinstance(e, I.UitnodigingVerstuurd):
        yield bus.INTAKE_UITNODIGING_VERSTUURD, p, bus.IntakeUitnodigingVerstuurd(persoon_id=p, datum=e.datum)
    elif isinstance(e, I.InWijkGevestigd):
        yield bus.IN_WIJK_GEVESTIGD, p, bus.InWijkGevestigd(persoon_id=p, datum=e.datum, wijk=e.wijk)
    elif isinstance(e, P.PipVastgesteld):
        yield bus.PIP_VASTGESTELD, p, bus.PipVastgesteld(
            persoon_id=p, dagtekening=e.dagtekening, leerroute=e.leerroute, niveau=e.niveau,
            alfabetisering=e.alfabetisering, aanbieder=e.aanbieder, gefinancierd=e.gefinancierd,
            voortgangsgesprek_uiterlijk=e.voortgang_op)
    elif isinstance(e, P.PipGewijzigd):
        yield bus.PIP_GEWIJZIGD, p, bus.PipGewijzigd(
            persoon_id=p, dagtekening=e.dagtekening, leerroute=e.leerroute, niveau=e.niveau,
            alfabetisering=e.alfabetisering, aanbieder=e.aanbieder, vorige_leerroute=e.vorige_leerroute)
    elif isinstance(e, P.LeerrouteGestart):
        yield bus.LEERROUTE_GESTART, p, bus.LeerrouteGestart(persoon_id=p, datum=e.datum, leerroute=e.leerroute,
                                                             aanbieder=e.aanbieder)
    elif isinstance(e, P.VoortgangsgesprekGevoerd):
        yield bus.VOORTGANGSGESPREK_GEVOERD, p, bus.VoortgangsgesprekGevoerd(
            persoon_id=p, datum=e.datum, volgende_uiterlijk=e.volgende_op)
    elif isinstance(e, P.VoortgangstermijnVerstreken):
        yield bus.VOORTGANGSTERMIJN_VERSTREKEN, p, bus.VoortgangstermijnVerstreken(persoon_id=p, verlopen_op=e.verlopen_op)
    elif isinstance(e, P.PvtOndertekend):
        yield bus.PVT_ONDERTEKEND, p, bus.PvtOndertekend(persoon_id=p, datum=e.datum, verwijtbaar=e.verwijtbaar)
    elif isinstance(e, P.MapEindgesprekGevoerd):
        yield bus.MAP_EINDGESPREK_GEVOERD, p, bus.MapEindgesprekGevoerd(persoon_id=p, datum=e.datum)
    elif isinstance(e, P.ZrouteAfgerond):
        yield bus.Z_ROUTE_AFGEROND, p, bus.ZrouteAfgerond(persoon_id=p, datum=e.datum)
    elif isinstance(e, D.Event):
        yield from _plicht(e)


def _plicht(e: Any) -> Iterator[Uitgaand]:
    """DUO's facts about the plicht, as inburgering publishes them (no exam details, no leerbaarheid)."""
    p = e.persoon_id
    if isinstance(e, D.PlichtOntstaan):
        yield bus.INBURGERINGSPLICHT_ONTSTAAN, p, bus.InburgeringsplichtOntstaan(
            persoon_id=p, code=e.code, begindatum=e.begindatum, doelgroep=e.doelgroep, regime=e.regime)
    elif isinstance(e, D.PlichtGeschorst):
        yield bus.INBURGERINGSPLICHT_GESCHORST, p, bus.InburgeringsplichtGeschorst(persoon_id=p, datum=e.datum)
    elif isinstance(e, D.PlichtHervat):
        yield bus.INBURGERINGSPLICHT_HERVAT, p, bus.InburgeringsplichtHervat(persoon_id=p, datum=e.datum)
    elif isinstance(e, D.PlichtBeeindigd):
        yield bus.INBURGERINGSPLICHT_BEEINDIGD, p, bus.InburgeringsplichtBeeindigd(
            persoon_id=p, datum=e.datum, uitkomst=e.uitkomst)
    elif isinstance(e, D.DoelgroepGewijzigd):
        yield bus.DOELGROEP_GEWIJZIGD, p, bus.DoelgroepGewijzigdDoorDuo(persoon_id=p, datum=e.datum,
                                                                        doelgroep=e.doelgroep)
    elif isinstance(e, (D.TermijnGestart, D.TermijnVerlengd)):
        yield bus.INBURGERINGSTERMIJN_VASTGESTELD, p, bus.InburgeringstermijnVastgesteld(
            persoon_id=p, code=e.code, einddatum=e.einddatum)
    elif isinstance(e, D.TermijnVerstreken):
        yield bus.INBURGERINGSTERMIJN_VERSTREKEN, p, bus.InburgeringstermijnVerstreken(persoon_id=p,
                                                                                        verlopen_op=e.verlopen_op)
