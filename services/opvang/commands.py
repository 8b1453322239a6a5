"""Opvang's staff commands (opvang-medewerkers): the tables of its concerns, joined; COA's events drive the rest."""

from __future__ import annotations

from typing import Any

from services.opvang.commands_locaties import COMMANDS_LOCATIES
from services.opvang.commands_ontheemden import COMMANDS_ONTHEEMDEN
from services.runtime.commands import Opdracht

ROLLEN = ("opvang-medewerker",)

COMMANDS: tuple[Opdracht[Any], ...] = (*COMMANDS_LOCATIES, *COMMANDS_ONTHEEMDEN)
