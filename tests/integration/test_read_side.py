"""The read side keeps its views in the stores' own databases: a restart replays nothing, a rebuild equals them."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from events import coa, huisvesting, rijk, corporaties, topics
from keten import Keten, cloudevent, van_type
from services.rapportage.herbouw import herbouw_en_vergelijk
from services.runtime.settings import Settings
from services.stack import Stack, open_apps

pytestmark = pytest.mark.integration

PEILDATUM = dt.date(2024, 6, 30)


async def een_gehuisvest_huishouden(keten: Keten) -> None:
    """A taakstelling, a single person linked to Nijmegen, and a home offered to them."""
    await keten.stuur(
        cloudevent(rijk.TAAKSTELLING_VASTGESTELD, {"gemeentecode": "0268", "periode": "2024-H1", "aantal": 182}),
        cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {
            "vnummer": "3099000001", "gemeentecode": "0268", "koppeldatum": "2024-02-12",
            "huishouden": [{"vnummer": "3099000001", "geboortedatum": "1990-01-01"}]}),
        cloudevent(corporaties.WONING_BESCHIKBAAR_GESTELD, {
            "woning_id": "talis-1", "wijk": "Lindenholt", "soort": "regulier", "max_bewoners": 2,
            "beschikbaar_per": "2024-03-01"}),
    )
    await keten.wacht_op(topics.GEMEENTE_HUISVESTING,
                         lambda es: bool(van_type(es, huisvesting.WONING_AANGEBODEN)))


@pytest.mark.huisvesting_vereist()
async def test_a_restart_resumes_the_views_where_they_were_and_replays_no_history(
    settings: Settings, keten: Keten
) -> None:
    async with Stack(settings) as stack:
        await een_gehuisvest_huishouden(keten)
        await asyncio.to_thread(stack.projectie.bij)
        voor = stack.projectie.rapport(PEILDATUM)
        posities = {naam: view.positie() for naam, view in stack.projectie.views.items()}
    assert sum(posities.values()) > 10

    async with Stack(settings) as herstart:
        assert herstart.bij_bij_start == 0
        assert {naam: view.positie() for naam, view in herstart.projectie.views.items()} == posities
        assert await asyncio.to_thread(herstart.projectie.bij) == 0
        assert herstart.projectie.rapport(PEILDATUM) == voor
        assert voor["huisvesting"]["dossiers_per_status"]["aangeboden"] == 1


@pytest.mark.huisvesting_vereist()
async def test_a_rebuild_into_fresh_tables_equals_the_live_views_and_can_take_their_place(
    stack: Stack, keten: Keten
) -> None:
    await een_gehuisvest_huishouden(keten)
    await asyncio.to_thread(stack.projectie.bij)
    live = stack.projectie.rapport(PEILDATUM)
    meldingen: list[str] = []
    apps = await asyncio.to_thread(open_apps, stack.settings)
    try:
        anders = await asyncio.to_thread(
            lambda: herbouw_en_vergelijk(apps, PEILDATUM, activeer=True, meld=meldingen.append))
    finally:
        for app in apps.values():
            app.close()

    assert anders == {}
    assert any("events" in m and "/s" in m for m in meldingen), meldingen
    assert await asyncio.to_thread(stack.projectie.bij) == 0
    assert stack.projectie.rapport(PEILDATUM) == live
