"""Inburgering's attention list by persoon_id for the klantregisseur (`GET /v1/aandachtslijst`, `welkom aandachtslijst`), each read logged per person."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import FastAPI, Query

from events.base import Datum
from services.entrypoints.problemen import fouten
from services.entrypoints.toegang_http import route_rollen, vereis
from services.inburgering import projections, rapport_plicht
from services.logboek.application import Logboek
from services.logboek.register import activiteit_sleutel
from services.logboek.trace import begin
from services.rapportage.projectie import Projectie
from services.runtime.herkomst import Herkomst
from services.toegang.rollen import KLANTREGISSEUR
from services.toegang.tokens import Gebruiker

if TYPE_CHECKING:
    from services.entrypoints.http import Draaiend

ROLLEN = (KLANTREGISSEUR,)
"""Who may read the list: it names persons (pseudonymously), so no reporting role may."""
DOEL = "aandachtslijst inburgering: ontbrekende of onbekende DUO-signalen opvolgen"
"""The purpose recorded in the Logboek of every person on the list when it is read."""


def lees_aandachtslijst(projectie: Projectie, logboek: Logboek | None, peildatum: dt.date, gemeente: str, *,
                        actor: str, bron: str, traceparent: str | None = None) -> dict[str, Any]:
    """The attention list of the gemeente on the peildatum (`rapport_plicht.aandachtslijst`): per
    person the reason and since when. The read is a processing of each listed person's data: it is
    recorded in their Logboek Dataverwerkingen (activity `inburgering`), with the reader and purpose."""
    projectie.bij()
    staat = projections.staat(projectie.views["inburgering"].feiten(gemeente, peildatum))
    lijst = rapport_plicht.aandachtslijst(staat, peildatum)
    if logboek is not None and lijst:
        herkomst = Herkomst(bron=bron, actor=actor, naam="aandachtslijst-gelezen", trace=begin(traceparent), doel=DOEL)
        logboek.leg_vast([uuid.UUID(r["persoon_id"]) for r in lijst], herkomst,
                         activiteit=activiteit_sleutel("inburgering"))
    return {"peildatum": peildatum.isoformat(), "gemeente": gemeente, "aantal": len(lijst),
            "personen": [{**r, "sinds": r["sinds"].isoformat()} for r in lijst]}


def voeg_aandachtslijst_toe(api: FastAPI, stack: Draaiend) -> None:
    """Add `GET /v1/aandachtslijst` to the API."""

    @api.get("/v1/aandachtslijst", responses=fouten(400, 401, 403, 429), openapi_extra=route_rollen(ROLLEN))
    async def aandachtslijst(
        peildatum: Annotated[Datum, Query(description="the day the list is known on: `YYYY-MM-DD`")],
        gemeente: Annotated[str | None, Query(pattern=r"^[0-9]{4}$", description="gemeentecode (default: ours)")] = None,
        wie: Gebruiker = vereis(stack, ROLLEN, beperkt=True, per_gemeente=True),
    ) -> dict[str, Any]:
        """Persons linked to the gemeente without DUO's plicht signal in time (`geen-duo-signaal`) and
        DUO signals for persons without a traject (`onbekend-bij-duo`), by persoon_id, with since when;
        the same facts give the same list for a peildatum. Each read is logged in the Logboek of
        every person on it."""
        assert stack.projectie is not None
        return await asyncio.to_thread(lees_aandachtslijst, stack.projectie, stack.logboek, peildatum,
                                       gemeente or stack.settings.gemeentecode, actor=wie.sub,
                                       bron="GET /v1/aandachtslijst")
