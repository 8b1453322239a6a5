"""Mzd's handlers of the IND's decisions: a case opens or reopens on a definitive refusal or a withdrawn permit, a repeat application starts a procedure, a permit closes it with legalisering."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from events import ind, topics
from events.envelope import Bericht
from services.mzd.domain.zaak import Zaak
from services.runtime.werkeenheid import Invoer, Werkeenheid


class Zaken:
    """Mixin of the mzd Application (before WelkomApplication): the case follows the person."""

    eis_binnen_venster: Any
    persoon: Any
    gemeentecode: str

    def zaken_invoer(self) -> Sequence[Invoer]:
        return (
            Invoer(topics.KETEN_IND, ind.ASIELAANVRAAG_AFGEWEZEN, self.afgewezen),
            Invoer(topics.KETEN_IND, ind.VERBLIJFSVERGUNNING_INGETROKKEN, self.ingetrokken),
            Invoer(topics.KETEN_IND, ind.ASIELAANVRAAG_INGEDIEND, self.ingediend),
            Invoer(topics.KETEN_IND, ind.VERBLIJFSVERGUNNING_VERLEEND, self.vergunning_verleend),
        )

    def _open_of_heropen(self, uow: Werkeenheid, vnummer: str, datum: Any, aanleiding: str) -> None:
        self.eis_binnen_venster(datum)
        persoon_id = self.persoon(vnummer)
        zaak: Zaak | None = uow.get(Zaak.create_id(persoon_id))
        if zaak is None:
            uow.add(Zaak.open(persoon_id=persoon_id, besluitdatum=datum, gemeentecode=self.gemeentecode,
                              aanleiding=aanleiding))
        else:
            zaak.wijs_af(datum, aanleiding)

    def afgewezen(self, uow: Werkeenheid, bericht: Bericht) -> None:
        """A definitive refusal opens the person's case, or reopens it with a new vertrektermijn; a
        refusal open to appeal changes nothing."""
        data: ind.AsielaanvraagAfgewezen = bericht.data  # type: ignore[assignment]
        if data.definitief:
            self._open_of_heropen(uow, data.vnummer, data.besluitdatum, "afwijzing")

    def ingetrokken(self, uow: Werkeenheid, bericht: Bericht) -> None:
        """A withdrawn permit: the person must leave, as after a definitive refusal."""
        data: ind.VerblijfsvergunningIngetrokken = bericht.data  # type: ignore[assignment]
        self._open_of_heropen(uow, data.vnummer, data.datum, "intrekking")

    def ingediend(self, uow: Werkeenheid, bericht: Bericht) -> None:
        """A repeat application of a person with a case: "procedure loopt". A first application, or
        a person without a case, is not mzd's."""
        data: ind.AsielaanvraagIngediend = bericht.data  # type: ignore[assignment]
        if not data.herhaald:
            return
        self.eis_binnen_venster(data.datum)
        zaak: Zaak | None = uow.get(Zaak.create_id(self.persoon(data.vnummer)))
        if zaak is not None:
            zaak.start_procedure(data.datum)

    def vergunning_verleend(self, uow: Werkeenheid, bericht: Bericht) -> None:
        """A permit for a person with an open case closes it with uitstroom legalisering; its
        Gelegaliseerd is published as `persoon-gelegaliseerd`, on which huisvesting and inburgering
        take the person up. Anyone else's permit is not mzd's."""
        data: ind.VerblijfsvergunningVerleend = bericht.data  # type: ignore[assignment]
        zaak: Zaak | None = uow.get(Zaak.create_id(self.persoon(data.vnummer)))
        if zaak is not None:
            self.eis_binnen_venster(data.besluitdatum)
            zaak.legaliseer(data.besluitdatum, data.soort)
