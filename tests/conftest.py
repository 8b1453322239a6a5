"""Test-wide setup: in-memory stores are allowed in tests only, and integration tests never skip."""

from __future__ import annotations

import os
from collections import Counter

import pytest

os.environ["WELKOM_TESTING"] = "1"

_integratie: Counter[str] = Counter()
_op_kafka: set[str] = set()
"""Tests that use the session's Kafka bed directly (not through the `broker` fixture's parameter)."""


def pytest_collection_finish(session: pytest.Session) -> None:
    _op_kafka.update(i.nodeid for i in session.items if "kafka_bed" in getattr(i, "fixturenames", ()))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if "integration" in report.keywords and (report.when == "call" or report.outcome != "passed"):
        params = report.nodeid.rpartition("[")[2].rstrip("]").split("-") if report.nodeid.endswith("]") else []
        backend = "postgres" if "postgres" in params else "sqlite" if "sqlite" in params else "-"
        broker = "kafka" if "kafka" in params or report.nodeid in _op_kafka else "tansu"
        _integratie[f"{report.outcome}:{broker}+{backend}"] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _integratie:
        regels = ", ".join(f"{k}={v}" for k, v in sorted(_integratie.items()))
        terminalreporter.write_line(f"integration tests per broker and backend: {regels}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A skipped integration test is a failure: CI must prove the real broker and PostgreSQL ran."""
    if any(k.startswith("skipped") for k in _integratie) and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
