"""What inburgering's tests share: example payloads of its event types (joined into events_hulp.VOORBEELDEN)."""

from __future__ import annotations

from typing import Any

PERSOON = "5f0c4e2a-8d7b-4c1e-9a3f-2b6d8e1f0a47"

VOORBEELDEN_INBURGERING: dict[str, dict[str, Any]] = {
    "nl.inburgering.duo-signaal-ontvangen": {
        "gebeurtenis_id": "SS101", "vnummer": "1234567890", "registratiedatum": "2024-04-02",
        "gegevens": {"begindatum": "2024-03-28", "doelgroep": "asielstatushouder"},
    },
    "nl.inburgeraars.intake-uitnodiging-verstuurd": {"persoon_id": PERSOON, "datum": "2024-02-01"},
    "nl.inburgeraars.pip-vastgesteld": {
        "persoon_id": PERSOON, "dagtekening": "2024-04-01", "leerroute": "B1", "niveau": "B1", "alfabetisering": "NVT",
        "aanbieder": "ROC Nijmegen", "gefinancierd": True, "voortgangsgesprek_uiterlijk": "2024-10-01",
    },
    "nl.inburgeraars.pip-gewijzigd": {
        "persoon_id": PERSOON, "dagtekening": "2024-09-01", "leerroute": "z-route", "niveau": "A1", "alfabetisering": "A",
        "aanbieder": "ROC Nijmegen", "vorige_leerroute": "B1",
    },
    "nl.inburgeraars.leerroute-gestart": {"persoon_id": PERSOON, "datum": "2024-05-01", "leerroute": "B1", "aanbieder": "ROC Nijmegen"},
    "nl.inburgeraars.voortgangsgesprek-gevoerd": {"persoon_id": PERSOON, "datum": "2024-09-15", "volgende_uiterlijk": "2025-03-15"},
    "nl.inburgeraars.voortgangstermijn-verstreken": {"persoon_id": PERSOON, "verlopen_op": "2024-10-01"},
    "nl.inburgeraars.pvt-ondertekend": {"persoon_id": PERSOON, "datum": "2024-06-01", "verwijtbaar": False},
    "nl.inburgeraars.map-eindgesprek-gevoerd": {"persoon_id": PERSOON, "datum": "2025-02-01"},
    "nl.inburgeraars.z-route-afgerond": {"persoon_id": PERSOON, "datum": "2026-02-01"},
    "nl.inburgeraars.in-wijk-gevestigd": {"persoon_id": PERSOON, "datum": "2024-08-01", "wijk": "Dukenburg"},
    "nl.inburgeraars.inburgeringsplicht-ontstaan": {
        "persoon_id": PERSOON, "code": "SS101", "begindatum": "2024-03-28", "doelgroep": "asielstatushouder", "regime": "wi2021",
    },
    "nl.inburgeraars.inburgeringsplicht-geschorst": {"persoon_id": PERSOON, "datum": "2024-06-01"},
    "nl.inburgeraars.inburgeringsplicht-hervat": {"persoon_id": PERSOON, "datum": "2024-09-01"},
    "nl.inburgeraars.inburgeringsplicht-beeindigd": {"persoon_id": PERSOON, "datum": "2026-11-01", "uitkomst": "diploma"},
    "nl.inburgeraars.doelgroep-gewijzigd": {"persoon_id": PERSOON, "datum": "2024-05-01", "doelgroep": "gezinsmigrant"},
    "nl.inburgeraars.inburgeringstermijn-vastgesteld": {"persoon_id": PERSOON, "code": "SS102", "einddatum": "2027-03-28"},
    "nl.inburgeraars.inburgeringstermijn-verstreken": {"persoon_id": PERSOON, "verlopen_op": "2027-03-28"},
}


# -- DUO's signals and the report, for the application tests --------------------------------------

import datetime as dt  # noqa: E402

from application_hulp import ENV, bericht  # noqa: E402

from events import duo as duo_bus  # noqa: E402
from services.inburgering.application import Inburgering  # noqa: E402
from services.rapportage.projectie import herbouw  # noqa: E402

DUO = "urn:nld:oin:duo"


def app(vandaag: dt.date | None = None) -> Inburgering:
    """inburgering on the in-memory store; `vandaag` moves today (and the window for future dates)."""
    return Inburgering(env=ENV, pseudoniem_sleutel="test", **({"vandaag": lambda: vandaag} if vandaag else {}))


def signaal(code: str, registratiedatum: dt.date, *, vnummer: str | None = None, bsn: str | None = None,
            **gegevens: Any) -> Any:
    """A DUO signal as the gemeente's adapter puts it on keten.duo (dates as ISO text)."""
    data: dict[str, Any] = {"gebeurtenis_id": code, "registratiedatum": registratiedatum.isoformat(),
                            "gegevens": {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in gegevens.items()}}
    if vnummer is not None:
        data["vnummer"] = vnummer
    if bsn is not None:
        data["bsn"] = bsn
    return bericht(duo_bus.DUO_SIGNAAL_ONTVANGEN, data, source=DUO)


def rapport(app: Any, peildatum: dt.date) -> dict[str, Any]:
    """inburgering's report on the peildatum, from views rebuilt from the store."""
    return herbouw({app.name: app}).rapporten([peildatum])[peildatum]["inburgering"]


def staten(app: Any, peildatum: dt.date) -> dict[str, Any]:
    """Every part's state from the facts dated on or before the peildatum (for the attention list)."""
    from services.inburgering import projections

    return projections.staat(herbouw({app.name: app}).views[app.name].feiten("0268", peildatum))
