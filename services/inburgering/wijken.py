"""Welkom in de wijk: inburgering records the wijk a person moved into, from huisvesting's offer and move (never an address)."""

from __future__ import annotations

from collections.abc import Sequence

from events import huisvesting, topics
from events.envelope import Bericht
from services.inburgering.domain.inburgeringstraject import Inburgeringstraject
from services.inburgering.domain.woningwijk import Woningwijk
from services.runtime.werkeenheid import Invoer, Werkeenheid


class Wijken:
    """Mixin of the inburgering Application (before WelkomApplication). huisvesting's `woning-aangeboden`
    names the wijk of a home; its `verhuisd` names the persons who moved into it (both on
    gemeente.huisvesting, keyed by the household's main person, so the offer comes first). Each of them
    whose traject has started by the move is then gevestigd in that wijk; a child whose traject starts
    at 18 is not followed (nor announced) as an inburgeraar before then."""

    def wijk_invoer(self) -> Sequence[Invoer]:
        return (
            Invoer(topics.GEMEENTE_HUISVESTING, huisvesting.WONING_AANGEBODEN, self.woning_aangeboden),
            Invoer(topics.GEMEENTE_HUISVESTING, huisvesting.VERHUISD, self.verhuisd),
        )

    def woning_aangeboden(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: huisvesting.WoningAangeboden = bericht.data  # type: ignore[assignment]
        if uow.get(Woningwijk.create_id(data.woning_id)) is None:
            uow.add(Woningwijk(woning_id=data.woning_id, wijk=data.wijk))

    def verhuisd(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: huisvesting.Verhuisd = bericht.data  # type: ignore[assignment]
        woning: Woningwijk | None = uow.get(Woningwijk.create_id(data.woning_id))
        if woning is None:
            return
        for persoon_id in data.personen:
            traject: Inburgeringstraject | None = uow.get(Inburgeringstraject.create_id(persoon_id))
            if traject is not None and traject.startdatum <= data.datum and traject.wijk != woning.wijk:
                traject.vestig_in_wijk(woning.wijk, data.datum)
