"""The kengetallen page's mzd panels: cases by state and their vertrektermijnen, BBB-opvang (applications, occupancy per organisation, time in BBB), perspectives, uitstroom and care needs, from mzd's report.

Each panel is a dict the template renders, as opvang's (`pagina_opvang.py`): every value shown is
the report's, a table cell carrying its key path as a figure does. Care needs are the report's
cells, suppressed under 5 ("<5").
"""

from __future__ import annotations

from functools import partial
from typing import Any

from services.rapportage.kengetal import cijfer, maandnaam, meter, onderdeel, paneel, waarde

SLEUTELS = ("zaken_open", "zaken_per_status", "vertrektermijnen", "perspectieven", "uitstroom", "zorgbehoeften",
            "zonder_contactpersoon", "in_bbb_opvang", "bbb_aanvragen", "bbb_bezetting", "bbb_stromen", "tijd_in_bbb")
"""The report's keys these panels show; the page shows any other key of mzd's report as it is."""
STATUSSEN = {"vertrektermijn": "Vertrektermijn (28 dagen) loopt", "na-vertrektermijn": "Vertrektermijn verstreken",
             "procedure-loopt": "Procedure loopt (herhaalde aanvraag)"}
ORGANISATIES = {"snov": "SNOV", "stichting-gast": "Stichting Gast", "wereldvrouwenhuis": "Wereldvrouwenhuis"}
REDENEN = {"terugkeer": "Terugkeer", "doormigratie": "Doormigratie", "legalisering": "Legalisering",
           "vertrokken-onbekend": "Vertrokken, onbekend waarheen", "overleden": "Overleden", "overig": "Overig",
           "andere-voorziening": "Andere voorziening", "geen": "Nog geen"}
ZORG = {"somatisch": "Somatische zorg", "psychisch": "Psychische zorg", "mobiliteit": "Beperkte mobiliteit",
        "cognitief": "Geheugen of cognitie", "verslaving": "Verslaving"}


def panelen(r: dict[str, Any]) -> list[dict[str, Any]]:
    """Mzd's panels: the cases, BBB-opvang, its applications, perspective and uitstroom, care needs."""
    uit = [_zaken(r), _bbb(r), _aanvragen(r), _uitstroom(r), _zorg(r)]
    return [p for p in uit if p["cijfers"] or p["meters"] or p["tabellen"]]


def _periodes(r: dict[str, Any], blok: str, rijen: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """A table of figures of the peildatum's month and year (`<blok>.maand.<pad>`, `<blok>.jaar.<pad>`)."""
    maand, jaar = waarde(r, f"{blok}.maand"), waarde(r, f"{blok}.jaar")
    if not (isinstance(maand, dict) and isinstance(jaar, dict)):
        return []
    c = partial(cijfer, "mzd", r)
    return [{"kop": ["", maandnaam(maand["periode"]), jaar["periode"]],
             "rijen": [{"kop": kop, "cellen": [c(f"{blok}.{p}.{pad}", kop) for p in ("maand", "jaar")]}
                       for pad, kop in rijen]}]


def _zaken(r: dict[str, Any]) -> dict[str, Any]:
    c = partial(cijfer, "mzd", r)
    return paneel(
        "Zaken",
        [c("zaken_open", "Open zaken"),
         *[c(f"zaken_per_status.{s}", STATUSSEN.get(s, s)) for s in onderdeel(r, "zaken_per_status")],
         c("vertrektermijnen.lopend", "Vertrektermijnen lopend"),
         c("vertrektermijnen.verstreken", "Vertrektermijnen verstreken (totaal)"),
         c("zonder_contactpersoon", "Zonder vaste contactpersoon"),
         *[c(f"perspectieven.{p}", f"Perspectief: {REDENEN.get(p, p).lower()}") for p in onderdeel(r, "perspectieven")]],
        toelichting="Een zaak volgt de persoon: een herhaalde aanvraag zet haar op 'procedure loopt', een nieuwe "
                    "afwijzing start een nieuwe vertrektermijn in dezelfde zaak.")


def _bbb(r: dict[str, Any]) -> dict[str, Any]:
    c, m = partial(cijfer, "mzd", r), partial(meter, "mzd", r)
    organisaties = {"kop": ["Organisatie", "Personen"], "rijen": [
        {"kop": ORGANISATIES.get(o, o), "cellen": [c(f"bbb_bezetting.per_organisatie.{o}", o)],
         "meter": m(f"bbb_bezetting.per_organisatie.{o}", "bbb_bezetting.totaal", ORGANISATIES.get(o, o))}
        for o in onderdeel(r, "bbb_bezetting.per_organisatie")]}
    duur = {"kop": ["", "Aantal", "Mediaan (dagen)", "90e percentiel (dagen)"], "rijen": [
        {"kop": kop, "cellen": [c(f"tijd_in_bbb.{deel}.{k}", k) for k in (aantal, "mediaan_dagen", "p90_dagen")]}
        for deel, aantal, kop in (("lopend", "personen", "Verblijft nu"), ("afgerond", "verblijven", "Vertrokken"))
        if isinstance(waarde(r, f"tijd_in_bbb.{deel}"), dict)]}
    stromen = _periodes(r, "bbb_stromen", [("geplaatst", "Geplaatst"), ("vertrokken", "Vertrokken"),
                                           *[(f"vertrokken_per_reden.{v}", f"  {REDENEN.get(v, v)}")
                                             for v in onderdeel(r, "bbb_stromen.jaar.vertrokken_per_reden")]])
    return paneel(
        "BBB-opvang (bed, bad, brood)",
        [c("bbb_bezetting.totaal", "In BBB-opvang op de peildatum"), c("in_bbb_opvang", "Toegelaten (zaak open)")],
        [m("bbb_bezetting.totaal", "in_bbb_opvang", "Geplaatst van de toegelaten")],
        [t for t in (organisaties, duur) if t["rijen"]] + stromen,
        toelichting="Plaatsingen en vertrek meldt de organisatie (SNOV, Stichting Gast, Wereldvrouwenhuis).")


def _aanvragen(r: dict[str, Any]) -> dict[str, Any]:
    rijen = [("aanvragen", "Aanvragen"), ("toegelaten", "Toegelaten na beoordeling"), ("geweigerd", "Geweigerd"),
             ("weigerredenen.geen-binding", "  geen binding met Nijmegen"),
             ("weigerredenen.voorliggende-voorziening", "  adequate voorliggende voorziening"),
             ("direct_toegelaten", "Direct toegelaten (zonder vastgelegde beoordeling)")]
    return paneel("Aanvragen BBB-opvang", tabellen=_periodes(r, "bbb_aanvragen", rijen),
                   toelichting="Toegelaten wie binding heeft met Nijmegen en geen adequate voorliggende voorziening; "
                               "een weigering telt bij elke voorwaarde die ontbrak.")


def _uitstroom(r: dict[str, Any]) -> dict[str, Any]:
    rijen = [(f"per_reden.{u}", REDENEN.get(u, u)) for u in onderdeel(r, "uitstroom.jaar.per_reden")]
    return paneel("Uitstroom", tabellen=_periodes(r, "uitstroom", [*rijen, ("totaal", "Totaal")]),
                   toelichting="Gesloten zaken per reden; legalisering volgt uit de vergunning van de IND, en dan "
                               "krijgt de persoon een huisvestingsdossier en een inburgeringstraject.")


def _zorg(r: dict[str, Any]) -> dict[str, Any]:
    return paneel(
        "Zorgbehoeften",
        [cijfer("mzd", r, f"zorgbehoeften.{z}", ZORG.get(z, z)) for z in onderdeel(r, "zorgbehoeften")],
        toelichting="Open zaken per zorgbehoefte (vooral ouderen). Aantallen onder de 5 staan er als <5.")
