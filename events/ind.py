"""Inbound events of the IND (Immigratie- en Naturalisatiedienst) on keten.ind."""

from __future__ import annotations

from typing import Literal

from events.base import Datum, Gegevens, Vnummer

VERBLIJFSVERGUNNING_VERLEEND = "nl.vreemdelingen.verblijfsvergunning-verleend"
ASIELAANVRAAG_AFGEWEZEN = "nl.vreemdelingen.asielaanvraag-afgewezen"


class VerblijfsvergunningVerleend(Gegevens):
    """The IND granted a residence permit: the person becomes statushouder (a nareiziger follows a referent)."""

    vnummer: Vnummer
    besluitdatum: Datum
    soort: Literal["asiel", "nareis", "regulier"]
    referent_vnummer: Vnummer | None = None
    """For `nareis`: the statushouder this family member follows (joins their household)."""


class AsielaanvraagAfgewezen(Gegevens):
    """The IND refused an asylum application; `definitief` when no appeal is left."""

    vnummer: Vnummer
    besluitdatum: Datum
    definitief: bool
