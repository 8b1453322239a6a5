"""`welkom relay` and `welkom dlq`: every mistake an operator can make is one line and a non-zero exit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from services.entrypoints.cli import app


@pytest.fixture(autouse=True)
def geen_omgeving(monkeypatch: pytest.MonkeyPatch) -> None:
    for naam in [n for n in os.environ if n.startswith("WELKOM_") or n == "KAFKA_BOOTSTRAP_SERVERS"]:
        monkeypatch.delenv(naam)


@pytest.mark.parametrize("args, fout", [
    (["relay", "--vanaf", "0"], "--vanaf must be 1 or more"),
    (["relay", "--vanaf", "-3", "--service", "huisvesting"], "--vanaf must be 1 or more"),
    (["relay", "--vanaf", "1", "--service", "onbekend"], "unknown service 'onbekend': one of opvang, huisvesting"),
    (["relay", "--vanaf", "1"], "no event stores in"),
    (["relay", "--vanaf", "1", "--service", "mzd"], "no event stores in"),
    (["dlq", "lijst"], "no running stack found in"),
    (["dlq", "opnieuw", "--reden", "geen-json"], "no running stack found in"),
])
def test_a_mistake_is_one_line_and_exit_code_2(tmp_path: Path, args: list[str], fout: str) -> None:
    uit = CliRunner().invoke(app, [*args, "--data-dir", str(tmp_path / "data")])
    assert uit.exit_code == 2, uit.output
    assert uit.stderr.startswith("welkom: ") and fout in uit.stderr and len(uit.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "data").exists()  # nothing was created


def test_the_help_says_a_second_resend_changes_nothing() -> None:
    hulp = CliRunner().invoke(app, ["dlq", "opnieuw", "--help"], terminal_width=200).output
    assert "Safe to run twice" in hulp and "dedupes on CloudEvent source + id" in hulp
    assert "without the dlq_* ones" in hulp
