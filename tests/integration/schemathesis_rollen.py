"""Schemathesis hooks (SCHEMATHESIS_HOOKS) for welkom's API: each case gets a bearer token of one of its operation's roles (`x-rollen`), in turn, so every role's token is used.

The tokens come from WELKOM_SCHEMATHESIS_TOKENS (JSON: role -> token), which
tests/integration/test_http_schemathesis.py sets, or you for a run by hand (README, "HTTP API").
With WELKOM_SCHEMATHESIS_ROLLEN set to a file, the role of every case is appended to it.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from typing import Any

import schemathesis

TOKENS: dict[str, str] = json.loads(os.environ["WELKOM_SCHEMATHESIS_TOKENS"])
TELLING = os.environ.get("WELKOM_SCHEMATHESIS_ROLLEN")
_beurten: dict[str, Iterator[str]] = {}


@schemathesis.auth()
class TokenVanEenRol:
    """A token of the operation's roles, the next one for every case (public operations: none)."""

    def get(self, case: Any, ctx: Any) -> dict[str, str]:
        return TOKENS

    def set(self, case: Any, data: dict[str, str], ctx: Any) -> None:
        operatie = case.operation.definition.raw
        rollen = operatie.get("x-rollen") or []
        if not rollen:
            return
        rol = next(_beurten.setdefault(case.operation.label, itertools.cycle(rollen)))
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data[rol]}"}
        if TELLING:
            with open(TELLING, "a", encoding="utf-8") as telling:
                telling.write(rol + "\n")
