"""The DUO code families the first DUO journey leaves out, on the real bus and stores: SS139 starts a traject with its 10-week term, SS103 extends the termijn, SS124 changes the doelgroep, SS108, SS110 and SS111 end the plicht, SS120, SS131 and SS128 are recorded on the person's plicht."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import httpx
import pytest

from events import coa, duo, inburgering, topics
from keten import Keten, cloudevent, van_type
from services.stack import Stack
from services.toegang.rollen import AUDITOR
from toegang_hulp import Uitgever

pytestmark = pytest.mark.integration

FATIMA, YUSUF, LINA = "7100000001", "7100000002", "7100000003"
"""Fatima settles in Nijmegen without a koppeling (DUO's SS139); Yusuf and Lina are linked by COA."""
D = dt.date


def signaal(code: str, registratiedatum: str, gegevens: dict[str, Any], vnummer: str) -> dict[str, Any]:
    return cloudevent(duo.DUO_SIGNAAL_ONTVANGEN, {"gebeurtenis_id": code, "registratiedatum": registratiedatum,
                                                   "gegevens": gegevens, "vnummer": vnummer.lstrip("0")})


async def gepubliceerd(keten: Keten, type_: str, aantal: int) -> list[Any]:
    return van_type(await keten.wacht_op(topics.GEMEENTE_INBURGERING,
                                         lambda es: len(van_type(es, type_)) >= aantal), type_)


def koppeling(vnummer: str, datum: str, geboren: str) -> dict[str, Any]:
    return cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {"vnummer": vnummer, "gemeentecode": "0268", "koppeldatum": datum,
                                                   "huishouden": [{"vnummer": vnummer, "geboortedatum": geboren}]})


async def test_every_other_code_family_changes_the_plicht_or_the_traject(stack: Stack, keten: Keten) -> None:
    fatima, yusuf, lina = keten.persoon(FATIMA), keten.persoon(YUSUF), keten.persoon(LINA)
    await keten.stuur(koppeling(YUSUF, "2024-01-08", "1958-05-01"), koppeling(LINA, "2024-01-15", "1995-02-02"))
    await gepubliceerd(keten, inburgering.INBURGERINGSTRAJECT_GESTART, 2)

    await keten.stuur(
        # Fatima: plicht with the 10-week term to set a leerroute, termijn, extension, toets, settled, doelgroep, ontheffing
        signaal("SS139", "2024-02-02", {"begindatum": "2024-02-01", "doelgroep": "asielstatushouder"}, FATIMA),
        signaal("SS102", "2024-02-03", {"startdatum": "2024-02-01", "einddatum": "2027-02-01"}, FATIMA),
        signaal("SS103", "2024-03-01", {"einddatum": "2027-08-01", "grond": "ziekte"}, FATIMA),
        signaal("SS137", "2024-03-02", {"datum": "2024-03-02"}, FATIMA),
        signaal("SS131", "2024-03-20", {"datum": "2024-03-20", "uitslag": "z-route"}, FATIMA),
        signaal("SS120", "2024-03-21", {"datum": "2024-03-21"}, FATIMA),
        signaal("SS124", "2024-04-01", {"datum": "2024-04-01", "doelgroep": "gezinsmigrant"}, FATIMA),
        signaal("SS108", "2024-06-03", {"datum": "2024-06-01", "grond": "MED"}, FATIMA),
        # Yusuf: plicht near the AOW age (SS128), then vervallen; Lina: plicht, then she died
        signaal("SS128", "2024-02-10", {"begindatum": "2024-02-01", "doelgroep": "asielstatushouder"}, YUSUF),
        signaal("SS110", "2024-07-01", {"datum": "2024-07-01", "reden": "AOW-leeftijd bereikt"}, YUSUF),
        signaal("SS101", "2024-02-12", {"begindatum": "2024-02-05", "doelgroep": "asielstatushouder"}, LINA),
        signaal("SS111", "2024-05-05", {"datum": "2024-05-04"}, LINA),
    )

    [zonder_koppeling] = [e for e in await gepubliceerd(keten, inburgering.INBURGERINGSTRAJECT_GESTART, 3)
                          if e.data.persoon_id == fatima]
    assert (zonder_koppeling.data.aanleiding, zonder_koppeling.data.startdatum,
            zonder_koppeling.data.intaketermijn_verloopt_op) == ("duo", D(2024, 2, 1), D(2024, 4, 11))
    ontstaan = {e.data.persoon_id: e.data.code for e in
                await gepubliceerd(keten, inburgering.INBURGERINGSPLICHT_ONTSTAAN, 3)}
    assert ontstaan == {fatima: "SS139", yusuf: "SS128", lina: "SS101"}
    termijnen = await gepubliceerd(keten, inburgering.INBURGERINGSTERMIJN_VASTGESTELD, 2)
    assert [(e.data.code, e.data.einddatum) for e in termijnen] == [("SS102", D(2027, 2, 1)), ("SS103", D(2027, 8, 1))]
    [gewijzigd] = await gepubliceerd(keten, inburgering.DOELGROEP_GEWIJZIGD, 1)
    assert (gewijzigd.data.persoon_id, gewijzigd.data.doelgroep) == (fatima, "gezinsmigrant")
    eindes = await gepubliceerd(keten, inburgering.INBURGERINGSPLICHT_BEEINDIGD, 3)
    assert {(e.data.persoon_id, e.data.uitkomst) for e in eindes} == {
        (fatima, "ontheffing"), (yusuf, "vervallen"), (lina, "overleden")}

    # What is not published is kept on Fatima's plicht: the auditor sees the toets, its uitslag and the settling.
    tokens = Uitgever.van(stack.settings)
    async with httpx.AsyncClient(base_url=stack.http_url) as api:
        audit = await api.post("/v1/audit", json={"vnummer": FATIMA, "doel": "controle DUO-signalen"},
                               headers=tokens.kop(AUDITOR))
    assert audit.status_code == 200, audit.text
    opgeslagen = [r["gebeurtenis"] for r in audit.json()["tijdlijn"] if r["service"] == "inburgering"]
    for gebeurtenis in ("Leerbaarheidstoets", "Gevestigd", "DoelgroepGewijzigd", "PlichtBeeindigd"):
        assert gebeurtenis in opgeslagen, (gebeurtenis, opgeslagen)

    assert stack.projectie is not None
    await asyncio.to_thread(stack.projectie.bij)
    rapport = (await asyncio.to_thread(stack.projectie.rapport, D(2024, 7, 2)))["inburgering"]
    assert rapport["plicht"]["beeindigd"] == {"ontheffing": 1, "overleden": 1, "vervallen": 1}
    assert rapport["plicht"]["lopend"] == 0
