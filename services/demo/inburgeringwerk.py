"""The demo's klantregisseurs: which inburgering command each published event of a person leads to, and on which date, with a waiting list for the brede intake."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from typing import Any

from events import inburgering as bus
from events.envelope import Bericht
from services.demo.huishoudens import gekozen
from services.domain.maanden import plus_maanden

Werk = tuple[dt.date, str, str, str, dict[str, Any]]
"""(date, idempotency key suffix, the command of inburgering's table, what staff count it as, its fields)."""

LEERROUTES = (("B1", 60), ("onderwijsroute", 15), ("z-route", 25))
GEZINSMIGRANT_ROUTES = (("B1", 75), ("onderwijsroute", 10), ("z-route", 15))
AANBIEDERS = {"B1": ("Taalschool Rijk van Nijmegen", "NT2 Nijmegen-Zuid", "Taalcentrum Dukenburg"),
              "onderwijsroute": ("Schakeltraject ROC", "Schakeljaar hbo"), "z-route": ("Z-route Wijland", "Taalcentrum Dukenburg")}
"""Fictitious providers of the five institutions that give the leerroutes in the Rijk van Nijmegen (seed 001 §3.1)."""
WACHTLIJST = ((dt.date.min, 0), (dt.date(2022, 7, 1), 14), (dt.date(2023, 1, 1), 35), (dt.date(2023, 7, 1), 49),
              (dt.date(2024, 1, 1), 63))
"""Design: the extra days before an invitation by the start's half year: the waiting list for the brede
intake grew as the caseload did (seed 001 §3.1: not every statushouder is invited within 10 weeks)."""
GEEN_INTAKE, LAAT_GESPREK, PIP_GEWIJZIGD, VERWIJTBAAR = 0.03, 0.15, 0.07, 0.08
"""Of the trajecten: never taken up in the scenario (moved away, no-show); of the voortgangsgesprekken: held
after their 6 months; of the PIPs: changed later; of the PVTs: signed late through the person's fault."""
OP_VERZOEK = 0.15
"""Of the persons under the old law: those who ask the gemeente for guidance."""


class Klantregisseurs:
    """The klantregisseurs of Team Inburgering, deterministic per seed: they invite a person whose
    traject started once the waiting list allows (a nareiziger once DUO confirmed the plicht: DUO
    signals no child), hold the brede intake, set the PIP and start its route (not a gezinsmigrant's),
    the PVT, the MAP, a Z-route's end, and hold a voortgangsgesprek every six months (some late) until
    the plicht ends. A traject that was not announced (a minor turning 18) is noticed when the clock
    records its intake term as expired. Under the old law some still obliged after their termijn ask
    for guidance."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.gezien: set[uuid.UUID] = set()
        self.wacht_op_plicht: dict[uuid.UUID, dt.date] = {}
        self.plichtig: set[uuid.UUID] = set()
        self.klaar: set[uuid.UUID] = set()
        self.doelgroep: dict[uuid.UUID, str] = {}
        self.oude_wet: set[uuid.UUID] = set()

    def _rng(self, persoon: uuid.UUID, stap: str) -> random.Random:
        return random.Random(f"{self.seed}:{persoon}:klantregisseur:{stap}")

    def reageer(self, persoon: uuid.UUID, e: Bericht) -> Iterator[Werk]:
        """The work one published event of this person asks for."""
        d: Any = e.data
        if e.type == bus.INBURGERINGSTRAJECT_GESTART:
            self.gezien.add(persoon)
            self.doelgroep[persoon] = d.doelgroep or "asielstatushouder"
            start = d.startdatum or d.koppeldatum
            if d.doelgroep == "nareiziger" and persoon not in self.plichtig:
                self.wacht_op_plicht[persoon] = start
            else:
                yield from self._uitnodiging(persoon, start, start)
        elif e.type == bus.INBURGERINGSPLICHT_ONTSTAAN:
            self.plichtig.add(persoon)
            if persoon in self.wacht_op_plicht:
                yield from self._uitnodiging(persoon, self.wacht_op_plicht.pop(persoon), d.begindatum)
            if d.regime == "oude-wet":
                self.oude_wet.add(persoon)
        elif e.type == bus.INBURGERINGSTERMIJN_VERSTREKEN and persoon in self.oude_wet:
            rng = self._rng(persoon, "verzoek")  # still obliged after the termijn: some ask for help
            if rng.random() < OP_VERZOEK:
                yield (d.verlopen_op + dt.timedelta(days=rng.randint(14, 120)), f"verzoek:{persoon}",
                       "oude-wet-verzoek", "oude-wet-verzoek", {})
        elif e.type == bus.INTAKETERMIJN_VERSTREKEN and persoon not in self.gezien:
            self.gezien.add(persoon)  # a minor's traject from their 18th birthday: noticed now, invited late
            yield from self._uitnodiging(persoon, d.verlopen_op, d.verlopen_op)
        elif e.type == bus.BREDE_INTAKE_AFGEROND:
            yield from self._pip(persoon, d.datum, d.leerroute)
        elif e.type == bus.PIP_VASTGESTELD:
            yield from self._plan(persoon, d)
        elif e.type == bus.VOORTGANGSGESPREK_GEVOERD and persoon not in self.klaar:
            yield self._gesprek(persoon, d.datum)
        elif e.type in (bus.INBURGERINGSPLICHT_BEEINDIGD, bus.Z_ROUTE_AFGEROND):
            self.klaar.add(persoon)

    def _uitnodiging(self, persoon: uuid.UUID, start: dt.date, vanaf: dt.date) -> Iterator[Werk]:
        """The invitation after the waiting list of the start's half year, then the brede intake."""
        rng = self._rng(persoon, "intake")
        if rng.random() < GEEN_INTAKE:
            return
        wacht = next(dagen for vanaf_, dagen in reversed(WACHTLIJST) if vanaf_ <= start)
        uitgenodigd = max(start, vanaf) + dt.timedelta(days=rng.randint(7, 35) + rng.randint(wacht // 2, wacht))
        intake = uitgenodigd + dt.timedelta(days=rng.randint(7, 21))
        routes = GEZINSMIGRANT_ROUTES if self.doelgroep.get(persoon) == "gezinsmigrant" else LEERROUTES
        yield uitgenodigd, f"uitnodiging:{persoon}", "nodig-uit", "uitnodiging", {}
        yield intake, f"intake:{persoon}", "intake", "intake", {"leerroute": gekozen(rng, routes)}

    def _pip(self, persoon: uuid.UUID, intake: dt.date, leerroute: str) -> Iterator[Werk]:
        """The PIP weeks after the intake, mostly with the intake's leerroute."""
        rng = self._rng(persoon, "pip")
        if rng.random() < 0.05:
            leerroute = rng.choice([r for r, _ in LEERROUTES if r != leerroute])
        yield intake + dt.timedelta(days=rng.randint(10, 42)), f"pip:{persoon}", "pip", "pip", _pip_velden(rng, leerroute)

    def _plan(self, persoon: uuid.UUID, d: Any) -> Iterator[Werk]:
        """What a PIP sets in motion: route start, PVT, perhaps a changed PIP, MAP, the first
        voortgangsgesprek and a Z-route's end."""
        rng, pip = self._rng(persoon, "plan"), d.dagtekening
        route, start = d.leerroute, pip + dt.timedelta(days=rng.randint(14, 56))
        if d.gefinancierd:
            yield start, f"route:{persoon}", "start-route", "leerroute", {}
        pvt = pip + dt.timedelta(days=rng.randint(300, 420) if rng.random() < VERWIJTBAAR else rng.randint(60, 270))
        yield pvt, f"pvt:{persoon}", "pvt", "pvt", {"verwijtbaar": pvt > pip + dt.timedelta(days=300)}
        if rng.random() < PIP_GEWIJZIGD and route != "onderwijsroute":
            route = "z-route" if route == "B1" else "B1"
            yield (pip + dt.timedelta(days=rng.randint(60, 200)), f"pip-wijziging:{persoon}", "wijzig-pip",
                   "pip-gewijzigd", _pip_velden(rng, route))
        if route != "onderwijsroute":
            yield pip + dt.timedelta(days=rng.randint(210, 420)), f"map:{persoon}", "map", "map", {}
        if route == "z-route":
            yield start + dt.timedelta(days=rng.randint(420, 900)), f"z-route:{persoon}", "z-route", "z-route", {}
        yield self._gesprek(persoon, pip)

    def _gesprek(self, persoon: uuid.UUID, vorige: dt.date) -> Werk:
        """The next voortgangsgesprek: within six months of the PIP or the last one, some later."""
        rng = self._rng(persoon, f"gesprek:{vorige}")
        termijn = (plus_maanden(vorige, 6) - vorige).days
        dagen = termijn + rng.randint(5, 60) if rng.random() < LAAT_GESPREK else termijn - rng.randint(0, 45)
        datum = vorige + dt.timedelta(days=dagen)
        return datum, f"gesprek:{persoon}:{datum}", "voortgangsgesprek", "voortgangsgesprek", {}


def _pip_velden(rng: random.Random, leerroute: str) -> dict[str, Any]:
    niveau = {"B1": "B1", "onderwijsroute": gekozen(rng, (("B1", 70), ("B2", 30))), "z-route": "A1"}[leerroute]
    alfabetisering = (gekozen(rng, (("A", 45), ("AA", 20), ("NVT", 35))) if leerroute == "z-route"
                      else gekozen(rng, (("AA", 8), ("NVT", 92))) if leerroute == "B1" else "NVT")
    return {"leerroute": leerroute, "niveau": niveau, "alfabetisering": alfabetisering,
            "aanbieder": rng.choice(AANBIEDERS[leerroute])}
