"""A realistic Nijmegen for the demo: the chain's inputs from April 2022 to the end of 2024, deterministic per seed."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from typing import Any

from events import brp, coa, corporaties, ind, rijk
from services.demo import begeleiding, inburgering, mzd, opvang
from services.demo.huishoudens import (
    BASIS,
    BEGIN,
    EINDE,
    GEMEENTECODE,
    TAAKSTELLINGEN,
    Huishouden,
    Nummers,
    bsn_datum,
    dag,
    koppelingen,
    woningen,
)
from services.demo.locaties import AMV_LOCATIE, COA_LOCATIES
from services.demo.opvang import COA, RIJK

JAAR = 2024
LOCATIES = tuple(loc.locatie_id for loc in COA_LOCATIES)
IND = "urn:nld:oin:ind"
BRP, WBB = "urn:nld:brp:nijmegen", "urn:nld:wbb-nijmegen"


class _Uit:
    """The events being generated, each with the date that orders it."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.events: list[tuple[dt.date, dict[str, Any]]] = []

    def __call__(self, type_: str, bron: str, datum: dt.date, data: dict[str, Any]) -> None:
        self.events.append((datum, {
            "specversion": "1.0",
            "id": str(uuid.UUID(int=self.rng.getrandbits(128), version=4)),
            "source": bron,
            "type": type_,
            "time": f"{datum.isoformat()}T09:00:00Z",
            "datacontenttype": "application/json",
            "data": data,
        }))

    def gesorteerd(self) -> list[dict[str, Any]]:
        return [ce for _, ce in sorted(self.events, key=lambda t: (t[0], t[1]["type"], t[1]["id"]))]


def genereer(huishoudens: int = BASIS, seed: int = JAAR) -> list[dict[str, Any]]:
    """Inbound CloudEvents, sorted by date: the taakstellingen of 2023 (393) and 2024 (364); for
    `huishoudens` households a year from April 2022 (nine months already waiting in 2023) their COA
    placements (with birth dates, some with a bijzondere behoefte) and moves, asylum permits, BRP
    registrations and koppeling, and nareizigers' permits; homes of 2023 and 2024 that leave an
    achterstand; asylum refusals, most of them of persons in opvang who then leave; the
    Spreidingswet taakstelling and COA's locations, the asylum seekers in the gemeente's TGO, and
    the extension of the temporary protection (`services/demo/opvang.py`).

    Opvang's details draw from a generator of their own and its events come last, so the draws
    (and figures) of huisvesting, inburgering and mzd are those of the scenario before opvang had them."""
    rng = random.Random(seed)
    orng = random.Random(f"{seed}:opvang")
    uit = _Uit(rng)
    nummers = Nummers(rng)
    later: list[tuple[Huishouden, str, str, dt.date]] = []
    """Households moved, (household, from, to, date): some are moved back, after every other draw."""
    for periode, datum, aantal, amv_aantal in TAAKSTELLINGEN:
        data: dict[str, Any] = {"gemeentecode": GEMEENTECODE, "periode": periode, "aantal": aantal}
        if amv_aantal is not None:
            data["amv_aantal"] = amv_aantal
        uit(rijk.TAAKSTELLING_VASTGESTELD, RIJK, datum, data)
    gekoppeld = koppelingen(rng, nummers, huishoudens)
    for huishouden in gekoppeld:
        _huishouden(uit, rng, nummers, huishouden, orng, later)
    for woning in woningen(rng, huishoudens / BASIS):
        uit(corporaties.WONING_BESCHIKBAAR_GESTELD, WBB, woning.gemeld_op, {
            "woning_id": woning.woning_id, "wijk": woning.wijk, "soort": woning.soort,
            "max_bewoners": woning.max_bewoners, "beschikbaar_per": woning.beschikbaar_per.isoformat()})
    afwijzingen = []
    for jaar in (2023, 2024):
        for _ in range(max(1, huishoudens // 6)):
            besluit = dag(rng, dt.date(jaar, 1, 2), dt.date(jaar, 12, 1))
            afwijzingen.append((nummers.vnummer(), besluit))
            uit(ind.ASIELAANVRAAG_AFGEWEZEN, IND, besluit, {
                "vnummer": afwijzingen[-1][0], "besluitdatum": besluit.isoformat(), "definitief": True})
    opvang.spreidingswet(uit)  # opvang's own events last, so every other event keeps the draws it had
    for h, van, naar, datum in later:
        opvang.terug(orng, uit, h, van, naar, datum)
    opvang.afgewezen(uit, orng, afwijzingen, EINDE)
    opvang.tgo(uit, orng, Nummers(orng, eerste_vnummer=3200000000), EINDE)
    opvang.bescherming_verlengd(uit)
    mzd.gebeurtenissen(uit, seed, afwijzingen)  # the BBB-opvang, from a generator of its own
    begeleiding.vwn_events(uit, random.Random(f"{seed}:begeleiding"),
                           [ce["data"] for _, ce in uit.events if ce["type"] == coa.GEKOPPELD_AAN_GEMEENTE], EINDE)
    inburgering.duo_signalen(uit, random.Random(f"{seed}:inburgering"), gekoppeld,  # DUO's last: the others' draws stay
                             [ce["data"] for _, ce in uit.events if ce["type"] == brp.INGESCHREVEN_IMMIGRATIE],
                             huishoudens / BASIS)
    return uit.gesorteerd()


def _huishouden(uit: _Uit, rng: random.Random, nummers: Nummers, h: Huishouden, orng: random.Random,
                later: list[tuple[Huishouden, str, str, dt.date]] | None = None) -> None:
    """One household's way through the chain up to koppeling, and its nareizigers; opvang's
    details drawn from `orng`, the moves (to be moved back later) added to `later`."""
    geplaatst = h.koppeldatum - dt.timedelta(days=rng.randint(120, 330))
    besluit = h.koppeldatum - dt.timedelta(days=rng.randint(14, 42))
    locatie = AMV_LOCATIE if h.amv else opvang.locatie(orng, rng.choice(LOCATIES))
    verplaatst = (geplaatst + dt.timedelta(days=rng.randint(20, 90))
                  if not h.amv and rng.random() < opvang.VERPLAATST else None)
    naar = LOCATIES[1 - LOCATIES.index(locatie)] if verplaatst is not None else locatie
    if verplaatst is not None and later is not None:
        later.append((h, locatie, naar, verplaatst))
    for lid, behoefte in zip(h.leden, opvang.behoeften(orng, h.leden, geplaatst, h.amv)):
        opvang.geplaatst(uit, lid, locatie, geplaatst, behoefte)
        if verplaatst is not None:
            opvang.verplaatst(uit, lid, locatie, naar, verplaatst)
        uit(ind.VERBLIJFSVERGUNNING_VERLEEND, IND, besluit, {
            "vnummer": lid.vnummer, "besluitdatum": besluit.isoformat(), "soort": "asiel"})
        _inschrijving(uit, rng, nummers, lid.vnummer, besluit)
    uit(coa.GEKOPPELD_AAN_GEMEENTE, COA, h.koppeldatum, {
        "vnummer": h.hoofd.vnummer, "gemeentecode": GEMEENTECODE, "koppeldatum": h.koppeldatum.isoformat(),
        "huishouden": [{"vnummer": lid.vnummer, "geboortedatum": lid.geboortedatum.isoformat()} for lid in h.leden]})
    for lid, nareis in h.nareizigers:
        uit(ind.VERBLIJFSVERGUNNING_VERLEEND, IND, nareis, {
            "vnummer": lid.vnummer, "besluitdatum": nareis.isoformat(), "soort": "nareis",
            "referent_vnummer": h.hoofd.vnummer, "geboortedatum": lid.geboortedatum.isoformat()})
        _inschrijving(uit, rng, nummers, lid.vnummer, nareis)


def _inschrijving(uit: _Uit, rng: random.Random, nummers: Nummers, vnummer: str, vanaf: dt.date) -> None:
    """The BRP registration (with a BSN) after a permit, when it happens within the scenario."""
    datum = bsn_datum(rng, vanaf)
    if datum is not None:
        uit(brp.INGESCHREVEN_IMMIGRATIE, BRP, datum,
            {"vnummer": vnummer, "bsn": nummers.bsn(), "datum": datum.isoformat()})


def perioden(scenario: list[dict[str, Any]], begin: dt.date = BEGIN,
             laatste: dt.date = EINDE) -> Iterator[tuple[dt.date, list[dict[str, Any]]]]:
    """The scenario in steps of a calendar month from `begin` (everything before in the first
    step) to `laatste`, each with its last day: the demo publishes a step, then lets the staff act
    up to that day."""
    stap: list[dict[str, Any]] = []
    einde = _maandeinde(begin)
    for e in scenario:
        datum = dt.date.fromisoformat(e["time"][:10])
        while datum > einde:
            yield einde, stap
            stap, einde = [], _maandeinde(einde + dt.timedelta(days=1))
        stap.append(e)
    while einde <= laatste:
        yield einde, stap
        stap, einde = [], _maandeinde(einde + dt.timedelta(days=1))


def _maandeinde(datum: dt.date) -> dt.date:
    volgende = (datum.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return volgende - dt.timedelta(days=1)
