"""Inburgering's handlers that start a traject: COA's koppeling (adults now, minors at 18), IND's nareis permit, mzd's legalisering."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from events import coa, ind, mzd, topics
from events.envelope import Bericht
from services.domain.leeftijd import MEERDERJARIG, leeftijd, meerderjarig_op
from services.inburgering.domain.inburgeringstraject import Inburgeringstraject
from services.runtime.werkeenheid import Invoer, Werkeenheid

DUO_SIGNAAL_WEKEN = 8
"""Design: DUO's plicht signal is expected within 8 weeks of a traject's start (WELKOM_INBURGERING_DUO_SIGNAAL_WEKEN)."""


class Trajectstarts:
    """Mixin of the inburgering Application (before WelkomApplication). A traject starts once per
    person (a second reason to start changes nothing): at koppeling for each adult, and for each
    minor of the household on their 18th birthday (stored at koppeling, dated on the birthday, so
    every report counts it from that day); on IND's `nareis` permit of a family member following a
    statushouder who has a traject here; and on mzd's `persoon-gelegaliseerd`, without a koppeling.
    Each records the date by which DUO's plicht signal is expected (`duo_signaal_weken` after the
    start), so the attention list of a peildatum never depends on the setting of the day."""

    gemeentecode: str
    name: str
    eis_binnen_venster: Any
    niet_voor_ons: Any
    persoon: Any

    def __init__(self, *args: Any, duo_signaal_weken: int = DUO_SIGNAAL_WEKEN, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.duo_signaal_weken = duo_signaal_weken

    def start_invoer(self) -> Sequence[Invoer]:
        return (
            Invoer(topics.KETEN_COA, coa.GEKOPPELD_AAN_GEMEENTE, self.koppeling),
            Invoer(topics.KETEN_IND, ind.VERBLIJFSVERGUNNING_VERLEEND, self.vergunning_verleend),
            Invoer(topics.GEMEENTE_MZD, mzd.PERSOON_GELEGALISEERD, self.gelegaliseerd),
        )

    def start_traject(self, uow: Werkeenheid, persoon_id: uuid.UUID, koppeldatum: dt.date, *,
                      startdatum: dt.date | None = None, doelgroep: str = "asielstatushouder",
                      aanleiding: str = "koppeling", duo_verwacht: bool = True) -> Inburgeringstraject | None:
        """The person's new traject; None (nothing recorded) when they have one."""
        if uow.get(Inburgeringstraject.create_id(persoon_id)) is not None:
            return None
        return uow.add(Inburgeringstraject.start(
            persoon_id=persoon_id, koppeldatum=koppeldatum, gemeentecode=self.gemeentecode, startdatum=startdatum,
            doelgroep=doelgroep, aanleiding=aanleiding, duo_signaal_weken=self.duo_signaal_weken if duo_verwacht else None))

    def koppeling(self, uow: Werkeenheid, bericht: Bericht) -> None:
        data: coa.GekoppeldAanGemeente = bericht.data  # type: ignore[assignment]
        if self.niet_voor_ons(bericht, data.gemeentecode):
            return
        self.eis_binnen_venster(data.koppeldatum)
        for lid in data.huishouden:
            minderjarig = leeftijd(lid.geboortedatum, data.koppeldatum) < MEERDERJARIG
            self.start_traject(uow, self.persoon(lid.vnummer), data.koppeldatum,
                               startdatum=meerderjarig_op(lid.geboortedatum) if minderjarig else None,
                               aanleiding="meerderjarig" if minderjarig else "koppeling")

    def vergunning_verleend(self, uow: Werkeenheid, bericht: Bericht) -> None:
        """A `nareis` permit for a family member of a statushouder with a traject here: their own traject,
        as nareiziger, from the besluitdatum (a minor's from their 18th birthday, as at koppeling, when
        the permit carries the birth date). Other permits start nothing (the koppeling does)."""
        data: ind.VerblijfsvergunningVerleend = bericht.data  # type: ignore[assignment]
        if data.soort != "nareis" or data.referent_vnummer is None:
            return
        self.eis_binnen_venster(data.besluitdatum)
        if uow.get(Inburgeringstraject.create_id(self.persoon(data.referent_vnummer))) is None:
            return
        achttien = meerderjarig_op(data.geboortedatum) if data.geboortedatum is not None else None
        minderjarig = achttien is not None and achttien > data.besluitdatum
        self.start_traject(uow, self.persoon(data.vnummer), data.besluitdatum, doelgroep="nareiziger",
                           startdatum=achttien if minderjarig else None,
                           aanleiding="meerderjarig" if minderjarig else "nareis")

    def gelegaliseerd(self, uow: Werkeenheid, bericht: Bericht) -> None:
        """mzd's hand-over: a person with a permit after all starts a traject (plicht) from the besluitdatum,
        as asielstatushouder (nareiziger with a `nareis` permit); nothing when they have one."""
        data: mzd.PersoonGelegaliseerd = bericht.data  # type: ignore[assignment]
        self.eis_binnen_venster(data.besluitdatum)
        self.start_traject(uow, data.persoon_id, data.besluitdatum, aanleiding="legalisering",
                           doelgroep="nareiziger" if data.soort == "nareis" else "asielstatushouder")
