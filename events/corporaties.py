"""Inbound events of the woningcorporaties (Werkgroep Bijzondere Bemiddeling) on keten.corporaties."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from events.base import Datum, Gegevens

WONING_BESCHIKBAAR_GESTELD = "nl.woningen.woning-beschikbaar-gesteld"

Woningsoort = Literal["regulier", "flex", "doorstroom", "amv"]


class WoningBeschikbaarGesteld(Gegevens):
    """A corporation makes a home available for a statushouder household."""

    woning_id: str = Field(min_length=1, max_length=64)
    wijk: str = Field(min_length=1, max_length=80)
    soort: Woningsoort
    max_bewoners: int = Field(ge=1, le=20)
    beschikbaar_per: Datum
