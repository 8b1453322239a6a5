"""An Application's window for future dates: its setting, today's date (the one wall-clock read) and the check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from services.domain.toekomst import TOEKOMSTVENSTER_DAGEN, eis_binnen_venster


class MetToekomstvenster:
    """Mixin of a service's Application (before WelkomApplication): its inputs may not be dated more
    than `toekomstvenster_dagen` after today (WELKOM_TOEKOMST_VENSTER_DAGEN, through the service's
    `opties` in the catalogue). Only the check reads the clock, never the domain, and only to refuse:
    what is stored stays a function of the inputs."""

    def __init__(self, *args: Any, toekomstvenster_dagen: int = TOEKOMSTVENSTER_DAGEN,
                 vandaag: Callable[[], dt.date] = dt.date.today, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.toekomstvenster = dt.timedelta(days=toekomstvenster_dagen)
        self.vandaag = vandaag

    def eis_binnen_venster(self, *datums: dt.date | None) -> None:
        """ToekomstigeDatumFout (422, or the DLQ for an inbound event) for a date past today + the window."""
        eis_binnen_venster(datums, self.vandaag(), self.toekomstvenster)
