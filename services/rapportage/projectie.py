"""The read side of all four services: their views kept current, and the report assembled from them."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from services import catalogus
from services.rapportage.metrics import peildatum_gezet
from services.rapportage.personen import nodig_voor, personen_van
from services.runtime.application import WelkomApplication
from services.runtime.views import GeheugenViews, SqlViews, views_voor

LIVE, HERBOUW = "welkom_", "welkom_herbouw_"
"""Table prefixes: the live views, and the fresh ones a rebuild builds beside them."""


class Projectie:
    """Per service its views (facts and person index, tracked in the service's own database); a
    report reads the facts of one gemeente dated up to the peildatum, through the service's
    projection module."""

    def __init__(self, apps: Mapping[str, WelkomApplication], *, gemeentecode: str | None = None,
                 prefix: str = LIVE, voortgang: Callable[[str, int, int], None] | None = None) -> None:
        self.apps = dict(apps)
        services = catalogus.per_naam()
        self.services = {naam: services[naam] for naam in self.apps}
        self.gemeentecode = gemeentecode or next(iter(self.apps.values())).gemeentecode
        self.views: dict[str, SqlViews | GeheugenViews] = {
            naam: views_voor(app, self.services[naam].projections.feiten, personen_van, prefix=prefix,
                             voortgang=(lambda n, p, s=naam: voortgang(s, n, p)) if voortgang else None,
                             nodig=nodig_voor(self.services[naam].projections.BRONNEN))
            for naam, app in self.apps.items()
        }

    def bij(self, blok: int = 1000) -> int:
        """Apply every event stored since each view's tracked position; the number applied."""
        return sum(view.bij(blok) for view in self.views.values())

    def rapport(self, peildatum: dt.date, gemeentecode: str | None = None) -> dict[str, Any]:
        """The kengetallen of every service for one gemeente as known on the peildatum, in chain order."""
        return self.rapporten([peildatum], gemeentecode)[peildatum]

    def rapporten(self, peildata: list[dt.date], gemeentecode: str | None = None,
                  services: tuple[str, ...] | None = None) -> dict[dt.date, dict[str, Any]]:
        """The kengetallen on several peildata from one read of the facts up to the latest: a
        service's report counts only the facts dated on or before its own peildatum."""
        gemeente = gemeentecode or self.gemeentecode
        uit: dict[dt.date, dict[str, Any]] = {d: {"peildatum": d.isoformat()} for d in peildata}
        for service in catalogus.alle():
            if service.name in self.views and (services is None or service.name in services):
                feiten = self.views[service.name].feiten(gemeente, max(peildata))
                staat = service.projections.staat(feiten)
                for d in peildata:
                    uit[d][service.name] = service.projections.rapport(staat, d)
        return uit

    def aggregaten(self, persoon_id: uuid.UUID) -> dict[str, list[uuid.UUID]]:
        """Per service the aggregates whose events concern the person (the audit index)."""
        return {naam: view.aggregaten(persoon_id) for naam, view in self.views.items()}

    def werk_metrics_bij(self, peildatum: dt.date) -> None:
        """Each service sets its own gauges from its part of the report."""
        rapport = self.rapport(peildatum)
        for naam, service in self.services.items():
            service.metrics.werk_bij(rapport[naam])
        peildatum_gezet(peildatum, dt.datetime.now(dt.UTC))


def herbouw(apps: Mapping[str, WelkomApplication], *, gemeentecode: str | None = None,
            voortgang: Callable[[str, int, int], None] | None = None) -> Projectie:
    """Views rebuilt from nothing but the event stores, into fresh tables beside the live ones
    (guarantee 5); `activeer` makes them the live ones."""
    projectie = Projectie(apps, gemeentecode=gemeentecode, prefix=HERBOUW, voortgang=voortgang)
    for view in projectie.views.values():
        if isinstance(view, SqlViews):
            view.leeg()
    projectie.bij(blok=5000)
    return projectie
