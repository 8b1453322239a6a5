"""What the HTTP API unit tests share: a stand-in for the running stack, on the four services in memory,
trusting the tests' development issuer (tests/toegang_hulp.py: `kop(rol)` is a header it accepts)."""

from __future__ import annotations

import asyncio
import datetime as dt
import types
from typing import Any

from toegang_hulp import GEMEENTE, toegang

from services.catalogus import alle
from services.logboek.application import Logboek
from services.runtime.gezondheid import Gezondheid

ENV = {"PERSISTENCE_MODULE": "eventsourcing.popo"}
VNUMMER, IBAN = "1000000001", "NL91ABNA0417164300"


class Stack:
    """The part of a running stack the HTTP API needs (`Draaiend`): the four services in memory,
    no read models, a Logboek in memory, and a clock that is `manual` or `realtime`; it notes every
    advance of the clock. It is Nijmegen's and trusts the tests' development issuer, with a rate
    limit of `limiet`."""

    def __init__(self, klok: str = "manual", limiet: str = "120/minute") -> None:
        self.apps = {s.name: s.application(env=ENV, pseudoniem_sleutel="test") for s in alle()}
        self.ready, self.projectie = asyncio.Event(), None
        self.settings = types.SimpleNamespace(clock=klok, gemeentecode=GEMEENTE)
        self.toegang = toegang(limiet)
        self.logboek = Logboek(env=ENV)
        self.gezondheid = Gezondheid()
        self.verzet: list[dt.date] = []
        self.verzet_door: list[str | None] = []

    async def verloop_tijd(self, op: dt.date, door: str | None = None) -> dict[str, int]:
        self.verzet.append(op)
        self.verzet_door.append(door)
        return {naam: app.verloop_tijd(op) for naam, app in self.apps.items()}


def per_url(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The operations of an OpenAPI document by the path a client requests: under the path's own
    server, else the document's (`/rapport` -> `/v1/rapport`, `/health` -> `/health`)."""
    paden = {}
    for pad, item in document["paths"].items():
        server = (item.get("servers") or document.get("servers") or [{"url": "/"}])[0]["url"]
        paden[server.rstrip("/") + pad] = {m: o for m, o in item.items() if m != "servers"}
    return paden


def gestarte_api(limiet: str = "120/minute") -> Any:
    """A client of the API of a started stand-in stack (ready: /health answers 200); a crash is its
    500 problem, not an exception in the test."""
    from fastapi.testclient import TestClient

    from services.entrypoints.http import maak_app

    stack = Stack(limiet=limiet)
    stack.ready.set()
    return TestClient(maak_app(stack), raise_server_exceptions=False)
