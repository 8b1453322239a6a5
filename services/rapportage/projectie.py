"""The read model of all four services, folded from their event stores (live or rebuilt)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Mapping
from typing import Any

from services import catalogus
from services.runtime.application import WelkomApplication


class Projectie:
    """Folds each store's notification log, in order, through the service's projection module."""

    def __init__(self, apps: Mapping[str, WelkomApplication]) -> None:
        self.apps = dict(apps)
        services = catalogus.per_naam()
        self.services = {naam: services[naam] for naam in self.apps}
        self.staat: dict[str, dict[str, Any]] = {
            naam: service.projections.nieuw() for naam, service in self.services.items()
        }
        self.posities: dict[str, int] = {naam: 0 for naam in self.apps}
        self._lock = threading.Lock()
        self._bij_lock = threading.Lock()

    def bij(self, blok: int = 1000) -> int:
        """Apply every notification stored since the last call; the number applied.

        One caller at a time: the live loop, the HTTP report and the demo all call this.
        """
        with self._bij_lock:
            return self._bij(blok)

    def _bij(self, blok: int) -> int:
        totaal = 0
        for naam, app in self.apps.items():
            projections = self.services[naam].projections
            while True:
                notifications = app.recorder.select_notifications(self.posities[naam] + 1, blok)
                if not notifications:
                    break
                with self._lock:
                    for notification in notifications:
                        projections.pas_toe(self.staat[naam], app.mapper.to_domain_event(notification))
                        self.posities[naam] = notification.id
                totaal += len(notifications)
        return totaal

    def rapport(self, peildatum: dt.date) -> dict[str, Any]:
        """The kengetallen of every service as known on the peildatum, in the order of the chain."""
        with self._lock:
            uit: dict[str, Any] = {"peildatum": peildatum.isoformat()}
            for service in catalogus.alle():
                if service.name in self.staat:
                    uit[service.name] = service.projections.rapport(self.staat[service.name], peildatum)
            return uit

    def werk_metrics_bij(self, peildatum: dt.date) -> None:
        """Each service sets its own gauges from its part of the report."""
        rapport = self.rapport(peildatum)
        for naam, service in self.services.items():
            service.metrics.werk_bij(rapport[naam])


def herbouw(apps: Mapping[str, WelkomApplication]) -> Projectie:
    """A read model rebuilt from nothing but the event stores (guarantee 5)."""
    projectie = Projectie(apps)
    projectie.bij()
    return projectie
