"""What the HTTP API unit tests share: a stand-in for the running stack, on the four services in memory."""

from __future__ import annotations

import asyncio
import datetime as dt
import types

from services.catalogus import alle
from services.runtime.gezondheid import Gezondheid

ENV = {"PERSISTENCE_MODULE": "eventsourcing.popo"}
VNUMMER, IBAN = "1000000001", "NL91ABNA0417164300"


class Stack:
    """The part of a running stack the HTTP API needs (`Draaiend`): the four services in memory,
    no read models, and a clock that is `manual` or `realtime`; it notes every advance of the clock."""

    def __init__(self, klok: str = "manual") -> None:
        self.apps = {s.name: s.application(env=ENV, pseudoniem_sleutel="test") for s in alle()}
        self.ready, self.projectie = asyncio.Event(), None
        self.settings = types.SimpleNamespace(clock=klok)
        self.gezondheid = Gezondheid()
        self.verzet: list[dt.date] = []

    async def verloop_tijd(self, op: dt.date) -> dict[str, int]:
        self.verzet.append(op)
        return {naam: app.verloop_tijd(op) for naam, app in self.apps.items()}
