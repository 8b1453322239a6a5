"""Toekomstvenster: a fact may be dated at most a window after today (today is given, never read here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from services.domain import Domeinfout

TOEKOMSTVENSTER_DAGEN = 30
"""Default window (WELKOM_TOEKOMST_VENSTER_DAGEN). Staff record what happened, or is about to: a
move planned within its 2-week term; corporaties announce a home about a month ahead (the notice
period of a Dutch tenancy). A month allows both and refuses typos such as 9999-12-31 or 2042 for
2024, which would otherwise rule the history (a dossier blocked until 9999, terms past any date)."""


class ToekomstigeDatumFout(Domeinfout):
    """The fact is dated further in the future than the configured window (WELKOM_TOEKOMST_VENSTER_DAGEN) allows."""


def eis_binnen_venster(datums: Iterable[dt.date | None], vandaag: dt.date, venster: dt.timedelta) -> None:
    """Refuse when any of the dates lies more than `venster` after `vandaag`."""
    grens = vandaag + venster
    if any(d is not None and d > grens for d in datums):
        raise ToekomstigeDatumFout()
