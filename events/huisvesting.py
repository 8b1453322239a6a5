"""Outbound events of the huisvesting service on gemeente.huisvesting."""

from __future__ import annotations

import uuid

from typing import Literal

from events.base import Datum, Gegevens, Periode
from events.corporaties import Woningsoort

Persoonsgegeven = Literal["bsn", "iban"]

HUISVESTINGSDOSSIER_GEOPEND = "nl.statushouders.huisvestingsdossier-geopend"
TAAKSTELLING_GEREGISTREERD = "nl.statushouders.taakstelling-geregistreerd"
WONING_AANGEBODEN = "nl.statushouders.woning-aangeboden"
AANBOD_GEACCEPTEERD = "nl.statushouders.aanbod-geaccepteerd"
AANBOD_GEWEIGERD = "nl.statushouders.aanbod-geweigerd"
VERHUISD = "nl.statushouders.verhuisd"
HUISVESTINGSTERMIJN_VERSTREKEN = "nl.statushouders.huisvestingstermijn-verstreken"
VERHUISTERMIJN_VERSTREKEN = "nl.statushouders.verhuistermijn-verstreken"
AANBOD_INGETROKKEN = "nl.statushouders.aanbod-ingetrokken"
HUISVESTINGSDOSSIER_GEBLOKKEERD = "nl.statushouders.huisvestingsdossier-geblokkeerd"
HUISVESTINGSDOSSIER_GEDEBLOKKEERD = "nl.statushouders.huisvestingsdossier-gedeblokkeerd"
NAREIZIGER_TOEGEVOEGD = "nl.statushouders.nareiziger-toegevoegd"


class HuisvestingsdossierGeopend(Gegevens):
    """A household was linked to Nijmegen; the 10-week term to offer a home started."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    personen: list[uuid.UUID]
    koppeldatum: Datum
    termijn_verloopt_op: Datum
    amv: bool = False
    """An alleenstaande minderjarige vreemdeling: a household of one, under 18 at koppeling."""


class TaakstellingGeregistreerd(Gegevens):
    """The huisvestingstaakstelling of a half-year period, in persons, as recorded."""

    periode: Periode
    aantal: int
    amv_aantal: int | None = None


class WoningAangeboden(Gegevens):
    """A home was offered to a household; the 2-week term to move started."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    woning_id: str
    wijk: str
    soort: Woningsoort
    max_bewoners: int
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
    woningsoort: Woningsoort
    datum: Datum
    verhuistermijn_gehaald: bool
    eerste_huisvesting: bool
    """False for the move from a doorstroom home to a regular one (counted once, at the first)."""


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


class AanbodIngetrokken(Gegevens):
    """Staff withdrew an offer whose move term expired; the home goes to the next candidate."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    woning_id: str
    datum: Datum
    reden: str


class HuisvestingsdossierGeblokkeerd(Gegevens):
    """The main person lacks a BSN and/or IBAN: the household is not matched until they arrive."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    ontbreekt: list[Persoonsgegeven]
    datum: Datum


class HuisvestingsdossierGedeblokkeerd(Gegevens):
    """The missing persoonsgegevens arrived: the household is matched again."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    datum: Datum
    geblokkeerd_sinds: Datum


class NareizigerToegevoegd(Gegevens):
    """A nareiziger joined the household; before housing it needs a bigger home, after it a
    follow-up need is recorded (`vervolgbehoefte`)."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    nareiziger_id: uuid.UUID
    huishoudgrootte: int
    datum: Datum
    vervolgbehoefte: bool
