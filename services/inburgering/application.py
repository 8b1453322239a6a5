"""The inburgering Application: a traject per adult at koppeling, and the brede intake."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from events import coa, topics
from events.envelope import Bericht
from services.runtime.application import Invoer, WelkomApplication, Werkeenheid
from services.domain import Domeinfout
from services.domain.leeftijd import MEERDERJARIG, leeftijd
from services.inburgering.domain.inburgeringstraject import Inburgeringstraject
from services.runtime.metrics import ANDERE_GEMEENTE
from services.runtime.toekomstvenster import MetToekomstvenster



class TrajectOnbekendFout(Domeinfout):
    """The command names a person without an inburgeringstraject."""


class Inburgering(MetToekomstvenster, WelkomApplication):
    """Guides every adult statushouder from koppeling to a leerroute."""

    name = "inburgering"

    def invoer(self) -> Sequence[Invoer]:
        return (Invoer(topics.KETEN_COA, coa.GEKOPPELD_AAN_GEMEENTE, self.koppeling),)

    def koppeling(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: coa.GekoppeldAanGemeente = bericht.data  # type: ignore[assignment]
        if data.gemeentecode != self.gemeentecode:
            ANDERE_GEMEENTE.labels(service=self.name, type=bericht.type).inc()
            return
        self.eis_binnen_venster(data.koppeldatum)
        for lid in data.huishouden:
            if leeftijd(lid.geboortedatum, data.koppeldatum) < MEERDERJARIG:
                continue
            persoon_id = self.persoon(lid.vnummer)
            if uow.get(Inburgeringstraject.create_id(persoon_id)) is None:
                uow.add(Inburgeringstraject.start(persoon_id=persoon_id, koppeldatum=data.koppeldatum,
                                                  gemeentecode=data.gemeentecode))

    def traject(self, uow: Werkeenheid, persoon_id: uuid.UUID) -> Inburgeringstraject:
        """The person's traject, for a staff command; a person without one is refused."""
        traject = uow.get(Inburgeringstraject.create_id(persoon_id))
        if traject is None:
            raise TrajectOnbekendFout()
        return traject

    def rond_intake_af(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date, leerroute: str) -> None:
        self.eis_binnen_venster(datum)
        self.traject(uow, persoon_id).rond_intake_af(datum=datum, leerroute=leerroute)

    def corrigeer_intake(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date, leerroute: str,
                         reden: str) -> None:
        self.eis_binnen_venster(datum)
        self.traject(uow, persoon_id).corrigeer_intake(datum=datum, leerroute=leerroute, reden=reden)
