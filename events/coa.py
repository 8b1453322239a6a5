"""Inbound events of the COA (Centraal Orgaan opvang Asielzoekers) on keten.coa."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from events.base import Datum, Gegevens, Gemeentecode, Vnummer

ASIELZOEKER_GEPLAATST = "nl.opvang.asielzoeker-geplaatst"
ASIELZOEKER_VERPLAATST = "nl.opvang.asielzoeker-verplaatst"
ASIELZOEKER_VERTROKKEN = "nl.opvang.asielzoeker-vertrokken"
GEKOPPELD_AAN_GEMEENTE = "nl.statushouders.gekoppeld-aan-gemeente"
LOCATIE_GEOPEND = "nl.opvang.locatie-geopend"
LOCATIE_CAPACITEIT_GEWIJZIGD = "nl.opvang.locatie-capaciteit-gewijzigd"
LOCATIE_GESLOTEN = "nl.opvang.locatie-gesloten"

LocatieId = str

BijzondereBehoefte = Literal[
    "medisch", "psychisch", "beperking", "zwangerschap", "alleenstaande-minderjarige", "alleenstaande-ouder", "lhbtiq"
]
"""What a location must provide for (a closed list, no free text): somatic care, mental-health care,
a disability, pregnancy, an unaccompanied minor, a single parent, LHBTIQ+ (a safe place)."""

Vertrekreden = Literal[
    "zelfstandig-vertrokken", "overgeplaatst-andere-gemeente", "einde-recht-op-opvang", "overleden", "onbekend"
]
"""Why a person left a reception location."""


class AsielzoekerGeplaatst(Gegevens):
    """COA placed a person in a reception location, optionally with the one bijzondere behoefte the location must provide for."""

    vnummer: Vnummer
    locatie_id: LocatieId = Field(min_length=1, max_length=64)
    datum: Datum
    geboortedatum: Datum | None = None
    bijzondere_behoefte: BijzondereBehoefte | None = None


class AsielzoekerVerplaatst(Gegevens):
    """COA moved a person from one reception location to another."""

    vnummer: Vnummer
    van_locatie_id: LocatieId = Field(min_length=1, max_length=64)
    naar_locatie_id: LocatieId = Field(min_length=1, max_length=64)
    datum: Datum


class AsielzoekerVertrokken(Gegevens):
    """COA reports that a person left a reception location, and why; the stay ends."""

    vnummer: Vnummer
    locatie_id: LocatieId = Field(min_length=1, max_length=64)
    datum: Datum
    reden: Vertrekreden


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


Locatiesoort = Literal["azc", "amv", "noodopvang", "tgo", "oekraine", "zorg"]
"""The kind of a reception location: regular AZC, AMV location, (crisis)noodopvang, tijdelijke
gemeentelijke opvang, a location for ontheemden from Ukraine, a zorglocatie."""


class LocatieGeopend(Gegevens):
    """COA opened a reception location in a gemeente, with its capacity in places."""

    locatie_id: LocatieId = Field(min_length=1, max_length=64)
    naam: str = Field(min_length=1, max_length=200)
    gemeentecode: Gemeentecode
    soort: Locatiesoort
    capaciteit: int = Field(ge=0, le=100_000)
    datum: Datum
    geplande_sluiting: Datum | None = None
    """The planned closing date of a temporary location."""


class LocatieCapaciteitGewijzigd(Gegevens):
    """COA changed the capacity (places) of a reception location from a date on."""

    locatie_id: LocatieId = Field(min_length=1, max_length=64)
    capaciteit: int = Field(ge=0, le=100_000)
    datum: Datum
    gemeentecode: Gemeentecode | None = None
    """The location's gemeente, when COA names it: another gemeente's location is not for us."""


class LocatieGesloten(Gegevens):
    """COA closed a reception location: from its date on it has no places."""

    locatie_id: LocatieId = Field(min_length=1, max_length=64)
    datum: Datum
    gemeentecode: Gemeentecode | None = None
    """The location's gemeente, when COA names it: another gemeente's location is not for us."""
