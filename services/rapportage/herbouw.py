"""`welkom rebuild`: every view built afresh from the event stores, compared with the live views, and optionally activated."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping
from typing import Any

from services.rapportage.projectie import LIVE, Projectie, herbouw
from services.runtime.application import WelkomApplication
from services.runtime.views import SqlViews


class Voortgang:
    """Progress of a rebuild: events per second and the time still to go, per service."""

    def __init__(self, apps: Mapping[str, WelkomApplication], meld: Callable[[str], None]) -> None:
        self.totaal = {naam: app.recorder.max_notification_id() or 0 for naam, app in apps.items()}
        self.meld = meld
        self.begin: dict[str, float] = {}
        self._laatst = time.perf_counter()
        """When the previous batch ended: the next service's build began then."""

    def __call__(self, service: str, gelezen: int, positie: int) -> None:
        nu = time.perf_counter()
        begin = self.begin.setdefault(service, self._laatst)
        self._laatst = nu
        per_s = gelezen / max(nu - begin, 1e-6)
        over = max(self.totaal[service] - positie, 0)
        self.meld(f"herbouw {service}: {positie:,}/{self.totaal[service]:,} events, {per_s:,.0f}/s, "
                  f"nog {over / per_s if per_s else 0:.0f}s")


def verschillen(apps: Mapping[str, WelkomApplication], herbouwd: Projectie, peildatum: dt.date,
                gemeentecode: str | None = None) -> dict[str, Any]:
    """Where the rebuilt views differ from the live ones: fact rows per service, and the report
    on the peildatum. Empty when they are equal."""
    live = Projectie(apps, gemeentecode=gemeentecode, prefix=LIVE)
    live.bij()
    uit: dict[str, Any] = {}
    for naam, view in herbouwd.views.items():
        nieuw, oud = view.rijen(), live.views[naam].rijen()  # type: ignore[union-attr]
        if nieuw != oud:
            alleen_nieuw, alleen_oud = set(nieuw) - set(oud), set(oud) - set(nieuw)
            uit[naam] = {"feiten_herbouwd": len(nieuw), "feiten_live": len(oud),
                         "alleen_herbouwd": [list(r) for r in sorted(alleen_nieuw)[:5]],
                         "alleen_live": [list(r) for r in sorted(alleen_oud)[:5]]}
    rapport_nieuw, rapport_oud = herbouwd.rapport(peildatum), live.rapport(peildatum)
    if rapport_nieuw != rapport_oud:
        uit["rapport"] = {"herbouwd": rapport_nieuw, "live": rapport_oud}
    return uit


def herbouw_en_vergelijk(apps: Mapping[str, WelkomApplication], peildatum: dt.date, *, activeer: bool,
                         meld: Callable[[str], None], gemeentecode: str | None = None) -> dict[str, Any]:
    """Rebuild into fresh tables, compare with the live views, and with `activeer` make the
    rebuilt views the live ones (one transaction per service)."""
    begin = time.perf_counter()
    herbouwd = herbouw(apps, gemeentecode=gemeentecode, voortgang=Voortgang(apps, meld))
    meld(f"herbouwd in {time.perf_counter() - begin:.1f}s")
    anders = verschillen(apps, herbouwd, peildatum, gemeentecode)
    if activeer:
        for view in herbouwd.views.values():
            if isinstance(view, SqlViews):
                view.activeer(LIVE)
        meld("herbouwde views zijn nu de live views")
    return anders
