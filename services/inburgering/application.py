"""The inburgering Application: its concerns joined (trajecten, DUO's signals, plans, wijken, begeleiding, participatie)."""

from __future__ import annotations

from collections.abc import Sequence

from services.inburgering.begeleiding import Begeleidingen
from services.inburgering.duo import Duosignalen
from services.inburgering.participatie import Participaties
from services.inburgering.plannen import Plannen, TrajectOnbekendFout
from services.inburgering.starten import Trajectstarts
from services.inburgering.wijken import Wijken
from services.runtime.application import Invoer, WelkomApplication
from services.runtime.toekomstvenster import MetToekomstvenster

__all__ = ["Inburgering", "TrajectOnbekendFout"]


class Inburgering(Trajectstarts, Duosignalen, Plannen, Wijken, Begeleidingen, Participaties, MetToekomstvenster,
                  WelkomApplication):
    """Guides every inburgeringsplichtige from the start of their traject to the outcome of their plicht."""

    name = "inburgering"

    def invoer(self) -> Sequence[Invoer]:
        return (
            *self.start_invoer(),
            *self.duo_invoer(),
            *self.wijk_invoer(),
            *self.begeleiding_invoer(),
        )
