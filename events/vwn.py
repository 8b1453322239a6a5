"""Inbound events of VluchtelingenWerk (VWN) on keten.vwn: the maatschappelijke begeleiding of statushouders."""

from __future__ import annotations

from events.base import Datum, Gegevens, Vnummer

MAATSCHAPPELIJKE_BEGELEIDING_GESTART = "nl.begeleiding.maatschappelijke-begeleiding-gestart"
MAATSCHAPPELIJKE_BEGELEIDING_VERLENGD = "nl.begeleiding.maatschappelijke-begeleiding-verlengd"
MAATSCHAPPELIJKE_BEGELEIDING_BEEINDIGD = "nl.begeleiding.maatschappelijke-begeleiding-beeindigd"


class MaatschappelijkeBegeleidingGestart(Gegevens):
    """VWN started the maatschappelijke begeleiding of a statushouder: 8 months from `datum` (seed 001 §3.5)."""

    vnummer: Vnummer
    datum: Datum
    """The first day of the begeleiding."""


class MaatschappelijkeBegeleidingVerlengd(Gegevens):
    """VWN extended a running begeleiding, to `einddatum` or, without one, to the most the rule allows: 12 months from its start."""

    vnummer: Vnummer
    datum: Datum
    """The day VWN decided the extension (on or before the end then in force)."""
    einddatum: Datum | None = None
    """The new last day of the begeleiding; at most 12 months after its start."""


class MaatschappelijkeBegeleidingBeeindigd(Gegevens):
    """VWN ended the begeleiding of a statushouder (before, or on, the end of its term)."""

    vnummer: Vnummer
    datum: Datum
    """The last day of the begeleiding."""
