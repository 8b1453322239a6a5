"""Fault hooks for the guarantee tests: one setting (WELKOM_FAULT) picks the point where welkom breaks."""

from __future__ import annotations

import os
from typing import Literal

import structlog
from eventsourcing.persistence import OperationalError

log = structlog.get_logger(__name__)

Fault = Literal[
    "crash-before-store",
    "crash-after-store",
    "store-failure-once",
    "relay-crash-after-publish",
    "relay-crash-after-record",
]
"""Where each hook sits (ARCHITECTURE.md §4, guarantees 2 and 3):

- `crash-before-store`: the inbox process exits after reading a batch, before its store commit;
- `crash-after-store`: it exits between the store commit and the offset commit;
- `store-failure-once`: the store write of the next batch fails once (the nack-and-retry path);
- `relay-crash-after-publish`: the relay exits once the broker acknowledged a batch, before it
  records its position;
- `relay-crash-after-record`: the relay exits right after recording its position. Publishing
  comes before recording, so this loses nothing; with the order reversed it would.

A broker outage needs no hook: the tests stop the real broker.
"""

TESTING_ENV = "WELKOM_TESTING"
"""Set to 1 by the test suite: in-memory stores and fault hooks are refused without it."""

CRASH_EXIT_CODE = 86
"""The exit code of a process ended by a crash hook, so a test tells it from a real failure."""

class StoreFault(OperationalError):
    """The store failure of `store-failure-once`: an infrastructure error, retried, never rejected."""


def vereis_testomgeving(fault: str | None) -> None:
    """A fault hook is for tests only: refuse to start a process with one outside them."""
    if fault and os.environ.get(TESTING_ENV) != "1":
        raise RuntimeError(f"WELKOM_FAULT={fault} is a test hook; welkom refuses it outside tests")


class Hooks:
    """The hooks of one process. Each point asks `bij(point)`; only the selected one acts."""

    def __init__(self, fault: str | None) -> None:
        vereis_testomgeving(fault)
        self.fault = fault
        self.gefaald: set[str] = set()

    def bij(self, punt: Fault, **context: object) -> None:
        """Act if `punt` is the selected fault: crash the process, or fail the store once."""
        if self.fault != punt:
            return
        if punt == "store-failure-once":
            if punt in self.gefaald:
                return
            self.gefaald.add(punt)
            log.warning("fault.store_failure", **context)
            raise StoreFault("fault hook: the store is unavailable for this batch")
        log.warning("fault.crash", punt=punt, **context)
        os._exit(CRASH_EXIT_CODE)
