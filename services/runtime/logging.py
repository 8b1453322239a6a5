"""Structured JSON logs with a redaction processor: no vnummer, BSN or birth date leaves a log line."""

from __future__ import annotations

import logging
import re
import sys
from typing import Any

import structlog

GEVOELIG = {"vnummer", "bsn", "geboortedatum", "iban", "huishouden", "data", "value"}
NUMMER = re.compile(r"\b\d{9,10}\b")


def redigeer(_: Any, __: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    """Drop sensitive keys and mask 9-10 digit numbers (BSN, vnummer) in any string value."""
    for sleutel in list(event_dict):
        if sleutel.lower() in GEVOELIG:
            event_dict[sleutel] = "[verwijderd]"
        elif isinstance(event_dict[sleutel], str):
            event_dict[sleutel] = NUMMER.sub("[nummer]", event_dict[sleutel])
    return event_dict


def configureer(niveau: str = "INFO", json: bool = True) -> None:
    """JSON logs on stderr with redaction; chatty libraries (a line per request or fetch) at WARNING."""
    logging.basicConfig(stream=sys.stderr, level=niveau, format="%(message)s")
    for luid in ("aiokafka", "faststream", "uvicorn.access", "httpx", "httpcore"):
        logging.getLogger(luid).setLevel(logging.WARNING)
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            redigeer,
            structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer(),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(niveau)),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
        cache_logger_on_first_use=True,
    )
