"""Structured JSON logs with a redaction processor: V-nummers, BSNs and IBANs masked in every field, sensitive keys dropped."""

from __future__ import annotations

import logging
import re
import sys
from typing import Any

import structlog
from stdnum import iban as stdnum_iban

GEVOELIG = {"vnummer", "bsn", "geboortedatum", "iban", "huishouden", "data", "value"}
"""Keys whose value is dropped at any depth (compared lower case, without `-`, `_` or spaces)."""

_LOS = r"(?<![0-9A-Za-z])"  # not inside a longer word or number; `_`, `-`, `.`, `=` and `:` separate
_TOT = r"(?![0-9A-Za-z])"
IBAN = re.compile(
    # ISO 13616: country, check digits, then the BBAN compact or printed in groups of four.
    _LOS + r"[A-Z]{2}[0-9]{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?)" + _TOT, re.IGNORECASE
)
BSN_GEDRUKT = re.compile(
    # A BSN as people write it, `1234.56.782` or `123 456 782`; not a piece of `192.168.100.200`.
    r"(?<![0-9A-Za-z])(?<![0-9][. ])(?:[0-9]{4}([. ])[0-9]{2}\1|[0-9]{3}([. ])[0-9]{3}\2)[0-9]{3}"
    r"(?![0-9A-Za-z])(?![. ][0-9])"
)
NUMMER = re.compile(_LOS + r"[0-9]{9,10}" + _TOT)
"""A BSN (9 digits) or V-nummer (10 digits); UUID groups are 4, 8 or 12 characters, so never match."""


def _iban(m: re.Match[str]) -> str:
    """`[iban]` for an IBAN-shaped match. A printed one may have taken the words after it as groups:
    give those back, keeping the longest prefix with a valid checksum, else dropping groups without a digit."""
    tekst = m.group()
    delen = tekst.split(" ")
    kandidaten = [" ".join(delen[:n]) for n in range(len(delen), 0, -1)]
    geldig = [k for k in kandidaten if stdnum_iban.is_valid(k)]
    if geldig:
        iban = geldig[0]
    else:
        while len(delen) > 2 and not any(c.isdigit() for c in delen[-1]):
            delen.pop()
        iban = " ".join(delen)
    bban = iban.replace(" ", "")[4:]
    if 11 <= len(bban) <= 30 and any(c.isdigit() for c in bban):
        return "[iban]" + tekst[len(iban):]
    return tekst


def maskeer(tekst: str) -> str:
    """Replace every IBAN by `[iban]` and every BSN or V-nummer by `[nummer]` in free text."""
    tekst = IBAN.sub(_iban, tekst)
    return NUMMER.sub("[nummer]", BSN_GEDRUKT.sub("[nummer]", tekst))


def _gevoelig(sleutel: Any) -> bool:
    return isinstance(sleutel, str) and re.sub(r"[-_ ]", "", sleutel.lower()) in GEVOELIG


def _redigeer(waarde: Any) -> Any:
    """A value with personal data masked, at any depth; what the renderer would repr() is masked as text."""
    if waarde is None or isinstance(waarde, bool | float):
        return waarde
    if isinstance(waarde, int):  # a BSN or V-nummer held as a number (so is a 10-digit Unix time: masked too)
        return "[nummer]" if 100_000_000 <= abs(waarde) <= 9_999_999_999 else waarde
    if isinstance(waarde, str):
        return maskeer(waarde)
    if isinstance(waarde, dict):
        return {_sleutel(k): "[verwijderd]" if _gevoelig(k) else _redigeer(v) for k, v in waarde.items()}
    if isinstance(waarde, list | tuple | set | frozenset):
        return [_redigeer(v) for v in waarde]
    eigen = getattr(waarde, "__structlog__", None)  # as structlog's JSON renderer would show it
    return _redigeer(eigen()) if callable(eigen) else maskeer(repr(waarde))


def _sleutel(sleutel: Any) -> Any:
    """A dict key masked; a key JSON cannot hold (a tuple, an object) becomes its masked text."""
    if sleutel is None or isinstance(sleutel, str | int | float):
        return _redigeer(sleutel)
    return maskeer(str(sleutel))


def redigeer(_: Any, __: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    """Drop sensitive keys; mask BSNs, V-nummers and IBANs in every other key and value, at any depth."""
    return _redigeer(event_dict)


def configureer(niveau: str = "INFO", json: bool = True) -> None:
    """JSON logs on stderr with redaction, for welkom's own lines and those of the libraries
    (uvicorn, FastStream, aiokafka) alike; chatty libraries (a line per request or fetch) at WARNING."""
    renderer = structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer()
    voor = [
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,  # before redaction: the traceback text is masked too
    ]
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[structlog.stdlib.add_logger_name, *voor],
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, redigeer, renderer],
    ))
    wortel = logging.getLogger()
    wortel.handlers = [handler]
    wortel.setLevel(niveau)
    for luid in ("aiokafka", "faststream", "uvicorn.access", "httpx", "httpcore"):
        logging.getLogger(luid).setLevel(logging.WARNING)
    structlog.configure(
        processors=[structlog.contextvars.merge_contextvars, *voor, redigeer, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(niveau)),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
        cache_logger_on_first_use=True,
    )
