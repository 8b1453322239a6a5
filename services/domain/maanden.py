"""Calendar months: the same day some months later, as the terms of the Wet inburgering and VWN's begeleiding count."""

from __future__ import annotations

import calendar
import datetime as dt


def plus_maanden(datum: dt.date, maanden: int) -> dt.date:
    """The same day `maanden` calendar months later (the month's last day when it has no such day)."""
    maand = datum.month - 1 + maanden
    jaar, maand = datum.year + maand // 12, maand % 12 + 1
    return dt.date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))
