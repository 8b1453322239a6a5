"""Domain building blocks every service shares: base error, the inbox receipt and the term calendar."""

from __future__ import annotations


class Domeinfout(Exception):
    """An input that breaks a domain rule. Its class name is the reason (no personal data)."""

    @property
    def reden(self) -> str:
        return f"domeinregel:{type(self).__name__}"
