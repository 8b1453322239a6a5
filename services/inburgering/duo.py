"""Inburgering's handlers for DUO's signals on keten.duo, and the BRP registration that lets a signal with only a BSN find its person."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from events import brp, duo, topics
from events.envelope import Bericht
from services.domain.identity import persoon_id_van_bsn
from services.inburgering.domain.bsnverwijzing import Bsnverwijzing
from services.inburgering.domain.inburgeringsplan import Inburgeringsplan
from services.inburgering.domain.inburgeringsplicht import EINDE, PLICHT_ONTSTAAN, Inburgeringsplicht
from services.runtime.werkeenheid import Invoer, Werkeenheid


class Duosignalen:
    """Mixin of the inburgering Application (before WelkomApplication). Every signal is recorded on the
    person's Inburgeringsplicht, known to welkom or not (a signal for a person without a traject is on
    the attention list until one starts). A plicht signal for a gezinsmigrant under the Wet inburgering
    2021 starts their traject (they come without koppeling); one under the old law only registers them.
    SS139 (plicht, and the 10-week term to set a leerroute) starts an asielstatushouder's traject from
    its begindatum when there is none yet (a statushouder who came without a koppeling here); after a
    koppeling the koppeling's term stands.

    Matching: a signal with a vnummer goes by its persoon_id. With only a BSN it goes to the person the
    BRP registered with that BSN (`nl.brp.ingeschreven-immigratie` gives both; inburgering keeps the
    BSN's pseudonym -> persoon_id, never the BSN); a BSN the BRP did not register here goes by its own
    pseudonym (`persoon_id_van_bsn`, as opvang's ontheemden), and is not merged later."""

    gemeentecode: str
    _pseudoniem_sleutel: str
    eis_binnen_venster: Any
    persoon: Any
    start_traject: Any

    def duo_invoer(self) -> Sequence[Invoer]:
        return (
            Invoer(topics.KETEN_DUO, duo.DUO_SIGNAAL_ONTVANGEN, self.duo_signaal),
            Invoer(topics.KETEN_BRP, brp.INGESCHREVEN_IMMIGRATIE, self.ingeschreven),
        )

    def ingeschreven(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: brp.IngeschrevenImmigratie = bericht.data  # type: ignore[assignment]
        pseudoniem = persoon_id_van_bsn(data.bsn, self._pseudoniem_sleutel)
        if uow.get(Bsnverwijzing.create_id(pseudoniem)) is None:
            uow.add(Bsnverwijzing(bsn_pseudoniem=pseudoniem, persoon_id=self.persoon(data.vnummer), datum=data.datum))

    def duo_persoon(self, uow: Werkeenheid, vnummer: str | None, bsn: str | None) -> uuid.UUID:
        """The persoon_id a DUO signal is about (see the class)."""
        if vnummer is not None:
            return self.persoon(vnummer)
        assert bsn is not None  # the schema requires one of them
        pseudoniem = persoon_id_van_bsn(bsn, self._pseudoniem_sleutel)
        verwijzing: Bsnverwijzing | None = uow.get(Bsnverwijzing.create_id(pseudoniem))
        return verwijzing.persoon_id if verwijzing is not None else pseudoniem

    def duo_signaal(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: duo.DuoSignaalOntvangen = bericht.data  # type: ignore[assignment]
        self.eis_binnen_venster(data.registratiedatum, *(getattr(data.gegevens, v) for v in ("datum", "begindatum")
                                                          if hasattr(data.gegevens, v)))
        persoon_id = self.duo_persoon(uow, data.vnummer, data.bsn)
        plicht: Inburgeringsplicht = uow.get(Inburgeringsplicht.create_id(persoon_id)) or uow.add(
            Inburgeringsplicht(persoon_id=persoon_id, gemeentecode=self.gemeentecode))
        velden = {veld: getattr(data.gegevens, veld) for veld in type(data.gegevens).model_fields}
        plicht.verwerk(data.gebeurtenis_id, data.registratiedatum, velden)
        if data.gebeurtenis_id in EINDE:  # no voortgangsgesprek is due after the plicht
            plan: Inburgeringsplan | None = uow.get(Inburgeringsplan.create_id(persoon_id))
            if plan is not None:
                plan.sluit(velden["datum"], EINDE[data.gebeurtenis_id])
        if plicht.regime != "wi2021" or plicht.begindatum is None or data.gebeurtenis_id not in PLICHT_ONTSTAAN:
            return
        if plicht.doelgroep == "gezinsmigrant":
            self.start_traject(uow, persoon_id, plicht.begindatum, doelgroep="gezinsmigrant", aanleiding="duo",
                               duo_verwacht=False)
        elif data.gebeurtenis_id == "SS139":  # the 10-week term to set a leerroute runs from DUO's begindatum
            self.start_traject(uow, persoon_id, velden["begindatum"], doelgroep="asielstatushouder", aanleiding="duo",
                               duo_verwacht=False)
