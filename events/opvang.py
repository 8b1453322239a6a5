"""Outbound events of the opvang service on gemeente.opvang."""

from __future__ import annotations

import uuid

from events.base import Datum, Gegevens

BEWONER_GEPLAATST = "nl.opvang.bewoner-geplaatst"
BEWONER_VERPLAATST = "nl.opvang.bewoner-verplaatst"
BEWONER_STATUSHOUDER_GEWORDEN = "nl.opvang.bewoner-statushouder-geworden"
BEWONER_UITGESTROOMD = "nl.opvang.bewoner-uitgestroomd"
BEWONER_UITSTROOM_GECORRIGEERD = "nl.opvang.bewoner-uitstroom-gecorrigeerd"


class BewonerGeplaatst(Gegevens):
    """A stay in one of the municipality's reception locations started."""

    persoon_id: uuid.UUID
    locatie_id: str
    datum: Datum


class BewonerVerplaatst(Gegevens):
    """A resident moved between locations; `verplaatsingen` counts this person's moves so far."""

    persoon_id: uuid.UUID
    van_locatie_id: str
    naar_locatie_id: str
    datum: Datum
    verplaatsingen: int


class BewonerStatushouderGeworden(Gegevens):
    """A resident was granted a residence permit and now waits for housing."""

    persoon_id: uuid.UUID
    besluitdatum: Datum
    soort: str


class BewonerUitgestroomd(Gegevens):
    """A resident's stay ended (e.g. `gehuisvest`: moved into a home)."""

    persoon_id: uuid.UUID
    locatie_id: str | None
    datum: Datum
    reden: str


class BewonerUitstroomGecorrigeerd(Gegevens):
    """The date a resident's stay ended was corrected (huisvesting corrected the date of the move)."""

    persoon_id: uuid.UUID
    locatie_id: str | None
    datum: Datum
    oude_datum: Datum
    reden: str
