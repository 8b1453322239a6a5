"""inburgering's kengetallen as Prometheus gauges, set from its report; no personal data in labels."""

from __future__ import annotations

from typing import Any

from prometheus_client import Gauge

from services.inburgering import metrics_begeleiding

INTAKE_WACHTLIJST = Gauge(
    "welkom_inburgering_intake_wachtlijst_personen", "Adults waiting for their brede intake."
)

CASELOAD = Gauge("welkom_inburgering_caseload_personen", "Persons with a running plicht or traject, per doelgroep.",
                 ["doelgroep"])
AANDACHTSLIJST = Gauge("welkom_inburgering_aandachtslijst_personen",
                       "Persons on the attention list: no DUO plicht signal in time, or a DUO signal for a person "
                       "without a traject.", ["reden"])
PLICHT_LOPEND = Gauge("welkom_inburgering_plicht_lopend_personen", "Persons whose inburgeringsplicht runs.")
TERMIJN_VERSTREKEN = Gauge("welkom_inburgering_termijn_verstreken_personen",
                           "Persons whose 3-year inburgeringstermijn passed while the plicht runs.")
LEERROUTE_BINNEN_10_WEKEN = Gauge("welkom_inburgering_leerroute_binnen_10_weken_ratio",
                                  "Share of the leerroutes set within 10 weeks of the traject's start.")


def werk_bij(rapport: dict[str, Any]) -> None:
    """Set inburgering's gauges from its report; an unknown figure is 0."""
    INTAKE_WACHTLIJST.set(rapport.get("intake_wachtlijst") or 0)
    for doelgroep, aantal in (rapport.get("caseload") or {}).items():
        CASELOAD.labels(doelgroep=doelgroep).set(aantal)
    lijst = rapport.get("aandachtslijst") or {}
    AANDACHTSLIJST.labels(reden="geen-duo-signaal").set(lijst.get("zonder_duo_signaal") or 0)
    AANDACHTSLIJST.labels(reden="onbekend-bij-duo").set(lijst.get("onbekend_bij_duo") or 0)
    PLICHT_LOPEND.set((rapport.get("plicht") or {}).get("lopend") or 0)
    TERMIJN_VERSTREKEN.set((rapport.get("termijnen") or {}).get("verstreken") or 0)
    LEERROUTE_BINNEN_10_WEKEN.set(((rapport.get("leerroutes_binnen_10_weken") or {}).get("aandeel") or 0))
    metrics_begeleiding.werk_bij(rapport)
