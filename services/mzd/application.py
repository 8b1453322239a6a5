"""The mzd Application: a case that follows each person after a definitive refusal, BBB-opvang under its conditions, perspective, uitstroom, and the hand-over on legalisering."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from services.domain import Domeinfout
from services.mzd.bbb import BbbOpvang
from services.mzd.domain.zaak import Zaak
from services.mzd.zaken import Zaken
from services.runtime.application import Invoer, WelkomApplication, Werkeenheid
from services.runtime.toekomstvenster import MetToekomstvenster


class ZaakOnbekendFout(Domeinfout):
    """The command (or a BBB organisation's event) names a person without an mzd case."""


class Mzd(Zaken, BbbOpvang, MetToekomstvenster, WelkomApplication):
    """Keeps one case per person from the IND's decisions (`zaken.py`), BBB-opvang from staff's
    assessments and the BBB organisations' placements (`bbb.py`), and staff's work on perspective,
    contact person, care needs and uitstroom."""

    name = "mzd"

    def invoer(self) -> Sequence[Invoer]:
        return (*self.zaken_invoer(), *self.bbb_invoer())

    def zaak(self, uow: Werkeenheid, persoon_id: uuid.UUID) -> Zaak:
        """The person's case; a person without one is refused."""
        zaak = uow.get(Zaak.create_id(persoon_id))
        if zaak is None:
            raise ZaakOnbekendFout()
        return zaak

    def staf(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date) -> Zaak:
        """The case a staff command about this date acts on (the date within the window of the future)."""
        self.eis_binnen_venster(datum)
        return self.zaak(uow, persoon_id)

    def laat_toe_tot_bbb(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date) -> None:
        self.staf(uow, persoon_id, datum).laat_toe_tot_bbb(datum=datum)

    def corrigeer_bbb_toelating(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date, reden: str) -> None:
        self.staf(uow, persoon_id, datum).corrigeer_bbb_toelating(datum=datum, reden=reden)
