"""What every correction of a staff-entered fact shares: it must change something, and it is dated for the read side."""

from __future__ import annotations

import datetime as dt
from typing import Any

from services.domain import Domeinfout


class NietsGecorrigeerdFout(Domeinfout):
    """The correction gives the values already recorded: there is nothing to correct."""


def eis_wijziging(oud: Any, nieuw: Any) -> None:
    """Refuse a correction that would record the values the fact already has."""
    if oud == nieuw:
        raise NietsGecorrigeerdFout()


def verschuif_einde(wijzigingen: list[tuple[dt.date, Any]], waarde: list[str], einde: Any) -> None:
    """Fold a corrected end date into a read model's dated changes of one thing (a stay): the end
    recorded on the wrong date (`waarde`: [wrong, right], ISO) moves to the right one. `einde` is how
    the read model marks an end."""
    oud, nieuw = (dt.date.fromisoformat(d) for d in waarde)
    if (oud, einde) in wijzigingen:
        wijzigingen.remove((oud, einde))
    wijzigingen.append((nieuw, einde))


def feitdatum(oude_datum: dt.date, datum: dt.date) -> dt.date:
    """The date of a correction's fact in a read model: the earlier of the wrong and the right date.

    Reports read the facts dated up to their peildatum, so the correction must be read whenever
    the fact it corrects is (to supersede it) and whenever the corrected date has come (to count
    it); the fold then counts the fact on its corrected date only."""
    return min(oude_datum, datum)
