"""Base model for the `data` of every CloudEvent: strict, closed, and silent about input values."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints
from pydantic_core import PydanticCustomError

Vnummer = Annotated[str, StringConstraints(pattern=r"^[0-9]{10}$")]
"""A vreemdelingennummer: ten digits."""

Gemeentecode = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}$")]
"""A CBS gemeentecode: four digits (Nijmegen is 0268)."""

Periode = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-H[12]$")]
"""A half-year period of the huisvestingstaakstelling, e.g. 2024-H1."""

JJJJ_MM_DD = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _alleen_jjjj_mm_dd(waarde: object) -> dt.date:
    """Read only `YYYY-MM-DD` text as a date (a date object from welkom's own code passes as it is):
    pydantic itself would read `0` or `"0"` as 1970-01-01 (a Unix timestamp), `"20241001"` as a
    timestamp, and `2024-10-01T00:00:00` (a datetime at midnight) as a date. The errors keep
    pydantic's own types (`date_parsing`, `date_type`): DLQ reasons and problems name those."""
    if isinstance(waarde, dt.date) and not isinstance(waarde, dt.datetime):
        return waarde
    if not isinstance(waarde, str):
        raise PydanticCustomError("date_type", "Input should be a date written YYYY-MM-DD")
    try:
        if JJJJ_MM_DD.fullmatch(waarde):
            return dt.date.fromisoformat(waarde)
    except ValueError:
        pass  # a day that does not exist (2024-02-30)
    raise PydanticCustomError("date_parsing", "Input should be a valid date in the format YYYY-MM-DD")


Datum = Annotated[dt.date, BeforeValidator(_alleen_jjjj_mm_dd)]
"""Every date welkom reads (event data, command bodies, query parameters): exactly `YYYY-MM-DD`
(RFC 3339 full-date, OpenAPI/JSON Schema `format: date`), nothing pydantic would coerce into one."""


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
