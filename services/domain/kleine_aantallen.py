"""Small-cell suppression: a count of people under 5 in a report cell is shown as "<5", so no cell points at a person.

The one rule every report uses for counts of people in a sensitive breakdown (a kwetsbare groep,
a bijzondere behoefte): a count from 0 up to and including 4 becomes the string `"<5"`; 5 or
more is shown as it is. Zero is suppressed too, so a cell never tells whether a small group is
present at all. Apply it to every cell of a breakdown (`onderdruk_telling`), and show no total
or complement beside it from which a suppressed cell could be recomputed (secondary
disclosure): a breakdown whose categories do not cover a known total is safe to show next to it.

Prometheus keeps exact numbers and cannot suppress, so a suppressed breakdown gets no gauge.
"""

from __future__ import annotations

from collections.abc import Mapping

DREMPEL = 5
"""The smallest count that is shown as a number."""

ONDERDRUKT = f"<{DREMPEL}"
"""What a suppressed cell shows."""


def onderdruk(aantal: int) -> int | str:
    """A count of people as a report may show it: the count itself from DREMPEL on, else "<5"."""
    return aantal if aantal >= DREMPEL else ONDERDRUKT


def onderdruk_telling(telling: Mapping[str, int]) -> dict[str, int | str]:
    """Every cell of a breakdown suppressed alike, in the breakdown's order."""
    return {sleutel: onderdruk(aantal) for sleutel, aantal in telling.items()}
