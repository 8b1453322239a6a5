"""Schemathesis against the live OpenAPI document of a running welkom, with a token of every role: no server error, no undocumented status code or content type, no schema-violating request accepted."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from services.runtime.settings import Settings
from services.stack import Stack
from services.toegang.rollen import ROLLEN
from toegang_hulp import Uitgever

pytestmark = pytest.mark.integration
HIER = Path(__file__).parent
CONFIG, HOOKS = HIER / "schemathesis.toml", HIER / "schemathesis_rollen.py"
VOORBEELDEN_PER_OPERATIE = 15
"""Bounded so the run stays near a minute on two cores; the README gives a fuller run by hand."""


@pytest.fixture
def backend() -> str:
    """Production's store: PostgreSQL."""
    return "postgres"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The stack of conftest, without the per-token rate limit: the fuzzer is one client sending
    thousands of requests, and 429 (documented) would hide every other answer."""
    return settings.model_copy(update={"rate_limit": "1000000/minute"})


def schemathesis(url: str, tokens: dict[str, str], map_: Path) -> subprocess.CompletedProcess[str]:
    """`schemathesis run --checks all` on every operation of the live document; each case with a
    token of one of its operation's roles (schemathesis_rollen.py)."""
    omgeving = {**os.environ, "SCHEMATHESIS_HOOKS": str(HOOKS), "WELKOM_SCHEMATHESIS_TOKENS": json.dumps(tokens),
                "WELKOM_SCHEMATHESIS_ROLLEN": str(map_ / "rollen.txt")}
    opdracht = [sys.executable, "-m", "schemathesis.cli", "--config-file", str(CONFIG), "run", url,
                "--checks", "all", "--phases", "examples,fuzzing", "--max-examples", str(VOORBEELDEN_PER_OPERATIE),
                "--seed", "21", "--generation-database", "none", "--no-color", "--report-dir", str(map_)]
    return subprocess.run(opdracht, capture_output=True, text=True, timeout=600, cwd=map_, env=omgeving)


async def test_schemathesis_finds_nothing_with_a_token_of_every_role(stack: Stack, tmp_path: Path) -> None:
    uitgever = Uitgever.van(stack.settings)
    tokens = {rol: uitgever.token(rol, sub=f"schemathesis:{rol}") for rol in ROLLEN}
    begin = time.monotonic()
    run = await asyncio.to_thread(schemathesis, f"{stack.http_url}/v1/openapi.json", tokens, tmp_path)
    duur = time.monotonic() - begin
    (tmp_path / "uitvoer.txt").write_text(run.stdout + run.stderr)

    assert run.returncode == 0, f"Schemathesis found problems\n{run.stdout[-8000:]}\n{run.stderr[-2000:]}"
    geteld = Counter((tmp_path / "rollen.txt").read_text().split())
    assert set(geteld) == set(ROLLEN), geteld
    assert "0 selected" not in run.stdout and " passed" in run.stdout
    assert duur < 120, f"the run took {duur:.0f} s"
