"""Outbound events of the huisvesting service on gemeente.huisvesting."""

from __future__ import annotations

import uuid

from events.base import Datum, Gegevens, Periode

HUISVESTINGSDOSSIER_GEOPEND = "nl.statushouders.huisvestingsdossier-geopend"
TAAKSTELLING_GEREGISTREERD = "nl.statushouders.taakstelling-geregistreerd"
WONING_AANGEBODEN = "nl.statushouders.woning-aangeboden"
AANBOD_GEACCEPTEERD = "nl.statushouders.aanbod-geaccepteerd"
AANBOD_GEWEIGERD = "nl.statushouders.aanbod-geweigerd"
VERHUISD = "nl.statushouders.verhuisd"
HUISVESTINGSTERMIJN_VERSTREKEN = "nl.statushouders.huisvestingstermijn-verstreken"
VERHUISTERMIJN_VERSTREKEN = "nl.statushouders.verhuistermijn-verstreken"


class HuisvestingsdossierGeopend(Gegevens):
    """A household was linked to Nijmegen; the 10-week term to offer a home started."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    personen: list[uuid.UUID]
    koppeldatum: Datum
    termijn_verloopt_op: Datum


class TaakstellingGeregistreerd(Gegevens):
    """The huisvestingstaakstelling of a half-year period, in persons, as recorded."""

    periode: Periode
    aantal: int


class WoningAangeboden(Gegevens):
    """A home was offered to a household; the 2-week term to move started."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    woning_id: str
    wijk: str
    soort: str
    huishoudgrootte: int
    datum: Datum
    verhuistermijn_verloopt_op: Datum


class AanbodGeaccepteerd(Gegevens):
    """The household accepted the offered home."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    woning_id: str
    datum: Datum


class AanbodGeweigerd(Gegevens):
    """The household refused the offered home; the dossier is back in the queue."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    woning_id: str
    datum: Datum
    reden: str


class Verhuisd(Gegevens):
    """The household moved into its home; `personen` leave the opvang."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    personen: list[uuid.UUID]
    woning_id: str
    datum: Datum
    verhuistermijn_gehaald: bool


class HuisvestingstermijnVerstreken(Gegevens):
    """Ten weeks passed since koppeling without an offer of a home (Huisvestingswet 2014)."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    verlopen_op: Datum


class VerhuistermijnVerstreken(Gegevens):
    """Two weeks passed since the offer without moving in."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    woning_id: str
    verlopen_op: Datum
