"""The rate limit per token subject on the command and audit endpoints, with the `limits` library (moving window, in memory)."""

from __future__ import annotations

import math
import time

from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter


class Limiet:
    """`120/minute` (the `limits` syntax) per subject: one process's memory, so a restart resets it."""

    def __init__(self, tekst: str) -> None:
        self.item = parse(tekst)
        self._limiter = MovingWindowRateLimiter(MemoryStorage())

    def neem(self, sleutel: str) -> int | None:
        """Count one request of `sleutel`: None when allowed, else the seconds until it may try again."""
        if self._limiter.hit(self.item, sleutel):
            return None
        reset, _ = self._limiter.get_window_stats(self.item, sleutel)
        return max(1, math.ceil(reset - time.time()))
