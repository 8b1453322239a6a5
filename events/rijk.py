"""Inbound events of the Rijk (via the provincie) on keten.rijk."""

from __future__ import annotations

from pydantic import Field

from events.base import Gegevens, Gemeentecode, Periode

TAAKSTELLING_VASTGESTELD = "nl.statushouders.taakstelling-vastgesteld"


class TaakstellingVastgesteld(Gegevens):
    """The huisvestingstaakstelling of one gemeente for one half-year period, in persons."""

    gemeentecode: Gemeentecode
    periode: Periode
    aantal: int = Field(ge=0, le=100_000)
    amv_aantal: int | None = Field(None, ge=0, le=100_000)
    """The indicative AMV taakstelling within `aantal`, when the Rijk gives one."""
