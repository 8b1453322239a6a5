"""Half-year taakstelling periods: `2024-H1` is January to June 2024, `2024-H2` July to December."""

from __future__ import annotations

import datetime as dt

Periode = tuple[int, int]
"""(year, half): (2024, 1) is 2024-H1."""


def periode_van(datum: dt.date) -> tuple[str, dt.date]:
    """The half-year period containing a date, and its first day."""
    if datum.month <= 6:
        return f"{datum.year}-H1", dt.date(datum.year, 1, 1)
    return f"{datum.year}-H2", dt.date(datum.year, 7, 1)


def periode(datum: dt.date) -> Periode:
    """The half-year period containing a date."""
    return (datum.year, 1 if datum.month <= 6 else 2)


def naam(p: Periode) -> str:
    """A period's name, as the Rijk uses it: `2024-H1`."""
    return f"{p[0]}-H{p[1]}"


def ontleed(naam: str) -> Periode:
    """The period of a name such as `2024-H1`."""
    jaar, helft = naam.split("-H")
    return (int(jaar), int(helft))


def volgende(p: Periode) -> Periode:
    """The half-year period after p."""
    return (p[0], 2) if p[1] == 1 else (p[0] + 1, 1)
