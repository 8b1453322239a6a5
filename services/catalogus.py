"""The catalogue of the four services: their Application classes, inputs and translations."""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable
from types import ModuleType
from typing import Any

from services.runtime.application import WelkomApplication
from services.runtime.settings import Settings


@dataclass(frozen=True)
class Service:
    """What the runtime needs to know of one service."""

    name: str
    application: type[WelkomApplication]
    topics: tuple[str, ...]
    translation: ModuleType
    opties: Callable[[Settings], dict[str, Any]] = lambda _: {}
    """Service-specific keyword arguments of its Application, from the settings."""


def alle() -> tuple[Service, ...]:
    """The four services, in the order of the chain."""
    from services.huisvesting import application as huisvesting
    from services.huisvesting import translation as huisvesting_translation
    from services.inburgering import application as inburgering
    from services.inburgering import translation as inburgering_translation
    from services.mzd import application as mzd
    from services.mzd import translation as mzd_translation
    from services.opvang import application as opvang
    from services.opvang import translation as opvang_translation

    return (
        Service("opvang", opvang.Opvang, opvang.TOPICS, opvang_translation),
        Service(
            "huisvesting", huisvesting.Huisvesting, huisvesting.TOPICS, huisvesting_translation,
            opties=lambda s: {"vereist": tuple(s.huisvesting_vereist)},
        ),
        Service("inburgering", inburgering.Inburgering, inburgering.TOPICS, inburgering_translation),
        Service("mzd", mzd.Mzd, mzd.TOPICS, mzd_translation),
    )


def per_naam() -> dict[str, Service]:
    return {s.name: s for s in alle()}
