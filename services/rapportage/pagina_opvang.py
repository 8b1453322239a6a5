"""The kengetallen page's opvang panels: the Spreidingswet, occupancy, moves, uitstroom, the right to opvang, bijzondere behoeften and the ontheemden, from opvang's report.

Each panel is a dict the template renders: `titel`, `cijfers` (figures, `kengetal.cijfer`),
`meters` (a figure against another, `kengetal.meter`), `tabellen` (each with `kop`, its column
heads, and `rijen`, each with `kop` and `cellen`, figures or None, and an optional `meter`) and
`toelichting`. Every value shown is the report's: a table cell carries its key path as a figure does.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from services.rapportage.kengetal import benoemd, cijfer, maandnaam, meter, onderdeel, paneel, waarde

SLEUTELS = ("bewoners_in_opvang", "verplaatsingen", "verplaatsingen_per_persoon", "kinderen", "uitstroom",
            "vertrektermijn_lopend", "recht_op_opvang_beeindigd", "bijzondere_behoeften", "spreidingstaakstelling",
            "locaties", "bezetting", "ontheemden")
"""The report's keys these panels show; the page shows any other key of opvang's report as it is."""
SOORTEN = {"azc": "AZC", "amv": "AMV-locatie", "noodopvang": "Noodopvang", "tgo": "TGO (gemeente)",
           "oekraine": "Oekraïne-locatie", "zorg": "Zorglocatie"}
KORT = {"azc": "AZC", "amv": "AMV", "noodopvang": "nood", "tgo": "TGO", "oekraine": "Oekraïne", "zorg": "zorg"}
"""The soort in a table cell."""
REDENEN = {"gehuisvest": "Gehuisvest", "zelfstandig-vertrokken": "Zelfstandig vertrokken",
           "overgeplaatst-andere-gemeente": "Overgeplaatst naar een andere gemeente",
           "einde-recht-op-opvang": "Einde recht op opvang", "overleden": "Overleden", "onbekend": "Onbekend"}
BEHOEFTEN = {"medisch": "Medische zorg", "psychisch": "Psychische zorg", "beperking": "Beperking",
             "zwangerschap": "Zwangerschap", "alleenstaande-minderjarige": "Alleenstaande minderjarige (amv)",
             "alleenstaande-ouder": "Alleenstaande ouder", "lhbtiq": "LHBTIQ+"}
VERTREK = {"terugkeer": "terug naar Oekraïne", "ander-land": "naar een ander land",
           "andere-gemeente": "naar een andere gemeente", "eigen-woonruimte": "eigen woonruimte",
           "overleden": "overleden", "onbekend": "onbekend waarheen"}
GRONDEN = {"geen-inkomen": "geen inkomen", "inkomen-onder-norm": "inkomen onder de norm",
           "minderjarig": "minderjarig", "hardheidsclausule": "hardheidsclausule"}


def panelen(r: dict[str, Any]) -> list[dict[str, Any]]:
    """Opvang's panels, in the order of the opgave: places, who stays, moves, leaving, care, ontheemden."""
    uit = [_spreidingswet(r), _bezetting(r), _verplaatsingen(r), _uitstroom(r), _behoeften(r), *_ontheemden(r)]
    return [p for p in uit if p["cijfers"] or p["meters"] or p["tabellen"]]


def _spreidingswet(r: dict[str, Any]) -> dict[str, Any]:
    c, m = partial(cijfer, "opvang", r), partial(meter, "opvang", r)
    cyclus = waarde(r, "spreidingstaakstelling.cyclus")
    return paneel(
        f"Spreidingswet {cyclus}" if isinstance(cyclus, str) else "Spreidingswet",
        [c("spreidingstaakstelling.plekken", "Taakstelling (plekken)"),
         c("spreidingstaakstelling.realiseren_per", "Te realiseren per"),
         c("spreidingstaakstelling.fase", "Fase"),
         c("spreidingstaakstelling.besluitdatum", "Besluit van"),
         c("spreidingstaakstelling.capaciteit_telt_mee", "Plekken die meetellen (COA: azc, amv, noodopvang)"),
         c("spreidingstaakstelling.gerealiseerd", "Gerealiseerd"),
         c("spreidingstaakstelling.nog_te_gaan", "Nog te realiseren"),
         c("spreidingstaakstelling.amv.plekken", "Waarvan amv (indicatief)"),
         c("spreidingstaakstelling.amv.capaciteit_telt_mee", "Amv-plekken die meetellen"),
         c("spreidingstaakstelling.amv.gerealiseerd", "Amv gerealiseerd"),
         c("spreidingstaakstelling.amv.nog_te_gaan", "Amv nog te realiseren")],
        [m("spreidingstaakstelling.gerealiseerd", "spreidingstaakstelling.plekken", "Gerealiseerd van de taakstelling"),
         m("spreidingstaakstelling.amv.gerealiseerd", "spreidingstaakstelling.amv.plekken", "Amv gerealiseerd")],
        toelichting="Alleen plekken van COA in open locaties tellen mee; de eigen locaties van de gemeente niet.")


def _bezetting(r: dict[str, Any]) -> dict[str, Any]:
    c, m = partial(cijfer, "opvang", r), partial(meter, "opvang", r)
    soorten = {"kop": ["Soort", "Locaties", "Plekken", "Personen", "Bezetting"], "rijen": [
        {"kop": SOORTEN.get(s, s), "cellen": [c(f"locaties.{s}.{k}", k) for k in ("aantal", "capaciteit", "bezetting")],
         "meter": m(f"locaties.{s}.bezetting", f"locaties.{s}.capaciteit", f"Bezetting {SOORTEN.get(s, s)}")}
        for s in onderdeel(r, "locaties")]}
    locaties = {"kop": ["Locatie", "Soort", "Plekken", "Personen", "Geplande sluiting"], "rijen": [
        {"kop": loc.get("naam") or f"{i} (onbekend bij opvang)",
         "cellen": [benoemd(c(f"bezetting.per_locatie.{i}.soort", "soort"), KORT),
                    *[c(f"bezetting.per_locatie.{i}.{k}", k) for k in ("capaciteit", "bezetting", "geplande_sluiting")]]}
        for i, loc in onderdeel(r, "bezetting.per_locatie").items()]}
    return paneel(
        "Bezetting",
        [c("bewoners_in_opvang", "Bewoners in de opvang (asiel)"),
         c("bezetting.capaciteit", "Plekken in open locaties"),
         c("bezetting.bezetting", "Personen in open locaties (met ontheemden)"),
         c("bezetting.buiten_open_locaties", "Personen in een locatie die niet open is of onbekend"),
         c("bezetting.locaties_boven_capaciteit", "Locaties boven hun plekken")],
        [m("bezetting.bezetting", "bezetting.capaciteit", "Bezet van alle plekken")],
        [t for t in (soorten, locaties) if t["rijen"]])


def _verplaatsingen(r: dict[str, Any]) -> dict[str, Any]:
    c = partial(cijfer, "opvang", r)
    kolommen = ("personen", "mediaan", "p90", "twee_of_meer", "aandeel_twee_of_meer")
    tabel = {"kop": ["", "Personen", "Mediaan", "90e percentiel", "2 of meer", "Deel 2 of meer"], "rijen": [
        {"kop": kop, "cellen": [c(f"{deel}.{k}", k) for k in kolommen]}
        for deel, kop in (("verplaatsingen_per_persoon", "Alle bewoners"), ("kinderen", "Kinderen (tot 18)"))
        if isinstance(waarde(r, deel), dict)]}
    return paneel(
        "Verplaatsingen",
        [c("verplaatsingen", "Verplaatsingen tussen locaties"),
         c("kinderen.verplaatsingen", "Waarvan van kinderen"),
         c("kinderen.herhaald_verplaatst", "Kinderen kort na een verplaatsing opnieuw verplaatst")],
        tabellen=[tabel] if tabel["rijen"] else [],
        toelichting="Verplaatsingen per persoon die ooit geplaatst is; zo weinig mogelijk, zeker voor kinderen.")


def _uitstroom(r: dict[str, Any]) -> dict[str, Any]:
    c = partial(cijfer, "opvang", r)
    maand, jaar = waarde(r, "uitstroom.maand"), waarde(r, "uitstroom.jaar")
    tabellen = []
    if isinstance(maand, dict) and isinstance(jaar, dict):
        redenen = list(dict.fromkeys([*maand["per_reden"], *jaar["per_reden"]]))
        rijen = [{"kop": REDENEN.get(reden, reden),
                  "cellen": [c(f"uitstroom.{p}.per_reden.{reden}", reden) for p in ("maand", "jaar")]}
                 for reden in redenen]
        rijen.append({"kop": "Totaal", "cellen": [c(f"uitstroom.{p}.totaal", "totaal") for p in ("maand", "jaar")]})
        tabellen.append({"kop": ["Reden", maandnaam(maand["periode"]), jaar["periode"]], "rijen": rijen})
    return paneel(
        "Uitstroom en einde recht op opvang",
        [c("vertrektermijn_lopend", "Vertrektermijn (28 dagen) loopt"),
         c("recht_op_opvang_beeindigd.personen", "Recht op opvang beëindigd"),
         c("recht_op_opvang_beeindigd.nog_in_opvang", "Waarvan nog in de opvang")],
        tabellen=tabellen, toelichting="Beëindigde verblijven per reden, in de maand en het jaar tot en met de peildatum.")


def _behoeften(r: dict[str, Any]) -> dict[str, Any]:
    return paneel(
        "Bijzondere behoeften",
        [cijfer("opvang", r, f"bijzondere_behoeften.{b}", BEHOEFTEN.get(b, b)) for b in onderdeel(r, "bijzondere_behoeften")],
        toelichting="Bewoners op de peildatum per behoefte van hun plaatsing. Aantallen onder de 5 staan er als <5.")


def _ontheemden(r: dict[str, Any]) -> list[dict[str, Any]]:
    c, m = partial(cijfer, "opvang", r), partial(meter, "opvang", r)
    o = "ontheemden"
    tabel = {"kop": ["Locatie", "Vervangen per", "Geplande sluiting", "Gesloten op", "Plekken", "Bewoners", "Te laat"],
             "rijen": [{"kop": t.get("naam") or i, "cellen": [
                 c(f"{o}.te_vervangen.{i}.{k}", k) for k in ("vervangen_per", "geplande_sluiting", "gesloten_op",
                                                             "capaciteit", "bewoners", "te_laat")]}
                 for i, t in onderdeel(r, f"{o}.te_vervangen").items()]}
    return [
        paneel(
            "Ontheemden uit Oekraïne",
            [c(f"{o}.geregistreerd", "Geregistreerd"), c(f"{o}.in_gemeentelijke_opvang", "In gemeentelijke opvang"),
             c(f"{o}.in_particuliere_opvang", "In particuliere opvang"),
             c(f"{o}.plekken.afspraak", "Afspraak (plekken)"),
             c(f"{o}.plekken.capaciteit", "Plekken in open Oekraïne-locaties"),
             c(f"{o}.plekken.bezet", "Bezet"), c(f"{o}.plekken.beschikbaar", "Beschikbaar"),
             c(f"{o}.plekken.tekort_op_afspraak", "Tekort op de afspraak"),
             c(f"{o}.verplaatsingen", "Verplaatsingen")],
            [m(f"{o}.plekken.capaciteit", f"{o}.plekken.afspraak", "Plekken van de afspraak"),
             m(f"{o}.plekken.bezet", f"{o}.plekken.capaciteit", "Bezet van de plekken")],
            toelichting="De regio houdt de 785 plekken aan die er zijn: niet meer, niet minder."),
        paneel("Te vervangen Oekraïne-locaties", tabellen=[tabel] if tabel["rijen"] else [],
                toelichting="Locaties die moeten sluiten en op tijd vervangen moeten zijn; te laat: nog open "
                            "of bewoond na die datum."),
        paneel(
            "Ontheemden: eigen bijdrage, vertrek en bescherming",
            [c(f"{o}.eigen_bijdrage.plichtig", "Eigen bijdrage verschuldigd"),
             c(f"{o}.eigen_bijdrage.vrijgesteld", "Vrijgesteld"),
             *[c(f"{o}.eigen_bijdrage.per_grond.{g}", f"Vrijgesteld: {GRONDEN.get(g, g)}")
               for g in onderdeel(r, f"{o}.eigen_bijdrage.per_grond")],
             c(f"{o}.eigen_bijdrage.onbekend", "Nog geen besluit"),
             *[c(f"{o}.vertrekken.{v}", f"Vertrokken: {VERTREK.get(v, v)}")
               for v in onderdeel(r, f"{o}.vertrekken")],
             c(f"{o}.tijdelijke_bescherming.einddatum", "Tijdelijke bescherming tot en met"),
             c(f"{o}.tijdelijke_bescherming.besluitdatum", "Verlengd bij besluit van"),
             c(f"{o}.tijdelijke_bescherming.van_kracht", "Bescherming van kracht"),
             c(f"{o}.tijdelijke_bescherming.dagen_resterend", "Dagen resterend")],
            toelichting="De eigen bijdrage (sinds 1 juli 2024) van wie in gemeentelijke opvang verblijft."),
    ]
