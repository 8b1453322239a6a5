"""Inburgering's staff commands (klantregisseurs): the brede intake."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from services.runtime.commands import Opdracht, Verzoek

ROLLEN = ("klantregisseur",)


class Intake(Verzoek):
    datum: dt.date
    leerroute: Literal["B1", "onderwijsroute", "z-route"] = Field(description="B1, onderwijsroute or z-route")


COMMANDS = (
    Opdracht(
        "inburgering", "intake", "brede-intakes", Intake, ROLLEN,
        lambda app, uow, persoon, v: app.rond_intake_af(uow, persoon, v.datum, v.leerroute),
        "Record a held brede intake with its leerroute.",
    ),
)
