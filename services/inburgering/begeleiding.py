"""Inburgering's handlers for VluchtelingenWerk's maatschappelijke begeleiding on keten.vwn."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from events import topics, vwn
from events.envelope import Bericht
from services.inburgering.domain.begeleiding import Begeleiding, BegeleidingBestaatAlFout, GeenBegeleidingFout
from services.runtime.werkeenheid import Invoer, Werkeenheid


class Begeleidingen:
    """Mixin of the inburgering Application (before WelkomApplication). VWN names the person by
    V-nummer. A begeleiding is recorded whether or not inburgering has a traject for the person:
    VWN guides statushouders, and a traject may start later (or its signal be lost: the report
    counts begeleidingen without a traject). An extension or end of a begeleiding welkom never saw
    start goes to the DLQ, as does any other refusal: kept, and visible to the operator."""

    gemeentecode: str
    eis_binnen_venster: Any
    persoon: Any

    def begeleiding_invoer(self) -> Sequence[Invoer]:
        return (
            Invoer(topics.KETEN_VWN, vwn.MAATSCHAPPELIJKE_BEGELEIDING_GESTART, self.begeleiding_gestart),
            Invoer(topics.KETEN_VWN, vwn.MAATSCHAPPELIJKE_BEGELEIDING_VERLENGD, self.begeleiding_verlengd),
            Invoer(topics.KETEN_VWN, vwn.MAATSCHAPPELIJKE_BEGELEIDING_BEEINDIGD, self.begeleiding_beeindigd),
        )

    def begeleiding_gestart(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: vwn.MaatschappelijkeBegeleidingGestart = bericht.data  # type: ignore[assignment]
        self.eis_binnen_venster(data.datum)
        persoon_id = self.persoon(data.vnummer)
        if uow.get(Begeleiding.create_id(persoon_id)) is not None:
            raise BegeleidingBestaatAlFout()
        uow.add(Begeleiding.start(persoon_id=persoon_id, datum=data.datum, gemeentecode=self.gemeentecode))

    def begeleiding_verlengd(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: vwn.MaatschappelijkeBegeleidingVerlengd = bericht.data  # type: ignore[assignment]
        self.eis_binnen_venster(data.datum)
        self._begeleiding(uow, self.persoon(data.vnummer)).verleng(data.datum, data.einddatum)

    def begeleiding_beeindigd(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: vwn.MaatschappelijkeBegeleidingBeeindigd = bericht.data  # type: ignore[assignment]
        self.eis_binnen_venster(data.datum)
        self._begeleiding(uow, self.persoon(data.vnummer)).beeindig(data.datum)

    @staticmethod
    def _begeleiding(uow: Werkeenheid, persoon_id: uuid.UUID) -> Begeleiding:
        begeleiding = uow.get(Begeleiding.create_id(persoon_id))
        if begeleiding is None:
            raise GeenBegeleidingFout()
        return begeleiding
