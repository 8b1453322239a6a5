"""The demo's staff: which command each outbound event of a scenario household leads to, and on which date."""

from __future__ import annotations

import datetime as dt
import heapq
import random
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from events import huisvesting, inburgering, mzd
from events.envelope import Bericht
from services import catalogus
from services.demo import begeleiding
from services.demo.huishoudens import EINDE, iban
from services.demo.inburgeringwerk import Klantregisseurs
from services.demo.mzd import werk as mzd_werk
from services.runtime.commands import Opdracht

WEIGEREN, ZWIJGEN, TE_LAAT = 0.08, 0.04, 0.15
"""Of the offers: refused, never answered; of the accepted ones: moved in after the 2-week term."""
INTREKREDEN = "geen reactie binnen de verhuistermijn"
WEIGERREDENEN = ("past niet bij gezinssituatie", "te ver van werk of opleiding", "medische redenen",
                 "woning te klein voor het nareizende gezin")
OPDRACHTEN = {(o.service, o.naam): o for s in catalogus.alle() for o in s.commands}
"""Every staff command, from the services' command tables."""


class Http(Protocol):
    """An HTTP client on the running API (httpx.Client, or a TestClient in tests)."""

    def post(self, url: str, *, json: Any, headers: dict[str, str]) -> Any: ...


@dataclass(order=True, frozen=True)
class Gepland:
    """One command a member of staff gives on a date; `sleutel` is its idempotency key."""

    datum: dt.date
    sleutel: str
    opdracht: Opdracht[Any] = field(compare=False)
    body: dict[str, Any] = field(compare=False)
    soort: str = field(compare=False)


class Personeel:
    """Klantregisseurs, WBB, team A&I and opvang-medewerkers, deterministic per seed: they react to
    outbound events of the scenario's own persons only (a household someone else publishes is
    theirs), with commands dated after the event, and do the work planned for them (`plan`), all
    carried out in date order up to the day the scenario has reached.

    Huisvesting: 8% refuse an offer, 4% never answer (the offer is withdrawn once the 2-week move
    term expired), the rest accept and most move within two weeks, 15% later. The IBAN of a main
    person is registered some weeks after the BSN is known, for a significant group months later.
    """

    def __init__(self, seed: int, personen: dict[uuid.UUID, str]) -> None:
        self.seed = seed
        self.personen = personen
        """The scenario's people: persoon_id -> V-nummer (staff know their clients' V-nummers)."""
        self.agenda: list[Gepland] = []
        self.gedaan: dict[str, int] = {}
        self.geweigerd: Counter[str] = Counter()
        """Commands a service refused (a domain rule, or conflicts that kept winning), by kind and reason."""
        self.klantregisseurs = Klantregisseurs(seed)

    def _rng(self, *delen: object) -> random.Random:
        return random.Random(":".join(str(d) for d in (self.seed, *delen)))

    def _plan(self, datum: dt.date, sleutel: str, opdracht: tuple[str, str], soort: str, persoon: uuid.UUID,
              **velden: Any) -> None:
        """Plan one command of a service's table, with its body as staff would send it."""
        body = {"vnummer": self.personen[persoon], "datum": datum.isoformat(), **velden}
        heapq.heappush(self.agenda, Gepland(datum, sleutel, OPDRACHTEN[opdracht], body, soort))

    def plan(self, werk: Iterable[Gepland]) -> None:
        """Add work staff do on their own, not in reaction to an event: opvang's (`opvangwerk.werk`)."""
        for gepland in werk:
            heapq.heappush(self.agenda, gepland)

    def reageer(self, e: Bericht) -> None:
        """Plan the commands one outbound event asks for."""
        persoon = uuid.UUID(e.subject) if e.subject else None
        if persoon is None or persoon not in self.personen:
            return
        d: Any = e.data
        for datum, sleutel, opdracht, soort, velden in self.klantregisseurs.reageer(persoon, e):
            self._plan(datum, sleutel, ("inburgering", opdracht), soort, persoon, **velden)
        if e.type == huisvesting.WONING_AANGEBODEN:
            self._aanbod(persoon, d)
        elif e.type == huisvesting.HUISVESTINGSDOSSIER_GEBLOKKEERD and list(d.ontbreekt) == ["iban"]:
            self._iban(persoon, d.datum)
        elif e.type == inburgering.BREDE_INTAKE_AFGEROND:  # the klantregisseur measures participatie from then on
            for datum, opdracht, stap, velden in begeleiding.metingen(self._rng(persoon, "participatie"), d.datum, EINDE):
                self._plan(datum, f"{stap}:{persoon}", ("inburgering", opdracht), opdracht, persoon, **velden)
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
        self._plan(datum, f"iban:{persoon}", ("huisvesting", "iban"), "iban", persoon, iban=iban(rng))

    def _bbb(self, persoon: uuid.UUID, besluitdatum: dt.date) -> None:
        """The mzd-medewerkers' work on the case: the life the scenario plays for this person (`mzd.werk`)."""
        for datum, sleutel, opdracht, soort, velden in mzd_werk(self.seed, self.personen[persoon], besluitdatum):
            self._plan(datum, sleutel, ("mzd", opdracht), soort, persoon, **velden)

    def _aanbod(self, persoon: uuid.UUID, d: Any) -> None:
        """Refuse within days; or never answer, and staff withdraw the offer after the move term;
        or accept, and move within the 2-week term or (some) later."""
        rng = self._rng(persoon, d.woning_id)
        sleutel, woning, kans = f"{persoon}:{d.woning_id}", d.woning_id, rng.random()
        if kans < WEIGEREN:
            datum, reden = d.datum + dt.timedelta(days=rng.randint(2, 9)), rng.choice(WEIGERREDENEN)
            self._plan(datum, f"weiger:{sleutel}", ("huisvesting", "weiger"), "geweigerd", persoon,
                       woning_id=woning, reden=reden)
        elif kans < WEIGEREN + ZWIJGEN:
            datum = d.verhuistermijn_verloopt_op + dt.timedelta(days=rng.randint(1, 10))
            self._plan(datum, f"trek-in:{sleutel}", ("huisvesting", "trek-in"), "ingetrokken", persoon,
                       woning_id=woning, reden=INTREKREDEN)
        else:
            akkoord = d.datum + dt.timedelta(days=rng.randint(1, 6))
            dagen = rng.randint(16, 40) if rng.random() < TE_LAAT else rng.randint(7, 14)
            verhuis = d.datum + dt.timedelta(days=dagen)
            self._plan(akkoord, f"accepteer:{sleutel}", ("huisvesting", "accepteer"), "geaccepteerd", persoon,
                       woning_id=woning)
            self._plan(verhuis, f"verhuis:{sleutel}", ("huisvesting", "verhuis"), "verhuisd", persoon,
                       woning_id=woning)

    def werk_af(self, http: Http, tot: dt.date, kop: Callable[[str, str], dict[str, str]] | None = None) -> int:
        """Send every planned command dated up to `tot` to the HTTP API, in date order, as staff
        do, each with the token `kop(subject, role)` of a member of staff in the command's role
        (none for a counter that calls the command tables itself, as the bench's);
        the number carried out. A refusal (422: a domain rule, 409: conflicts kept winning) is
        counted by kind and reason; any other error is a fault of the demo and stops it."""
        gedaan = 0
        while self.agenda and self.agenda[0].datum <= tot:
            gepland = heapq.heappop(self.agenda)
            antwoord = http.post(gepland.opdracht.url, json=gepland.body,
                                 headers={"Idempotency-Key": f"demo:{gepland.sleutel}",
                                          **(kop(f"demo:{gepland.opdracht.rollen[0]}", gepland.opdracht.rollen[0])
                                             if kop else {})})
            if antwoord.status_code == 429:  # the staff's token is over its rate limit: wait as told, again
                time.sleep(min(float(antwoord.headers.get("Retry-After", "1")), 60.0))
                heapq.heappush(self.agenda, gepland)
                continue
            if antwoord.status_code in (409, 422):
                reden = antwoord.json()["title"].removeprefix("domeinregel:")
                self.geweigerd[f"{gepland.soort}:{reden}"] += 1
                continue
            if antwoord.status_code != 200:
                raise RuntimeError(f"demo: {gepland.opdracht.url} answered {antwoord.status_code}")
            if antwoord.headers.get("Idempotent-Replayed") == "true":
                continue  # done in an earlier run on the same stores: the first answer, given again
            self.gedaan[gepland.soort] = self.gedaan.get(gepland.soort, 0) + 1
            gedaan += 1
        return gedaan
