"""DUO's signals on keten.duo in the demo: the plicht, termijn, exams and outcome of the scenario's statushouders, of gezinsmigranten and of the old law."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from events import duo
from services.demo.huishoudens import EINDE, Huishouden, Nummers, dag, gekozen
from services.demo.opvang import Uit
from services.domain.leeftijd import MEERDERJARIG, leeftijd, meerderjarig_op
from services.domain.maanden import plus_maanden
from services.inburgering.domain.inburgeringsplicht import WI2021
from services.rapportage.regels import procent

DUO = "urn:nld:oin:duo"
GEZINSMIGRANTEN_PER_JAAR = 150
"""Gezinsmigranten whose plicht begins per year at BASIS (seed 001 §3.1: about 350 under the new law at a time)."""
OUDE_WET = 600
"""Persons under the old law registered at BASIS, their plicht begun 2017 to mid-2021 (seed 001 §3.1: about 300 still)."""
VERHUISD_NAAR_NIJMEGEN = 12
"""Persons DUO signals as settled in Nijmegen from another gemeente (SS121) whom welkom does not know (design)."""
ONTBREEKT, LAAT = 0.03, 0.10
"""Of the statushouders: DUO's plicht signal never comes; it comes 9-20 weeks late (the chain loses people)."""
NA_DRIE_JAAR = (("geslaagd", 59), ("nog", 22), ("vrij", 18), ("overig", 1))
"""The status three years after the begindatum under the Wet inburgering 2021 (seed 004 §6.2: 101, 38, 30, 2 of 171)."""
NA_DRIE_JAAR_OUD = (("geslaagd", 30), ("nog", 55), ("vrij", 12), ("overig", 3))
"""Design: the old law's inburgeraars, many still obliged years after their termijn."""
ONDERDELEN = ("LE", "LU", "SC", "SP", "KNM", "ONA")


@dataclass(frozen=True)
class _Persoon:
    """Whom DUO signals about: the V-nummer, maybe a BSN (known to DUO from `bsn_op`; `brp`: from the
    BRP registration welkom saw), the begindatum."""

    vnummer: str
    begindatum: dt.date
    doelgroep: str = "asielstatushouder"
    bsn: str | None = None
    bsn_op: dt.date | None = None
    brp: bool = False


def duo_signalen(uit: Uit, rng: random.Random, huishoudens: Iterable[Huishouden],
                 ingeschreven: Iterable[dict[str, Any]], schaal: float, einde: dt.date = EINDE) -> None:
    """DUO's signals up to `einde`: for every adult statushouder of the koppelingen, every adult
    nareiziger and every child turning 18 (a few never signalled, some late); for gezinsmigranten
    from July 2021 and for persons under the old law (DUO-only persons, with V-nummer and BSN); and
    for a few persons settled here from another gemeente whom welkom does not know. `ingeschreven`:
    the BRP registrations' data (a BSN known to DUO from then); `schaal`: households per year / BASIS."""
    bsns = {i["vnummer"]: (i["bsn"], dt.date.fromisoformat(i["datum"])) for i in ingeschreven}
    zender = _Zender(uit, rng, einde)
    for h in huishoudens:
        for lid in h.leden:
            minderjarig = leeftijd(lid.geboortedatum, h.koppeldatum) < MEERDERJARIG
            start = meerderjarig_op(lid.geboortedatum) if minderjarig else h.koppeldatum
            zender.statushouder(_Persoon(lid.vnummer, start, "asielstatushouder", *bsns.get(lid.vnummer, (None, None)),
                                         brp=True))
        for lid, besluit in h.nareizigers:
            if leeftijd(lid.geboortedatum, besluit) >= MEERDERJARIG:
                zender.statushouder(_Persoon(lid.vnummer, besluit, "asielstatushouder",
                                             *bsns.get(lid.vnummer, (None, None)), brp=True))
    nummers = Nummers(rng, eerste_vnummer=3400000000)
    nummers.bsns.update(b for b, _ in bsns.values())
    for _ in range(round(GEZINSMIGRANTEN_PER_JAAR * schaal * (einde - WI2021).days / 365)):
        begin = dag(rng, WI2021, einde)
        zender.plichtig(_Persoon(nummers.vnummer(), begin, "gezinsmigrant", nummers.bsn(), begin), NA_DRIE_JAAR)
    nummers.volgnummer = 3500000000
    for _ in range(round(OUDE_WET * schaal)):
        begin = dag(rng, dt.date(2017, 1, 1), WI2021 - dt.timedelta(days=1))
        doelgroep = gekozen(rng, (("asielstatushouder", 70), ("gezinsmigrant", 30)))
        zender.plichtig(_Persoon(nummers.vnummer(), begin, doelgroep, nummers.bsn(), begin), NA_DRIE_JAAR_OUD)
    nummers.volgnummer = 3600000000
    for _ in range(max(1, round(VERHUISD_NAAR_NIJMEGEN * schaal))):
        datum = dag(rng, dt.date(2022, 6, 1), einde)
        zender.zend("SS121", _Persoon(nummers.vnummer(), datum), datum + dt.timedelta(days=rng.randint(3, 20)),
                    datum=datum.isoformat())


class _Zender:
    """Writes DUO's signals of one person at a time, each dated by DUO's registratiedatum (up to `einde`)."""

    def __init__(self, uit: Uit, rng: random.Random, einde: dt.date) -> None:
        self.uit, self.rng, self.einde = uit, rng, einde

    def zend(self, code: str, p: _Persoon, registratie: dt.date, **gegevens: Any) -> None:
        """One signal, with the V-nummer and (when DUO knows it by then) the BSN; a few with the BSN only,
        when the BRP registered it a month before (so welkom has matched the BSN to the person)."""
        if registratie > self.einde:
            return
        data: dict[str, Any] = {"gebeurtenis_id": code, "vnummer": p.vnummer,
                                "registratiedatum": registratie.isoformat(), "gegevens": gegevens}
        if p.bsn is not None and p.bsn_op is not None and p.bsn_op <= registratie:
            data["bsn"] = p.bsn
            vorige_maand = registratie.replace(day=1) - dt.timedelta(days=1)
            if p.brp and p.bsn_op <= vorige_maand and self.rng.random() < 0.05:
                del data["vnummer"]
        self.uit(duo.DUO_SIGNAAL_ONTVANGEN, DUO, registratie, data)

    def statushouder(self, p: _Persoon) -> None:
        """A statushouder's signals from the start of their traject, if that lies within the scenario."""
        if p.begindatum > self.einde:
            return
        kans = self.rng.random()
        if kans < ONTBREEKT:
            return
        vertraging = self.rng.randint(63, 140) if kans < ONTBREEKT + LAAT else self.rng.randint(7, 42)
        self.plichtig(p, NA_DRIE_JAAR, vertraging, code="SS139" if self.rng.random() < 0.3 else "SS101")

    def plichtig(self, p: _Persoon, uitkomsten: tuple[tuple[str, int], ...], vertraging: int | None = None,
                 code: str = "SS101") -> None:
        """The plicht and its 3-year termijn, the leerbaarheidstoets for some, exams, and the outcome
        drawn from `uitkomsten` (dated so that the status three years on has those shares)."""
        rng, b = self.rng, p.begindatum
        registratie = b + dt.timedelta(days=vertraging if vertraging is not None else rng.randint(7, 42))
        self.zend(code, p, registratie, begindatum=b.isoformat(), doelgroep=p.doelgroep)
        drie_jaar = plus_maanden(b, 36)
        self.zend("SS102", p, registratie + dt.timedelta(days=rng.randint(0, 14)), startdatum=b.isoformat(),
                  einddatum=drie_jaar.isoformat())
        if rng.random() < 0.10:
            toets = registratie + dt.timedelta(days=rng.randint(20, 90))
            self.zend("SS137", p, toets, datum=toets.isoformat())
            uitslag = toets + dt.timedelta(days=rng.randint(14, 40))
            self.zend("SS131", p, uitslag, datum=uitslag.isoformat(),
                      uitslag=gekozen(rng, (("voldoende", 60), ("onvoldoende", 40))))
        if p.doelgroep == "gezinsmigrant" and rng.random() < 0.02:
            gewijzigd = registratie + dt.timedelta(days=rng.randint(2, 20))
            self.zend("SS125", p, gewijzigd, datum=gewijzigd.isoformat(), doelgroep="asielstatushouder")
        if rng.random() < 0.02:
            self._geschorst(p, registratie)
            return
        uitkomst = gekozen(rng, uitkomsten)
        if uitkomst == "geslaagd":
            self._examens(p, plus_maanden(b, rng.randint(15, 35)), geslaagd=True)
        elif uitkomst == "nog":
            if rng.random() < (0.5 if b >= WI2021 else 0.2):
                self._examens(p, plus_maanden(b, rng.randint(37, 54)), geslaagd=True)
            else:
                self._examens(p, plus_maanden(b, rng.randint(20, 34)), geslaagd=False)
            if rng.random() < 0.5:
                besluit = drie_jaar - dt.timedelta(days=rng.randint(10, 60))
                self.zend(gekozen(rng, (("SS103", 1), ("SS104", 1))), p, besluit,
                          einddatum=plus_maanden(drie_jaar, rng.choice((6, 12))).isoformat(),
                          grond=gekozen(rng, (("niet verwijtbaar", 60), ("onderwijsroute", 25), ("ziekte", 15))))
        elif uitkomst == "vrij":
            datum = plus_maanden(b, rng.randint(6, 34))
            if rng.random() < 0.4:
                self.zend("SS107", p, datum + dt.timedelta(days=rng.randint(1, 14)), datum=datum.isoformat())
            else:
                self.zend("SS108", p, datum + dt.timedelta(days=rng.randint(1, 14)), datum=datum.isoformat(),
                          grond=gekozen(rng, (("MED", 55), ("BIO", 45))))
        else:
            datum = plus_maanden(b, rng.randint(3, 34))
            if rng.random() < 0.8:
                self.zend("SS110", p, datum + dt.timedelta(days=rng.randint(1, 30)), datum=datum.isoformat(),
                          reden="vertrokken naar het buitenland")
            else:
                self.zend("SS111", p, datum + dt.timedelta(days=rng.randint(1, 30)), datum=datum.isoformat())

    def _examens(self, p: _Persoon, laatste: dt.date, *, geslaagd: bool) -> None:
        """Exam results in the months up to `laatste`: the last two onderdelen passed (one perhaps failed
        first), then the diploma (SS106); or (not `geslaagd`) one or two taken, some failed. Under the old
        law only the diploma (DUO's signals of exams belong to the Wet inburgering 2021)."""
        rng = self.rng
        niveau = "A1" if rng.random() < 0.2 else "B1"
        for onderdeel in rng.sample(ONDERDELEN, 2 if geslaagd else rng.randint(1, 2)):
            examen = laatste - dt.timedelta(days=rng.randint(14, 150))
            resultaat = "geslaagd" if geslaagd else gekozen(rng, (("geslaagd", 45), ("gezakt", 50), ("geen", 5)))
            if geslaagd and rng.random() < 0.2:
                eerder = examen - dt.timedelta(days=rng.randint(40, 120))
                self._examen(p, eerder, onderdeel, niveau, "gezakt")
            self._examen(p, examen, onderdeel, niveau, resultaat)
        if geslaagd:
            self.zend("SS106", p, laatste + dt.timedelta(days=rng.randint(7, 28)), datum=laatste.isoformat())

    def _examen(self, p: _Persoon, examen: dt.date, onderdeel: str, niveau: str, resultaat: str) -> None:
        if examen > p.begindatum >= WI2021:
            self.zend("SS199", p, examen + dt.timedelta(days=self.rng.randint(10, 35)), examendatum=examen.isoformat(),
                      onderdeel=onderdeel, niveau=niveau, resultaat=resultaat)

    def _geschorst(self, p: _Persoon, registratie: dt.date) -> None:
        """A tijdelijke vrijstelling (SS109), withdrawn months later (SS129: the plicht runs again)."""
        rng = self.rng
        datum = registratie + dt.timedelta(days=rng.randint(60, 240))
        self.zend("SS109", p, datum + dt.timedelta(days=rng.randint(1, 14)), datum=datum.isoformat())
        weer = datum + dt.timedelta(days=rng.randint(150, 360))
        self.zend("SS129", p, weer + dt.timedelta(days=rng.randint(1, 14)), begindatum=weer.isoformat(),
                  doelgroep=p.doelgroep)



def regel(peildatum: dt.date, rapport: dict[str, Any]) -> str:
    """The demo's line of inburgering's figures on a peildatum."""
    i = rapport.get("inburgering", {})
    caseload, tijdig, lijst = i.get("caseload") or {}, i.get("leerroutes_binnen_10_weken") or {}, i.get("aandachtslijst") or {}
    return (f"demo: peildatum {peildatum}: inburgering caseload {', '.join(f'{d} {n}' for d, n in caseload.items())}; "
            f"wachtlijst intake {i.get('intake_wachtlijst')}; leerroute binnen 10 weken {procent(tijdig.get('aandeel'))} "
            f"(van {tijdig.get('gezet')}); aandachtslijst {lijst.get('totaal')} (geen DUO-signaal "
            f"{lijst.get('zonder_duo_signaal')}, onbekend bij DUO {lijst.get('onbekend_bij_duo')})")
