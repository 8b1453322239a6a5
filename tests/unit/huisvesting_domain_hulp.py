"""What the huisvesting aggregate tests share: a dossier with or without an offer, and the events it recorded."""

from __future__ import annotations

import datetime as dt
import uuid

from services.huisvesting.domain.huisvestingsdossier import Huisvestingsdossier

D = dt.date
HOOFD = uuid.UUID(int=0xA)
PARTNER = uuid.UUID(int=0xB)
KIND = uuid.UUID(int=0xC)
KOPPELDATUM = D(2024, 1, 1)
TIEN_WEKEN_LATER = D(2024, 3, 11)  # last day of the Huisvestingswet term


def namen(aggregate) -> list[str]:
    """The names of the domain event classes an aggregate recorded, oldest first."""
    return [type(e).__name__ for e in aggregate.pending_events]


def laatste(aggregate, naam: str):
    return [e for e in aggregate.pending_events if type(e).__name__ == naam][-1]


def dossier(koppeldatum: dt.date = KOPPELDATUM, personen=(HOOFD, PARTNER, KIND)) -> Huisvestingsdossier:
    return Huisvestingsdossier.open(persoon_id=HOOFD, personen=list(personen), koppeldatum=koppeldatum)


def aangeboden(op: dt.date = D(2024, 2, 1), woning_id: str = "W1") -> Huisvestingsdossier:
    d = dossier()
    d.bied_aan(woning_id=woning_id, wijk="Dukenburg", soort="regulier", datum=op)
    return d
