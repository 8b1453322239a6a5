"""The pieces of the report's Dutch lines for `welkom rapport`: a figure or -, a count per kind, a share in percent."""

from __future__ import annotations

from typing import Any

BREEDTE = 28
"""The width of a line's label, as in `tekst.py`."""


def g(v: Any) -> str:
    """A figure, or - when it is unknown."""
    return "-" if v is None else str(v)


def telling(d: dict[str, Any], alleen_bezet: bool = False) -> str:
    """`a 3, b <5` (with `alleen_bezet` only the counts that are not 0), or `-`."""
    return ", ".join(f"{k} {v}" for k, v in d.items() if not (alleen_bezet and v == 0)) or "-"


def procent(v: float | None, decimalen: int = 0) -> str:
    """A share (a fraction) in percent, or - when it is unknown."""
    return "-" if v is None else f"{v:.{decimalen}%}"
