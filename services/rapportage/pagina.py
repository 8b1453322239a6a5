"""The kengetallen page: per opgave the headline figures of a report and plots over time, as HTML.

Everything on the page comes from the report (`Projectie.rapport(peildatum)`, the same dict as
`/v1/rapport`), which holds counts and days only, no personal data. Every figure shown, also in a
table cell, carries `data-kengetal="<service>.<key path>"` and `data-waarde` (the JSON value in
the report), and every <meter> names the figures it shows in `data-waarde-van` and `data-max-van`,
so a test, or a person, can compare the page with the JSON. Opvang has panels of its own
(`pagina_opvang.py`). The plots ask the report for other peildata: the month ends of the year
(taakstelling) and of the last twelve months (waiting dossiers). Rendered with Jinja2 from the
templates shipped in this package, without script or inline style.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from services.rapportage import pagina_begeleiding, pagina_inburgering, pagina_mzd, pagina_opvang
from services.rapportage.grafieken import KLEUREN, Reeks, lijngrafiek, staafgrafiek
from services.rapportage.kengetal import MAANDEN, ONBEKEND, cijfer, datum, waarde

Rapport = Callable[[dt.date], dict[str, Any]]
Rapporten = Callable[[list[dt.date]], dict[dt.date, dict[str, Any]]]
"""Huisvesting's reports on several peildata at once (one read of the facts)."""
PANELEN: dict[str, tuple[ModuleType, ...]] = {"opvang": (pagina_opvang,), "inburgering": (pagina_inburgering, pagina_begeleiding),
                                                   "mzd": (pagina_mzd,)}
"""The services with panels of their own: modules with `SLEUTELS` (the report keys they show) and
`panelen(report)`; the page shows the service's other keys under "Overige kengetallen"."""
TITELS = {"opvang": "Opvang", "huisvesting": "Huisvesting van statushouders", "inburgering": "Inburgering",
          "mzd": "Mensen zonder documenten (mzd)"}
HUISVESTING = (
    ("Taakstelling {taakstelling_jaar.jaar}", (
        ("taakstelling_jaar.taakstelling", "Taakstelling van het Rijk (personen)"),
        ("taakstelling_jaar.achterstand", "Achterstand uit eerdere jaren"),
        ("taakstelling_jaar.opgave", "Opgave (taakstelling + achterstand)"),
        ("taakstelling_jaar.gerealiseerd", "Gehuisvest dit jaar (personen)"),
        ("taakstelling_jaar.nog_te_gaan_opgave", "Nog te huisvesten voor de opgave (met achterstand)"),
        ("taakstelling_jaar.aandeel_gerealiseerd", "Deel van de opgave gerealiseerd"),
        ("taakstelling_jaar.amv_taakstelling", "Waarvan amv (indicatief)"),
        ("taakstelling_jaar.amv_gerealiseerd", "Amv gehuisvest"),
    )),
    ("Halfjaar {taakstelling_periode.periode}", (
        ("taakstelling_periode.opgave", "Opgave van het halfjaar (taakstelling + achterstand)"),
        ("taakstelling_periode.gerealiseerd", "Gehuisvest in het halfjaar"),
        ("taakstelling_periode.nog_te_gaan_opgave", "Nog te huisvesten voor de opgave (met achterstand)"),
        ("nog_te_gaan_taakstelling", "Nog te huisvesten voor de taakstelling alleen (zonder achterstand)"),
    )),
    ("Wachtende huishoudens", (
        ("dossiers_open", "Open dossiers"),
        ("personen_wachtend", "Personen in open dossiers"),
        ("dossiers_over_termijn", "Over de termijn van 10 weken"),
        ("over_termijn.oudste_dagen_wachtend", "Langst wachtend over termijn (dagen)"),
        ("geblokkeerd.dossiers", "Geblokkeerd (BSN of IBAN ontbreekt)"),
        ("dossiers_per_status.aangeboden", "Woning aangeboden"),
        ("dossiers_per_status.geaccepteerd", "Aanbod geaccepteerd"),
        ("dossiers_per_status.doorstroom", "In doorstroomwoning"),
    )),
    ("Doorlooptijd koppeling tot verhuizing (halfjaar)", (
        ("doorlooptijd.verhuizingen", "Verhuizingen"),
        ("doorlooptijd.mediaan_dagen", "Mediaan (dagen)"),
        ("doorlooptijd.p90_dagen", "90e percentiel (dagen)"),
        ("aanbiedingen.totaal", "Woningen aangeboden"),
        ("nareizigers.toegevoegd", "Nareizigers toegevoegd (totaal)"),
    )),
)
"""Huisvesting's headline figures, in groups; a group title may name a figure in braces."""
LABELS = {
    "trajecten": "Inburgeringstrajecten", "intakes_afgerond": "Brede intakes afgerond",
    "intakes_binnen_termijn": "Intakes binnen 10 weken", "intake_wachtlijst": "Wachtend op een intake",
    "leerroutes": "Leerroute", "zaken_open": "Open zaken", "in_bbb_opvang": "In BBB-opvang",
}
"""Dutch labels of the other services' figures; a figure without one is shown by its key."""


GEMEENTEN = {"0268": "Nijmegen"}
"""Names of the gemeenten welkom knows by code; others are shown by their code."""


def html(rapport_op: Rapport, peildatum: dt.date, gemeentecode: str = "0268",
         huisvesting_op: Rapporten | None = None) -> str:
    """The whole page for a peildatum and a gemeente."""
    rapport = rapport_op(peildatum)
    return _omgeving().get_template("kengetallen.html").render(
        peildatum=peildatum.isoformat(), leesbaar=datum(peildatum), opgaven=list(opgaven(rapport)),
        gemeentecode=gemeentecode, gemeente=GEMEENTEN.get(gemeentecode, gemeentecode),
        grafieken=grafieken(huisvesting_op or (lambda ds: {d: rapport_op(d) for d in ds}), peildatum)
        if "huisvesting" in rapport else [],
    )


def foutpagina(peildatum: dt.date, melding: str) -> str:
    """The page with only the peildatum form (set to `peildatum`) and a message."""
    return _omgeving().get_template("kengetallen.html").render(
        peildatum=peildatum.isoformat(), leesbaar=datum(peildatum), fout=melding, gemeente="", gemeentecode="")


def opgaven(rapport: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Per service in the report: its title and its groups (panels) of figures, each with a
    `titel`, `cijfers`, and for a service with panels (`PANELEN`) also `meters`, `tabellen` and a `toelichting`."""
    for service, cijfers in rapport.items():
        if not isinstance(cijfers, dict):
            continue
        if service == "huisvesting":
            groepen = [_groep(_titel(t, cijfers), [cijfer(service, cijfers, pad, label) for pad, label in rij])
                       for t, rij in HUISVESTING]
        elif service in PANELEN:
            delen = PANELEN[service]
            overig = {k: v for k, v in cijfers.items() if not any(k in deel.SLEUTELS for deel in delen)}
            groepen = [*(paneel for deel in delen for paneel in deel.panelen(cijfers)),
                       _groep("Overige kengetallen", [cijfer(service, overig, p, _label(p)) for p in _paden(overig)])]
        else:
            groepen = [_groep("", [cijfer(service, cijfers, pad, _label(pad)) for pad in _paden(cijfers)])]
        yield {"service": service, "titel": TITELS.get(service, service),
               "groepen": [g for g in groepen if g["cijfers"] or g.get("meters") or g.get("tabellen")]}


def _groep(titel: str, cijfers: list[dict[str, Any] | None]) -> dict[str, Any]:
    return {"titel": titel, "cijfers": [c for c in cijfers if c is not None], "meters": [], "tabellen": [],
            "toelichting": ""}


def _paden(cijfers: dict[str, Any], voor: str = "") -> Iterator[str]:
    """The key paths of every number or text in a (nested) dict; lists are left out."""
    for sleutel, w in cijfers.items():
        if isinstance(w, dict):
            yield from _paden(w, f"{voor}{sleutel}.")
        elif not isinstance(w, list):
            yield f"{voor}{sleutel}"


def _label(pad: str) -> str:
    ouder, _, sleutel = pad.rpartition(".")
    if ouder:
        return f"{LABELS.get(ouder, ouder.replace('_', ' '))} {sleutel}"
    return LABELS.get(pad, pad.replace("_", " ").capitalize())


def _titel(titel: str, cijfers: dict[str, Any]) -> str:
    """A group title with `{pad}` replaced by that figure."""
    voor, _, rest = titel.partition("{")
    if not rest:
        return titel
    pad, _, na = rest.partition("}")
    w = waarde(cijfers, pad)
    return f"{voor}{'' if w is ONBEKEND else w}{na}"


def maandeinden(van: dt.date, peildatum: dt.date) -> list[dt.date]:
    """The last day of every month from `van`'s month that lies before the peildatum, then the peildatum."""
    uit, maand = [], van.replace(day=1)
    while True:
        volgende = (maand + dt.timedelta(days=32)).replace(day=1)
        einde = volgende - dt.timedelta(days=1)
        if einde >= peildatum:
            return [*uit, peildatum]
        uit.append(einde)
        maand = volgende


def _kort(d: dt.date, peildatum: dt.date, met_jaar: bool) -> str:
    """A point's label: the month (`sep`, or `sep '23`), or the peildatum itself (`1 okt`)."""
    maand = MAANDEN[d.month - 1][:3]
    if d == peildatum and (d + dt.timedelta(days=1)).day != 1:
        return f"{d.day} {maand}"
    return f"{maand} '{d.year % 100:02d}" if met_jaar else maand


def grafieken(rapporten_op: Rapporten, peildatum: dt.date) -> list[dict[str, Any]]:
    """The three plots: taakstelling over the year, waiting dossiers over a year, doorlooptijden."""
    jaar = maandeinden(dt.date(peildatum.year, 1, 1), peildatum)
    twaalf = maandeinden(dt.date(peildatum.year - 1, peildatum.month, 1), peildatum)
    rapporten = {d: r["huisvesting"] for d, r in rapporten_op(sorted({*jaar, *twaalf})).items()}
    taak = [rapporten[d]["taakstelling_jaar"] for d in jaar]
    verdeling = rapporten[peildatum].get("doorlooptijd_verdeling", [])
    return [
        {"id": "taakstelling", "titel": f"Taakstelling {peildatum.year}: gehuisvest tegen de opgave",
         "toelichting": "Personen, aan het eind van elke maand en op de peildatum.",
         "svg": Markup(lijngrafiek(
             f"Taakstelling {peildatum.year}", [_kort(d, peildatum, False) for d in jaar],
             [Reeks("opgave", [t["opgave"] for t in taak], KLEUREN[1]),
              Reeks("gehuisvest", [t["gerealiseerd"] for t in taak], KLEUREN[0])]))},
        {"id": "wachtend", "titel": "Open dossiers en dossiers over de termijn",
         "toelichting": "Huishoudens, aan het eind van elke maand van het afgelopen jaar en op de peildatum.",
         "svg": Markup(lijngrafiek(
             "Wachtende huishoudens", [_kort(d, peildatum, True) for d in twaalf],
             [Reeks("open dossiers", [rapporten[d]["dossiers_open"] for d in twaalf], KLEUREN[0]),
              Reeks("over de termijn", [rapporten[d]["dossiers_over_termijn"] for d in twaalf], KLEUREN[3])]))},
        {"id": "doorlooptijd", "titel": "Doorlooptijd van koppeling tot verhuizing",
         "toelichting": "Verhuizingen in het halfjaar tot en met de peildatum, per 10 weken.",
         "svg": Markup(staafgrafiek(
             "Doorlooptijd", [f"{b['van']}–{b['tot']}" if b["tot"] else f"{b['van']}+" for b in verdeling],
             [b["verhuizingen"] for b in verdeling], as_titel="dagen van koppeling tot verhuizing"))},
    ]


@functools.cache
def _omgeving() -> Environment:
    return Environment(loader=PackageLoader("services.rapportage", "templates"),
                       autoescape=select_autoescape(["html"]))
