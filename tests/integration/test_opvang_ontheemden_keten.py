"""An ontheemde from Ukraine on a running welkom: registered by BSN, placed, moved to private shelter; the end of protection recorded by the clock, then moved by the Rijk; the BSN nowhere."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from aiokafka import AIOKafkaConsumer

from events import opvang, rijk, topics
from keten import Keten, cloudevent, gezond, van_type, welkom_env
from metriek import uit_tekst
from services.domain.identity import persoon_id_van_bsn
from services.runtime.settings import Settings
from services.toegang.rollen import OPERATOR, OPVANG_MEDEWERKER
from toegang_hulp import Uitgever

pytestmark = pytest.mark.integration
BSN = "999990019"
"""Olena's BSN (a test number passing the elfproef): said to welkom only in the bodies of staff's commands."""


def welkom(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    """A `welkom` CLI command of a member of staff against the running stack."""
    return subprocess.run([sys.executable, "-m", "services.entrypoints.cli", *args], env=welkom_env(settings),
                          capture_output=True, text=True, timeout=120)


def welkom_up(settings: Settings, log: Path) -> subprocess.Popen:
    """`welkom up` as an operator runs it, logging at DEBUG, its gauges set every half second."""
    env = welkom_env(settings, WELKOM_LOG_LEVEL="DEBUG", WELKOM_GAUGE_INTERVAL_S="0.5")
    return subprocess.Popen([sys.executable, "-m", "services.entrypoints.cli", "up"], env=env,
                            stdout=log.open("ab"), stderr=subprocess.STDOUT)


async def tot(voorwaarde: Any, wat: str, timeout: float = 30.0) -> Any:
    """Poll an async check until it gives something truthy."""
    einde = time.monotonic() + timeout
    while not (uitkomst := await voorwaarde()):
        assert time.monotonic() < einde, f"timed out waiting for {wat}"
        await asyncio.sleep(0.2)
    return uitkomst


async def gepubliceerd(bootstrap_servers: str, keten: Keten) -> str:
    """Every record on every topic of the broker (keys, headers, values), as text."""
    lezer = AIOKafkaConsumer(bootstrap_servers=bootstrap_servers)
    await lezer.start()
    try:
        namen = sorted(t for t in await lezer.topics() if not t.startswith("__"))
    finally:
        await lezer.stop()
    assert {topics.GEMEENTE_OPVANG, topics.KETEN_RIJK} <= set(namen), namen
    regels = []
    for topic in namen:
        for r in await keten.records(topic):
            regels.append(f"{topic} {r.key!r} {r.headers!r} {(r.value or b'').decode(errors='replace')}")
    return "\n".join(regels)


def _tekst(waarde: Any) -> str:
    waarde = bytes(waarde) if isinstance(waarde, memoryview) else waarde
    return waarde.decode(errors="replace") if isinstance(waarde, bytes) else str(waarde)


def opgeslagen(settings: Settings) -> str:
    """Everything the stores hold, row by row (events, views, Logboek, tracking), and every file in the data dir."""
    regels = [p.read_bytes().decode(errors="replace") for p in settings.data_dir.rglob("*") if p.is_file()]
    if settings.database_url:
        with psycopg.connect(settings.database_url) as conn:
            tabellen = conn.execute("SELECT table_schema, table_name FROM information_schema.tables "
                                    "WHERE table_schema LIKE %s", (settings.database_schema_prefix + "%",)).fetchall()
            assert tabellen
            for schema, tabel in tabellen:
                regels += [" ".join(map(_tekst, rij)) for rij in conn.execute(f'SELECT * FROM "{schema}"."{tabel}"')]
    else:
        for bestand in settings.data_dir.rglob("*.sqlite"):
            with sqlite3.connect(bestand) as conn:
                for (tabel,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
                    regels += [" ".join(map(_tekst, rij)) for rij in conn.execute(f'SELECT * FROM "{tabel}"')]
    return "\n".join(regels)


async def test_an_ontheemde_is_placed_moves_to_private_shelter_and_outlives_the_first_end_of_protection_unnamed(
        settings: Settings, keten: Keten, tmp_path: Path) -> None:
    log = tmp_path / "welkom.log"
    proces = welkom_up(settings, log)
    persoon = persoon_id_van_bsn(BSN, settings.pseudonym_secret.get_secret_value())
    antwoorden: list[str] = []
    try:
        await gezond(settings, proces, log)
        uitgever = Uitgever.van(settings)
        medewerker, operator = uitgever.kop(OPVANG_MEDEWERKER), uitgever.kop(OPERATOR)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{settings.http_port}", timeout=30) as api:

            async def geef(pad: str, **body: Any) -> None:
                antwoord = await api.post(f"/v1/opvang/{pad}", json=body, headers=medewerker)
                antwoorden.append(antwoord.text)
                assert antwoord.status_code == 200, antwoord.text

            async def rapport(peildatum: str) -> dict[str, Any]:
                antwoord = await api.get("/v1/rapport", params={"peildatum": peildatum}, headers=operator)
                antwoorden.append(antwoord.text)
                return antwoord.json()["opvang"]["ontheemden"]

            await geef("locatie-openingen", locatie_id="waalhaven", naam="Schepen in de Waalhaven", soort="oekraine",
                       capaciteit=300, datum="2022-04-01", geplande_sluiting="2025-03-01")
            await geef("ontheemden", bsn=BSN, datum="2024-03-01")
            await geef("ontheemde-plaatsingen", bsn=BSN, locatie_id="waalhaven", datum="2024-03-01")
            await geef("eigen-bijdragen", bsn=BSN, datum="2024-07-01", besluit="vrijgesteld",
                       vrijstellingsgrond="geen-inkomen")
            await geef("ontheemde-verplaatsingen", bsn=BSN, locatie_id="particulier", datum="2024-09-01")
            cli = await asyncio.to_thread(welkom, settings, "opvang", "eigen-bijdrage", "--bsn", BSN, "--datum",
                                          "2025-01-01", "--besluit", "plichtig")
            fout = await asyncio.to_thread(welkom, settings, "opvang", "registreer-ontheemde", "--bsn", "999990018",
                                           "--datum", "2024-03-01")
            assert cli.returncode == 0 and fout.returncode != 0, cli.stderr + fout.stderr
            antwoorden.extend([cli.stdout, cli.stderr])
            assert "999990018" not in fout.stdout + fout.stderr
            onbekend = await api.post("/v1/opvang/ontheemde-plaatsingen", headers=medewerker, json={
                "bsn": "999990032", "locatie_id": "waalhaven", "datum": "2024-03-01"})
            assert onbekend.json()["title"] == "domeinregel:OntheemdeOnbekendFout" and "999990032" not in onbekend.text

            augustus = await rapport("2024-08-01")
            assert (augustus["in_gemeentelijke_opvang"], augustus["per_locatie"], augustus["plekken"]["capaciteit"],
                    augustus["eigen_bijdrage"]["per_grond"]["geen-inkomen"]) == (1, {"waalhaven": 1}, 300, 1)
            assert (await rapport("2025-01-01"))["eigen_bijdrage"]["plichtig"] == 0, "in private shelter since September"
            september = await rapport("2024-09-01")
            assert (september["in_gemeentelijke_opvang"], september["in_particuliere_opvang"],
                    september["verplaatsingen"]) == (0, 1, 1)

            klok = await api.post("/v1/klok", json={"tot": "2026-03-05"}, headers=operator)
            assert klok.status_code == 200 and klok.json()["verlopen"]["opvang"] == 1, klok.text
            beeindigd = await keten.wacht_op(topics.GEMEENTE_OPVANG, lambda es: bool(
                van_type(es, opvang.TIJDELIJKE_BESCHERMING_BEEINDIGD)))
            assert van_type(beeindigd, opvang.TIJDELIJKE_BESCHERMING_BEEINDIGD)[0].data.einddatum.isoformat() == \
                "2026-03-04"

            await keten.stuur(cloudevent(rijk.TIJDELIJKE_BESCHERMING_VERLENGD,
                                         {"einddatum": "2027-03-04", "besluitdatum": "2026-03-20"}))
            verschoven = await keten.wacht_op(topics.GEMEENTE_OPVANG, lambda es: bool(
                van_type(es, opvang.TIJDELIJKE_BESCHERMING_VERSCHOVEN)))
            besluit = van_type(verschoven, opvang.TIJDELIJKE_BESCHERMING_VERSCHOVEN)[0]
            assert (besluit.subject, besluit.data.heropend, besluit.data.einddatum.isoformat()) == (
                None, True, "2027-03-04")
            assert {e.subject for e in verschoven if e.type.startswith("nl.opvang.ontheemde")} == {str(persoon)}

            tussen = await tot(lambda: rapport("2026-03-10"), "the report")
            assert (tussen["tijdelijke_bescherming"]["einddatum"], tussen["tijdelijke_bescherming"]["van_kracht"]) == (
                "2026-03-04", False), "lapsed until the Rijk decided"
            juni = await tot(lambda: _als(rapport("2026-06-01"), lambda r: r["tijdelijke_bescherming"]["besluitdatum"]),
                             "the Rijk's decision in the report")
            assert juni["tijdelijke_bescherming"] == {"einddatum": "2027-03-04", "besluitdatum": "2026-03-20",
                                                      "van_kracht": True, "dagen_resterend": 276}
            assert juni["in_particuliere_opvang"] == 1

            metrics = await tot(lambda: _als(api.get("/metrics"), lambda m: uit_tekst(
                m.text, "welkom_opvang_tijdelijke_bescherming_einde_timestamp_seconds") == 1804118400),
                "the gauges of today, after the Rijk's decision (2027-03-04T00:00Z)")
            assert uit_tekst(metrics.text, "welkom_opvang_ontheemden_personen", opvang="particulier") == 1
            assert uit_tekst(metrics.text, "welkom_opvang_ontheemden_personen", opvang="gemeentelijk") == 0
            antwoorden.append(metrics.text)
    finally:
        proces.terminate()
        await asyncio.to_thread(proces.wait, 30)

    uitvoer = {}  # the auditor's CLI, by the ontheemde's BSN: as text and as JSON
    for lezing in ("audit", "logboek"):
        for vorm in ((), ("--json",)):
            uit = await asyncio.to_thread(welkom, settings, lezing, "--bsn", BSN, "--doel", "inzage AVG art. 15", *vorm)
            assert uit.returncode == 0, uit.stderr
            uitvoer[(lezing, bool(vorm))] = uit.stdout + uit.stderr
    tijdlijn = json.loads(uitvoer[("audit", True)])["tijdlijn"]
    verwerkingen = json.loads(uitvoer[("logboek", True)])["verwerkingen"]
    assert [r["gebeurtenis"] for r in tijdlijn if r["aggregate"] == "Ontheemde"] == [
        "Geregistreerd", "Geplaatst", "EigenBijdrageVastgesteld", "Verplaatst", "EigenBijdrageVastgesteld"]
    assert {r["attributes"]["dpl.core.processing_activity_id"] for r in verwerkingen
            if r["resource"]["component"] == "opvang"} == {
        "urn:nld:gemeente-nijmegen:welkom:verwerkingsactiviteit:opvang-ontheemden"}

    overal = {"opgeslagen": opgeslagen(settings), "gepubliceerd": await gepubliceerd(keten.bootstrap_servers, keten),
              "audit en logboek": "\n".join(uitvoer.values()), "log": log.read_text(errors="replace"),
              "antwoorden": "\n".join(antwoorden)}
    assert persoon.hex in overal["opgeslagen"].replace("-", "") and str(persoon) in overal["gepubliceerd"]
    assert str(persoon) in overal["audit en logboek"] and "Ontheemde.Geplaatst" in overal["audit en logboek"]
    assert "opvang" in overal["log"]
    for waar, tekst in overal.items():
        assert BSN not in tekst and "9999.90.019" not in tekst and "999 990 019" not in tekst, waar


async def _als(verzoek: Any, klaar: Any) -> Any:
    """The awaited answer when `klaar(answer)`, else None (to poll with `tot`)."""
    antwoord = await verzoek
    return antwoord if klaar(antwoord) else None
