"""opvang's kengetallen as Prometheus gauges, set from its report; no personal data in labels."""

from __future__ import annotations

import datetime as dt
from typing import Any

from prometheus_client import Gauge

from services.rapportage.metrics import kwantiel_gauge, zet_kwantielen
from services.runtime.metrics import zet_reeksen

BEWONERS = Gauge("welkom_opvang_bewoners_personen", "Persons staying in a reception location.")

# -- locations and the Spreidingswet (rapport_locaties) -------------------------------------------
SPREIDING = Gauge("welkom_opvang_spreidingstaakstelling_plekken",
                  "Spreidingswet taakstelling in force on the peildatum (doelgroep alle, or its amv part).", ["doelgroep"])
SPREIDING_TELT_MEE = Gauge(
    "welkom_opvang_spreidingstaakstelling_capaciteit_plekken",
    "Places that count towards the taakstelling: COA locations of soort azc, amv or noodopvang open on the peildatum.",
    ["doelgroep"])
SPREIDING_NOG_TE_GAAN = Gauge("welkom_opvang_spreidingstaakstelling_nog_te_gaan_plekken",
                              "Places still to realise for the taakstelling (at least 0).", ["doelgroep"])
LOCATIES = Gauge("welkom_opvang_locaties_open", "Reception locations open on the peildatum, by soort.", ["soort"])
CAPACITEIT = Gauge("welkom_opvang_capaciteit_plekken", "Places in open reception locations, by soort.", ["soort"])
BEZETTING = Gauge("welkom_opvang_bezetting_personen", "Persons staying in open reception locations, by soort.",
                  ["soort"])
BUITEN_OPEN = Gauge("welkom_opvang_bezetting_buiten_open_locaties_personen",
                    "Persons staying in a location that is not open by opvang's records (unknown or closed).")
LOCATIE_CAPACITEIT = Gauge("welkom_opvang_locatie_capaciteit_plekken", "Places of an open location.", ["locatie"])
LOCATIE_BEZETTING = Gauge("welkom_opvang_locatie_bezetting_personen", "Persons staying in a location.", ["locatie"])


def _locaties(r: dict[str, Any]) -> None:
    """The locations' and the Spreidingswet's gauges; an unknown figure has no series."""
    if "spreidingstaakstelling" not in r:
        return
    taak = r["spreidingstaakstelling"]
    for gauge, sleutel in ((SPREIDING, "plekken"), (SPREIDING_TELT_MEE, "capaciteit_telt_mee"),
                           (SPREIDING_NOG_TE_GAAN, "nog_te_gaan")):
        zet_reeksen(gauge, {"alle": taak[sleutel], "amv": taak["amv"][sleutel]})
    for gauge, sleutel in ((LOCATIES, "aantal"), (CAPACITEIT, "capaciteit"), (BEZETTING, "bezetting")):
        zet_reeksen(gauge, {soort: telling[sleutel] for soort, telling in r["locaties"].items()})
    BUITEN_OPEN.set(r["bezetting"]["buiten_open_locaties"])
    per_locatie = r["bezetting"]["per_locatie"]
    zet_reeksen(LOCATIE_CAPACITEIT, {i: p["capaciteit"] for i, p in per_locatie.items()})
    zet_reeksen(LOCATIE_BEZETTING, {i: p["bezetting"] for i, p in per_locatie.items()})


# -- ontheemden from Ukraine (rapport_ontheemden) -------------------------------------------------
ONTHEEMDEN = Gauge("welkom_opvang_ontheemden_personen",
                   "Ontheemden from Ukraine in opvang, gemeentelijk (an Oekraïne-locatie) or particulier.", ["opvang"])
OEKRAINE_PLEKKEN = Gauge("welkom_opvang_oekraine_plekken",
                         "Places for ontheemden: the 785 agreed to keep (afspraak), in open Oekraïne-locaties "
                         "(capaciteit), taken (bezet).", ["soort"])
EIGEN_BIJDRAGE = Gauge("welkom_opvang_ontheemden_eigen_bijdrage_personen",
                       "Ontheemden in gemeentelijke opvang by eigen bijdrage: plichtig, vrijgesteld or onbekend.",
                       ["besluit"])
BESCHERMING_EINDE = Gauge("welkom_opvang_tijdelijke_bescherming_einde_timestamp_seconds",
                          "The last day of the temporary protection of ontheemden in force (its start, Unix time, UTC).")


def _ontheemden(r: dict[str, Any]) -> None:
    """The ontheemden's gauges; without the figures (a report without them) no series."""
    o = r.get("ontheemden")
    if o is None:
        return
    zet_reeksen(ONTHEEMDEN, {"gemeentelijk": o["in_gemeentelijke_opvang"], "particulier": o["in_particuliere_opvang"]})
    zet_reeksen(OEKRAINE_PLEKKEN, {s: o["plekken"][s] for s in ("afspraak", "capaciteit", "bezet")})
    zet_reeksen(EIGEN_BIJDRAGE, {b: o["eigen_bijdrage"][b] for b in ("plichtig", "vrijgesteld", "onbekend")})
    einde = dt.date.fromisoformat(o["tijdelijke_bescherming"]["einddatum"])
    BESCHERMING_EINDE.set(dt.datetime.combine(einde, dt.time(), dt.UTC).timestamp())


# -- bewoners: moves per person, children moved again, uitstroom, the right to opvang (rapport_bewoners)
PER_PERSOON = kwantiel_gauge("welkom_opvang_verplaatsingen_per_persoon", "Moves per person placed so far.")
KINDEREN_PER_PERSOON = kwantiel_gauge("welkom_opvang_kinderen_verplaatsingen_per_persoon",
                                      "Moves as a minor per person placed as a minor.")
TWEE_OF_MEER = Gauge("welkom_opvang_twee_of_meer_verplaatsingen_aandeel",
                     "Share of the persons placed with two or more moves (groep alle, or kinderen: as a minor).",
                     ["groep"])
KINDEREN_HERHAALD = Gauge("welkom_opvang_kinderen_herhaald_verplaatst_personen",
                          "Children moved again within WELKOM_OPVANG_KIND_VERPLAATSING_DAGEN days of their previous move.")
UITSTROOM = Gauge("welkom_opvang_uitstroom_personen",
                  "Stays ended by reason, in the calendar month or year of the peildatum so far.", ["periode", "reden"])
VERTREKTERMIJN = Gauge("welkom_opvang_vertrektermijn_lopend_personen",
                       "Persons in opvang whose 28-day vertrektermijn after a definitive refusal runs.")
ZONDER_RECHT = Gauge("welkom_opvang_zonder_recht_op_opvang_personen",
                     "Persons still in opvang after their right to opvang ended.")


def _bewoners(r: dict[str, Any]) -> None:
    """The bewoners' gauges (no gauge for bijzondere behoeften: Prometheus cannot suppress small cells)."""
    if "kinderen" not in r:
        return
    for gauge, v in ((PER_PERSOON, r["verplaatsingen_per_persoon"]), (KINDEREN_PER_PERSOON, r["kinderen"])):
        zet_kwantielen(gauge, v["mediaan"], v["p90"])
    zet_reeksen(TWEE_OF_MEER, {"alle": r["verplaatsingen_per_persoon"]["aandeel_twee_of_meer"],
                           "kinderen": r["kinderen"]["aandeel_twee_of_meer"]})
    KINDEREN_HERHAALD.set(r["kinderen"]["herhaald_verplaatst"])
    UITSTROOM.clear()
    for periode in ("maand", "jaar"):
        for reden, aantal in r["uitstroom"][periode]["per_reden"].items():
            UITSTROOM.labels(periode, reden).set(aantal)
    VERTREKTERMIJN.set(r["vertrektermijn_lopend"])
    ZONDER_RECHT.set(r["recht_op_opvang_beeindigd"]["nog_in_opvang"])


def werk_bij(rapport: dict[str, Any]) -> None:
    """Set opvang's gauges from its report; an unknown figure is 0."""
    BEWONERS.set(rapport.get("bewoners_in_opvang") or 0)
    _locaties(rapport)
    _ontheemden(rapport)
    _bewoners(rapport)
