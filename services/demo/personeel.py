"""The demo's staff: which command each outbound event of a scenario household leads to, and on which date."""

from __future__ import annotations

import datetime as dt
import heapq
import random
import uuid
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from events import huisvesting, inburgering, mzd
from events.envelope import Bericht
from services.runtime.application import AlVerwerkt, Conflict, WelkomApplication, Werkeenheid
from services.domain import Domeinfout
from services.demo.huishoudens import iban

LEERROUTES = (("B1", 60), ("onderwijsroute", 15), ("z-route", 25))
WEIGEREN, ZWIJGEN, TE_LAAT = 0.08, 0.04, 0.15
"""Of the offers: refused, never answered; of the accepted ones: moved in after the 2-week term."""
INTREKREDEN = "geen reactie binnen de verhuistermijn"
WEIGERREDENEN = ("past niet bij gezinssituatie", "te ver van werk of opleiding", "medische redenen",
                 "woning te klein voor het nareizende gezin")
Actie = Callable[[Any, Werkeenheid], object]
"""A command on a service's Application: (app, unit of work)."""


@dataclass(order=True, frozen=True)
class Opdracht:
    """One command a member of staff gives on a date; `sleutel` is its idempotency key."""

    datum: dt.date
    sleutel: str
    service: str = field(compare=False)
    soort: str = field(compare=False)
    actie: Actie = field(compare=False)


class Personeel:
    """Klantregisseurs, WBB and team A&I, deterministic per seed: they react to outbound events of
    the scenario's own persons only (a household someone else publishes is theirs), with commands
    dated after the event, carried out in date order up to the day the scenario has reached.

    Huisvesting: 8% refuse an offer, 4% never answer (the offer is withdrawn once the 2-week move
    term expired), the rest accept and most move within two weeks, 15% later. The IBAN of a main
    person is registered some weeks after the BSN is known, for a significant group months later.
    """

    def __init__(self, seed: int, personen: set[uuid.UUID]) -> None:
        self.seed = seed
        self.personen = personen
        self.agenda: list[Opdracht] = []
        self.gedaan: dict[str, int] = {}
        self.geweigerd: Counter[str] = Counter()
        """Commands a service refused (a domain rule, or conflicts that kept winning), by kind and reason."""

    def _rng(self, *delen: object) -> random.Random:
        return random.Random(":".join(str(d) for d in (self.seed, *delen)))

    def _plan(self, datum: dt.date, sleutel: str, service: str, soort: str, actie: Actie) -> None:
        heapq.heappush(self.agenda, Opdracht(datum, sleutel, service, soort, actie))

    def reageer(self, e: Bericht) -> None:
        """Plan the commands one outbound event asks for."""
        persoon = uuid.UUID(e.subject) if e.subject else None
        if persoon is None or persoon not in self.personen:
            return
        d: Any = e.data
        if e.type == huisvesting.WONING_AANGEBODEN:
            self._aanbod(persoon, d)
        elif e.type == huisvesting.HUISVESTINGSDOSSIER_GEBLOKKEERD and list(d.ontbreekt) == ["iban"]:
            self._iban(persoon, d.datum)
        elif e.type == inburgering.INBURGERINGSTRAJECT_GESTART:
            self._intake(persoon, d.koppeldatum)
        elif e.type == mzd.ZAAK_GEOPEND:
            self._bbb(persoon, d.besluitdatum)

    def _iban(self, persoon: uuid.UUID, bsn_bekend: dt.date) -> None:
        """Only the IBAN is missing: most get it registered within weeks, a significant group months
        later (seed 001 §2.1), a few not within the scenario."""
        rng = self._rng(persoon, "iban")
        kans = rng.random()
        if kans < 0.02:
            return
        if kans < 0.67:
            datum = bsn_bekend + dt.timedelta(days=rng.randint(7, 35))
        elif kans < 0.92:
            datum = bsn_bekend + dt.timedelta(days=rng.randint(36, 100))
        else:
            datum = bsn_bekend + dt.timedelta(days=rng.randint(101, 240))
        rekening = iban(rng)
        self._plan(datum, f"iban:{persoon}", "huisvesting", "iban",
                   lambda app, u: app.registreer_iban(u, persoon, rekening, datum))

    def _intake(self, persoon: uuid.UUID, koppeldatum: dt.date) -> None:
        rng = self._rng(persoon, "intake")
        if rng.random() < 0.8:
            datum = koppeldatum + dt.timedelta(days=rng.randint(20, 120))
            route = rng.choices([r for r, _ in LEERROUTES], [w for _, w in LEERROUTES])[0]
            self._plan(datum, f"intake:{persoon}", "inburgering", "intake",
                       lambda app, u: app.rond_intake_af(u, persoon, datum, route))

    def _bbb(self, persoon: uuid.UUID, besluitdatum: dt.date) -> None:
        if self._rng(persoon, "bbb").random() < 0.6:
            datum = besluitdatum + dt.timedelta(days=29)
            self._plan(datum, f"bbb:{persoon}", "mzd", "bbb", lambda app, u: app.laat_toe_tot_bbb(u, persoon, datum))

    def _aanbod(self, persoon: uuid.UUID, d: Any) -> None:
        """Refuse within days; or never answer, and staff withdraw the offer after the move term;
        or accept, and move within the 2-week term or (some) later."""
        rng = self._rng(persoon, d.woning_id)
        sleutel, woning, kans = f"{persoon}:{d.woning_id}", d.woning_id, rng.random()
        if kans < WEIGEREN:
            datum, reden = d.datum + dt.timedelta(days=rng.randint(2, 9)), rng.choice(WEIGERREDENEN)
            self._plan(datum, f"weiger:{sleutel}", "huisvesting", "geweigerd",
                       lambda app, u: app.weiger(u, persoon, woning, datum, reden))
        elif kans < WEIGEREN + ZWIJGEN:
            datum = d.verhuistermijn_verloopt_op + dt.timedelta(days=rng.randint(1, 10))
            self._plan(datum, f"trek-in:{sleutel}", "huisvesting", "ingetrokken",
                       lambda app, u: app.trek_in(u, persoon, woning, datum, INTREKREDEN))
        else:
            akkoord = d.datum + dt.timedelta(days=rng.randint(1, 6))
            dagen = rng.randint(16, 40) if rng.random() < TE_LAAT else rng.randint(7, 14)
            verhuis = d.datum + dt.timedelta(days=dagen)
            self._plan(akkoord, f"accepteer:{sleutel}", "huisvesting", "geaccepteerd",
                       lambda app, u: app.accepteer(u, persoon, woning, akkoord))
            self._plan(verhuis, f"verhuis:{sleutel}", "huisvesting", "verhuisd",
                       lambda app, u: app.verhuis(u, persoon, woning, verhuis))

    def werk_af(self, apps: Mapping[str, WelkomApplication], tot: dt.date) -> int:
        """Carry out every planned command dated up to `tot`, in date order; the number done."""
        gedaan = 0
        while self.agenda and self.agenda[0].datum <= tot:
            opdracht = heapq.heappop(self.agenda)
            app = apps.get(opdracht.service)
            if app is None:
                continue
            try:
                app.voer_uit(lambda u, o=opdracht, a=app: o.actie(a, u), f"demo:{opdracht.sleutel}")
            except AlVerwerkt:
                continue  # done in an earlier run on the same stores
            except (Domeinfout, Conflict) as e:
                self.geweigerd[f"{opdracht.soort}:{type(e).__name__}"] += 1
                continue
            self.gedaan[opdracht.soort] = self.gedaan.get(opdracht.soort, 0) + 1
            gedaan += 1
        return gedaan
