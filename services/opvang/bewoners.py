"""Opvang's handlers for the end of a bewoner's stay: COA's departure with its reason, and a definitive refusal that ends the right to opvang."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from events import coa, ind, topics
from events.envelope import Bericht
from services.opvang.domain.bewoner import KIND_VERPLAATSING_DAGEN, Bewoner, NietInOpvangFout
from services.runtime.werkeenheid import Invoer, Werkeenheid


class Bewoners:
    """Mixin of the opvang Application (before WelkomApplication). `kind_verplaatsing_dagen`
    (WELKOM_OPVANG_KIND_VERPLAATSING_DAGEN, through the service's `opties` in the catalogue) is the
    window within which a child's next move counts as a repeated move."""

    eis_binnen_venster: Any
    persoon: Any

    def __init__(self, *args: Any, kind_verplaatsing_dagen: int = KIND_VERPLAATSING_DAGEN, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind_verplaatsing_dagen = kind_verplaatsing_dagen

    def bewoner_invoer(self) -> Sequence[Invoer]:
        return (
            Invoer(topics.KETEN_COA, coa.ASIELZOEKER_VERTROKKEN, self.vertrokken),
            Invoer(topics.KETEN_IND, ind.ASIELAANVRAAG_AFGEWEZEN, self.afgewezen),
        )

    def vertrokken(self, uow: Werkeenheid, bericht: Bericht) -> None:
        """COA: the person left the location, with a reason; the stay ends. A person opvang never
        placed goes to the DLQ; a stay that already ended (the household moved into a home) stays ended."""
        data: coa.AsielzoekerVertrokken = bericht.data  # type: ignore[assignment]
        self.eis_binnen_venster(data.datum)
        bewoner: Bewoner | None = uow.get(Bewoner.create_id(self.persoon(data.vnummer)))
        if bewoner is None:
            raise NietInOpvangFout()
        bewoner.vertrek(data.locatie_id, data.datum, data.reden)

    def afgewezen(self, uow: Werkeenheid, bericht: Bericht) -> None:
        """IND: a definitive refusal starts the 28-day vertrektermijn of a person in opvang (others:
        nothing, mzd opens their case); a refusal open to appeal changes nothing."""
        data: ind.AsielaanvraagAfgewezen = bericht.data  # type: ignore[assignment]
        if not data.definitief:
            return
        self.eis_binnen_venster(data.besluitdatum)
        bewoner: Bewoner | None = uow.get(Bewoner.create_id(self.persoon(data.vnummer)))
        if bewoner is not None:
            bewoner.wijs_definitief_af(data.besluitdatum)
