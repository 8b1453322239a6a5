"""An auditor's journey on a running stack: the Logboek of one person shows the partner's event, a staff command and an audit read, with legal basis and trace, never the V-nummer."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time

import httpx
import pytest

from events import coa, huisvesting, topics
from keten import Keten, cloudevent, van_type, welkom_env
from services.logboek import register
from services.runtime.settings import Settings
from services.stack import Stack
from services.toegang.ontwikkel import OntwikkelIssuer

pytestmark = pytest.mark.integration
VNUMMER = "2099000077"
TRACE = "0af7651916cd43dd8448eb211c80319c"
TRACEPARENT = f"00-{TRACE}-b7ad6b7169203331-01"


def welkom(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "services.entrypoints.cli", *args], env=welkom_env(settings),
                          capture_output=True, text=True, timeout=120)


async def na_koppeling_iban(settings: Settings) -> subprocess.CompletedProcess[str]:
    """The staff's IBAN command, once huisvesting knows the person (before, it is refused)."""
    einde = time.monotonic() + 30
    while True:
        uit = await asyncio.to_thread(welkom, settings, "huisvesting", "iban", "--vnummer", VNUMMER,
                                      "--iban", "NL91ABNA0417164300", "--datum", "2024-02-14")
        if "PersoonOnbekendFout" not in uit.stderr or time.monotonic() > einde:
            return uit
        await asyncio.sleep(0.2)


@pytest.mark.huisvesting_vereist()
async def test_the_logboek_shows_the_event_the_command_and_the_audit_read_of_one_person(
        stack: Stack, keten: Keten) -> None:
    koppeling = cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {
        "vnummer": VNUMMER, "gemeentecode": "0268", "koppeldatum": "2024-02-01",
        "huishouden": [{"vnummer": VNUMMER, "geboortedatum": "1991-05-05"}]})
    await keten.stuur({**koppeling, "traceparent": TRACEPARENT})
    iban = await na_koppeling_iban(stack.settings)
    assert iban.returncode == 0, iban.stderr
    token = OntwikkelIssuer(stack.settings.data_dir).token("auditor-provincie", ["auditor"], ["0268"],
                                                          audience=stack.settings.oidc_audience)
    async with httpx.AsyncClient(base_url=stack.http_url) as api:
        audit = await api.post("/v1/audit", json={"vnummer": VNUMMER, "doel": "toezicht huisvestingstaakstelling"},
                               headers={"Authorization": f"Bearer {token}"})
    assert audit.status_code == 200, audit.text
    tijdlijn = audit.json()["tijdlijn"]
    assert {(r["actor"], r["bron"]) for r in tijdlijn if r["gebeurtenis"] == "Geopend"} == {
        (koppeling["source"], f"{koppeling['source']} {koppeling['id']}")}
    assert any(r["actor"].startswith("cli:") and r["bron"].startswith("http:") for r in tijdlijn)
    assert all(r["grondslag"] for r in tijdlijn)

    tekst = await asyncio.to_thread(welkom, stack.settings, "logboek", "--vnummer", VNUMMER, "--doel", "inzage AVG 15")
    als_json = await asyncio.to_thread(welkom, stack.settings, "logboek", "--vnummer", VNUMMER, "--json")

    assert tekst.returncode == 0 and als_json.returncode == 0, tekst.stderr + als_json.stderr
    regels = json.loads(als_json.stdout)["verwerkingen"]
    per_naam = {(r["resource"]["component"], r["name"]): r for r in regels}
    inbound = per_naam[("huisvesting", coa.GEKOPPELD_AAN_GEMEENTE)]
    commando = per_naam[("huisvesting", "huisvesting.iban")]
    gelezen = per_naam[("logboek", "audit-tijdlijn-gelezen")]
    assert inbound["trace_id"] == TRACE and inbound["actor"] == koppeling["source"]
    assert commando["actor"].startswith("cli:") and commando["bron"].startswith("http:")
    assert gelezen["actor"] == "auditor-provincie" and gelezen["doel"] == "toezicht huisvestingstaakstelling"
    huisvestingswet = register.activiteit("huisvesting").grondslag
    assert inbound["grondslag"] == commando["grondslag"] == huisvestingswet
    assert gelezen["grondslag"] == register.activiteit("verantwoording").grondslag
    assert huisvestingswet in tekst.stdout and "audit-tijdlijn-gelezen" in tekst.stdout
    for uitvoer in (tekst.stdout, als_json.stdout, audit.text):
        assert VNUMMER not in uitvoer

    uitgaand = await keten.wacht_op(topics.GEMEENTE_HUISVESTING,
                                    lambda es: bool(van_type(es, huisvesting.HUISVESTINGSDOSSIER_GEOPEND)))
    geopend = van_type(uitgaand, huisvesting.HUISVESTINGSDOSSIER_GEOPEND)[0]
    assert geopend.traceparent is not None and geopend.traceparent.split("-")[1] == TRACE
