"""Inburgering's staff commands on participatie: klantregisseurs record dated participatieladder and zelfredzaamheidsmatrix measurements."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from services.inburgering.domain.participatie import Participatie
from services.runtime.werkeenheid import Werkeenheid


class Participaties:
    """Mixin of the inburgering Application (before WelkomApplication). A measurement belongs to a
    person's inburgering (the PIP's participatie part): a person without a traject is refused
    (`traject`, TrajectOnbekendFout), as every inburgering command is."""

    gemeentecode: str
    eis_binnen_venster: Any
    traject: Any

    def _participatie(self, uow: Werkeenheid, persoon_id: uuid.UUID) -> Participatie:
        self.traject(uow, persoon_id)
        return uow.get(Participatie.create_id(persoon_id)) or uow.add(
            Participatie(persoon_id=persoon_id, gemeentecode=self.gemeentecode))

    def meet_trede(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date, trede: int) -> None:
        self.eis_binnen_venster(datum)
        self._participatie(uow, persoon_id).meet_trede(datum, trede)

    def meet_zelfredzaamheid(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date,
                             scores: dict[str, int]) -> None:
        self.eis_binnen_venster(datum)
        self._participatie(uow, persoon_id).meet_zelfredzaamheid(datum, scores)
