"""Inbound events of the BRP (basisregistratie personen) on keten.brp."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator
from stdnum.nl import bsn as _bsn

from events.base import Datum, Gegevens, Vnummer

INGESCHREVEN_IMMIGRATIE = "nl.brp.ingeschreven-immigratie"


def _elfproef(waarde: str) -> str:
    if len(waarde) != 9 or not _bsn.is_valid(waarde):
        raise ValueError("not a valid BSN (nine digits passing the elfproef)")
    return waarde


Bsn = Annotated[str, AfterValidator(_elfproef)]
"""A burgerservicenummer: nine digits that pass the elfproef."""


class IngeschrevenImmigratie(Gegevens):
    """A person was registered in the BRP on immigration: from now on they have a BSN."""

    vnummer: Vnummer
    bsn: Bsn
    datum: Datum
