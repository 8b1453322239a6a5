"""The huisvesting side of the demo scenario: taakstellingen, households, BSNs, nareizigers and homes."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import TypeVar

from stdnum import iban as _iban

GEMEENTECODE = "0268"
BEGIN = dt.date(2022, 4, 1)
"""The first koppeling: nine months of households already wait when 2023 starts (waits are 6-18 months)."""
EINDE = dt.date(2024, 12, 31)
BASIS = 150
"""Households linked per year at the 2024 pace (about 400 persons with nareizigers); homes scale with it."""
PERIODEN = ((BEGIN, dt.date(2022, 12, 31)), (dt.date(2023, 1, 1), dt.date(2023, 12, 31)), (dt.date(2024, 1, 1), EINDE))
"""The spans in which households are linked, each with the same mix of kinds and sizes."""
T = TypeVar("T")

TAAKSTELLINGEN = (  # (periode, vastgesteld op, personen, indicatief AMV): 393 in 2023, 364 in 2024 (seed 001 §2.1)
    ("2023-H1", dt.date(2022, 12, 14), 186, None),
    ("2023-H2", dt.date(2023, 6, 14), 207, None),
    ("2024-H1", dt.date(2023, 12, 13), 182, 6),
    ("2024-H2", dt.date(2024, 6, 12), 182, 6),
)
WIJKEN = (  # the stadsdelen of Nijmegen; statushouders live more often in Dukenburg and Nijmegen-Zuid
    ("Dukenburg", 24), ("Nijmegen-Zuid", 20), ("Lindenholt", 13), ("Nijmegen-Nieuw-West", 11),
    ("Nijmegen-Oud-West", 8), ("Nijmegen-Noord", 8), ("Nijmegen-Midden", 7), ("Nijmegen-Oost", 6),
    ("Nijmegen-Centrum", 3),
)
GEZINSGROOTTE = ((2, 20), (3, 20), (4, 24), (5, 19), (6, 11), (7, 6))
"""Sizes of the households that are not single (44%): families are often large."""
AMV_KANS, ALLEENSTAAND_KANS = 0.06, 0.50
"""6% AMV and 50% single adults: 56% single persons (seed 001 §2.1: more than half)."""
NAREIS_KANS = 0.25
"""Share of single adults whose family follows within the scenario (a partner and 0-3 children)."""
MAX_BEWONERS_REGULIER = ((1, 3), (2, 17), (3, 25), (4, 25), (5, 16), (6, 10), (7, 3), (8, 1))
"""Few regular homes for one person: the mismatch with a queue of mostly singles."""
CORPORATIES = ("talis", "portaal", "woonwaarts")


@dataclass(frozen=True)
class Woningaanbod:
    """Homes per year for statushouders at BASIS, per soort (WBB: ~4% of vacated social homes)."""

    jaar: int
    regulier: int
    flex: int
    doorstroom: int = 0
    amv: int = 0
    doorstroom_vanaf: dt.date | None = None


AANBOD = (
    Woningaanbod(2023, regulier=112, flex=10, amv=5),
    Woningaanbod(2024, regulier=110, flex=30, doorstroom=16, amv=7, doorstroom_vanaf=dt.date(2024, 9, 1)),
)
"""Doorstroomlocaties for singles awaiting their family start in the autumn of 2024 (seed 001 §2.1)."""


@dataclass
class Lid:
    vnummer: str
    geboortedatum: dt.date


@dataclass
class Huishouden:
    """One household as COA links it, and who follows it later."""

    koppeldatum: dt.date
    leden: list[Lid]
    amv: bool = False
    nareizigers: list[tuple[Lid, dt.date]] = field(default_factory=list)
    """(nareiziger, besluitdatum of the nareis permit)."""

    @property
    def hoofd(self) -> Lid:
        return self.leden[0]


def dag(rng: random.Random, begin: dt.date, einde: dt.date) -> dt.date:
    return begin + dt.timedelta(days=rng.randrange((einde - begin).days + 1))


def gekozen(rng: random.Random, gewichten: tuple[tuple[T, int], ...]) -> T:
    return rng.choices([w for w, _ in gewichten], [g for _, g in gewichten])[0]


def geboren(rng: random.Random, op: dt.date, leeftijd: int) -> dt.date:
    """A birth date that makes someone `leeftijd` years old (whole years, never 18 for 17) on `op`."""
    return op - dt.timedelta(days=365 * leeftijd + 5 + rng.randrange(355))


class Nummers:
    """Unique V-nummers and BSNs, deterministic per random generator."""

    def __init__(self, rng: random.Random, eerste_vnummer: int = 3100000000) -> None:
        self.rng = rng
        self.volgnummer = eerste_vnummer
        self.bsns: set[str] = set()

    def vnummer(self) -> str:
        self.volgnummer += 1
        return str(self.volgnummer)

    def bsn(self) -> str:
        """Nine digits that pass the elfproef: 9*d1 + 8*d2 + ... + 2*d8 - d9 is divisible by 11."""
        while True:
            begin = str(self.rng.randrange(10_000_000, 100_000_000))
            controle = sum((9 - i) * int(c) for i, c in enumerate(begin)) % 11
            bsn = begin + str(controle)
            if controle < 10 and bsn not in self.bsns:
                self.bsns.add(bsn)
                return bsn


def iban(rng: random.Random) -> str:
    """A Dutch IBAN with a correct ISO 13616 check (a bank code and a random account number)."""
    bank = rng.choice(("ABNA", "INGB", "RABO", "SNSB", "ASNB", "TRIO", "BUNQ", "KNAB", "RBRB"))
    rekening = f"{rng.randrange(10**10):010d}"
    return f"NL{_iban.calc_check_digits(f'NL00{bank}{rekening}')}{bank}{rekening}"


def koppelingen(rng: random.Random, nummers: Nummers, per_jaar: int) -> list[Huishouden]:
    """Households linked from BEGIN to EINDE, `per_jaar` a year, by koppeldatum.
    Each year has the same mix of kinds and sizes; which household comes when is random."""
    uit: list[Huishouden] = []
    for begin, einde in PERIODEN:
        aantal = round(per_jaar * min(1.0, ((einde - begin).days + 1) / 365))
        soorten = _verdeel(aantal, (("amv", AMV_KANS), ("alleen", ALLEENSTAAND_KANS),
                                    ("gezin", 1 - AMV_KANS - ALLEENSTAAND_KANS)))
        groottes = _verdeel(soorten.count("gezin"), tuple((g, w / 100) for g, w in GEZINSGROOTTE))
        rng.shuffle(soorten)
        rng.shuffle(groottes)
        data = sorted(dag(rng, begin, einde) for _ in soorten)
        for soort, koppeldatum in zip(soorten, data):
            uit.append(_huishouden(rng, nummers, koppeldatum, soort, groottes.pop() if soort == "gezin" else 1))
    return uit


def _verdeel(aantal: int, aandelen: tuple[tuple[T, float], ...]) -> list[T]:
    """`aantal` items in these shares, rounded by largest remainder."""
    exact = [(w, a * aantal) for w, a in aandelen]
    stuks = {w: int(x) for w, x in exact}
    rest = sorted(exact, key=lambda t: t[1] - int(t[1]), reverse=True)
    for w, _ in rest[: aantal - sum(stuks.values())]:
        stuks[w] += 1
    return [w for w, n in stuks.items() for _ in range(n)]


def _huishouden(rng: random.Random, nummers: Nummers, koppeldatum: dt.date, soort: str, grootte: int) -> Huishouden:
    if soort == "amv":
        return Huishouden(koppeldatum, [Lid(nummers.vnummer(), geboren(rng, koppeldatum, rng.randint(15, 17)))],
                          amv=True)
    if soort == "alleen":
        h = Huishouden(koppeldatum, [Lid(nummers.vnummer(), geboren(rng, koppeldatum, rng.randint(19, 48)))])
        if rng.random() < NAREIS_KANS:
            besluit = koppeldatum + dt.timedelta(days=rng.randint(90, 300))
            if besluit <= EINDE:
                leeftijden = [rng.randint(19, 45)] + [rng.randint(0, 15) for _ in range(rng.choice((0, 1, 1, 2, 3)))]
                h.nareizigers = [(Lid(nummers.vnummer(), geboren(rng, besluit, a)), besluit) for a in leeftijden]
        return h
    ouders = 1 if rng.random() < (0.5 if grootte == 2 else 0.15) else 2  # a single parent, or two
    leeftijden = [rng.randint(22, 50) for _ in range(ouders)] + [rng.randint(0, 17) for _ in range(grootte - ouders)]
    return Huishouden(koppeldatum, [Lid(nummers.vnummer(), geboren(rng, koppeldatum, a)) for a in leeftijden])


def bsn_datum(rng: random.Random, vanaf: dt.date) -> dt.date | None:
    """When the BRP registers someone (and they get a BSN): mostly within weeks, for a quarter
    months later (long waits since 2023, seed 001 §2.1), for a few not within the scenario."""
    kans = rng.random()
    if kans < 0.70:
        datum = vanaf + dt.timedelta(days=rng.randint(3, 25))
    elif kans < 0.95:
        datum = vanaf + dt.timedelta(days=rng.randint(45, 180))
    else:
        return None
    return datum if datum <= EINDE else None


@dataclass(frozen=True)
class Woning:
    woning_id: str
    wijk: str
    soort: str
    max_bewoners: int
    beschikbaar_per: dt.date
    gemeld_op: dt.date


def woningen(rng: random.Random, schaal: float) -> list[Woning]:
    """The homes the corporations make available in 2023 and 2024: fewer places than persons linked."""
    uit: list[tuple[dt.date, str, str, int, str]] = []
    for aanbod in AANBOD:
        begin, einde = dt.date(aanbod.jaar, 1, 1), dt.date(aanbod.jaar, 12, 31)
        for soort, aantal, vanaf in (("regulier", aanbod.regulier, begin), ("flex", aanbod.flex, begin),
                                     ("doorstroom", aanbod.doorstroom, aanbod.doorstroom_vanaf or begin),
                                     ("amv", aanbod.amv, begin)):
            stuks = round(aantal * schaal)
            for i in range(stuks):  # spread evenly over the months, on random days
                per = vanaf + dt.timedelta(days=int((i + rng.random()) * ((einde - vanaf).days + 1) / stuks))
                if soort == "regulier":
                    max_bewoners = gekozen(rng, MAX_BEWONERS_REGULIER)
                    wijk = gekozen(rng, WIJKEN)
                    eigenaar = rng.choice(CORPORATIES)
                elif soort == "flex":
                    max_bewoners, wijk, eigenaar = rng.choice((1, 1, 2)), gekozen(rng, WIJKEN), "flex"
                else:
                    max_bewoners, wijk, eigenaar = 1, gekozen(rng, WIJKEN), soort
                uit.append((per, eigenaar, soort, max_bewoners, wijk))
    uit.sort(key=lambda w: (w[0], w[1]))
    volgnummers: dict[str, int] = {}
    resultaat = []
    for per, eigenaar, soort, max_bewoners, wijk in uit:
        volgnummers[eigenaar] = volgnummers.get(eigenaar, 0) + 1
        woning_id = f"{eigenaar}-{per.year}-{volgnummers[eigenaar]:04d}"
        gemeld = per - dt.timedelta(days=rng.randint(0, 14))
        resultaat.append(Woning(woning_id, wijk, soort, max_bewoners, per, gemeld))
    return resultaat
