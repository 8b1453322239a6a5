"""Reads that are themselves processing: a person's audit timeline and Logboek, each logged for the person with its purpose."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from services.logboek.application import NAAM, Logboek
from services.logboek.lees import regels
from services.logboek.trace import begin
from services.rapportage.audit import tijdlijn
from services.rapportage.projectie import Projectie
from services.runtime.application import WelkomApplication
from services.runtime.herkomst import Herkomst

T = TypeVar("T")


def _gelogd(logboek: Logboek, persoon: uuid.UUID, herkomst: Herkomst, lezen: Callable[[], T]) -> T:
    """Read, and log the read for the person: `ok`, or `fout` (and the error raised again)."""
    try:
        uit = lezen()
    except Exception:
        logboek.leg_vast([persoon], herkomst, status="fout")
        raise
    logboek.leg_vast([persoon], herkomst)
    return uit


def lees_tijdlijn(apps: Mapping[str, WelkomApplication], logboek: Logboek, persoon: uuid.UUID, *, actor: str,
                  doel: str, bron: str, traceparent: str | None = None,
                  projectie: Projectie | None = None) -> list[dict[str, Any]]:
    """The person's audit timeline across the four services; the read is logged with its purpose."""
    herkomst = Herkomst(bron=bron, actor=actor, naam="audit-tijdlijn-gelezen", trace=begin(traceparent), doel=doel)
    return _gelogd(logboek, persoon, herkomst, lambda: tijdlijn(apps, persoon, projectie))


def lees_logboek(apps: Mapping[str, WelkomApplication], logboek: Logboek, persoon: uuid.UUID, *, actor: str,
                 doel: str, bron: str, traceparent: str | None = None) -> list[dict[str, Any]]:
    """The person's Logboek records from every store, this read (logged first) included."""
    herkomst = Herkomst(bron=bron, actor=actor, naam="logboek-gelezen", trace=begin(traceparent), doel=doel)
    logboek.leg_vast([persoon], herkomst)
    return regels({**apps, NAAM: logboek}, persoon)
