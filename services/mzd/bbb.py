"""Mzd's BBB-opvang: the BBB organisations' placements and departures on keten.bbb, and the assessment of an application under its two conditions."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from events import bbb, topics
from events.envelope import Bericht
from services.runtime.werkeenheid import Invoer, Werkeenheid


class BbbOpvang:
    """Mixin of the mzd Application (before WelkomApplication). A placement needs an admission (by
    assessment, or the direct admission), a departure the placement; both for a person with a case:
    else the organisation's event goes to the DLQ with the rule it broke."""

    eis_binnen_venster: Any
    persoon: Any
    zaak: Any
    staf: Any

    def bbb_invoer(self) -> Sequence[Invoer]:
        return (
            Invoer(topics.KETEN_BBB, bbb.PERSOON_GEPLAATST, self.bbb_geplaatst),
            Invoer(topics.KETEN_BBB, bbb.PERSOON_VERTROKKEN, self.bbb_vertrokken),
        )

    def bbb_geplaatst(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: bbb.PersoonGeplaatst = bericht.data  # type: ignore[assignment]
        self.eis_binnen_venster(data.datum)
        self.zaak(uow, self.persoon(data.vnummer)).plaats_in_bbb(data.organisatie, data.datum)

    def bbb_vertrokken(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: bbb.PersoonVertrokken = bericht.data  # type: ignore[assignment]
        self.eis_binnen_venster(data.datum)
        self.zaak(uow, self.persoon(data.vnummer)).vertrek_uit_bbb(data.organisatie, data.datum, data.reden)

    def vraag_bbb_aan(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date) -> None:
        self.staf(uow, persoon_id, datum).vraag_bbb_aan(datum)

    def beoordeel_bbb(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date, binding: bool,
                      bindingsgrond: str | None, voorliggende_voorziening: bool) -> None:
        self.staf(uow, persoon_id, datum).beoordeel_bbb(datum, binding, bindingsgrond, voorliggende_voorziening)
