"""Age on a date, adulthood, and the alleenstaande minderjarige vreemdeling (AMV): shared by every opgave."""

from __future__ import annotations

import datetime as dt

MEERDERJARIG = 18


def leeftijd(geboortedatum: dt.date, op: dt.date) -> int:
    """Age in whole years on a date."""
    return op.year - geboortedatum.year - ((op.month, op.day) < (geboortedatum.month, geboortedatum.day))


def meerderjarig_op(geboortedatum: dt.date) -> dt.date:
    """The day a person turns 18 (born on 29 February: 1 March when the year is no leap year), as `leeftijd` counts."""
    try:
        return geboortedatum.replace(year=geboortedatum.year + MEERDERJARIG)
    except ValueError:
        return dt.date(geboortedatum.year + MEERDERJARIG, 3, 1)


def is_amv(geboortedata: list[dt.date], koppeldatum: dt.date) -> bool:
    """Alleenstaande minderjarige vreemdeling: a household of one, under 18 on the koppeldatum."""
    return len(geboortedata) == 1 and leeftijd(geboortedata[0], koppeldatum) < MEERDERJARIG
