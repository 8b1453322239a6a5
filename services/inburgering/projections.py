"""Inburgering's read model, composed of one part per concern: each part's facts, state and figures, in one report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from types import ModuleType
from typing import Any

from services.inburgering import rapport_begeleiding, rapport_participatie, rapport_plicht, rapport_trajecten
from services.runtime.views import Feit

DELEN: tuple[ModuleType, ...] = (rapport_trajecten, rapport_plicht, rapport_begeleiding, rapport_participatie)
"""The parts: each has `BRONNEN`, `feiten(event)`, `staat(facts)` (it ignores facts of other parts)
and `rapport(staten, peildatum)`, which may read every part's state."""

BRONNEN = tuple(bron for deel in DELEN for bron in deel.BRONNEN)
"""The stored event classes `feiten` turns into facts (the views decode no others for facts)."""


def feiten(e: Any) -> Iterator[Feit]:
    """The facts of one stored event, from every part that reads its class."""
    for deel in DELEN:
        if isinstance(e, deel.BRONNEN):
            yield from deel.feiten(e)


def staat(rijen: Iterable[Feit]) -> dict[str, Any]:
    """Every part's state from the facts (read once, in stored order)."""
    alle = list(rijen)
    return {deel.__name__: deel.staat(alle) for deel in DELEN}


def rapport(staten: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """Inburgering's kengetallen as known on the peildatum: the figures of every part."""
    uit: dict[str, Any] = {}
    for deel in DELEN:
        uit.update(deel.rapport(staten, peildatum))
    return uit
