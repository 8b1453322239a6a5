"""The one bridge from inburgering's stored domain events to its published bus events."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from events import inburgering as bus
from services.inburgering import translation_begeleiding as begeleiding
from services.inburgering import translation_plan as plan
from services.inburgering.domain.inburgeringstraject import Inburgeringstraject as I
from services.runtime.translation import Uitgaand


def vertaal(e: Any) -> Iterator[Uitgaand]:
    """The bus events for one stored event of an Inburgeringstraject."""
    if isinstance(e, begeleiding.BRONNEN):
        yield from begeleiding.vertaal(e)
    if isinstance(e, plan.BRONNEN):
        yield from plan.vertaal(e)
    if isinstance(e, I.Gestart) and e.aanleiding == "meerderjarig":
        return  # stored at koppeling, dated on the 18th birthday: not announced years ahead (see the report)
    if isinstance(e, I.Gestart):
        yield bus.INBURGERINGSTRAJECT_GESTART, e.persoon_id, bus.InburgeringstrajectGestart(
            traject_id=e.originator_id,
            persoon_id=e.persoon_id,
            koppeldatum=e.koppeldatum,
            intaketermijn_verloopt_op=e.intaketermijn_verloopt_op,
            **{v: getattr(e, v) for v in ("startdatum", "doelgroep", "aanleiding") if getattr(e, v) is not None},
        )
    elif isinstance(e, I.BredeIntakeAfgerond):
        persoon_id = e.persoon_id
        yield bus.BREDE_INTAKE_AFGEROND, persoon_id, bus.BredeIntakeAfgerond(
            traject_id=e.originator_id,
            persoon_id=persoon_id,
            datum=e.datum,
            leerroute=e.leerroute,
            binnen_termijn=e.binnen_termijn,
        )
    elif isinstance(e, I.IntaketermijnVerstreken):
        persoon_id = e.persoon_id
        yield bus.INTAKETERMIJN_VERSTREKEN, persoon_id, bus.IntaketermijnVerstreken(
            traject_id=e.originator_id, persoon_id=persoon_id, verlopen_op=e.verlopen_op
        )
    elif isinstance(e, I.IntaketermijnHerzien):
        yield bus.INTAKETERMIJN_HERZIEN, e.persoon_id, bus.IntaketermijnHerzien(
            traject_id=e.originator_id, persoon_id=e.persoon_id, verlopen_op=e.verlopen_op,
            gehaald_op=e.gehaald_op, reden=e.reden,
        )
    elif isinstance(e, I.BredeIntakeGecorrigeerd):
        yield bus.BREDE_INTAKE_GECORRIGEERD, e.persoon_id, bus.BredeIntakeGecorrigeerd(
            traject_id=e.originator_id, persoon_id=e.persoon_id, datum=e.datum, oude_datum=e.oude_datum,
            leerroute=e.leerroute, oude_leerroute=e.oude_leerroute, binnen_termijn=e.binnen_termijn,
            reden=e.reden,
        )
