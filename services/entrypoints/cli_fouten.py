"""Failures of the `welkom` command in one line (`welkom: ...`, exit 2); a bug keeps its traceback (exit 70).

`WelkomGroep` is the class of the typer app: every command runs inside its `invoke`, so this is
the one place that turns what an operator can cause (a stack that is not running, a missing file,
a wrong data dir, a missing or wrong cipher key, an error answer of the API, ...) into one line.
An exception it does not know is a bug: it is printed with its plain traceback (no local
variables: they may hold V-nummers) and a line saying so, because a bug hidden behind a tidy
message cannot be reported or fixed.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import traceback
from typing import Any

import httpx
import psycopg
import structlog
import typer
from aiokafka.errors import KafkaConnectionError
from eventsourcing.persistence import MapperDeserialisationError
from eventsourcing.persistence import OperationalError as StoreOperationalError
from pydantic import ValidationError
from typer.core import TyperGroup
from typer.exceptions import TyperException

from services import catalogus
from services.runtime.bus import GEWEIGERD, DlqSleutelFout, SaslFout, TopicsOntbreken
from services.runtime.geheimen import GeheimFout
from services.runtime.localbroker import LokaleBrokerFout
from services.runtime.persistence import ontbrekende_stores
from services.runtime.rechten import UMASK
from services.runtime.settings import Settings
from services.toegang.toegang import ToegangFout

FOUT = 2
"""Exit code of a failure the operator can do something about (as `_fout` in cli.py)."""
BUG = 70
"""Exit code of an unexpected exception (EX_SOFTWARE)."""
IN_EEN_REGEL = (GeheimFout, TopicsOntbreken, LokaleBrokerFout, DlqSleutelFout, ToegangFout, SaslFout)
"""welkom's own exceptions whose message is already the line to show."""


class CliFout(Exception):
    """A failure the operator can act on; its message is the one line shown."""


class WelkomGroep(TyperGroup):
    """The `welkom` app: runs a command with umask 077, its warnings on stderr (stdout is the
    command's output), and turns its known failures into one line."""

    def invoke(self, ctx: Any) -> Any:
        umask = os.umask(UMASK)  # stores, journals, broker log and stack.json: owner only
        log_config = structlog.get_config() if structlog.is_configured() else None
        structlog.configure(logger_factory=structlog.PrintLoggerFactory(sys.stderr))  # `up`: JSON, configureer
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, TyperException):  # typer's own: usage errors, `_fout`, Ctrl-C
            raise
        except Exception as e:
            regel, code = uitleg(e), FOUT
            if regel is None:
                traceback.print_exc()
                regel, code = (f"internal error ({type(e).__module__}.{type(e).__name__}): a bug in welkom, "
                               "not something you did; please report it with the traceback above"), BUG
            typer.secho(f"welkom: {regel}", fg=typer.colors.RED, err=True)
            raise typer.Exit(code) from None
        finally:
            os.umask(umask)
            if log_config is None:
                structlog.reset_defaults()
            else:
                structlog.configure(**log_config)


def uitleg(e: BaseException) -> str | None:
    """The one line for an exception an operator can cause; None for anything else (a bug)."""
    if isinstance(e, (CliFout, *IN_EEN_REGEL)):
        return str(e)
    if isinstance(e, BaseExceptionGroup):
        regels = [uitleg(sub) for sub in e.exceptions]
        return regels[0] if regels and all(regels) else None
    if isinstance(e, httpx.HTTPError):
        return _http(e)
    if isinstance(e, GEWEIGERD):
        wat = str(e).removeprefix(f"[Error {getattr(e, 'errno', '')}] ").removeprefix(f"{type(e).__name__}: ")
        return (f"the Kafka broker refused welkom ({type(e).__name__}: {wat}): check WELKOM_KAFKA_SASL_USERNAME, "
                "its password and the broker's ACLs (deploy/kafka/acls.txt)")
    if isinstance(e, KafkaConnectionError):
        oorzaak = str(e).removeprefix(f"{type(e).__name__}: ")
        return (f"cannot reach the Kafka broker ({oorzaak}): is the stack running? Start it with "
                "`welkom up`, or check KAFKA_BOOTSTRAP_SERVERS")
    if isinstance(e, MapperDeserialisationError):
        return _ontsleutelen(e)
    if isinstance(e, ValueError) and _uit(e, "eventsourcing/cipher.py"):
        return "WELKOM_CIPHER_KEY is not an AES key: it must be base64 of 16, 24 or 32 random bytes"
    if isinstance(e, StoreOperationalError | psycopg.OperationalError | sqlite3.OperationalError):
        return f"the event store cannot be used: {_eerste_regel(e)}"
    if isinstance(e, ValidationError) and e.title == Settings.__name__:
        return "invalid settings: " + "; ".join(
            f"{'.'.join(map(str, f['loc'])) or 'settings'}: {f['msg']}" for f in e.errors(include_input=False))
    if isinstance(e, OSError) and e.filename is not None:
        return f"{e.filename}: {e.strerror or type(e).__name__}"
    return None


def geslaagd(antwoord: httpx.Response) -> Any:
    """The JSON of a successful API answer; an error answer (4xx, 5xx) as one line with its problem's
    title and detail."""
    if antwoord.status_code < 400:
        return antwoord.json()
    try:
        probleem = antwoord.json()
    except ValueError:
        probleem = None
    if not isinstance(probleem, dict):
        raise CliFout(f"the API answered {antwoord.status_code} {antwoord.reason_phrase} to {antwoord.request.url.path}")
    detail = probleem.get("detail")
    tekst = f"{probleem.get('title') or antwoord.reason_phrase}" + (f": {detail}" if detail else "")
    raise CliFout(f"{_eerste_regel(tekst)} (HTTP {antwoord.status_code})")


def vereis_stores(settings: Settings) -> Settings:
    """Refuse a data dir (or database schemas) without welkom's event stores, before anything would
    create empty ones and report zeros."""
    namen = [s.name for s in catalogus.alle()]
    ontbreekt = ontbrekende_stores(settings, namen)
    if not ontbreekt:
        return settings
    if settings.database_url:
        waar, vraag = f"the PostgreSQL schemas {settings.database_schema_prefix}*", "WELKOM_DATABASE_SCHEMA_PREFIX"
    else:
        waar, vraag = str(settings.data_dir), "--data-dir"
    if len(ontbreekt) == len(namen):
        raise CliFout(f"no event stores in {waar}; is it the right {vraag}?")
    raise CliFout(f"{waar} lacks the event stores of {', '.join(ontbreekt)}; is it the right {vraag}?")


def _http(e: httpx.HTTPError) -> str:
    try:
        url = e.request.url
        waar = f"{url.scheme}://{url.netloc.decode()}"
    except RuntimeError:  # no request attached
        waar = "the configured address"
    if isinstance(e, httpx.ConnectError):
        return (f"the stack is not running at {waar} (connection refused): start it with `welkom up` "
                "on this --data-dir")
    if isinstance(e, httpx.TimeoutException):
        return f"the stack at {waar} did not answer in time ({type(e).__name__}); see its log"
    return f"cannot talk to the stack at {waar}: {type(e).__name__}"


def _ontsleutelen(e: MapperDeserialisationError) -> str | None:
    """eventsourcing's error for a stored event it cannot read: the cipher key is missing or wrong."""
    oorzaak = e.__cause__
    if isinstance(oorzaak, ValueError) and ("Cipher text is damaged" in str(oorzaak)
                                            or "Damaged cipher text" in str(oorzaak)):
        return ("the event stores do not decrypt with this WELKOM_CIPHER_KEY: the cipher key is wrong "
                "(or the stores were written without one)")
    if isinstance(oorzaak, UnicodeDecodeError):  # encrypted bytes read as JSON text: no cipher set
        return "the event stores are encrypted: the cipher key is missing; set WELKOM_CIPHER_KEY to the key they were written with"
    return None


def _uit(e: BaseException, bestand: str) -> bool:
    """Whether the exception was raised in, or under a call from, that source file."""
    return any(f.filename.replace(os.sep, "/").endswith(bestand) for f in traceback.extract_tb(e.__traceback__))


def _eerste_regel(tekst: object) -> str:
    regels = str(tekst).strip().splitlines()
    return regels[0] if regels else type(tekst).__name__
