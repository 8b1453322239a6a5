"""`relay --vanaf`: the records the relay published, again, from a position on, without moving the relay."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from huisvesting_rapport_hulp import D, ENV, inschrijving, koppeling, ontvang, taakstelling, woning
from services.huisvesting import translation
from services.huisvesting.application import Huisvesting
from services.runtime.herpublicatie import Voortgang, herpubliceer
from services.runtime.relay import Relay


class Bus:
    """A broker that acknowledges every record at once and keeps what it was given."""

    def __init__(self) -> None:
        self.records: list[tuple[str, bytes, bytes | None, dict[str, str]]] = []

    async def publish(self, value: bytes, *, topic: str, key: bytes, headers: dict[str, str], no_confirm: bool) -> Any:
        self.records.append((topic, value, key, headers))
        klaar = asyncio.get_running_loop().create_future()
        klaar.set_result(None)
        return klaar


def huisvesting() -> Huisvesting:
    app = Huisvesting(env=ENV, pseudoniem_sleutel="test", vereist=("bsn",))
    vnummer, gekoppeld = koppeling(D(2024, 1, 10), grootte=2)
    ontvang(app, taakstelling("2024-H1", 120), gekoppeld, inschrijving(vnummer, D(2024, 1, 20)))
    ontvang(app, woning("talis-1", 4, D(2024, 2, 1)), taakstelling("2024-H1", 130))
    return app


async def test_from_position_1_the_records_are_those_the_relay_published_and_the_relay_does_not_move() -> None:
    app = huisvesting()
    relay = Relay(app, translation, Bus())  # type: ignore[arg-type]
    opnieuw, gemeld = Bus(), []

    uit = await herpubliceer(app, translation, opnieuw, vanaf=1, batch=3,  # type: ignore[arg-type]
                             meld=lambda v: gemeld.append((v.gelezen, v.klaar)))  # type: ignore[arg-type]

    assert relay.positie() == 0                        # the relay's own position did not move
    await relay.stap()
    assert opnieuw.records == relay.broker.records     # the same topic, value, key and headers: the same ids
    assert len({r[3]["ce_id"] for r in opnieuw.records}) == len(opnieuw.records) == uit.gepubliceerd == 6
    assert uit.gelezen == app.recorder.max_notification_id() == uit.te_lezen
    per_batch = [(min(n, uit.gelezen), False) for n in range(3, uit.gelezen + 3, 3)]
    assert gemeld == [*per_batch, (uit.gelezen, True)]   # progress after every batch, then once at the end


async def test_from_a_later_position_only_the_events_stored_from_there_on() -> None:
    app = huisvesting()
    alles = Bus()
    await herpubliceer(app, translation, alles, vanaf=1)  # type: ignore[arg-type]
    vanaf = int(alles.records[3][3]["ce_sequence"])
    staart = Bus()

    uit = await herpubliceer(app, translation, staart, vanaf=vanaf)  # type: ignore[arg-type]

    assert staart.records == [r for r in alles.records if int(r[3]["ce_sequence"]) >= vanaf]
    assert uit.gepubliceerd == len(staart.records) < len(alles.records)
    niets = Bus()
    assert (await herpubliceer(app, translation, niets, vanaf=uit.tot + 1)).gepubliceerd == 0  # type: ignore[arg-type]
    assert niets.records == []


async def test_a_position_below_1_is_refused() -> None:
    with pytest.raises(ValueError, match="1 or more"):
        await herpubliceer(huisvesting(), translation, Bus(), vanaf=0)  # type: ignore[arg-type]
    assert Voortgang("x", vanaf=5, tot=3).te_lezen == 0
