"""Which persons a stored event concerns: its person, a nareiziger, or every member of a household."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any


def personen_van(event: Any) -> Iterator[uuid.UUID]:
    """The persoon_ids an event names (the audit index is built from these)."""
    for veld in ("persoon_id", "nareiziger_id"):
        waarde = getattr(event, veld, None)
        if isinstance(waarde, uuid.UUID):
            yield waarde
    yield from (p for p in getattr(event, "personen", None) or () if isinstance(p, uuid.UUID))
