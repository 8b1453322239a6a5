"""Inbound events of the COA (Centraal Orgaan opvang Asielzoekers) on keten.coa."""

from __future__ import annotations

from pydantic import Field

from events.base import Datum, Gegevens, Gemeentecode, Vnummer

ASIELZOEKER_GEPLAATST = "nl.opvang.asielzoeker-geplaatst"
ASIELZOEKER_VERPLAATST = "nl.opvang.asielzoeker-verplaatst"
GEKOPPELD_AAN_GEMEENTE = "nl.statushouders.gekoppeld-aan-gemeente"

LocatieId = str


class AsielzoekerGeplaatst(Gegevens):
    """COA placed a person in a reception location."""

    vnummer: Vnummer
    locatie_id: LocatieId = Field(min_length=1, max_length=64)
    datum: Datum
    geboortedatum: Datum | None = None


class AsielzoekerVerplaatst(Gegevens):
    """COA moved a person from one reception location to another."""

    vnummer: Vnummer
    van_locatie_id: LocatieId = Field(min_length=1, max_length=64)
    naar_locatie_id: LocatieId = Field(min_length=1, max_length=64)
    datum: Datum


class Huishoudlid(Gegevens):
    """One member of a household in a koppeling, the main person included."""

    vnummer: Vnummer
    geboortedatum: Datum


class GekoppeldAanGemeente(Gegevens):
    """COA linked a statushouder and household to a gemeente, which must now house them."""

    vnummer: Vnummer
    gemeentecode: Gemeentecode
    koppeldatum: Datum
    huishouden: list[Huishoudlid] = Field(min_length=1, max_length=30)
