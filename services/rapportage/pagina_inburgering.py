"""The kengetallen page's inburgering panels: caseload, the brede intake and leerroutes, doorlooptijden, the PIP, the status after three years and the attention list, from inburgering's report.

Each panel is a dict the template renders (see pagina_opvang.py); every value shown is the report's.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from services.rapportage.kengetal import cijfer, meter, onderdeel, paneel

SLEUTELS = ("trajecten", "intakes_afgerond", "intakes_binnen_termijn", "intake_wachtlijst", "leerroutes",
            "leerroutes_binnen_10_weken", "leerroute_verdeling", "doorlooptijden", "plan", "wijken", "caseload",
            "plicht", "termijnen", "na_drie_jaar", "examens", "aandachtslijst")
"""The report's keys these panels show; the page shows any other key of inburgering's report as it is."""
STAPPEN = {"start_intake": "Start -> brede intake", "intake_pip": "Brede intake -> PIP", "pip_route": "PIP -> start route",
           "route_diploma": "Start route -> diploma", "start_diploma": "Start -> diploma"}
STATUSSEN = {"geslaagd": "Geslaagd", "nog_plichtig": "Plichtig", "vrijgesteld_of_ontheven": "Vrijgest. / onth.",
             "overig": "Overig"}
"""The columns of the status after three years (short: the panel is narrow)."""
PLAN = {"pip_vastgesteld": "PIP vastgesteld", "pip_gewijzigd": "PIP gewijzigd", "route_gestart": "Leerroute gestart",
        "pvt_ondertekend": "PVT ondertekend", "pvt_verwijtbaar": "waarvan verwijtbaar te laat",
        "map_eindgesprek": "MAP-eindgesprek gevoerd", "zroute_afgerond": "Z-route afgerond",
        "voortgang_gemist": "Voortgangsgesprek niet op tijd"}
DOELGROEPEN = {"asielstatushouder": "Asielstatushouders", "nareiziger": "Nareizigers", "gezinsmigrant": "Gezinsmigranten",
               "oude-wet": "Oude wet (voor 1 juli 2021)"}


def panelen(r: dict[str, Any]) -> list[dict[str, Any]]:
    """Inburgering's panels, from the start of the traject to the outcome of the plicht."""
    c, m = partial(cijfer, "inburgering", r), partial(meter, "inburgering", r)
    uit = [
        paneel("Inburgeraars", [c(f"caseload.{d}", DOELGROEPEN.get(d, d)) for d in onderdeel(r, "caseload")] + [
            c("plicht.lopend", "Plicht loopt"), c("plicht.geschorst", "Tijdelijk vrijgesteld (SS109)"),
            c("plicht.oude_wet_op_verzoek", "Oude wet, begeleid op verzoek"),
            c("termijnen.lopend", "Inburgeringstermijn loopt"), c("termijnen.verstreken", "Termijn verstreken")]),
        paneel("Brede intake en leerroute", [
            c("trajecten", "Trajecten"), c("intake_wachtlijst", "Wachten op de brede intake"),
            c("intakes_afgerond", "Brede intakes"), c("leerroutes_binnen_10_weken.aandeel",
                                                        "Leerroute binnen 10 weken (%)")]
            + [c(f"leerroute_verdeling.{k}", k) for k in onderdeel(r, "leerroute_verdeling")],
            [m("leerroutes_binnen_10_weken.binnen", "leerroutes_binnen_10_weken.gezet", "Leerroute binnen 10 weken")]),
        paneel("Doorlooptijden (dagen)", tabellen=[{"kop": ["Stap", "Aantal", "Mediaan", "p90"], "rijen": [
            {"kop": naam, "cellen": [c(f"doorlooptijden.{k}.{v}", v) for v in ("n", "mediaan", "p90")]}
            for k, naam in STAPPEN.items() if k in onderdeel(r, "doorlooptijden")]}]),
        paneel("PIP, PVT en MAP", [c(f"plan.{k}", PLAN.get(k, k.replace("_", " "))) for k in onderdeel(r, "plan")]),
        paneel("Status na drie jaar", tabellen=[{"kop": ["Cohort", "Totaal", *STATUSSEN.values()], "rijen": [
            {"kop": cohort, "cellen": [c(f"na_drie_jaar.{cohort}.totaal", "totaal")]
             + [c(f"na_drie_jaar.{cohort}.{s}", s) for s in STATUSSEN]}
            for cohort in onderdeel(r, "na_drie_jaar")]}] if onderdeel(r, "na_drie_jaar") else [],
            toelichting="Per cohort (jaar waarin de plicht begon), drie jaar later. Ter vergelijking seed 004 §6.2: "
                        "van 171 plichtigen 101 geslaagd, 22% nog plichtig, 18% vrijgesteld of ontheven."),
        paneel("Aandachtslijst", [c("aandachtslijst.zonder_duo_signaal", "Geen plichtsignaal van DUO op tijd"),
                                   c("aandachtslijst.onbekend_bij_duo", "DUO-signaal, geen traject")],
                toelichting="De lijst zelf (per persoon) is er alleen voor de klantregisseur: "
                            "welkom aandachtslijst, of GET /v1/aandachtslijst."),
    ]
    return [p for p in uit if p["cijfers"] or p["meters"] or p["tabellen"]]
