"""Opvang's staff commands for the locations the gemeente runs itself (TGO, Oekraïne, zorg): opening, capacity, closing."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from events.base import Datum
from services.runtime.commands import Basisverzoek, Geheel, Opdracht

ROLLEN = ("opvang-medewerker",)

Gemeentelijk = Literal["tgo", "oekraine", "zorg"]
"""The soorten of location the gemeente runs itself; COA's (azc, amv, noodopvang) come from COA."""


def _locatie_id() -> Any:
    return Field(min_length=1, max_length=64, description="the location's id (no personal data)")


class LocatieOpening(Basisverzoek):
    locatie_id: str = _locatie_id()
    naam: str = Field(min_length=1, max_length=200, description="the location's name or address")
    soort: Gemeentelijk = Field(description="tgo, oekraine or zorg")
    capaciteit: Geheel = Field(ge=0, le=100_000, description="places from the opening on")
    datum: Datum = Field(description="the day the location opens")
    geplande_sluiting: Datum | None = Field(None, description="the planned closing date, for a temporary location")


class LocatieCapaciteit(Basisverzoek):
    locatie_id: str = _locatie_id()
    capaciteit: Geheel = Field(ge=0, le=100_000, description="places from the date on")
    datum: Datum


class LocatieSluiting(Basisverzoek):
    locatie_id: str = _locatie_id()
    datum: Datum = Field(description="the day the location closes: from then on it has no places")


def _geen_persoon(app: Any, verzoek: Any) -> None:
    """A location is no person: nothing to look up, and a refusal is logged for nobody."""
    return None


COMMANDS_LOCATIES: tuple[Opdracht[Any], ...] = (
    Opdracht(
        "opvang", "open-locatie", "locatie-openingen", LocatieOpening, ROLLEN,
        lambda app, uow, persoon, v: app.open_gemeentelijke_locatie(
            uow, v.locatie_id, v.naam, v.soort, v.capaciteit, v.datum, v.geplande_sluiting),
        "Register a location the gemeente runs itself (TGO, Oekraïne, zorg), opened with its capacity.",
        cli_namen={"locatie_id": "locatie"}, persoon=_geen_persoon,
    ),
    Opdracht(
        "opvang", "wijzig-capaciteit", "locatie-capaciteiten", LocatieCapaciteit, ROLLEN,
        lambda app, uow, persoon, v: app.wijzig_gemeentelijke_capaciteit(uow, v.locatie_id, v.capaciteit, v.datum),
        "Record the capacity of one of the gemeente's own locations from a date on.",
        cli_namen={"locatie_id": "locatie"}, persoon=_geen_persoon,
    ),
    Opdracht(
        "opvang", "sluit-locatie", "locatie-sluitingen", LocatieSluiting, ROLLEN,
        lambda app, uow, persoon, v: app.sluit_gemeentelijke_locatie(uow, v.locatie_id, v.datum),
        "Record that one of the gemeente's own locations closed (from that day on it has no places).",
        cli_namen={"locatie_id": "locatie"}, persoon=_geen_persoon,
    ),
)
