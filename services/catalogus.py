"""The catalogue of the four services: for each, the modules the runtime, read side and entrypoints use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from services.huisvesting import application as huisvesting
from services.huisvesting import commands as huisvesting_commands
from services.huisvesting import metrics as huisvesting_metrics
from services.huisvesting import projections as huisvesting_projections
from services.huisvesting import translation as huisvesting_translation
from services.inburgering import application as inburgering
from services.inburgering import commands as inburgering_commands
from services.inburgering.commands_participatie import COMMANDS_PARTICIPATIE
from services.inburgering import metrics as inburgering_metrics
from services.inburgering import projections as inburgering_projections
from services.inburgering import translation as inburgering_translation
from services.mzd import application as mzd
from services.mzd import commands as mzd_commands
from services.mzd import metrics as mzd_metrics
from services.mzd import projections as mzd_projections
from services.mzd import translation as mzd_translation
from services.opvang import application as opvang
from services.opvang import commands as opvang_commands
from services.opvang import metrics as opvang_metrics
from services.opvang import projections as opvang_projections
from services.opvang import translation as opvang_translation
from services.runtime.application import WelkomApplication
from services.runtime.commands import Opdracht
from services.runtime.settings import Settings


@dataclass(frozen=True)
class Service:
    """One service: its Application, translation, read model, metrics and staff commands."""

    application: type[WelkomApplication]
    translation: ModuleType
    """`vertaal(stored_event)`: the bus events of one stored event (the only bridge)."""
    projections: ModuleType
    """`nieuw()`, `pas_toe(staat, event)`, `rapport(staat, peildatum)`: the service's read model."""
    metrics: ModuleType
    """`werk_bij(rapport)`: the service's gauges, set from its report."""
    commands: tuple[Opdracht[Any], ...] = ()
    """The staff commands: HTTP routes, CLI subcommands and the demo's staff all come from these."""
    opties: Callable[[Settings], dict[str, Any]] = lambda _: {}
    """Service-specific keyword arguments of its Application, from the settings."""

    @property
    def name(self) -> str:
        return self.application.name


def _venster(s: Settings) -> dict[str, Any]:
    """Every service refuses facts dated past today + WELKOM_TOEKOMST_VENSTER_DAGEN."""
    return {"toekomstvenster_dagen": s.toekomst_venster_dagen}


SERVICES = (
    Service(opvang.Opvang, opvang_translation, opvang_projections, opvang_metrics, opvang_commands.COMMANDS,
            opties=lambda s: {"kind_verplaatsing_dagen": s.opvang_kind_verplaatsing_dagen, **_venster(s)}),
    Service(
        huisvesting.Huisvesting, huisvesting_translation, huisvesting_projections, huisvesting_metrics,
        huisvesting_commands.COMMANDS, opties=lambda s: {"vereist": tuple(s.huisvesting_vereist), **_venster(s)},
    ),
    Service(
        inburgering.Inburgering, inburgering_translation, inburgering_projections, inburgering_metrics,
        inburgering_commands.COMMANDS + COMMANDS_PARTICIPATIE, opties=lambda s: {
            "duo_signaal_weken": s.inburgering_duo_signaal_weken,
            "voortgang_maanden": s.inburgering_voortgang_maanden, **_venster(s)},
    ),
    Service(mzd.Mzd, mzd_translation, mzd_projections, mzd_metrics, mzd_commands.COMMANDS, opties=_venster),
)


def alle() -> tuple[Service, ...]:
    """The four services, in the order of the chain."""
    return SERVICES


def per_naam() -> dict[str, Service]:
    return {s.name: s for s in SERVICES}
