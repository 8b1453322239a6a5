"""Opvang's staff commands (opvang-medewerkers): none yet; COA's events drive opvang."""

from __future__ import annotations

from typing import Any

from services.runtime.commands import Opdracht

ROLLEN = ("opvang-medewerker",)

COMMANDS: tuple[Opdracht[Any], ...] = ()
