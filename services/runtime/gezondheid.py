"""Whether welkom keeps up: a stalled relay or a consumer lag that keeps growing makes /health say degraded."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field

RELAY_STIL_S = 60.0
"""A relay with a backlog whose position has not moved for this long is stalled."""

GROEIT_METINGEN = 4
"""A consumer lag that rose in each of this many measurements in a row keeps growing."""


@dataclass
class _Relay:
    positie: int
    bewogen: float


@dataclass
class Gezondheid:
    """Fed by the stack's watcher; read by /health and `welkom status`. Reasons name services
    and topics only, never a person."""

    lag: dict[tuple[str, str], deque[int]] = field(default_factory=dict)
    relays: dict[str, _Relay] = field(default_factory=dict)
    achterstand: dict[str, int] = field(default_factory=dict)
    broker_fout: str | None = None

    def meet_lag(self, meting: dict[str, dict[str, int]]) -> None:
        self.broker_fout = None
        for service, per_topic in meting.items():
            for topic, waarde in per_topic.items():
                self.lag.setdefault((service, topic), deque(maxlen=GROEIT_METINGEN + 1)).append(waarde)

    def meet_relay(self, service: str, positie: int, achterstand: int, nu: float | None = None) -> None:
        nu = time.monotonic() if nu is None else nu
        vorige = self.relays.get(service)
        if vorige is None or vorige.positie != positie or achterstand == 0:
            self.relays[service] = _Relay(positie, nu)
        self.achterstand[service] = achterstand

    def redenen(self, nu: float | None = None) -> list[str]:
        """Why welkom is degraded; empty when it keeps up."""
        nu = time.monotonic() if nu is None else nu
        uit = []
        for service, relay in sorted(self.relays.items()):
            if self.achterstand.get(service, 0) > 0 and nu - relay.bewogen >= RELAY_STIL_S:
                uit.append(f"relay {service}: {self.achterstand[service]} stored events unpublished, "
                           f"no progress for {nu - relay.bewogen:.0f} s")
        for (service, topic), reeks in sorted(self.lag.items()):
            waarden = list(reeks)
            if len(waarden) > GROEIT_METINGEN and all(b > a for a, b in zip(waarden, waarden[1:])):
                uit.append(f"inbox {service} on {topic}: lag keeps growing ({waarden[-1]} records)")
        if self.broker_fout:
            uit.append(f"lag not measurable: {self.broker_fout}")
        return uit
