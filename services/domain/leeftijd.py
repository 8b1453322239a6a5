"""Age on a date, adulthood, and the alleenstaande minderjarige vreemdeling (AMV): shared by every opgave."""

from __future__ import annotations

import datetime as dt

MEERDERJARIG = 18


def leeftijd(geboortedatum: dt.date, op: dt.date) -> int:
    """Age in whole years on a date."""
    return op.year - geboortedatum.year - ((op.month, op.day) < (geboortedatum.month, geboortedatum.day))


def is_amv(geboortedata: list[dt.date], koppeldatum: dt.date) -> bool:
    """Alleenstaande minderjarige vreemdeling: a household of one, under 18 on the koppeldatum."""
    return len(geboortedata) == 1 and leeftijd(geboortedata[0], koppeldatum) < MEERDERJARIG
