"""Outbound events of the mzd service (mensen zonder documenten) on gemeente.mzd."""

from __future__ import annotations

import uuid
from typing import Literal

from events.base import Datum, Gegevens

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
