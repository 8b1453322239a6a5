"""Inburgering's staff calls after the koppeling: the invitation, the PIP and what follows it (route, voortgang, PVT, MAP, Z-route)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from services.domain import Domeinfout
from services.inburgering.domain.inburgeringsplan import VOORTGANG_MAANDEN, Inburgeringsplan, PipBestaatAlFout
from services.inburgering.domain.inburgeringsplicht import Inburgeringsplicht
from services.inburgering.domain.inburgeringstraject import Inburgeringstraject
from services.runtime.werkeenheid import Werkeenheid


class TrajectOnbekendFout(Domeinfout):
    """The command names a person without an inburgeringstraject."""


class GeenPipFout(Domeinfout):
    """The command needs a PIP, and this person has none yet."""


class PlichtOnbekendFout(Domeinfout):
    """DUO has signalled no inburgeringsplicht for this person."""


class PipVoorStartFout(Domeinfout):
    """An intake, invitation or PIP dated before the traject started (a minor's starts on their 18th birthday)."""


class Plannen:
    """Mixin of the inburgering Application (before WelkomApplication): the klantregisseur's commands.
    A PIP needs a traject; a gezinsmigrant's PIP (by DUO's doelgroep, else the traject's) finances no
    leerroute. `voortgang_maanden` (WELKOM_INBURGERING_VOORTGANG_MAANDEN) sets the due date of the
    next voortgangsgesprek, stored when it is set."""

    gemeentecode: str
    eis_binnen_venster: Any

    def __init__(self, *args: Any, voortgang_maanden: int = VOORTGANG_MAANDEN, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.voortgang_maanden = voortgang_maanden

    def traject(self, uow: Werkeenheid, persoon_id: uuid.UUID) -> Inburgeringstraject:
        """The person's traject, for a staff command; a person without one is refused."""
        traject = uow.get(Inburgeringstraject.create_id(persoon_id))
        if traject is None:
            raise TrajectOnbekendFout()
        return traject

    def plan(self, uow: Werkeenheid, persoon_id: uuid.UUID) -> Inburgeringsplan:
        """The person's PIP: refused for a person without a traject, or without a PIP."""
        self.traject(uow, persoon_id)
        plan = uow.get(Inburgeringsplan.create_id(persoon_id))
        if plan is None:
            raise GeenPipFout()
        return plan

    def doelgroep(self, uow: Werkeenheid, traject: Inburgeringstraject) -> str:
        """DUO's doelgroep of the person when DUO has said it, else the traject's."""
        plicht: Inburgeringsplicht | None = uow.get(Inburgeringsplicht.create_id(traject.persoon_id))
        return plicht.doelgroep if plicht is not None and plicht.doelgroep else traject.doelgroep

    def rond_intake_af(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date, leerroute: str) -> None:
        self.eis_binnen_venster(datum)
        traject = self.traject(uow, persoon_id)
        if datum < traject.startdatum:
            raise PipVoorStartFout()
        traject.rond_intake_af(datum=datum, leerroute=leerroute)

    def corrigeer_intake(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date, leerroute: str,
                         reden: str) -> None:
        self.eis_binnen_venster(datum)
        self.traject(uow, persoon_id).corrigeer_intake(datum=datum, leerroute=leerroute, reden=reden)

    def nodig_uit(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date) -> None:
        self.eis_binnen_venster(datum)
        traject = self.traject(uow, persoon_id)
        if datum < traject.startdatum:
            raise PipVoorStartFout()
        traject.nodig_uit(datum)

    def stel_pip_vast(self, uow: Werkeenheid, persoon_id: uuid.UUID, dagtekening: dt.date, leerroute: str,
                      niveau: str, alfabetisering: str, aanbieder: str | None) -> None:
        self.eis_binnen_venster(dagtekening)
        traject = self.traject(uow, persoon_id)
        if dagtekening < traject.startdatum:
            raise PipVoorStartFout()
        if uow.get(Inburgeringsplan.create_id(persoon_id)) is not None:
            raise PipBestaatAlFout()
        uow.add(Inburgeringsplan.stel_vast(
            persoon_id=persoon_id, dagtekening=dagtekening, leerroute=leerroute, niveau=niveau,
            alfabetisering=alfabetisering, aanbieder=aanbieder,
            gefinancierd=self.doelgroep(uow, traject) != "gezinsmigrant",
            voortgang_maanden=self.voortgang_maanden, gemeentecode=self.gemeentecode))

    def wijzig_pip(self, uow: Werkeenheid, persoon_id: uuid.UUID, dagtekening: dt.date, leerroute: str,
                   niveau: str, alfabetisering: str, aanbieder: str | None) -> None:
        self.eis_binnen_venster(dagtekening)
        self.plan(uow, persoon_id).wijzig(dagtekening, leerroute, niveau, alfabetisering, aanbieder)

    def voer_voortgangsgesprek(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date) -> None:
        self.eis_binnen_venster(datum)
        self.plan(uow, persoon_id).voer_voortgangsgesprek(datum, self.voortgang_maanden)

    def start_leerroute(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date, aanbieder: str | None) -> None:
        self.eis_binnen_venster(datum)
        self.plan(uow, persoon_id).start_route(datum, aanbieder)

    def onderteken_pvt(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date, verwijtbaar: bool) -> None:
        self.eis_binnen_venster(datum)
        self.plan(uow, persoon_id).onderteken_pvt(datum, verwijtbaar)

    def rond_map_af(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date) -> None:
        self.eis_binnen_venster(datum)
        self.plan(uow, persoon_id).rond_map_af(datum)

    def rond_zroute_af(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date) -> None:
        self.eis_binnen_venster(datum)
        self.plan(uow, persoon_id).rond_zroute_af(datum)

    def registreer_verzoek(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date) -> None:
        """A person under the old law asked for guidance: recorded on their plicht (they have no traject)."""
        self.eis_binnen_venster(datum)
        plicht: Inburgeringsplicht | None = uow.get(Inburgeringsplicht.create_id(persoon_id))
        if plicht is None:
            raise PlichtOnbekendFout()
        plicht.vraag_begeleiding(datum)
