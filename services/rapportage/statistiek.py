"""Small statistics the reports of several services share: quantiles by linear interpolation."""

from __future__ import annotations

import math


def kwantiel(waarden: list[int], q: float) -> float | None:
    """The q-quantile by linear interpolation between the sorted values, one decimal; None without values."""
    if not waarden:
        return None
    gesorteerd = sorted(waarden)
    positie = q * (len(gesorteerd) - 1)
    onder, boven = math.floor(positie), math.ceil(positie)
    waarde = gesorteerd[onder] + (gesorteerd[boven] - gesorteerd[onder]) * (positie - onder)
    return round(waarde, 1)
