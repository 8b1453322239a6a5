"""What operators, staff and integrations touch: the CLI and the HTTP API of a running stack."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from events import coa, huisvesting, opvang, topics
from keten import Keten, cloudevent, van_type, welkom_env
from metriek import uit_tekst
from services.runtime.application import Werkeenheid
from services.huisvesting.domain.huisvestingsdossier import GeenOpenAanbodFout, Huisvestingsdossier
from services.runtime.settings import Settings
from services.stack import Stack, open_apps
from services.toegang.rollen import MZD_MEDEWERKER, OPERATOR, WOONCONSULENT
from toegang_hulp import Uitgever

pytestmark = pytest.mark.integration
VOORBEELD = Path(__file__).parents[2] / "examples" / "huishouden.jsonl"
HOOFD = "2099000001"


def welkom(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "services.entrypoints.cli", *args], env=welkom_env(settings),
                          capture_output=True, text=True, timeout=120)


async def publiceer_voorbeeld_met_iban(settings: Settings) -> subprocess.CompletedProcess[str]:
    """The example household (its BSN comes from the BRP event in the file) and its IBAN from staff,
    once huisvesting knows the person (before, the command is refused: PersoonOnbekendFout)."""
    uit = await asyncio.to_thread(welkom, settings, "publish", str(VOORBEELD))
    assert uit.returncode == 0, uit.stderr
    einde = time.monotonic() + 30
    while True:
        iban = await asyncio.to_thread(welkom, settings, "huisvesting", "iban", "--vnummer", HOOFD,
                                       "--iban", "NL91ABNA0417164300", "--datum", "2024-02-14")
        if "PersoonOnbekendFout" not in iban.stderr or time.monotonic() > einde:
            break
        await asyncio.sleep(0.2)
    assert iban.returncode == 0, iban.stderr
    return uit


async def test_publish_a_household_then_see_the_offer_the_audit_and_the_report(stack: Stack, keten: Keten) -> None:
    ongeldig = await asyncio.to_thread(welkom, stack.settings, "huisvesting", "iban", "--vnummer", HOOFD,
                                       "--iban", "NL91ABNA0417164301", "--datum", "2024-02-14")
    assert ongeldig.returncode == 2 and "OngeldigIbanFout" in ongeldig.stderr
    assert "NL91ABNA0417164301" not in ongeldig.stderr
    uit = await publiceer_voorbeeld_met_iban(stack.settings)
    assert "7 events gepubliceerd" in uit.stdout
    events = await keten.wacht_op(topics.GEMEENTE_HUISVESTING,
                                  lambda es: bool(van_type(es, huisvesting.WONING_AANGEBODEN)))
    aanbod = van_type(events, huisvesting.WONING_AANGEBODEN)[0]
    assert aanbod.data.woning_id == "portaal-2231" and aanbod.subject == str(keten.persoon(HOOFD))
    assert all(HOOFD not in (r.key or b"").decode() for r in await keten.records(topics.KETEN_COA))

    audit = await asyncio.to_thread(welkom, stack.settings, "audit", "--vnummer", HOOFD)
    assert audit.returncode == 0, audit.stderr
    regels = audit.stdout.splitlines()
    gebeurtenissen = [r for r in regels[1:] if not r.startswith(" ")]  # each with its grondslag line below it
    assert regels[0].startswith("datum") and "2024-01-08" in regels[1] and "WoningAangeboden" in gebeurtenissen[-1]
    assert all(r.strip().startswith("grondslag: ") for r in regels[2::2]) and "actor: urn:nld:oin:coa" in audit.stdout
    assert "Bewoner.Geplaatst" in audit.stdout and "Huisvestingsdossier.Geopend" in audit.stdout
    assert HOOFD not in audit.stdout
    als_json = json.loads((await asyncio.to_thread(welkom, stack.settings, "audit", "--vnummer", HOOFD, "--json")).stdout)
    assert {r["service"] for r in als_json["tijdlijn"]} == {"opvang", "huisvesting", "inburgering"}

    rapport = await asyncio.to_thread(welkom, stack.settings, "rapport", "--peildatum", "2024-04-01", "--json")
    cijfers = json.loads(rapport.stdout)
    assert cijfers["huisvesting"]["dossiers_open"] == 1 and cijfers["opvang"]["bewoners_in_opvang"] == 2
    herbouw = await asyncio.to_thread(welkom, stack.settings, "rebuild", "--peildatum", "2024-04-01")
    assert herbouw.returncode == 0 and "gelijk" in herbouw.stdout, herbouw.stdout + herbouw.stderr

    # A staff command from the CLI, twice with the same idempotency key: applied once, the first
    # answer given twice; the key with another body is refused and records nothing.
    for _ in range(2):
        geaccepteerd = await asyncio.to_thread(
            welkom, stack.settings, "huisvesting", "accepteer", "--vnummer", HOOFD,
            "--woning", "portaal-2231", "--datum", "2024-03-20", "--sleutel", "balie-42")
        assert geaccepteerd.returncode == 0, geaccepteerd.stderr
        assert geaccepteerd.stdout.strip() == "verwerkt"
    hergebruikt = await asyncio.to_thread(
        welkom, stack.settings, "huisvesting", "accepteer", "--vnummer", HOOFD,
        "--woning", "portaal-2231", "--datum", "2024-03-21", "--sleutel", "balie-42")
    assert hergebruikt.returncode != 0 and "idempotency-key-hergebruikt" in hergebruikt.stderr
    dossier_id = Huisvestingsdossier.create_id(keten.persoon(HOOFD))
    assert [type(e).__name__ for e in stack.apps["huisvesting"].events.get(dossier_id)].count("AanbodGeaccepteerd") == 1
    fout = await asyncio.to_thread(welkom, stack.settings, "huisvesting", "verhuis", "--vnummer", "2099000099",
                                   "--woning", "portaal-2231", "--datum", "2024-03-25")
    assert fout.returncode == 2 and "DossierOnbekendFout" in fout.stderr


def gestegen(voor: str, na: str, naam: str, **labels: str) -> float:
    """How much a counter rose between two /metrics pages (absent: not incremented in this process yet)."""
    return (uit_tekst(na, naam, **labels) or 0) - (uit_tekst(voor, naam, **labels) or 0)


async def metrics_zodra(api: httpx.AsyncClient, klaar: Callable[[str], bool], timeout: float = 30) -> str:
    """The /metrics page once `klaar` holds for it, else the last one read: a counter follows its effect."""
    einde = time.monotonic() + timeout
    while True:
        tekst = (await api.get("/metrics")).text
        if klaar(tekst) or time.monotonic() > einde:
            return tekst
        await asyncio.sleep(0.1)


async def test_the_http_api_speaks_problem_json_metrics_and_openapi(stack: Stack, keten: Keten) -> None:
    tokens = Uitgever.van(stack.settings)  # the development issuer in the stack's data dir
    woonconsulent, mzd, operator = tokens.kop(WOONCONSULENT), tokens.kop(MZD_MEDEWERKER), tokens.kop(OPERATOR)
    async with httpx.AsyncClient(base_url=stack.http_url) as api:
        assert (await api.get("/health")).json() == {"status": "ok"}
        bbb = {"vnummer": "2099000077", "datum": "2024-05-01"}
        for kop, reden in (({}, "geen-token"), (Uitgever().kop(MZD_MEDEWERKER), "sleutel-onbekend")):
            geweigerd = await api.post("/v1/mzd/bbb-toelatingen", json=bbb, headers=kop)  # none, or another issuer's
            assert geweigerd.status_code == 401 and geweigerd.headers["content-type"] == "application/problem+json"
            assert geweigerd.json()["detail"].endswith(f"({reden})") and "2099000077" not in geweigerd.text
        assert (await api.post("/v1/mzd/bbb-toelatingen", json=bbb, headers=woonconsulent)).status_code == 403
        ongeldig = await api.post("/v1/huisvesting/verhuizingen", headers=woonconsulent,
                                  json={"vnummer": "12345", "woning_id": "w", "datum": "gisteren"})
        assert ongeldig.status_code == 400
        assert ongeldig.headers["content-type"] == "application/problem+json"
        assert "12345" not in ongeldig.text and "gisteren" not in ongeldig.text
        onbekend = await api.post("/v1/mzd/bbb-toelatingen", json=bbb, headers=mzd)
        assert onbekend.status_code == 422 and onbekend.json()["title"] == "domeinregel:ZaakOnbekendFout"
        assert onbekend.headers["API-Version"] == "1.0.0"
        document = await api.get("/v1/openapi.json", headers={"Origin": "https://elders.example"})  # no token
        assert document.headers["access-control-allow-origin"] == "*" and document.headers["API-Version"] == "1.0.0"
        openapi = document.json()
        assert openapi["servers"][0]["url"] == "/v1" and openapi["info"]["version"] == "1.0.0"
        assert "/rapport" in openapi["paths"] and "/huisvesting/aanbod-acceptaties" in openapi["paths"]
        assert "HTTPValidationError" not in json.dumps(openapi) and "Probleem" in openapi["components"]["schemas"]
        for antwoord, status in ((await api.get("/v1/bestaat-niet", headers=operator), 404),
                                 (await api.get("/v1/klok", headers=operator), 405),
                                 (await api.post("/v1/klok", json={"tot": "2099-01-01"}, headers=operator), 422)):
            assert antwoord.status_code == status and antwoord.headers["content-type"] == "application/problem+json"

        # /metrics: the samples one placement from COA produces (counters are per process: count the step)
        verwerkt = {"service": "opvang", "topic": topics.KETEN_COA, "outcome": "verwerkt"}
        gepubliceerd = {"service": "opvang", "type": opvang.BEWONER_GEPLAATST}
        voor = (await api.get("/metrics")).text
        await keten.stuur(cloudevent(coa.ASIELZOEKER_GEPLAATST, {
            "vnummer": "2099000055", "locatie_id": "azc-dommer", "datum": "2024-01-08"}))
        await keten.wacht_op(topics.GEMEENTE_OPVANG, lambda es: bool(van_type(es, opvang.BEWONER_GEPLAATST)))

        def gezien(na: str) -> dict[str, float | None]:
            return {"verwerkt": gestegen(voor, na, "welkom_inbox_messages_total", **verwerkt),
                    "gepubliceerd": gestegen(voor, na, "welkom_relay_published_events_total", **gepubliceerd),
                    **{f"lag {s}": uit_tekst(na, "welkom_relay_lag_events", service=s) for s in stack.apps}}
        verwacht = {"verwerkt": 1, "gepubliceerd": 1, **{f"lag {s}": 0 for s in stack.apps}}
        metrics = await metrics_zodra(api, lambda na: gezien(na) == verwacht)
        assert gezien(metrics) == verwacht
        vandaag = dt.datetime.combine(dt.date.today(), dt.time(), dt.UTC).timestamp()
        assert uit_tekst(metrics, "welkom_kengetallen_peildatum_seconds") == vandaag   # gauges set on start
        assert "2099000055" not in metrics and str(keten.persoon("2099000055")) not in metrics
        for peildatum in ("2024-13-01", "0", "2024-10-01T00:00:00"):  # never the report of 1970
            assert (await api.get("/v1/rapport", params={"peildatum": peildatum}, headers=operator)).status_code == 400


async def test_two_staff_commands_on_one_dossier_one_wins_and_versions_stay_contiguous(
    stack: Stack, keten: Keten, settings: Settings
) -> None:
    await publiceer_voorbeeld_met_iban(settings)
    await keten.wacht_op(topics.GEMEENTE_HUISVESTING, lambda es: bool(van_type(es, huisvesting.WONING_AANGEBODEN)))
    eerste, tweede = open_apps(settings, ["huisvesting"])["huisvesting"], open_apps(settings, ["huisvesting"])["huisvesting"]
    persoon = eerste.persoon(HOOFD)
    uitkomsten: list[str] = []
    start = threading.Barrier(2)

    def accepteer(app, datum: str) -> None:
        start.wait()
        try:
            app.voer_uit(lambda u: app.accepteer(u, persoon, "portaal-2231", __import__("datetime").date.fromisoformat(datum)))
            uitkomsten.append("gewonnen")
        except GeenOpenAanbodFout:
            uitkomsten.append("afgewezen: al geaccepteerd")

    draden = [threading.Thread(target=accepteer, args=(a, d)) for a, d in ((eerste, "2024-03-20"), (tweede, "2024-03-21"))]
    for d in draden:
        d.start()
    for d in draden:
        d.join(60)
    assert sorted(uitkomsten) == ["afgewezen: al geaccepteerd", "gewonnen"]
    dossier_id = Huisvestingsdossier.create_id(persoon)
    versies = [e.originator_version for e in eerste.events.get(dossier_id)]
    assert versies == list(range(1, len(versies) + 1))
    assert [type(e).__name__ for e in eerste.events.get(dossier_id)][-1] == "AanbodGeaccepteerd"
    assert isinstance(Werkeenheid(eerste).get(dossier_id), Huisvestingsdossier)
