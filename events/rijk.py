"""Inbound events of the Rijk (via the provincie) on keten.rijk."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from events.base import Datum, Gegevens, Gemeentecode, Periode

TAAKSTELLING_VASTGESTELD = "nl.statushouders.taakstelling-vastgesteld"
SPREIDINGSTAAKSTELLING_VASTGESTELD = "nl.opvang.spreidingstaakstelling-vastgesteld"
TIJDELIJKE_BESCHERMING_VERLENGD = "nl.opvang.tijdelijke-bescherming-verlengd"

Cyclus = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{4}$")]
"""A two-year cyclus of the Spreidingswet, e.g. 2024-2026."""


class TaakstellingVastgesteld(Gegevens):
    """The huisvestingstaakstelling of one gemeente for one half-year period, in persons."""

    gemeentecode: Gemeentecode
    periode: Periode
    aantal: int = Field(ge=0, le=100_000)
    amv_aantal: int | None = Field(None, ge=0, le=100_000)
    """The indicative AMV taakstelling within `aantal`, when the Rijk gives one."""


class SpreidingstaakstellingVastgesteld(Gegevens):
    """The Spreidingswet taakstelling of one gemeente for one cyclus: reception places to offer COA."""

    gemeentecode: Gemeentecode
    cyclus: Cyclus
    fase: Literal["indicatief", "verdeelbesluit"]
    """The indicative distribution, or the Rijk's verdeelbesluit after the provincial talks."""
    plekken: int = Field(ge=0, le=100_000)
    amv_plekken: int | None = Field(None, ge=0, le=100_000)
    """The indicative AMV places within `plekken`, when the Rijk gives them."""
    realiseren_per: Datum
    besluitdatum: Datum
    """From this date on the decision replaces an earlier one for the same cyclus."""


class TijdelijkeBeschermingVerlengd(Gegevens):
    """The Rijk moved the end of the temporary protection of ontheemden from Ukraine (RTB): protected up to and including `einddatum`."""

    einddatum: Datum
    """The last day of the temporary protection."""
    besluitdatum: Datum
