"""What the bewoner tests play: COA's placements (with age and bijzondere behoefte), moves and departures."""

from __future__ import annotations

import datetime as dt
from typing import Any

from application_hulp import COA, bericht

from events import coa


def geplaatst(vnummer: str, locatie: str, datum: dt.date, geboren: dt.date | None = None,
              behoefte: str | None = None) -> Any:
    data = {"vnummer": vnummer, "locatie_id": locatie, "datum": datum.isoformat()}
    data |= {"geboortedatum": geboren.isoformat()} if geboren else {}
    data |= {"bijzondere_behoefte": behoefte} if behoefte else {}
    return bericht(coa.ASIELZOEKER_GEPLAATST, data, source=COA)


def verplaatst(vnummer: str, van: str, naar: str, datum: dt.date) -> Any:
    return bericht(coa.ASIELZOEKER_VERPLAATST, {"vnummer": vnummer, "van_locatie_id": van, "naar_locatie_id": naar,
                                                "datum": datum.isoformat()}, source=COA)


def vertrokken(vnummer: str, locatie: str, datum: dt.date, reden: str) -> Any:
    return bericht(coa.ASIELZOEKER_VERTROKKEN, {"vnummer": vnummer, "locatie_id": locatie, "datum": datum.isoformat(),
                                                "reden": reden}, source=COA)
