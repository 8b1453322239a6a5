"""The read model of all four services, folded from their event stores (live or rebuilt)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any

from prometheus_client import Gauge

from services.runtime.application import WelkomApplication
from services.huisvesting import metrics as huisvesting_metrics
from services.huisvesting import projections as huisvesting
from services.inburgering import projections as inburgering
from services.mzd import projections as mzd
from services.opvang import projections as opvang

MODULES: dict[str, ModuleType] = {
    "opvang": opvang,
    "huisvesting": huisvesting,
    "inburgering": inburgering,
    "mzd": mzd,
}

GAUGES = {
    ("inburgering", "intake_wachtlijst"): Gauge(
        "welkom_inburgering_intake_wachtlijst_personen", "Adults waiting for their brede intake."
    ),
    ("opvang", "bewoners_in_opvang"): Gauge(
        "welkom_opvang_bewoners_personen", "Persons staying in a reception location."
    ),
    ("mzd", "zaken_open"): Gauge("welkom_mzd_zaken_open", "Open mzd cases."),
}
"""One gauge per headline kengetal of a service's report."""

METRICS: dict[str, Callable[[dict[str, Any]], None]] = {"huisvesting": huisvesting_metrics.werk_bij}
"""Services with a richer set of gauges set them from their own report."""


class Projectie:
    """Folds each store's notification log, in order, through the service's projection module."""

    def __init__(self, apps: Mapping[str, WelkomApplication]) -> None:
        self.apps = dict(apps)
        self.staat: dict[str, dict[str, Any]] = {naam: MODULES[naam].nieuw() for naam in self.apps}
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
            while True:
                notifications = app.recorder.select_notifications(self.posities[naam] + 1, blok)
                if not notifications:
                    break
                with self._lock:
                    for notification in notifications:
                        MODULES[naam].pas_toe(self.staat[naam], app.mapper.to_domain_event(notification))
                        self.posities[naam] = notification.id
                totaal += len(notifications)
        return totaal

    def rapport(self, peildatum: dt.date) -> dict[str, Any]:
        """The kengetallen of every service as known on the peildatum."""
        with self._lock:
            uit: dict[str, Any] = {"peildatum": peildatum.isoformat()}
            for naam in MODULES:
                if naam in self.staat:
                    uit[naam] = MODULES[naam].rapport(self.staat[naam], peildatum)
            return uit

    def werk_metrics_bij(self, peildatum: dt.date) -> None:
        rapport = self.rapport(peildatum)
        for (service, kengetal), gauge in GAUGES.items():
            waarde = rapport.get(service, {}).get(kengetal)
            gauge.set(waarde or 0)
        for service, werk_bij in METRICS.items():
            if service in rapport:
                werk_bij(rapport[service])


def herbouw(apps: Mapping[str, WelkomApplication]) -> Projectie:
    """A read model rebuilt from nothing but the event stores (guarantee 5)."""
    projectie = Projectie(apps)
    projectie.bij()
    return projectie
