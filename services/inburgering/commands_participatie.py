"""Inburgering's staff commands on participatie (klantregisseurs): a participatieladder trede, a zelfredzaamheidsmatrix."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from events.base import Datum
from services.inburgering.domain.participatie import LEVENSGEBIEDEN
from services.runtime.commands import GEHEEL, Geheel, Opdracht, Verzoek

ROLLEN = ("klantregisseur",)

Score = Annotated[int, Field(ge=1, le=5, description="1 acute problematiek ... 5 volledig zelfredzaam"), GEHEEL]


class Trede(Verzoek):
    datum: Datum = Field(description="the day of the measurement")
    trede: Geheel = Field(ge=1, le=6, description=(
        "participatieladder: 1 geïsoleerd, 2 sociale contacten, 3 georganiseerde activiteiten, 4 onbetaald werk, "
        "5 betaald werk met ondersteuning, 6 betaald werk"))


class Zelfredzaamheid(Verzoek):
    """A zelfredzaamheidsmatrix: a score for each of the seven levensgebieden (none may be left out)."""

    datum: Datum = Field(description="the day of the measurement")
    financien: Score
    sociaal_netwerk: Score
    werk_en_opleiding: Score
    maatschappelijke_participatie: Score
    huisvesting: Score
    fysieke_gezondheid: Score
    mentale_gezondheid: Score

    def scores(self) -> dict[str, int]:
        """The scores by levensgebied, as the domain names them (`sociaal-netwerk`)."""
        return {g: getattr(self, g.replace("-", "_")) for g in LEVENSGEBIEDEN}


COMMANDS_PARTICIPATIE: tuple[Opdracht[Any], ...] = (
    Opdracht(
        "inburgering", "trede", "participatietreden", Trede, ROLLEN,
        lambda app, uow, persoon, v: app.meet_trede(uow, persoon, v.datum, v.trede),
        "Record where a person with an inburgeringstraject stands on the participatieladder on a date.",
    ),
    Opdracht(
        "inburgering", "zelfredzaamheid", "zelfredzaamheidsmetingen", Zelfredzaamheid, ROLLEN,
        lambda app, uow, persoon, v: app.meet_zelfredzaamheid(uow, persoon, v.datum, v.scores()),
        "Record a zelfredzaamheidsmatrix (1-5 on each of the seven levensgebieden) of a person with an "
        "inburgeringstraject on a date; the scores are never published.",
    ),
)
