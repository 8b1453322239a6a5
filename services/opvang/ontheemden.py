"""Opvang's handlers for ontheemden from Ukraine (TWOO): staff's commands by BSN, and the Rijk's decisions on the temporary protection."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from stdnum.nl import bsn as _bsn

from events import rijk, topics
from events.envelope import Bericht
from services.domain import Domeinfout
from services.domain.identity import persoon_id_van_bsn
from services.opvang.domain.locatie import Locatie
from services.opvang.domain.ontheemde import GEMEENTELIJK, PARTICULIER, Ontheemde, OntheemdeBestaatAlFout
from services.opvang.domain.tijdelijke_bescherming import TijdelijkeBescherming
from services.opvang.locaties import LocatieOnbekendFout
from services.runtime.werkeenheid import Invoer, Werkeenheid

OEKRAINE = "oekraine"
"""The soort of location (services/opvang/domain/locatie.py) where the gemeente shelters ontheemden."""


class OngeldigBsnFout(Domeinfout):
    """A BSN that is not nine digits passing the elfproef (the request models refuse it first)."""


class OntheemdeOnbekendFout(Domeinfout):
    """The command names an ontheemde the gemeente has not registered."""


class GeenOekraineLocatieFout(Domeinfout):
    """A placement or move of an ontheemde to a location that is not an Oekraïne-locatie."""


class LocatieNietOpenFout(Domeinfout):
    """A placement or move dated before the location opened, or on or after it closed."""


class Ontheemden:
    """Mixin of the opvang Application (before WelkomApplication). Ontheemden have no V-nummer: staff
    name them by BSN, which becomes the pseudonymous persoon_id at once (`persoon_van_bsn`) and is
    never stored. They stay in a gemeentelijke Oekraïne-locatie (one opvang knows, of soort
    `oekraine`, open on the date) or in particuliere opvang (`particulier`). The end of their
    temporary protection is one aggregate with a term the clock records; the Rijk moves it."""

    gemeentecode: str
    _pseudoniem_sleutel: str
    eis_binnen_venster: Any

    def ontheemde_invoer(self) -> Sequence[Invoer]:
        return (Invoer(topics.KETEN_RIJK, rijk.TIJDELIJKE_BESCHERMING_VERLENGD, self.tijdelijke_bescherming_verlengd),)

    def persoon_van_bsn(self, bsn: str) -> uuid.UUID:
        """The pseudonymous persoon_id of an ontheemde's BSN (keyed HMAC in a namespace of its own)."""
        if len(bsn) != 9 or not _bsn.is_valid(bsn):
            raise OngeldigBsnFout()
        return persoon_id_van_bsn(bsn, self._pseudoniem_sleutel)

    # -- the temporary protection -----------------------------------------------------------------

    def tijdelijke_bescherming(self, uow: Werkeenheid) -> TijdelijkeBescherming:
        """The protection as this store knows it, instituted (with the RTB's own end) when first needed."""
        return uow.get(TijdelijkeBescherming.create_id()) or uow.add(TijdelijkeBescherming())

    def tijdelijke_bescherming_verlengd(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: rijk.TijdelijkeBeschermingVerlengd = bericht.data  # type: ignore[assignment]
        self.eis_binnen_venster(data.besluitdatum)
        self.tijdelijke_bescherming(uow).verleng(data.einddatum, data.besluitdatum)

    # -- staff's commands -------------------------------------------------------------------------

    def ontheemde(self, uow: Werkeenheid, persoon_id: uuid.UUID) -> Ontheemde:
        ontheemde = uow.get(Ontheemde.create_id(persoon_id))
        if ontheemde is None:
            raise OntheemdeOnbekendFout()
        return ontheemde

    def registreer_ontheemde(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date) -> None:
        """Register an ontheemde on `datum`, while the temporary protection holds."""
        self.eis_binnen_venster(datum)
        if uow.get(Ontheemde.create_id(persoon_id)) is not None:
            raise OntheemdeBestaatAlFout()
        self.tijdelijke_bescherming(uow).eis_van_kracht(datum)
        uow.add(Ontheemde(persoon_id=persoon_id, datum=datum, gemeentecode=self.gemeentecode))

    def plaats_ontheemde(self, uow: Werkeenheid, persoon_id: uuid.UUID, locatie_id: str, datum: dt.date) -> None:
        self.eis_binnen_venster(datum)
        ontheemde = self.ontheemde(uow, persoon_id)
        ontheemde.plaats(*self._opvang(uow, locatie_id, datum), datum)

    def verplaats_ontheemde(self, uow: Werkeenheid, persoon_id: uuid.UUID, locatie_id: str, datum: dt.date) -> None:
        self.eis_binnen_venster(datum)
        ontheemde = self.ontheemde(uow, persoon_id)
        ontheemde.verplaats(*self._opvang(uow, locatie_id, datum), datum)

    def laat_ontheemde_vertrekken(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date, reden: str) -> None:
        self.eis_binnen_venster(datum)
        self.ontheemde(uow, persoon_id).vertrek(datum, reden)

    def stel_eigen_bijdrage_vast(self, uow: Werkeenheid, persoon_id: uuid.UUID, datum: dt.date, plichtig: bool,
                                 vrijstellingsgrond: str | None) -> None:
        self.eis_binnen_venster(datum)
        self.ontheemde(uow, persoon_id).stel_eigen_bijdrage_vast(datum, plichtig, vrijstellingsgrond)

    def _opvang(self, uow: Werkeenheid, locatie_id: str, datum: dt.date) -> tuple[str, str | None]:
        """(opvangsoort, locatie_id) of a stay: private shelter, or an Oekraïne-locatie of this gemeente open on `datum`."""
        if locatie_id == PARTICULIER:
            return PARTICULIER, None
        locatie: Locatie | None = uow.get(Locatie.create_id(locatie_id))
        if locatie is None or locatie.gemeentecode != self.gemeentecode:
            raise LocatieOnbekendFout()
        if locatie.soort != OEKRAINE:
            raise GeenOekraineLocatieFout()
        if datum < locatie.geopend_op or (locatie.gesloten_op is not None and datum >= locatie.gesloten_op):
            raise LocatieNietOpenFout()
        return GEMEENTELIJK, locatie_id
