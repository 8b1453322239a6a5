"""Outbound events of the inburgering service on gemeente.inburgering."""

from __future__ import annotations

import uuid
from typing import Literal

from events.base import Datum, Gegevens

INBURGERINGSTRAJECT_GESTART = "nl.inburgeraars.inburgeringstraject-gestart"
BREDE_INTAKE_AFGEROND = "nl.inburgeraars.brede-intake-afgerond"
INTAKETERMIJN_VERSTREKEN = "nl.inburgeraars.intaketermijn-verstreken"
INTAKETERMIJN_HERZIEN = "nl.inburgeraars.intaketermijn-herzien"
BREDE_INTAKE_GECORRIGEERD = "nl.inburgeraars.brede-intake-gecorrigeerd"

Leerroute = Literal["B1", "onderwijsroute", "z-route"]


class InburgeringstrajectGestart(Gegevens):
    """An adult statushouder was linked to Nijmegen; the brede intake is due within 10 weeks."""

    traject_id: uuid.UUID
    persoon_id: uuid.UUID
    koppeldatum: Datum
    intaketermijn_verloopt_op: Datum


class BredeIntakeAfgerond(Gegevens):
    """The brede intake was held and a leerroute chosen (design: IntakeAfgerond)."""

    traject_id: uuid.UUID
    persoon_id: uuid.UUID
    datum: Datum
    leerroute: Leerroute
    binnen_termijn: bool


class IntaketermijnVerstreken(Gegevens):
    """Ten weeks passed since koppeling without a brede intake."""

    traject_id: uuid.UUID
    persoon_id: uuid.UUID
    verlopen_op: Datum


class IntaketermijnHerzien(Gegevens):
    """An intake dated within the 10-week term arrived (or was corrected into it) after that term was recorded as expired: the term was met."""

    traject_id: uuid.UUID
    persoon_id: uuid.UUID
    verlopen_op: Datum
    """The term's last day, as in the `intaketermijn-verstreken` this revises."""
    gehaald_op: Datum
    """The date of the brede intake."""
    reden: Literal["brede-intake-afgerond", "brede-intake-gecorrigeerd"]


class BredeIntakeGecorrigeerd(Gegevens):
    """Staff corrected the date and/or leerroute of a brede intake they recorded."""

    traject_id: uuid.UUID
    persoon_id: uuid.UUID
    datum: Datum
    oude_datum: Datum
    leerroute: Leerroute
    oude_leerroute: Leerroute
    binnen_termijn: bool
    reden: str
