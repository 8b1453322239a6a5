"""Test-wide setup: in-memory stores are allowed in tests only, and integration tests never skip."""

from __future__ import annotations

import os
from collections import Counter

import pytest

os.environ["WELKOM_TESTING"] = "1"

_integratie: Counter[str] = Counter()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if "integration" in report.keywords and (report.when == "call" or report.outcome != "passed"):
        backend = "postgres" if "[postgres]" in report.nodeid else "sqlite" if "[sqlite]" in report.nodeid else "-"
        _integratie[f"{report.outcome}:{backend}"] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _integratie:
        regels = ", ".join(f"{k}={v}" for k, v in sorted(_integratie.items()))
        terminalreporter.write_line(f"integration tests against the local Tansu broker and stores: {regels}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A skipped integration test is a failure: CI must prove the real broker and PostgreSQL ran."""
    if any(k.startswith("skipped") for k in _integratie) and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
