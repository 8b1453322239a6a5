"""Outbound events of the opvang service on gemeente.opvang."""

from __future__ import annotations

import uuid
from typing import Literal

from events.base import Datum, Gegevens

BEWONER_GEPLAATST = "nl.opvang.bewoner-geplaatst"
BEWONER_VERPLAATST = "nl.opvang.bewoner-verplaatst"
BEWONER_STATUSHOUDER_GEWORDEN = "nl.opvang.bewoner-statushouder-geworden"
BEWONER_UITGESTROOMD = "nl.opvang.bewoner-uitgestroomd"
BEWONER_UITSTROOM_GECORRIGEERD = "nl.opvang.bewoner-uitstroom-gecorrigeerd"
BEWONER_VERTREKTERMIJN_GESTART = "nl.opvang.bewoner-vertrektermijn-gestart"
BEWONER_RECHT_OP_OPVANG_BEEINDIGD = "nl.opvang.bewoner-recht-op-opvang-beeindigd"
LOCATIE_GEREGISTREERD = "nl.opvang.locatie-geregistreerd"
LOCATIE_CAPACITEIT_GEREGISTREERD = "nl.opvang.locatie-capaciteit-geregistreerd"
LOCATIE_SLUITING_GEREGISTREERD = "nl.opvang.locatie-sluiting-geregistreerd"
SPREIDINGSTAAKSTELLING_GEREGISTREERD = "nl.opvang.spreidingstaakstelling-geregistreerd"


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
    """A resident's stay ended, with the reason: `gehuisvest` (moved into a home), or COA's reason of the
    departure: `zelfstandig-vertrokken`, `overgeplaatst-andere-gemeente`, `einde-recht-op-opvang`,
    `overleden`, `onbekend`."""

    persoon_id: uuid.UUID
    locatie_id: str | None
    datum: Datum
    reden: str


class BewonerVertrektermijnGestart(Gegevens):
    """A resident's asylum application was refused definitively: the 28-day vertrektermijn runs, after which the right to opvang ends."""

    persoon_id: uuid.UUID
    locatie_id: str | None
    besluitdatum: Datum
    vertrektermijn_verloopt_op: Datum


class BewonerRechtOpOpvangBeeindigd(Gegevens):
    """A resident's vertrektermijn passed (`verlopen_op`, its last day): the right to opvang ended; the stay ends at departure."""

    persoon_id: uuid.UUID
    locatie_id: str | None
    verlopen_op: Datum


class BewonerUitstroomGecorrigeerd(Gegevens):
    """The date a resident's stay ended was corrected (huisvesting corrected the date of the move)."""

    persoon_id: uuid.UUID
    locatie_id: str | None
    datum: Datum
    oude_datum: Datum
    reden: str


class LocatieGeregistreerd(Gegevens):
    """A reception location in the gemeente opened (run by COA or by the gemeente), with its capacity."""

    locatie_id: str
    naam: str
    soort: str
    beheerder: str
    """`coa`, or `gemeente` for a location the gemeente runs itself (TGO, Oekraïne)."""
    capaciteit: int
    datum: Datum
    geplande_sluiting: Datum | None


class LocatieCapaciteitGeregistreerd(Gegevens):
    """A reception location's capacity (places) changed from a date on."""

    locatie_id: str
    capaciteit: int
    datum: Datum


class LocatieSluitingGeregistreerd(Gegevens):
    """A reception location closed: from its date on it has no places."""

    locatie_id: str
    datum: Datum


class SpreidingstaakstellingGeregistreerd(Gegevens):
    """The Spreidingswet taakstelling of a cyclus, as decided on `besluitdatum` (a later decision replaces it)."""

    cyclus: str
    fase: str
    plekken: int
    amv_plekken: int | None
    realiseren_per: Datum
    besluitdatum: Datum


# -- ontheemden from Ukraine (TWOO): known by BSN inside the gemeente, here only by persoon_id ------

ONTHEEMDE_GEREGISTREERD = "nl.opvang.ontheemde-geregistreerd"
ONTHEEMDE_GEPLAATST = "nl.opvang.ontheemde-geplaatst"
ONTHEEMDE_VERPLAATST = "nl.opvang.ontheemde-verplaatst"
ONTHEEMDE_VERTROKKEN = "nl.opvang.ontheemde-vertrokken"
EIGEN_BIJDRAGE_VASTGESTELD = "nl.opvang.eigen-bijdrage-vastgesteld"
TIJDELIJKE_BESCHERMING_BEEINDIGD = "nl.opvang.tijdelijke-bescherming-beeindigd"
TIJDELIJKE_BESCHERMING_VERSCHOVEN = "nl.opvang.tijdelijke-bescherming-verschoven"

Opvangsoort = Literal["gemeentelijk", "particulier"]
"""Where an ontheemde stays: a gemeentelijke Oekraïne-locatie (`locatie_id`), or private shelter (no location)."""


class OntheemdeGeregistreerd(Gegevens):
    """The gemeente registered an ontheemde from Ukraine (temporary protection; no V-nummer, the persoon_id stands for the BSN)."""

    persoon_id: uuid.UUID
    datum: Datum


class OntheemdeGeplaatst(Gegevens):
    """An ontheemde's stay began: in a gemeentelijke Oekraïne-locatie or in particuliere opvang (`locatie_id` null)."""

    persoon_id: uuid.UUID
    opvangsoort: Opvangsoort
    locatie_id: str | None
    datum: Datum


class OntheemdeVerplaatst(Gegevens):
    """An ontheemde moved (between locations, or to or from particuliere opvang); `verplaatsingen` counts their moves so far."""

    persoon_id: uuid.UUID
    van_opvangsoort: Opvangsoort
    van_locatie_id: str | None
    naar_opvangsoort: Opvangsoort
    naar_locatie_id: str | None
    datum: Datum
    verplaatsingen: int


class OntheemdeVertrokken(Gegevens):
    """An ontheemde's stay ended (`reden`: terugkeer, ander-land, andere-gemeente, eigen-woonruimte, overleden, onbekend)."""

    persoon_id: uuid.UUID
    opvangsoort: Opvangsoort
    locatie_id: str | None
    datum: Datum
    reden: str


class EigenBijdrageVastgesteld(Gegevens):
    """From `datum` on an ontheemde owes the eigen bijdrage for opvang (TWOO, since 1 July 2024), or is exempt on `vrijstellingsgrond`."""

    persoon_id: uuid.UUID
    datum: Datum
    plichtig: bool
    vrijstellingsgrond: str | None


class TijdelijkeBeschermingBeeindigd(Gegevens):
    """The temporary protection of ontheemden from Ukraine ended: `einddatum` was its last day (recorded by welkom's clock)."""

    einddatum: Datum


class TijdelijkeBeschermingVerschoven(Gegevens):
    """A Rijk decision moved the end of the temporary protection to `einddatum`; `heropend`: after welkom had recorded it ended."""

    einddatum: Datum
    vorige_einddatum: Datum
    besluitdatum: Datum
    heropend: bool
