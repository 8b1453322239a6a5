"""The demo's mensen zonder documenten: about 80 people in BBB-opvang, a stable number of changing people, with the IND's decisions, the BBB organisations' placements and departures, and the mzd-medewerkers' work on each case.

One life per refused person (`leven`), drawn from the seed and the person alone, gives both what
the chain partners send (`gebeurtenissen`, in the scenario) and what the staff do once the case
opens (`werk`, planned by the demo's Personeel on `nl.mzd.zaak-geopend`), so the two always agree:
a placement comes in the month after the admission, staff act only while the case is open.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from events import bbb, ind
from services.demo.huishoudens import BEGIN, EINDE, Nummers, dag

IND = "urn:nld:oin:ind"
BESTAAND = 80
"""In BBB-opvang when the scenario starts (seed 001 §4.1: about 80 uitgeprocedeerden use it)."""
INSTROOM = (0, 1, 2, 2, 3, 3, 3, 4, 4, 5)
"""New uitgeprocedeerden from elsewhere with binding, per month (one drawn: 2.7 on average)."""
AANGESLOTEN = dt.date(2022, 5, 2)
"""The BBB organisations report on keten.bbb from this day: the stays of before come in then."""
ORGANISATIES = (("snov", 50), ("stichting-gast", 35), ("wereldvrouwenhuis", 15))
REDENEN = (("terugkeer", 14), ("doormigratie", 14), ("legalisering", 20), ("vertrokken-onbekend", 36),
           ("overleden", 3), ("overig", 13))
"""How a stay in BBB ends (the case's uitstroom): about a fifth by a permit after all."""
BBB_REDEN = {"overig": "andere-voorziening"}
"""The organisation's reason of the departure, where it differs from the case's."""
ZORG = (("somatisch", 40), ("psychisch", 25), ("mobiliteit", 20), ("cognitief", 10), ("verslaving", 5))
GRONDEN = ("verblijf-in-nijmegen", "laatste-opvang-in-nijmegen", "gezin-of-netwerk", "zorg-of-behandeling")
PERSPECTIEVEN = ("terugkeer", "doormigratie", "legalisering")


def _gekozen(rng: random.Random, keuzes: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in keuzes], [w for _, w in keuzes])[0]


@dataclass(frozen=True)
class Leven:
    """What happens to one refused person: in the chain (IND, BBB organisation) and at the gemeente."""

    vnummer: str
    besluit: dt.date
    aanvraag: dt.date | None = None
    beoordeling: dt.date | None = None
    toegelaten: bool = False
    direct: bool = False
    """Admitted before the scenario (the direct admission, no assessment recorded)."""
    grond: str | None = None
    organisatie: str | None = None
    geplaatst: dt.date | None = None
    einde: dt.date | None = None
    reden: str | None = None
    herhaald: dt.date | None = None
    tweede_besluit: dt.date | None = None
    perspectief: tuple[tuple[dt.date, str], ...] = ()
    zorg: tuple[dt.date, str] | None = None
    contactpersoon: tuple[dt.date, str] | None = None


def leven(seed: int, vnummer: str, besluit: dt.date, herhaling: bool = True) -> Leven:
    """The life of a person refused on `besluit`, the same for the scenario and for the staff. Refused
    before the scenario: in BBB already (admitted directly), leaving after months or years. Later:
    most apply weeks after the refusal (after the opvang ended), are assessed, and most are admitted
    and placed the month after; some file a repeat application and are refused again (not with
    `herhaling` False: the scenario's refused in COA opvang have one refusal each). Only the chain's
    events depend on `herhaling`, so the staff, who call this without it, see the same life."""
    rng = random.Random(f"{seed}:mzd:{vnummer}")
    if besluit < BEGIN:
        toelating = besluit + dt.timedelta(days=rng.randint(29, 60))
        geplaatst = toelating + dt.timedelta(days=rng.randint(0, 5))
        einde = AANGESLOTEN + dt.timedelta(days=8 + int(rng.expovariate(1 / 720)))
        return _verder(rng, Leven(vnummer, besluit, beoordeling=toelating, toegelaten=True, direct=True,
                                  organisatie=_gekozen(rng, ORGANISATIES), geplaatst=geplaatst), einde, herhaling)
    if rng.random() > 0.75:  # no application: most leave for somewhere unknown, some stay in touch
        return Leven(vnummer, besluit, **_uit_zicht(rng, besluit + dt.timedelta(days=rng.randint(240, 600))))
    aanvraag = besluit + dt.timedelta(days=rng.randint(29, 50))
    beoordeling = aanvraag + dt.timedelta(days=rng.randint(3, 12))
    if rng.random() < 0.15:  # no binding with Nijmegen, or an adequate voorliggende voorziening
        return Leven(vnummer, besluit, aanvraag, beoordeling, grond=None if rng.random() < 0.7 else rng.choice(GRONDEN),
                     **_uit_zicht(rng, beoordeling + dt.timedelta(days=rng.randint(240, 600))))
    volgende_maand = (beoordeling.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    geplaatst = volgende_maand + dt.timedelta(days=rng.randint(0, 9))
    basis = Leven(vnummer, besluit, aanvraag, beoordeling, True, grond=rng.choice(GRONDEN),
                  organisatie=_gekozen(rng, ORGANISATIES), geplaatst=geplaatst)
    return _verder(rng, basis, geplaatst + dt.timedelta(days=20 + int(rng.expovariate(1 / 720))), herhaling)


def _uit_zicht(rng: random.Random, datum: dt.date) -> dict[str, Any]:
    """A case without BBB-opvang: staff close most of them after many months without contact, the person
    gone to somewhere unknown."""
    return {"einde": datum, "reden": "vertrokken-onbekend"} if rng.random() < 0.7 else {}


def _verder(rng: random.Random, basis: Leven, einde: dt.date, herhaling: bool) -> Leven:
    """The rest of an admitted person's life: contact person, perspective, care need, a repeat
    application perhaps, and the end of the stay."""
    assert basis.beoordeling is not None and basis.geplaatst is not None
    reden = _gekozen(rng, REDENEN)
    begin = max(basis.geplaatst, AANGESLOTEN)
    eerste = "legalisering" if reden == "legalisering" else rng.choice(PERSPECTIEVEN)
    perspectief = [(begin + dt.timedelta(days=rng.randint(14, 70)), eerste)]
    if reden in ("terugkeer", "doormigratie") and reden != eerste:
        perspectief.append((einde - dt.timedelta(days=rng.randint(30, 90)), reden))
    herhaald = begin + dt.timedelta(days=rng.randint(60, 200))  # drawn always, so the later draws stay the same
    tweede: dt.date | None = herhaald + dt.timedelta(days=rng.randint(60, 180))
    if not (rng.random() < 0.08 and herhaling):
        tweede = None
    zorg = (begin + dt.timedelta(days=rng.randint(10, 60)), _gekozen(rng, ZORG)) if rng.random() < 0.18 else None
    contact = (begin + dt.timedelta(days=rng.randint(3, 20)), f"bz-{rng.randint(1, 12):04d}")
    open_tot = einde - dt.timedelta(days=1)
    if reden == "legalisering":  # the permit closes the case at once: the staff's last work in a month before it
        open_tot = einde.replace(day=1) - dt.timedelta(days=1)
    return Leven(**{**basis.__dict__, "einde": einde, "reden": reden,
                    "herhaald": herhaald if tweede and tweede < open_tot else None,
                    "tweede_besluit": tweede if tweede and tweede < open_tot else None,
                    "perspectief": tuple(p for p in perspectief if p[0] < open_tot),
                    "zorg": zorg if zorg and zorg[0] < open_tot else None,
                    "contactpersoon": contact if contact[0] < open_tot else None})


Uit = Callable[[str, str, dt.date, dict[str, Any]], None]
"""The scenario's generator of CloudEvents: (type, source, date that orders it, data)."""


def gebeurtenissen(uit: Uit, seed: int, afwijzingen: list[tuple[str, dt.date]]) -> None:
    """The chain's side of every life: the refusals of the 80 in BBB before the scenario and of the
    uitgeprocedeerden coming in each month (the scenario's own refusals, `afwijzingen`, it sent
    already), the organisations' placements and departures, the repeat applications and second
    refusals, and the permits after all. Events about a stay before the organisations reported on
    keten.bbb are registered on that day (their `time`), with their own dates."""
    rng = random.Random(f"{seed}:mzd")
    nummers = Nummers(rng, eerste_vnummer=3300000000)
    nieuw = [(nummers.vnummer(), dag(rng, dt.date(2017, 6, 1), BEGIN - dt.timedelta(days=62))) for _ in range(BESTAAND)]
    maand = BEGIN
    while maand <= EINDE:
        einde_maand = (maand.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        nieuw += [(nummers.vnummer(), dag(rng, maand, einde_maand)) for _ in range(rng.choice(INSTROOM))]
        maand = einde_maand + dt.timedelta(days=1)
    for vnummer, besluit in nieuw:
        uit(ind.ASIELAANVRAAG_AFGEWEZEN, IND, besluit, {"vnummer": vnummer, "besluitdatum": besluit.isoformat(),
                                                          "definitief": True})
    for vnummer, besluit, herhaling in [*((v, b, False) for v, b in afwijzingen), *((v, b, True) for v, b in nieuw)]:
        for type_, bron, wanneer, data in _keten(leven(seed, vnummer, besluit, herhaling)):
            if wanneer <= EINDE:
                uit(type_, bron, wanneer, data)


def _keten(v: Leven) -> Iterator[tuple[str, str, dt.date, dict[str, Any]]]:
    if v.herhaald and v.tweede_besluit:
        yield ind.ASIELAANVRAAG_INGEDIEND, IND, v.herhaald, {"vnummer": v.vnummer, "datum": v.herhaald.isoformat(),
                                                             "herhaald": True}
        yield ind.ASIELAANVRAAG_AFGEWEZEN, IND, v.tweede_besluit, {
            "vnummer": v.vnummer, "besluitdatum": v.tweede_besluit.isoformat(), "definitief": True}
    if v.organisatie is None or v.geplaatst is None:
        return
    bron = f"urn:nld:bbb:{v.organisatie}"
    yield bbb.PERSOON_GEPLAATST, bron, max(v.geplaatst, AANGESLOTEN), {
        "vnummer": v.vnummer, "organisatie": v.organisatie, "datum": v.geplaatst.isoformat()}
    if v.einde is None or v.reden is None:
        return
    vertrek = v.einde
    if v.reden == "legalisering":
        soort = "regulier" if int(v.vnummer) % 3 == 0 else "asiel"
        yield ind.VERBLIJFSVERGUNNING_VERLEEND, IND, v.einde, {"vnummer": v.vnummer,
                                                               "besluitdatum": v.einde.isoformat(), "soort": soort}
        vertrek = v.einde + dt.timedelta(days=14)
    yield bbb.PERSOON_VERTROKKEN, bron, vertrek, {"vnummer": v.vnummer, "organisatie": v.organisatie,
                                                  "datum": vertrek.isoformat(), "reden": BBB_REDEN.get(v.reden, v.reden)}


def werk(seed: int, vnummer: str, besluit: dt.date) -> Iterator[tuple[dt.date, str, str, str, dict[str, Any]]]:
    """The mzd-medewerkers' commands on the case opened on `besluit`: (date, idempotency key, command,
    what staff count it as, body fields besides vnummer and datum). Uitstroom legalisering is the IND's."""
    v, sleutel = leven(seed, vnummer, besluit), f"mzd:{vnummer}"
    if v.direct:
        yield v.beoordeling, f"{sleutel}:bbb", "bbb", "bbb", {}  # type: ignore[misc]
    elif v.aanvraag and v.beoordeling:
        yield v.aanvraag, f"{sleutel}:aanvraag", "vraag-bbb-aan", "bbb-aanvraag", {}
        yield v.beoordeling, f"{sleutel}:beoordeling", "beoordeel-bbb", "bbb-beoordeling", {
            "binding": v.grond is not None, "bindingsgrond": v.grond,
            "voorliggende_voorziening": not v.toegelaten and v.grond is not None}
    if v.contactpersoon:
        yield v.contactpersoon[0], f"{sleutel}:contact", "contactpersoon", "contactpersoon", {
            "contactpersoon": v.contactpersoon[1]}
    for i, (datum, perspectief) in enumerate(v.perspectief):
        yield datum, f"{sleutel}:perspectief:{i}", "perspectief", "perspectief", {"perspectief": perspectief}
    if v.zorg:
        yield v.zorg[0], f"{sleutel}:zorg", "zorgbehoefte", "zorgbehoefte", {"zorgbehoefte": v.zorg[1]}
    if v.einde and v.reden and v.reden != "legalisering":
        yield v.einde + dt.timedelta(days=3), f"{sleutel}:uitstroom", "uitstroom", "mzd-uitstroom", {
            "uitstroomreden": v.reden}
