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
HUISVESTINGSTERMIJN_HERZIEN = "nl.statushouders.huisvestingstermijn-herzien"
VERHUISTERMIJN_HERZIEN = "nl.statushouders.verhuistermijn-herzien"
IBAN_REGISTRATIE_GECORRIGEERD = "nl.statushouders.iban-registratie-gecorrigeerd"
DEBLOKKERING_GECORRIGEERD = "nl.statushouders.huisvestingsdossier-deblokkering-gecorrigeerd"
AANBOD_ACCEPTATIE_GECORRIGEERD = "nl.statushouders.aanbod-acceptatie-gecorrigeerd"
AANBOD_WEIGERING_GECORRIGEERD = "nl.statushouders.aanbod-weigering-gecorrigeerd"
AANBOD_INTREKKING_GECORRIGEERD = "nl.statushouders.aanbod-intrekking-gecorrigeerd"
VERHUIZING_GECORRIGEERD = "nl.statushouders.verhuizing-gecorrigeerd"


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


class HuisvestingstermijnHerzien(Gegevens):
    """An offer dated within the 10-week term arrived after that term was recorded as expired: the term was met."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    verlopen_op: Datum
    """The term's last day, as in the `huisvestingstermijn-verstreken` this revises."""
    gehaald_op: Datum
    """The date of the fact that met the term (the offer)."""
    reden: Literal["woning-aangeboden"]


class VerhuistermijnHerzien(Gegevens):
    """A move dated within its 2-week term arrived (or was corrected into it) after that term was recorded as expired: the term was met."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    woning_id: str
    verlopen_op: Datum
    """The term's last day, as in the `verhuistermijn-verstreken` this revises."""
    gehaald_op: Datum
    """The date of the move."""
    reden: Literal["verhuisd", "verhuizing-gecorrigeerd"]


class IbanRegistratieGecorrigeerd(Gegevens):
    """Staff corrected the date on which they registered a person's IBAN (the number is never stored)."""

    persoon_id: uuid.UUID
    datum: Datum
    oude_datum: Datum
    reden: str


class HuisvestingsdossierDeblokkeringGecorrigeerd(Gegevens):
    """A corrected registration date moved the day the dossier's block was lifted."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    datum: Datum
    oude_datum: Datum
    geblokkeerd_sinds: Datum
    reden: str


class AanbodAcceptatieGecorrigeerd(Gegevens):
    """Staff corrected the date of an acceptance they recorded."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    woning_id: str
    datum: Datum
    oude_datum: Datum
    reden: str


class AanbodWeigeringGecorrigeerd(Gegevens):
    """Staff corrected the date and/or reason of a refusal they recorded (the home's next offer keeps its date)."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    woning_id: str
    datum: Datum
    oude_datum: Datum
    weigerreden: str
    oude_weigerreden: str
    reden: str


class AanbodIntrekkingGecorrigeerd(Gegevens):
    """Staff corrected the date and/or reason of a withdrawal they recorded (still after the move term)."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    woning_id: str
    datum: Datum
    oude_datum: Datum
    intrekreden: str
    oude_intrekreden: str
    reden: str


class VerhuizingGecorrigeerd(Gegevens):
    """Staff corrected the date of a move they recorded; `personen` left the opvang on the corrected date."""

    dossier_id: uuid.UUID
    persoon_id: uuid.UUID
    personen: list[uuid.UUID]
    woning_id: str
    woningsoort: Woningsoort
    datum: Datum
    oude_datum: Datum
    verhuistermijn_gehaald: bool
    eerste_huisvesting: bool
    reden: str
