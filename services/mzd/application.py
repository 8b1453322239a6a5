"""The mzd Application: a case per definitive refusal, and admission to BBB-opvang."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from events import ind, topics
from events.envelope import Bericht
from services.runtime.application import Invoer, WelkomApplication, Werkeenheid
from services.domain import Domeinfout
from services.mzd.domain.zaak import Zaak, ZaakBestaatAlFout
from services.runtime.toekomstvenster import MetToekomstvenster



class ZaakOnbekendFout(Domeinfout):
    """The command names a person without an mzd case."""


class Mzd(MetToekomstvenster, WelkomApplication):
    """Opens a case when the IND refuses definitively; staff admit people to BBB-opvang."""

    name = "mzd"

    def invoer(self) -> Sequence[Invoer]:
        return (Invoer(topics.KETEN_IND, ind.ASIELAANVRAAG_AFGEWEZEN, self.afgewezen),)

    def afgewezen(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: ind.AsielaanvraagAfgewezen = bericht.data  # type: ignore[assignment]
        if not data.definitief:
            return
        self.eis_binnen_venster(data.besluitdatum)
        persoon_id = self.persoon(data.vnummer)
        if uow.get(Zaak.create_id(persoon_id)) is not None:
            raise ZaakBestaatAlFout()
        uow.add(Zaak.open(persoon_id=persoon_id, besluitdatum=data.besluitdatum, gemeentecode=self.gemeentecode))

    def zaak(self, uow: Werkeenheid, persoon_id: uuid.UUID) -> Zaak:
        """The person's case, for a staff command; a person without one is refused."""
        zaak = uow.get(Zaak.create_id(persoon_id))
        if zaak is None:
            raise ZaakOnbekendFout()
        return zaak

    def laat_toe_tot_bbb(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date) -> None:
        self.eis_binnen_venster(datum)
        self.zaak(uow, persoon_id).laat_toe_tot_bbb(datum=datum)

    def corrigeer_bbb_toelating(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date, reden: str) -> None:
        self.eis_binnen_venster(datum)
        self.zaak(uow, persoon_id).corrigeer_bbb_toelating(datum=datum, reden=reden)
