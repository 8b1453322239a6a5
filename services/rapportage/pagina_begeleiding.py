"""The kengetallen page's panels of inburgering's maatschappelijke begeleiding and participatie, from inburgering's report.

Each panel is a dict the template renders, as opvang's (`pagina_opvang.py`): every value shown is
the report's, a table cell carrying its key path as a figure does. The zelfredzaamheidsmatrix's
cells are the report's, suppressed under 5 ("<5").
"""

from __future__ import annotations

from functools import partial
from typing import Any

from services.rapportage.kengetal import cijfer, meter, onderdeel, paneel, waarde

SLEUTELS = ("begeleiding", "participatie")
"""The report's keys these panels show."""
TREDEN = {"1": "1 geïsoleerd", "2": "2 sociale contacten", "3": "3 georganiseerde activiteiten",
          "4": "4 onbetaald werk", "5": "5 betaald werk met ondersteuning", "6": "6 betaald werk"}
LEVENSGEBIEDEN = {"financien": "Financiën", "sociaal-netwerk": "Sociaal netwerk", "werk-en-opleiding": "Werk en opleiding",
                  "maatschappelijke-participatie": "Maatschappelijke participatie", "huisvesting": "Huisvesting",
                  "fysieke-gezondheid": "Fysieke gezondheid", "mentale-gezondheid": "Mentale gezondheid"}


def panelen(r: dict[str, Any]) -> list[dict[str, Any]]:
    """Begeleiding, then participatie now, then participatie against the targets after three years."""
    uit = [_begeleiding(r), _participatie(r), _na_drie_jaar(r)]
    return [p for p in uit if p["cijfers"] or p["meters"] or p["tabellen"]]


def _begeleiding(r: dict[str, Any]) -> dict[str, Any]:
    c, m, b = partial(cijfer, "inburgering", r), partial(meter, "inburgering", r), "begeleiding"
    return paneel(
        "Maatschappelijke begeleiding (VluchtelingenWerk)",
        [c(f"{b}.lopend", "Lopend"), c(f"{b}.lopend_verlengd", "Waarvan verlengd"),
         c(f"{b}.lopend_zonder_traject", "Waarvan zonder inburgeringstraject"),
         c(f"{b}.eindigt_binnen_30_dagen", "Eindigt binnen 30 dagen"), c(f"{b}.gestart", "Gestart (totaal)"),
         c(f"{b}.verlengd", "Verlengd (totaal)"), c(f"{b}.afgelopen.totaal", "Afgelopen"),
         c(f"{b}.afgelopen.beeindigd_door_vwn", "Door VWN beëindigd"),
         c(f"{b}.afgelopen.termijn_verstreken", "Termijn verstreken"),
         c(f"{b}.duur_dagen.mediaan", "Duur, mediaan (dagen)"), c(f"{b}.duur_dagen.p90", "Duur, 90e percentiel (dagen)")],
        [m(f"{b}.lopend_verlengd", f"{b}.lopend", "Lopend en verlengd")],
        toelichting="8 maanden, te verlengen tot hoogstens 12; het einde legt de klok vast.")


def _participatie(r: dict[str, Any]) -> dict[str, Any]:
    c, p = partial(cijfer, "inburgering", r), "participatie"
    treden = {"kop": ["Trede", "Personen"], "rijen": [
        {"kop": TREDEN.get(t, t), "cellen": [c(f"{p}.per_trede.{t}", t)]} for t in onderdeel(r, f"{p}.per_trede")]}
    scores = [str(s) for s in range(1, 6)]
    matrix = {"kop": ["Levensgebied", *scores], "rijen": [
        {"kop": LEVENSGEBIEDEN.get(g, g), "cellen": [c(f"{p}.zelfredzaamheid.per_levensgebied.{g}.{s}", s) for s in scores]}
        for g in onderdeel(r, f"{p}.zelfredzaamheid.per_levensgebied")]}
    return paneel(
        "Participatie",
        [c(f"{p}.gemeten", "Personen met een trede"), c(f"{p}.zelfredzaamheid.gemeten", "Personen met een matrix")],
        tabellen=[t for t in (treden, matrix) if t["rijen"]],
        toelichting="De laatste meting per persoon: participatieladder en zelfredzaamheidsmatrix (1 acuut ... "
                    "5 zelfredzaam). Aantallen onder de 5 staan er als <5.")


def _na_drie_jaar(r: dict[str, Any]) -> dict[str, Any]:
    c, d = partial(cijfer, "inburgering", r), "participatie.na_drie_jaar"
    doelen = {"kop": ["", "Gerealiseerd", "Doel"], "rijen": [
        {"kop": kop, "cellen": [c(f"{d}.{aandeel}", aandeel), c(f"{d}.doelen.{aandeel}", aandeel)]}
        for kop, aandeel in (
            ("Minstens onbetaald werk (trede 4+)", "aandeel_trede_4_plus"),
            ("Waarvan uit de bijstand (trede 5-6)", "aandeel_trede_5_6_van_trede_4_plus"),
            ("Doelen van het plan behaald", "aandeel_doelen_behaald"),
            ("De taal voldoende machtig", "aandeel_taal"))]}
    return paneel(
        "Participatie na drie jaar",
        [c(f"{d}.cohort", "Personen drie jaar of langer in de inburgering"), c(f"{d}.gemeten", "Met een trede"),
         c(f"{d}.trede_4_plus", "Trede 4 of hoger"), c(f"{d}.trede_5_6", "Trede 5 of 6"),
         c(f"{d}.doelen_behaald", "Op twee levensgebieden vooruit")],
        tabellen=[doelen] if isinstance(waarde(r, d), dict) else [],
        toelichting="Gemeten tot de derde verjaardag van de inburgering (seed 004); de taal: het inburgeringsdiploma "
                    "van DUO (SS106) tot die dag.")
