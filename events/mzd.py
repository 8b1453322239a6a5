"""Outbound events of the mzd service (mensen zonder documenten) on gemeente.mzd."""

from __future__ import annotations

import uuid
from typing import Literal

from events.base import Datum, Gegevens
from events.bbb import Organisatie, Vertrekreden

ZAAK_GEOPEND = "nl.mzd.zaak-geopend"
TOEGELATEN_TOT_BBB = "nl.mzd.toegelaten-tot-bbb"
VERTREKTERMIJN_VERSTREKEN = "nl.mzd.vertrektermijn-verstreken"
BBB_TOELATING_GECORRIGEERD = "nl.mzd.bbb-toelating-gecorrigeerd"


class ZaakGeopend(Gegevens):
    """After a definitive refusal a case opened; the 28-day vertrektermijn started."""

    zaak_id: uuid.UUID
    persoon_id: uuid.UUID
    besluitdatum: Datum
    vertrektermijn_verloopt_op: Datum
    aanleiding: Literal["afwijzing", "intrekking"] = "afwijzing"
    """What opened it: a definitive refusal of the asylum application, or a withdrawn residence permit."""


class ToegelatenTotBbb(Gegevens):
    """The person was admitted to the sober BBB-opvang (bed, bad, brood)."""

    zaak_id: uuid.UUID
    persoon_id: uuid.UUID
    datum: Datum


class VertrektermijnVerstreken(Gegevens):
    """The 28-day vertrektermijn after the definitive refusal passed."""

    zaak_id: uuid.UUID
    persoon_id: uuid.UUID
    verlopen_op: Datum


class BbbToelatingGecorrigeerd(Gegevens):
    """Staff corrected the date of a BBB admission they recorded."""

    zaak_id: uuid.UUID
    persoon_id: uuid.UUID
    datum: Datum
    oude_datum: Datum
    reden: str


PERSOON_GELEGALISEERD = "nl.mzd.persoon-gelegaliseerd"


class PersoonGelegaliseerd(Gegevens):
    """A person with an open mzd case got a residence permit: the case closed with uitstroom legalisering, and the person re-enters the chain (huisvesting and inburgering take them up, without a COA koppeling)."""

    zaak_id: uuid.UUID
    persoon_id: uuid.UUID
    besluitdatum: Datum
    """The date of the IND's permit: the day the person became statushouder."""
    soort: Literal["asiel", "nareis", "regulier"]
    """The kind of permit, as the IND granted it."""


ZAAK_HEROPEND = "nl.mzd.zaak-heropend"
PROCEDURE_GESTART = "nl.mzd.procedure-gestart"
BBB_AANGEVRAAGD = "nl.mzd.bbb-aangevraagd"
BBB_BEOORDEELD = "nl.mzd.bbb-beoordeeld"
BBB_GEPLAATST = "nl.mzd.bbb-geplaatst"
BBB_VERTROKKEN = "nl.mzd.bbb-vertrokken"
PERSPECTIEF_VASTGESTELD = "nl.mzd.perspectief-vastgesteld"
UITGESTROOMD = "nl.mzd.uitgestroomd"

Perspectief = Literal["terugkeer", "doormigratie", "legalisering"]
Uitstroomreden = Literal["terugkeer", "doormigratie", "legalisering", "vertrokken-onbekend", "overleden", "overig"]
Weigerreden = Literal["geen-binding", "voorliggende-voorziening"]


class ZaakHeropend(Gegevens):
    """A new definitive refusal (after a repeat application) or a withdrawn permit for a person whose case exists: a new 28-day vertrektermijn starts in the same case."""

    zaak_id: uuid.UUID
    persoon_id: uuid.UUID
    besluitdatum: Datum
    vertrektermijn_verloopt_op: Datum
    aanleiding: Literal["afwijzing", "intrekking"]


class ProcedureGestart(Gegevens):
    """The person filed a repeat asylum application: the case is in "procedure loopt" and the vertrektermijn stops."""

    zaak_id: uuid.UUID
    persoon_id: uuid.UUID
    datum: Datum


class BbbAangevraagd(Gegevens):
    """The person applied for BBB-opvang; the gemeente assesses the conditions."""

    zaak_id: uuid.UUID
    persoon_id: uuid.UUID
    datum: Datum


class BbbBeoordeeld(Gegevens):
    """The gemeente assessed a BBB application: admitted when the person has binding with Nijmegen and no adequate voorliggende voorziening, else refused with the conditions not met."""

    zaak_id: uuid.UUID
    persoon_id: uuid.UUID
    datum: Datum
    toegelaten: bool
    weigerredenen: list[Weigerreden]
    """Empty when admitted; else each condition not met."""


class BbbGeplaatst(Gegevens):
    """A BBB organisation took in the admitted person."""

    zaak_id: uuid.UUID
    persoon_id: uuid.UUID
    organisatie: Organisatie
    datum: Datum


class BbbVertrokken(Gegevens):
    """The person left the BBB-opvang of an organisation."""

    zaak_id: uuid.UUID
    persoon_id: uuid.UUID
    organisatie: Organisatie
    datum: Datum
    reden: Vertrekreden


class PerspectiefVastgesteld(Gegevens):
    """Staff set or changed the perspective the person works towards: terugkeer, doormigratie or legalisering."""

    zaak_id: uuid.UUID
    persoon_id: uuid.UUID
    perspectief: Perspectief
    datum: Datum


class Uitgestroomd(Gegevens):
    """The case closed with an uitstroom and its reason (legalisering: see persoon-gelegaliseerd, published with it)."""

    zaak_id: uuid.UUID
    persoon_id: uuid.UUID
    datum: Datum
    reden: Uitstroomreden
