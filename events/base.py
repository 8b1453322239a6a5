"""Base model for the `data` of every CloudEvent: strict, closed, and silent about input values."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Vnummer = Annotated[str, StringConstraints(pattern=r"^[0-9]{10}$")]
"""A vreemdelingennummer: ten digits."""

Gemeentecode = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}$")]
"""A CBS gemeentecode: four digits (Nijmegen is 0268)."""

Periode = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-H[12]$")]
"""A half-year period of the huisvestingstaakstelling, e.g. 2024-H1."""

Datum = dt.date


class Gegevens(BaseModel):
    """The `data` of a CloudEvent. Validated from JSON in strict mode: no coercion, no extra fields.

    `hide_input_in_errors` keeps personal data out of validation messages (they end up in DLQ
    reasons and logs).
    """

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        frozen=True,
        hide_input_in_errors=True,
    )
