"""A service's read model composed of parts, one per concern: their facts, states and figures in one report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from types import ModuleType
from typing import Any, NamedTuple

from services.runtime.views import Feit


class Leesmodel(NamedTuple):
    """What the views and reports ask of a service's read model (`projections.py`)."""

    BRONNEN: tuple[type, ...]
    feiten: Callable[[Any], Iterator[Feit]]
    staat: Callable[[Iterable[Feit]], dict[str, Any]]
    rapport: Callable[[dict[str, Any], dt.date], dict[str, Any]]


def samengesteld(delen: tuple[ModuleType, ...]) -> Leesmodel:
    """The read model of these parts. Each part has `BRONNEN`, `feiten(event)`, `staat(facts)` (it
    ignores the facts of other parts) and `rapport(staten, peildatum)`, which may read every part's
    state (keyed by the part's module name)."""

    def feiten(e: Any) -> Iterator[Feit]:
        """The facts of one stored event, from every part that reads its class."""
        for deel in delen:
            if isinstance(e, deel.BRONNEN):
                yield from deel.feiten(e)

    def staat(rijen: Iterable[Feit]) -> dict[str, Any]:
        """Every part's state from the facts (read once, in stored order)."""
        alle = list(rijen)
        return {deel.__name__: deel.staat(alle) for deel in delen}

    def rapport(staten: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
        """The kengetallen as known on the peildatum: the figures of every part."""
        uit: dict[str, Any] = {}
        for deel in delen:
            uit.update(deel.rapport(staten, peildatum))
        return uit

    return Leesmodel(tuple(bron for deel in delen for bron in deel.BRONNEN), feiten, staat, rapport)
