"""Huisvesting's reaction to mzd's `persoon-gelegaliseerd`: a person without documents who got a permit after all gets a dossier, opened by the gemeente itself."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from events import mzd, topics
from events.envelope import Bericht
from services.huisvesting.domain.huisvestingsdossier import Huisvestingsdossier
from services.huisvesting.domain.persoonsgegevens import Persoonsgegevens
from services.runtime.werkeenheid import Invoer, Werkeenheid


class Legalisering:
    """Mixin of the huisvesting Application (before WelkomApplication). Someone outside COA opvang
    gets no COA koppeling, so the gemeente opens the dossier itself on the hand-over: a household of
    one from the besluitdatum of the permit (its koppeldatum: the 10-week term starts then), blocked
    while the BSN or IBAN is missing, in the queue like any other, and counted towards the
    taakstelling when the person moves in (see the read model's docstring).

    Nothing doubles: a `nareis` permit is left to the IND's own event, which adds the nareiziger to
    their referent's household (huisvesting consumes it directly); a person already in a household,
    or whose dossier exists (a copy of the event), gets no second one."""

    eis_binnen_venster: Any
    gemeentecode: str
    open_dossier: Any

    def legalisering_invoer(self) -> Sequence[Invoer]:
        return (Invoer(topics.GEMEENTE_MZD, mzd.PERSOON_GELEGALISEERD, self.gelegaliseerd),)

    def gelegaliseerd(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: mzd.PersoonGelegaliseerd = bericht.data  # type: ignore[assignment]
        if data.soort == "nareis":
            return
        persoon, datum = data.persoon_id, data.besluitdatum
        bekend: Persoonsgegevens | None = uow.get(Persoonsgegevens.create_id(persoon))
        if uow.get(Huisvestingsdossier.create_id(persoon)) is not None or (bekend and bekend.dossier_id):
            return
        self.eis_binnen_venster(datum)
        self.open_dossier(uow, persoon, [persoon], datum)
