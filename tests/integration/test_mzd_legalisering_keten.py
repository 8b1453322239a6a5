"""The hand-over on the real bus and stores: a person without documents gets a permit after all; mzd closes the case with uitstroom legalisering and publishes it, huisvesting opens a dossier of one and inburgering starts a traject, and the auditor sees all of it in one timeline."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from events import huisvesting, ind, mzd, topics
from keten import Keten, cloudevent, van_type
from services.stack import Stack
from services.toegang.rollen import AUDITOR, OPERATOR
from toegang_hulp import Uitgever

pytestmark = pytest.mark.integration

LEILA = "3150000001"


async def van(keten: Keten, topic: str, subject: str, type_: str | None = None) -> list[Any]:
    """The events about this person on the topic (of this type), once there is one."""
    def over(es: list[Any]) -> list[Any]:
        return [e for e in (van_type(es, type_) if type_ else es) if e.subject == subject]
    return over(await keten.wacht_op(topic, lambda es: bool(over(es))))


async def test_a_legalisation_closes_the_case_and_the_person_gets_a_dossier_and_a_traject_in_one_timeline(
        stack: Stack, keten: Keten) -> None:
    tokens = Uitgever.van(stack.settings)
    leila = str(keten.persoon(LEILA))
    await keten.stuur(cloudevent(ind.ASIELAANVRAAG_AFGEWEZEN, {"vnummer": LEILA, "besluitdatum": "2023-11-06",
                                                               "definitief": True}))
    await van(keten, topics.GEMEENTE_MZD, leila, mzd.ZAAK_GEOPEND)

    # Years later the IND grants her a permit after all. The permit also reaches huisvesting itself
    # (it acts only on nareis permits), and opvang; the hand-over is mzd's event.
    await keten.stuur(cloudevent(ind.VERBLIJFSVERGUNNING_VERLEEND, {"vnummer": LEILA, "besluitdatum": "2024-09-02",
                                                                    "soort": "asiel"}))
    [overgedragen] = await van(keten, topics.GEMEENTE_MZD, leila, mzd.PERSOON_GELEGALISEERD)
    [geopend] = await van(keten, topics.GEMEENTE_HUISVESTING, leila, huisvesting.HUISVESTINGSDOSSIER_GEOPEND)
    traject = await van(keten, topics.GEMEENTE_INBURGERING, leila)
    async with httpx.AsyncClient(base_url=stack.http_url) as api:
        rapport = (await api.get("/v1/rapport", params={"peildatum": "2024-09-30"},
                                 headers=tokens.kop(OPERATOR))).json()
        audit = await api.post("/v1/audit", json={"vnummer": LEILA, "doel": "toezicht overdracht na legalisering"},
                               headers=tokens.kop(AUDITOR))

    assert (overgedragen.data.besluitdatum.isoformat(), overgedragen.data.soort) == ("2024-09-02", "asiel")
    assert [str(p) for p in geopend.data.personen] == [leila] and geopend.data.koppeldatum.isoformat() == "2024-09-02"
    assert traject and traject[0].data.persoon_id == keten.persoon(LEILA)
    assert rapport["mzd"]["zaken_open"] == 0
    assert rapport["mzd"]["uitstroom"]["maand"]["per_reden"]["legalisering"] == 1
    assert rapport["huisvesting"]["dossiers_open"] == 1
    assert audit.status_code == 200, audit.text
    regels = [(r["service"], r["gebeurtenis"]) for r in audit.json()["tijdlijn"]]
    assert [g for s, g in regels if s == "mzd"] == ["Geopend", "Gelegaliseerd"]
    assert ("huisvesting", "Geopend") in regels
    assert any(s == "inburgering" for s, _ in regels), regels
    mzd_eind = max(i for i, (s, _) in enumerate(regels) if s == "mzd")
    assert all(i >= mzd_eind for i, (s, _) in enumerate(regels) if s in ("huisvesting", "inburgering")), (
        "the chain takes her up after the legalisation, in one timeline")
    assert LEILA not in audit.text
    dossiers = [e for e in await keten.events(topics.GEMEENTE_HUISVESTING)
                if e.type == huisvesting.HUISVESTINGSDOSSIER_GEOPEND and e.subject == leila]
    assert len(dossiers) == 1, "the permit reaching huisvesting too opens no second dossier"
