"""Inburgering's staff commands (klantregisseurs): the brede intake and its correction, then the plan's (commands_plan.py)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from events.base import Datum
from services.inburgering.commands_plan import COMMANDS_PLAN
from services.runtime.commands import Opdracht, Verzoek

ROLLEN = ("klantregisseur",)


class Intake(Verzoek):
    datum: Datum
    leerroute: Literal["B1", "onderwijsroute", "z-route"] = Field(description="B1, onderwijsroute or z-route")


class IntakeCorrectie(Intake):
    datum: Datum = Field(description="the right date of the intake")
    leerroute: Literal["B1", "onderwijsroute", "z-route"] = Field(description="the right leerroute")
    reden: str = Field(min_length=1, max_length=200, description="why the intake is corrected (no personal data)")


COMMANDS = (
    Opdracht(
        "inburgering", "intake", "brede-intakes", Intake, ROLLEN,
        lambda app, uow, persoon, v: app.rond_intake_af(uow, persoon, v.datum, v.leerroute),
        "Record a held brede intake with its leerroute.",
    ),
    Opdracht(
        "inburgering", "corrigeer-intake", "brede-intake-correcties", IntakeCorrectie, ROLLEN,
        lambda app, uow, persoon, v: app.corrigeer_intake(uow, persoon, v.datum, v.leerroute, v.reden),
        "Correct the date and/or leerroute of a recorded brede intake (the intake term follows the date).",
    ),
    *COMMANDS_PLAN,
)
