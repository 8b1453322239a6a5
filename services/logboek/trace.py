"""W3C Trace Context: the `traceparent` of a processing, continued from the caller's when it sent one."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

TRACEPARENT = re.compile(r"^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")


@dataclass(frozen=True)
class Trace:
    """One processing's place in a trace: the trace, its own span, and the caller's span (if any)."""

    trace_id: str
    span_id: str
    parent_span_id: str | None = None

    @property
    def traceparent(self) -> str:
        """This processing as the parent of what it causes (the outbound events' `traceparent`)."""
        return f"00-{self.trace_id}-{self.span_id}-01"


def ouder(traceparent: str | None) -> tuple[str, str] | None:
    """(trace id, span id) of a valid `traceparent`; None for a missing or invalid one (W3C:
    an invalid header is ignored and a new trace starts, the input is not refused)."""
    gevonden = TRACEPARENT.fullmatch((traceparent or "").strip().lower())
    if not gevonden or gevonden[1] == "ff" or set(gevonden[2]) == {"0"} or set(gevonden[3]) == {"0"}:
        return None
    return gevonden[2], gevonden[3]


def begin(traceparent: str | None = None) -> Trace:
    """A new span: in the caller's trace when `traceparent` is valid, else in a new trace."""
    gevonden = ouder(traceparent)
    if gevonden is None:
        return Trace(secrets.token_hex(16), secrets.token_hex(8))
    return Trace(gevonden[0], secrets.token_hex(8), gevonden[1])
