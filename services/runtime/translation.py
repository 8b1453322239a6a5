"""What every service's translation module yields: the bus events for one stored event."""

from __future__ import annotations

from typing import Any

from events.base import Gegevens

Uitgaand = tuple[str, Any, Gegevens]
"""(CloudEvent type, subject persoon_id or None, data) of one outbound bus event."""
