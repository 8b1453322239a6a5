"""Huisvesting's kengetallen as Prometheus gauges, set from its report; no personal data in labels."""

from __future__ import annotations

from typing import Any

from prometheus_client import Gauge

from services.rapportage.metrics import kwantiel_gauge, zet_kwantielen
from services.runtime.metrics import zet_reeksen

TAAKSTELLING = Gauge("welkom_huisvesting_taakstelling_personen", "Taakstelling of the current half-year period.")
GEREALISEERD = Gauge("welkom_huisvesting_gerealiseerd_personen", "Persons housed in the current period so far.")
DOSSIERS_OPEN = Gauge("welkom_huisvesting_dossiers_open", "Households linked to Nijmegen and not yet housed.")
OVER_TERMIJN = Gauge(
    "welkom_huisvesting_dossiers_over_termijn",
    "Open households whose 10-week term passed without an offer in time.",
)
PERSONEN_WACHTEND = Gauge("welkom_huisvesting_personen_wachtend", "Persons in open households.")

OPGAVE = Gauge(
    "welkom_huisvesting_opgave_personen",
    "Opgave (taakstelling + achterstand) of the current half-year period or calendar year.",
    ["scope"],
)
ACHTERSTAND = Gauge(
    "welkom_huisvesting_achterstand_personen",
    "Achterstand carried into the period or year (negative: a head start).",
    ["scope"],
)
OPGAVE_GEREALISEERD = Gauge(
    "welkom_huisvesting_opgave_gerealiseerd_personen",
    "Persons housed (first move-in) in the period or year so far.",
    ["scope"],
)
NOG_TE_GAAN = Gauge(
    "welkom_huisvesting_nog_te_gaan_personen", "Persons still to house for the opgave (at least 0).", ["scope"]
)
AANDEEL = Gauge(
    "welkom_huisvesting_gerealiseerd_aandeel", "Gerealiseerd / opgave; absent when the opgave is 0 or unknown.",
    ["scope"],
)
AMV_TAAKSTELLING = Gauge(
    "welkom_huisvesting_amv_taakstelling_personen", "Indicative AMV taakstelling, when the Rijk gave one.", ["scope"]
)
AMV_GEREALISEERD = Gauge(
    "welkom_huisvesting_amv_gerealiseerd_personen", "Persons housed from AMV dossiers so far.", ["scope"]
)
DOSSIERS = Gauge("welkom_huisvesting_dossiers", "Open households by state.", ["status"])
OUDSTE_OVER_TERMIJN = Gauge(
    "welkom_huisvesting_over_termijn_oudste_dagen",
    "Days since koppeling of the oldest open household past its 10-week term (0: none).",
)
GEBLOKKEERD = Gauge(
    "welkom_huisvesting_geblokkeerd_dossiers",
    "Open households blocked by a missing BSN or IBAN, by missing item (one missing both counts in both).",
    ["ontbreekt"],
)
GEBLOKKEERD_TOTAAL = Gauge("welkom_huisvesting_geblokkeerd_dossiers_totaal", "Open households blocked.")
GEBLOKKEERD_DAGEN = kwantiel_gauge(
    "welkom_huisvesting_geblokkeerd_dagen", "Days blocked of the households ever blocked (the median only)."
)
GEBLOKKEERD_DAGEN_TOTAAL = Gauge(
    "welkom_huisvesting_geblokkeerd_dagen_totaal", "Days blocked, summed over the households ever blocked."
)
DOORLOOPTIJD = kwantiel_gauge(
    "welkom_huisvesting_doorlooptijd_dagen", "Days from koppeling to first move-in of this period's moves."
)
VERHUIZINGEN = Gauge("welkom_huisvesting_doorlooptijd_verhuizingen", "First move-ins in the period so far.")
EENPERSOONS_WACHTEND = Gauge(
    "welkom_huisvesting_eenpersoons_dossiers_wachtend", "Single-person households waiting without a home or offer."
)
MEERPERSOONS_WACHTEND = Gauge(
    "welkom_huisvesting_meerpersoons_dossiers_wachtend", "Multi-person households waiting without a home or offer."
)
EENPERSOONSWONINGEN = Gauge(
    "welkom_huisvesting_eenpersoons_woningen_aangeboden", "Offers of single-person homes in the period so far."
)
AANBIEDINGEN = Gauge("welkom_huisvesting_aanbiedingen", "Offers in the period so far.", ["wijk", "soort"])
VERVOLGBEHOEFTEN = Gauge(
    "welkom_huisvesting_nareizigers_vervolgbehoefte", "Nareizigers who joined an already housed household."
)

SCOPES = {"periode": "taakstelling_periode", "jaar": "taakstelling_jaar"}
PER_SCOPE = {
    OPGAVE: "opgave",
    ACHTERSTAND: "achterstand",
    OPGAVE_GEREALISEERD: "gerealiseerd",
    NOG_TE_GAAN: "nog_te_gaan",
    AANDEEL: "aandeel_gerealiseerd",
    AMV_TAAKSTELLING: "amv_taakstelling",
    AMV_GEREALISEERD: "amv_gerealiseerd",
}


def werk_bij(r: dict[str, Any]) -> None:
    """Set every huisvesting gauge from huisvesting's report; an unknown figure is 0 or absent."""
    for gauge, kengetal in (
        (TAAKSTELLING, "taakstelling"),
        (GEREALISEERD, "gerealiseerd"),
        (DOSSIERS_OPEN, "dossiers_open"),
        (OVER_TERMIJN, "dossiers_over_termijn"),
        (PERSONEN_WACHTEND, "personen_wachtend"),
    ):
        gauge.set(r.get(kengetal) or 0)
    for gauge, kengetal in PER_SCOPE.items():
        zet_reeksen(gauge, {(scope,): r[sleutel][kengetal] for scope, sleutel in SCOPES.items()})
    zet_reeksen(DOSSIERS, {(status,): n for status, n in r["dossiers_per_status"].items()})
    OUDSTE_OVER_TERMIJN.set(r["over_termijn"]["oudste_dagen_wachtend"] or 0)
    blok = r["geblokkeerd"]
    zet_reeksen(GEBLOKKEERD, {(g,): blok[f"ontbreekt_{g}"] for g in ("bsn", "iban")})
    GEBLOKKEERD_TOTAAL.set(blok["dossiers"])
    GEBLOKKEERD_DAGEN_TOTAAL.set(blok["dagen_totaal"])
    zet_kwantielen(GEBLOKKEERD_DAGEN, blok["dagen_mediaan"])
    doorloop = r["doorlooptijd"]
    zet_kwantielen(DOORLOOPTIJD, doorloop["mediaan_dagen"], doorloop["p90_dagen"])
    VERHUIZINGEN.set(doorloop["verhuizingen"])
    huishoudens = r["huishoudens"]
    EENPERSOONS_WACHTEND.set(huishoudens["eenpersoons_wachtend"])
    MEERPERSOONS_WACHTEND.set(huishoudens["meerpersoons_wachtend"])
    EENPERSOONSWONINGEN.set(huishoudens["eenpersoonswoningen_aangeboden"])
    zet_reeksen(AANBIEDINGEN, {(a["wijk"], a["soort"]): a["aantal"] for a in r["aanbiedingen"]["per_wijk_soort"]})
    VERVOLGBEHOEFTEN.set(r["nareizigers"]["vervolgbehoeften"])
