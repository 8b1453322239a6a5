"""The demo's opvang-medewerkers: the gemeente's own locations and the ontheemden from Ukraine, a plan of commands deterministic per seed."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from services.demo.huishoudens import EINDE, Nummers, gekozen
from services.demo.locaties import GEMEENTELIJK, OEKRAINE, Locatie
from services.demo.personeel import OPDRACHTEN, Gepland
from services.opvang.domain.ontheemde import PARTICULIER

VERTREKREDENEN = (("terugkeer", 30), ("eigen-woonruimte", 24), ("onbekend", 18), ("andere-gemeente", 14),
                  ("ander-land", 13), ("overleden", 1))
"""Why an ontheemde leaves (design): mostly back to Ukraine or to a home of their own."""
BLIJFT_DAGEN, PARTICULIER_BLIJFT_DAGEN = 2400, 1000
"""The mean length of a stay in a location and in private shelter: most stay for years."""
NAAR_PARTICULIER, NAAR_LOCATIE = 0.15, 0.35
"""Of the stays in a location that end, those that move to private shelter; of the private
shelters that end, those that move into a location with room (the others leave)."""
VULLEN = 0.06
"""Of a location's free places, the share taken each day: the locations are (nearly) full."""
PARTICULIER_PER_DAG = ((dt.date(2022, 3, 14), 1.5), (dt.date(2022, 7, 1), 0.2))
"""New registrations in private shelter per day from a date on: the host families of spring 2022, then fewer."""
EIGEN_BIJDRAGE = (("plichtig", 40), ("geen-inkomen", 17), ("inkomen-onder-norm", 11), ("hardheidsclausule", 2))
"""The decision on the eigen bijdrage of an adult (TWOO, from 1 July 2024); a minor is exempt."""
MINDERJARIG = 0.3
"""The share of ontheemden who are children (design)."""
TWOO = dt.date(2024, 7, 1)


def werk(scenario: Iterable[dict[str, Any]], seed: int) -> list[Gepland]:
    """The opvang-medewerkers' own work from 2022 to the end of the scenario: they register the
    gemeente's locations (the TGO, the Oekraïne-locaties, their capacity changes and closing,
    `locaties.GEMEENTELIJK`), and the ontheemden by BSN: registered and placed in a location with
    room or in private shelter, some moved (when a location closes or shrinks, to or from private
    shelter), some leaving with a reason, and from 1 July 2024 the eigen bijdrage of those in a
    location. Their BSNs are synthetic (nine digits passing the elfproef), none of the statushouders'
    in the scenario's BRP registrations."""
    rng = random.Random(f"{seed}:ontheemden")
    nummers = Nummers(rng)
    nummers.bsns.update(e["data"]["bsn"] for e in scenario if "bsn" in e["data"])
    balie = _Balie(rng, nummers)
    for loc in GEMEENTELIJK:
        balie.locatie(loc)
    dag = min(loc.geopend for loc in OEKRAINE)
    while dag <= EINDE:
        balie.dag(dag)
        dag += dt.timedelta(days=1)
    return sorted(balie.gepland)


@dataclass(eq=False)
class _Ontheemde:
    nummer: int
    bsn: str
    kind: bool
    waar: str | None = None
    stap: int = 0
    bijdrage_op: dt.date | None = None


@dataclass
class _Balie:
    """The staff's desk, day by day: who stays where, and the commands that say so."""

    rng: random.Random
    nummers: Nummers
    gepland: list[Gepland] = field(default_factory=list)
    aantal: int = 0
    bij: dict[str, list[_Ontheemde]] = field(
        default_factory=lambda: {PARTICULIER: [], **{loc.locatie_id: [] for loc in OEKRAINE}})
    """Who stays where: per Oekraïne-locatie, and in private shelter."""

    def _geef(self, datum: dt.date, sleutel: str, opdracht: str, wat: str, **body: Any) -> None:
        """Plan one command of opvang's table (`wat`: what the staff count it as)."""
        body = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in body.items() if v is not None}
        self.gepland.append(Gepland(datum, sleutel, OPDRACHTEN[("opvang", opdracht)],
                                    {"datum": datum.isoformat(), **body}, wat))

    def locatie(self, loc: Locatie) -> None:
        """A location of the gemeente's own registered: opened, its capacity changes, its closing."""
        (geopend, plekken), *wijzigingen = loc.plekken
        self._geef(geopend, f"locatie-{loc.locatie_id}-0", "open-locatie", "locatie-geopend",
                   locatie_id=loc.locatie_id, naam=loc.naam, soort=loc.soort, capaciteit=plekken,
                   geplande_sluiting=loc.geplande_sluiting)
        for i, (vanaf, aantal) in enumerate(wijzigingen, 1):
            self._geef(vanaf, f"locatie-{loc.locatie_id}-{i}", "wijzig-capaciteit", "locatie-capaciteit",
                       locatie_id=loc.locatie_id, capaciteit=aantal)
        if loc.gesloten:
            self._geef(loc.gesloten, f"locatie-{loc.locatie_id}-9", "sluit-locatie", "locatie-gesloten",
                       locatie_id=loc.locatie_id)

    def _stap(self, p: _Ontheemde, datum: dt.date, opdracht: str, wat: str, **body: Any) -> None:
        p.stap += 1
        self._geef(datum, f"ontheemde-{p.nummer:05d}-{p.stap:02d}", opdracht, wat, bsn=p.bsn, **body)

    def _waar(self, p: _Ontheemde, datum: dt.date, naar: str | None, reden: str | None = None) -> None:
        """Place, move or let leave; from 1 July 2024 a newcomer to a location gets the eigen bijdrage decided within weeks."""
        if p.waar is None:
            self._stap(p, datum, "plaats-ontheemde", "ontheemde-geplaatst", locatie_id=naar)
        elif naar is None:
            self._stap(p, datum, "vertrek-ontheemde", "ontheemde-vertrokken", vertrekreden=reden)
        else:
            self._stap(p, datum, "verplaats-ontheemde", "ontheemde-verplaatst", locatie_id=naar)
        if naar not in (None, PARTICULIER) and datum >= TWOO and p.bijdrage_op is None:
            p.bijdrage_op = datum + dt.timedelta(days=self.rng.randint(7, 45))
        if p.waar is not None:
            self.bij[p.waar].remove(p)
        if naar is not None:
            self.bij[naar].append(p)
        p.waar = naar

    def _nieuw(self, datum: dt.date, naar: str) -> None:
        self.aantal += 1
        p = _Ontheemde(self.aantal, self.nummers.bsn(), self.rng.random() < MINDERJARIG)
        self._stap(p, datum, "registreer-ontheemde", "ontheemde-geregistreerd")
        self._waar(p, datum, naar)

    def dag(self, d: dt.date) -> None:
        """One day: a location closing or shrinking moves people out (to another with room, else
        private shelter); stays end; free places fill; new private shelters; eigen bijdragen due."""
        plekken = {loc.locatie_id: loc.plekken_op(d) for loc in OEKRAINE}
        vrij = {i: n - len(self.bij[i]) for i, n in plekken.items()}
        for i in plekken:
            while vrij[i] < 0:
                p = self.bij[i][self.rng.randrange(len(self.bij[i]))]
                naar = next((j for j in plekken if vrij[j] > 0), PARTICULIER)
                self._waar(p, d, naar)
                vrij[i] += 1
                vrij[naar] = vrij.get(naar, 0) - 1
        for p in [p for lijst in self.bij.values() for p in lijst]:
            if p.waar != PARTICULIER and self.rng.random() < 1 / BLIJFT_DAGEN:
                vrij[p.waar] += 1
                naar = PARTICULIER if self.rng.random() < NAAR_PARTICULIER else None
                self._waar(p, d, naar, None if naar else gekozen(self.rng, VERTREKREDENEN))
            elif p.waar == PARTICULIER and self.rng.random() < 1 / PARTICULIER_BLIJFT_DAGEN:
                ruimte = [i for i in plekken if vrij[i] > 0]
                if ruimte and self.rng.random() < NAAR_LOCATIE:
                    naar = self.rng.choice(ruimte)
                    vrij[naar] -= 1
                    self._waar(p, d, naar)
                else:
                    self._waar(p, d, None, gekozen(self.rng, VERTREKREDENEN))
        for i in plekken:
            for _ in range(sum(self.rng.random() < VULLEN for _ in range(max(vrij[i], 0)))):
                self._nieuw(d, i)
        per_dag = [n for vanaf, n in PARTICULIER_PER_DAG if vanaf <= d][-1]
        for _ in range(int(per_dag) + (self.rng.random() < per_dag % 1)):
            self._nieuw(d, PARTICULIER)
        in_locatie = [p for i, lijst in self.bij.items() if i != PARTICULIER for p in lijst]
        if d == TWOO:  # everyone in a location, within weeks
            for p in in_locatie:
                p.bijdrage_op = d + dt.timedelta(days=self.rng.randint(0, 75))
        for p in in_locatie:
            if p.bijdrage_op == d:
                self._bijdrage(p, d)

    def _bijdrage(self, p: _Ontheemde, d: dt.date) -> None:
        grond = "minderjarig" if p.kind else gekozen(self.rng, EIGEN_BIJDRAGE)
        if grond == "plichtig":
            self._stap(p, d, "eigen-bijdrage", "eigen-bijdrage", besluit="plichtig")
        else:
            self._stap(p, d, "eigen-bijdrage", "eigen-bijdrage", besluit="vrijgesteld", vrijstellingsgrond=grond)
