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
    geboortedatum: Datum | None = None
    """The person's birth date (optional, so producers that do not send it stay valid): a minor
    following a statushouder starts inburgering at 18, not on the besluitdatum. Absent, inburgering
    treats the person as an adult."""


class AsielaanvraagAfgewezen(Gegevens):
    """The IND refused an asylum application; `definitief` when no appeal is left."""

    vnummer: Vnummer
    besluitdatum: Datum
    definitief: bool


ASIELAANVRAAG_INGEDIEND = "nl.vreemdelingen.asielaanvraag-ingediend"
VERBLIJFSVERGUNNING_INGETROKKEN = "nl.vreemdelingen.verblijfsvergunning-ingetrokken"


class AsielaanvraagIngediend(Gegevens):
    """An asylum application was filed; `herhaald` when it follows an earlier refusal (a repeat application: the procedure runs again)."""

    vnummer: Vnummer
    datum: Datum
    herhaald: bool


class VerblijfsvergunningIngetrokken(Gegevens):
    """The IND withdrew a residence permit: the person has no right of residence any more and must leave."""

    vnummer: Vnummer
    datum: Datum
