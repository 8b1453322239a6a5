"""Outbound events of inburgering about maatschappelijke begeleiding and participatie, on gemeente.inburgering.

Of participatie only the participatieladder's trede is published (the Werkbedrijf's team
statushouders acts on it, seed 004 §3.2). The zelfredzaamheidsmatrix's scores are not: they score
physical and mental health (special-category data, AVG art. 9) and no subscriber needs them; they
stay in inburgering's store and reach the reports only as counts.
"""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import Field

from events.base import Datum, Gegevens

MAATSCHAPPELIJKE_BEGELEIDING_GESTART = "nl.inburgeraars.maatschappelijke-begeleiding-gestart"
MAATSCHAPPELIJKE_BEGELEIDING_VERLENGD = "nl.inburgeraars.maatschappelijke-begeleiding-verlengd"
MAATSCHAPPELIJKE_BEGELEIDING_BEEINDIGD = "nl.inburgeraars.maatschappelijke-begeleiding-beeindigd"
PARTICIPATIETREDE_GEMETEN = "nl.inburgeraars.participatietrede-gemeten"


class BegeleidingGestart(Gegevens):
    """VWN's maatschappelijke begeleiding of a person began; it ends on `einddatum` unless extended or ended before."""

    begeleiding_id: uuid.UUID
    persoon_id: uuid.UUID
    datum: Datum
    einddatum: Datum
    """The last day of the begeleiding: 8 months after `datum`."""
    uiterste_einddatum: Datum
    """The latest last day an extension may give: 12 months after `datum`."""


class BegeleidingVerlengd(Gegevens):
    """The begeleiding was extended (`heropend`: after the end had been recorded as reached)."""

    begeleiding_id: uuid.UUID
    persoon_id: uuid.UUID
    datum: Datum
    einddatum: Datum
    vorige_einddatum: Datum
    heropend: bool


class BegeleidingBeeindigd(Gegevens):
    """The begeleiding ended: VWN ended it (`beeindigd-door-vwn`), or its term ran out (`termijn-verstreken`, recorded by the clock)."""

    begeleiding_id: uuid.UUID
    persoon_id: uuid.UUID
    datum: Datum
    """The last day of the begeleiding."""
    reden: Literal["beeindigd-door-vwn", "termijn-verstreken"]


class ParticipatietredeGemeten(Gegevens):
    """A klantregisseur measured where a person stands on the participatieladder (1 geïsoleerd ... 6 betaald werk)."""

    persoon_id: uuid.UUID
    datum: Datum
    trede: int = Field(ge=1, le=6)
