"""What the opvang location tests play: COA's location events, the Rijk's Spreidingswet decisions, a household's move-in, and opvang's report."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from application_hulp import COA, bericht

from events import coa, huisvesting, rijk
from events.envelope import Bericht, bron
from services.opvang.application import Opvang
from services.rapportage.projectie import herbouw

RIJK = "urn:nld:rijk"


def geopend(locatie_id: str, soort: str, capaciteit: int, datum: dt.date, *, naam: str | None = None,
            geplande_sluiting: dt.date | None = None, gemeentecode: str = "0268") -> Bericht:
    return bericht(coa.LOCATIE_GEOPEND, {
        "locatie_id": locatie_id, "naam": naam or locatie_id, "gemeentecode": gemeentecode, "soort": soort,
        "capaciteit": capaciteit, "datum": datum.isoformat(),
        "geplande_sluiting": geplande_sluiting.isoformat() if geplande_sluiting else None,
    }, source=COA)


def capaciteit(locatie_id: str, plekken: int, datum: dt.date) -> Bericht:
    return bericht(coa.LOCATIE_CAPACITEIT_GEWIJZIGD,
                   {"locatie_id": locatie_id, "capaciteit": plekken, "datum": datum.isoformat()}, source=COA)


def gesloten(locatie_id: str, datum: dt.date, *, gemeentecode: str | None = None) -> Bericht:
    data: dict[str, Any] = {"locatie_id": locatie_id, "datum": datum.isoformat()}
    if gemeentecode:
        data["gemeentecode"] = gemeentecode
    return bericht(coa.LOCATIE_GESLOTEN, data, source=COA)


def spreiding(plekken: int, besluitdatum: dt.date, *, fase: str = "indicatief", amv: int | None = None,
              cyclus: str = "2024-2026", realiseren_per: dt.date = dt.date(2025, 7, 1),
              gemeentecode: str = "0268") -> Bericht:
    return bericht(rijk.SPREIDINGSTAAKSTELLING_VASTGESTELD, {
        "gemeentecode": gemeentecode, "cyclus": cyclus, "fase": fase, "plekken": plekken, "amv_plekken": amv,
        "realiseren_per": realiseren_per.isoformat(), "besluitdatum": besluitdatum.isoformat(),
    }, source=RIJK)


def verhuisd(app: Opvang, vnummers: tuple[str, ...], datum: dt.date) -> Bericht:
    """Huisvesting's published move-in of a household, as opvang receives it from gemeente.huisvesting."""
    personen = [str(app.persoon(v)) for v in vnummers]
    return bericht(huisvesting.VERHUISD, {
        "dossier_id": str(uuid.uuid4()), "persoon_id": personen[0], "personen": personen, "woning_id": "talis-1",
        "woningsoort": "regulier", "datum": datum.isoformat(), "verhuistermijn_gehaald": True,
        "eerste_huisvesting": True,
    }, source=bron("huisvesting"))


def rapport(app: Opvang, peildatum: dt.date) -> dict[str, Any]:
    """Opvang's report as known on the peildatum, rebuilt from the app's stored events."""
    return herbouw({"opvang": app}).rapport(peildatum)["opvang"]
