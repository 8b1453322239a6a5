"""Inburgering's gauges of maatschappelijke begeleiding and participatie, set from its report; no personal data in labels, no gauge of a suppressed cell."""

from __future__ import annotations

from typing import Any

from prometheus_client import Gauge

from services.runtime.metrics import zet_reeksen

BEGELEIDING = Gauge("welkom_inburgering_begeleiding_personen",
                    "Persons in VWN's maatschappelijke begeleiding on the peildatum: lopend, of which verlengd, "
                    "zonder_traject (no inburgeringstraject), eindigt_binnen_30_dagen.", ["stand"])
BEGELEIDING_AFGELOPEN = Gauge("welkom_inburgering_begeleiding_afgelopen_personen",
                              "Begeleidingen ended before the peildatum, by how: beeindigd_door_vwn, termijn_verstreken.",
                              ["wijze"])
TREDE = Gauge("welkom_inburgering_participatie_trede_personen",
              "Persons by the participatieladder trede (1-6) of their latest measurement.", ["trede"])
NA_DRIE_JAAR = Gauge("welkom_inburgering_participatie_na_drie_jaar_ratio",
                     "Of the persons three years or more in inburgering, by their third anniversary: trede_4_plus, "
                     "trede_5_6_van_trede_4_plus, doelen_behaald, taal (seed 004 targets 0.8, 0.5, 0.8, 0.9); no series while unknown.",
                     ["maat"])
COHORT = Gauge("welkom_inburgering_participatie_na_drie_jaar_personen",
               "Persons three years or more in inburgering on the peildatum (the cohort the targets judge).")


def werk_bij(rapport: dict[str, Any]) -> None:
    """Set the begeleiding's and participatie's gauges from inburgering's report (a report without them: no series)."""
    b, p = rapport.get("begeleiding"), rapport.get("participatie")
    if b is not None:
        zet_reeksen(BEGELEIDING, {"lopend": b["lopend"], "verlengd": b["lopend_verlengd"],
                              "zonder_traject": b["lopend_zonder_traject"],
                              "eindigt_binnen_30_dagen": b["eindigt_binnen_30_dagen"]})
        zet_reeksen(BEGELEIDING_AFGELOPEN, {k: v for k, v in b["afgelopen"].items() if k != "totaal"})
    if p is not None:
        zet_reeksen(TREDE, p["per_trede"])
        drie = p["na_drie_jaar"]
        zet_reeksen(NA_DRIE_JAAR, {sleutel.removeprefix("aandeel_"): drie[sleutel] for sleutel in drie["doelen"]})
        COHORT.set(drie["cohort"])
