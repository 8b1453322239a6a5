"""Nijmegen's reception locations in the demo: COA's two (seed 001 §1.1) and the gemeente's own, a TGO and the Oekraïne-locaties (§1.2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

D = dt.date


@dataclass(frozen=True)
class Locatie:
    """One location: its id, name and soort, its places from each date on, its planned and actual closing."""

    locatie_id: str
    naam: str
    soort: str
    plekken: tuple[tuple[dt.date, int], ...]
    """(from, places): the first is the opening."""
    geplande_sluiting: dt.date | None = None
    gesloten: dt.date | None = None

    @property
    def geopend(self) -> dt.date:
        return self.plekken[0][0]

    def plekken_op(self, datum: dt.date) -> int:
        """The places on a date: 0 before the opening and from the closing on."""
        if datum < self.geopend or (self.gesloten is not None and datum >= self.gesloten):
            return 0
        return [n for vanaf, n in self.plekken if vanaf <= datum][-1]


AZC = Locatie("azc-dommer-van-poldersveldtweg", "Dommer van Poldersveldtweg", "azc",
              ((D(2021, 1, 1), 400), (D(2023, 3, 1), 470), (D(2024, 8, 1), 400)))
STIELTJESSTRAAT = Locatie("tgo-stieltjesstraat", "Stieltjesstraat", "noodopvang", ((D(2021, 1, 1), 120),),
                          geplande_sluiting=D(2027, 9, 30))
COA_LOCATIES = (AZC, STIELTJESSTRAAT)
"""COA's: 400 structural places and 120 temporary ones that close in September 2027, 520 on
1 August 2024. While statushouders waited long for a home (2023 and the first half of 2024), COA
put 70 extra places in the AZC, gone again on 1 August 2024. The dates and the extra places are
ours; the ids are older than this table."""
AMV_LOCATIE = "coa-kwe-nijmegen"
"""AMVs of 15-17 live in small COA units (kleine wooneenheden), which opvang has no record of:
the seed has no AMV opvang in Nijmegen yet (they count as `buiten_open_locaties`)."""

TGO = Locatie("tgo-koudenhoek", "Koudenhoek (Lent)", "tgo", ((D(2023, 10, 2), 100),))
"""The tijdelijke gemeentelijke opvang the gemeente runs for COA in the Koudenhoek (seed 001 §1.1;
its size and opening are ours). It does not count towards the Spreidingswet (`telt_mee`)."""
OEKRAINE = (
    Locatie("jan-massinkhal", "Jan Massinkhal (crisisnoodopvang)", "oekraine", ((D(2022, 3, 14), 150),),
            gesloten=D(2022, 6, 1)),
    Locatie("waalhaven", "Schepen in de Waalhaven", "oekraine", ((D(2022, 4, 11), 370), (D(2024, 4, 1), 250)),
            geplande_sluiting=D(2025, 3, 1)),
    Locatie("cwz", "CWZ", "oekraine", ((D(2022, 5, 2), 130),)),
    Locatie("tarweweg", "Tarweweg", "oekraine", ((D(2022, 6, 1), 200),), geplande_sluiting=D(2025, 12, 31)),
    Locatie("tweede-walstraat", "Tweede Walstraat", "oekraine", ((D(2022, 9, 1), 85),)),
    Locatie("ph7", "Prins Hendrikstraat 7 (PH7)", "oekraine", ((D(2024, 4, 1), 120),)),
)
"""The Oekraïne-locaties of seed 001 §1.2: 785 places from September 2022 on (370 + 200 + 130 + 85,
and from April 2024, when PH7 opened, 250 of them on the ships + 200 + 130 + 85 + 120). The ships
in the Waalhaven are to be replaced by 1-3-2025 and the Tarweweg by 31-12-2025 (their planned
closing). The crisis shelter in the Jan Massinkhal of spring 2022 closed when the Tarweweg opened.
The places per location and the dates are ours; the ids `waalhaven` and `tarweweg` are the ones
the report's replacement plan names (`TE_VERVANGEN`)."""
GEMEENTELIJK = (TGO, *OEKRAINE)
"""The locations the gemeente runs itself: its staff register them (`welkom opvang open-locatie`)."""
