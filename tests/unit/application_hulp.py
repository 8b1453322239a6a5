"""What the application journey tests play: the chain's inbound messages, and a look into each service's store."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from events import coa, corporaties, ind, rijk
from events.envelope import Bericht, uit_json, valideer
from services.huisvesting.application import Huisvesting
from services.huisvesting.domain.huisvestingsdossier import Huisvestingsdossier
from services.huisvesting.domain.wachtrij import Wachtrij
from services.opvang.application import Opvang
from services.opvang.domain.bewoner import Bewoner

D = dt.date
ENV = {"PERSISTENCE_MODULE": "eventsourcing.popo"}
COA = "urn:nld:coa"
IND = "urn:nld:ind"
TALIS = "urn:nld:corporatie:talis"
PORTAAL = "urn:nld:corporatie:portaal"


# -- inbound messages ------------------------------------------------------------------------


def bericht(type_: str, data: dict[str, Any], *, source: str, id: str | None = None) -> Bericht:
    return valideer(
        uit_json(
            {
                "specversion": "1.0",
                "id": id or str(uuid.uuid4()),
                "source": source,
                "type": type_,
                "time": "2024-01-01T09:00:00Z",
                "datacontenttype": "application/json",
                "data": data,
            }
        )
    )


def koppeling(
    hoofd: str,
    koppeldatum: dt.date,
    leden: tuple[str, ...] = (),
    *,
    met_hoofd: bool = True,
    gemeentecode: str = "0268",
    id: str | None = None,
) -> Bericht:
    huishouden = ([hoofd] if met_hoofd else []) + list(leden)
    return bericht(
        coa.GEKOPPELD_AAN_GEMEENTE,
        {
            "vnummer": hoofd,
            "gemeentecode": gemeentecode,
            "koppeldatum": koppeldatum.isoformat(),
            "huishouden": [{"vnummer": v, "geboortedatum": "1990-01-01"} for v in huishouden],
        },
        source=COA,
        id=id,
    )


def woning(woning_id: str, max_bewoners: int, per: dt.date, *, source: str = TALIS, id: str | None = None) -> Bericht:
    return bericht(
        corporaties.WONING_BESCHIKBAAR_GESTELD,
        {
            "woning_id": woning_id,
            "wijk": "Dukenburg",
            "soort": "regulier",
            "max_bewoners": max_bewoners,
            "beschikbaar_per": per.isoformat(),
        },
        source=source,
        id=id,
    )


def afwijzing(vnummer: str, besluitdatum: dt.date, *, definitief: bool = True, id: str | None = None) -> Bericht:
    return bericht(
        ind.ASIELAANVRAAG_AFGEWEZEN,
        {"vnummer": vnummer, "besluitdatum": besluitdatum.isoformat(), "definitief": definitief},
        source=IND,
        id=id,
    )


def plaatsing(vnummer: str, locatie_id: str, datum: dt.date, *, id: str | None = None) -> Bericht:
    return bericht(
        coa.ASIELZOEKER_GEPLAATST,
        {"vnummer": vnummer, "locatie_id": locatie_id, "datum": datum.isoformat()},
        source=COA,
        id=id,
    )


def verplaatsing(vnummer: str, van: str, naar: str, datum: dt.date, *, id: str | None = None) -> Bericht:
    return bericht(
        coa.ASIELZOEKER_VERPLAATST,
        {"vnummer": vnummer, "van_locatie_id": van, "naar_locatie_id": naar, "datum": datum.isoformat()},
        source=COA,
        id=id,
    )


def taakstelling(aantal: int) -> Bericht:
    return bericht(
        rijk.TAAKSTELLING_VASTGESTELD,
        {"gemeentecode": "0268", "periode": "2024-H1", "aantal": aantal},
        source="urn:nld:rijk",
    )


# -- looking at the stores -------------------------------------------------------------------


def opgeslagen(app) -> int:
    """How many domain records the service has stored (its notification log's last id)."""
    return app.recorder.max_notification_id() or 0


def historie(app, aggregate_id: uuid.UUID) -> list[str]:
    return [type(e).__name__ for e in app.events.get(aggregate_id)]


def dossier(app: Huisvesting, vnummer: str) -> Huisvestingsdossier | None:
    dossier_id = Huisvestingsdossier.create_id(app.persoon(vnummer))
    return app.repository.get(dossier_id) if dossier_id in app.repository else None


def wachtrij(app: Huisvesting) -> Wachtrij:
    return app.repository.get(Wachtrij.create_id(app.gemeentecode))


def bewoner(app: Opvang, vnummer: str) -> Bewoner:
    return app.repository.get(Bewoner.create_id(app.persoon(vnummer)))


# -- a household with an open offer ----------------------------------------------------------


def aangeboden_huishouden(app: Huisvesting) -> uuid.UUID:
    """One household, offered W1 on 2024-03-01; returns its persoon_id."""
    app.verwerk_batch([koppeling("1000000001", D(2024, 1, 1)), woning("W1", 2, D(2024, 3, 1))])
    return app.persoon("1000000001")
