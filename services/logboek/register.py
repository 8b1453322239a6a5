"""The register of verwerkingsactiviteiten (verwerkingsactiviteiten.toml): each activity's URI, purpose and legal basis, and the activity of each kind of stored event."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

URI = "urn:nld:gemeente-nijmegen:welkom:verwerkingsactiviteit:"
ONBEKEND = "onbekend"
"""Provenance of an event stored before it was recorded (and the register names no activity)."""


@dataclass(frozen=True)
class Activiteit:
    """One processing activity of the register."""

    sleutel: str
    naam: str
    doel: str
    grondslag: str
    betrokkenen: str
    gegevens: str
    bewaartermijn: str

    @property
    def uri(self) -> str:
        return URI + self.sleutel


@cache
def _register() -> dict[str, Any]:
    return tomllib.loads((files("services.logboek") / "verwerkingsactiviteiten.toml").read_text("utf-8"))


@cache
def activiteiten() -> dict[str, Activiteit]:
    """Every activity of the register, by key."""
    return {sleutel: Activiteit(sleutel, **velden) for sleutel, velden in _register()["activiteiten"].items()}


def activiteit(sleutel: str) -> Activiteit:
    return activiteiten()[sleutel]


def van_uri(uri: str) -> Activiteit | None:
    return activiteiten().get(uri.removeprefix(URI)) if uri.startswith(URI) else None


def activiteit_sleutel(service: str, aggregate: str = "", naam: str = "") -> str:
    """The activity of a kind of stored event of `service` (or of the service as a whole): the
    most specific rule of [gebeurtenissen]."""
    regels: dict[str, str] = _register()["gebeurtenissen"]
    for sleutel in (f"{service}.{aggregate}.{naam}", f"{service}.{aggregate}", service):
        if sleutel in regels:
            return regels[sleutel]
    raise KeyError(f"the register names no activity for events of {service}")


def activiteit_van(service: str, event: object) -> Activiteit:
    """The activity a stored event of `service` belongs to."""
    aggregate, _, naam = type(event).__qualname__.rpartition(".")
    return activiteit(activiteit_sleutel(service, aggregate, naam))


def grondslag_van(service: str, event: object) -> str:
    """The legal basis of a stored event of `service` (from its activity)."""
    return activiteit_van(service, event).grondslag
