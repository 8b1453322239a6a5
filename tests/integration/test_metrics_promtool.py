"""A running welkom's /metrics, every family filled by the chain and its staff, as promtool lints it: zero problems."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from events import bbb, coa, huisvesting, mzd, topics
from keten import Keten, cloudevent, van_type, wacht_tot
from services.demo.runner import stack_topic
from services.demo.scenario import genereer
from services.runtime.application import Conflict
from services.runtime.publisher import publiceer
from services.runtime.settings import Settings
from services.stack import Stack
from services.toegang.rollen import MZD_MEDEWERKER
from test_huisvesting import IBAN, bekend, bsn, geopend, koppeling, staf, woning
from test_mzd_zaken_en_bbb import afwijzing
from toegang_hulp import Uitgever

pytestmark = pytest.mark.integration

PROMTOOL = Path("/usr/bin/promtool")
"""Debian's prometheus package (`make setup` installs it); the test fails without it."""
DEPLOY = Path(__file__).parents[2] / "deploy"
PEILDATUM = dt.date(2024, 10, 1)
"""A date inside the demo's scenario (the stack itself sets the gauges for today, past the scenario)."""
VOL_BINNEN_S = 120
LANG, BBB = "3950000001", "3950000002"
"""Lang was linked in 2021 (three years in inburgering by the peildatum) and moves in in 2024-H2;
BBB is refused asylum and stays in BBB-opvang over the peildatum."""


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The gauges stay set for the test's peildatum (the stack would set them for today every 15 s);
    lag and relay progress are measured every half second."""
    return settings.model_copy(update={"gauge_interval_s": 3600.0, "lag_interval_s": 0.5})


def leeg(tekst: str) -> list[str]:
    """The metric families on a /metrics page without a sample."""
    return sorted(f.name for f in text_string_to_metric_families(tekst) if not f.samples)


def labels_per_reeks(tekst: str) -> dict[str, set[str]]:
    """Per sample name on a /metrics page, the label names its samples carry."""
    uit: dict[str, set[str]] = {}
    for familie in text_string_to_metric_families(tekst):
        for sample in familie.samples:
            uit.setdefault(sample.name, set()).update(sample.labels)
    return uit


def selectors() -> list[tuple[str, str, set[str]]]:
    """Every `welkom_*{label...}` selector of the alert rules and the dashboard: (file, metric, label names)."""
    teksten = {"alerts.yml": json.dumps(yaml.safe_load((DEPLOY / "prometheus" / "alerts.yml").read_text())),
               "welkom.json": (DEPLOY / "grafana" / "dashboards" / "welkom.json").read_text()}
    return [(bestand, naam, set(re.findall(r"(\w+)\s*(?:=~|!~|!=|=)", labels)))
            for bestand, tekst in teksten.items()
            for naam, labels in re.findall(r"\b(welkom_[a-z0-9_]+)\{([^}]*)\}", tekst.replace('\\"', '"'))]


async def over(keten: Keten, topic: str, type_: str, vnummer: str) -> Any:
    """The first event of this type welkom published about this person, once there is one."""
    subject = str(keten.persoon(vnummer))
    events = await keten.wacht_op(topic, lambda es: any(e.subject == subject for e in van_type(es, type_)), timeout=60)
    return next(e for e in van_type(events, type_) if e.subject == subject)


async def de_keten(stack: Stack, keten: Keten) -> None:
    """The demo's scenario for three households a year (no staff), then what it leaves out: a
    dead letter, an event for another gemeente, a household housed in the peildatum's half-year
    after three years in inburgering, a person in BBB-opvang on the peildatum, and the clock."""
    scenario = genereer(3, 2024)
    await publiceer(stack.bootstrap_servers, [(stack_topic(e), e) for e in scenario], stack.settings)
    await keten.stuur_rauw(topics.KETEN_COA, b"{kapot")
    await keten.stuur(cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {
        "vnummer": "3999000001", "gemeentecode": "0202", "koppeldatum": "2024-02-12",
        "huishouden": [{"vnummer": "3999000001", "geboortedatum": "1990-01-01"}]}))
    for naam, app in stack.apps.items():  # settled: staff commands do not race the inboxes
        await keten.wacht_tot_verwerkt(naam, *app.topics(), timeout=180)

    await keten.stuur(koppeling(LANG, "2021-06-01"), bsn(LANG, "2021-06-15", "123456782"), afwijzing(BBB, "2024-05-01"))
    await geopend(keten, LANG)
    await wacht_tot(lambda: bekend(stack, keten, LANG, "bsn"), wat="the BSN")
    await staf(stack, "ibans", vnummer=LANG, iban=IBAN, datum="2024-07-01")  # unblocked in the peildatum's half-year
    await keten.stuur(woning("LANG", 1, "2024-07-01", wijk="Lindenholt"))
    aanbod = await over(keten, topics.GEMEENTE_HUISVESTING, huisvesting.WONING_AANGEBODEN, LANG)  # the longest waiting
    await staf(stack, "aanbod-acceptaties", vnummer=LANG, woning_id=aanbod.data.woning_id, datum="2024-07-05")
    await staf(stack, "verhuizingen", vnummer=LANG, woning_id=aanbod.data.woning_id, datum="2024-07-15")

    await over(keten, topics.GEMEENTE_MZD, mzd.ZAAK_GEOPEND, BBB)
    kop = Uitgever.van(stack.settings).kop(MZD_MEDEWERKER)
    async with httpx.AsyncClient(base_url=stack.http_url) as api:
        for pad, body in (("bbb-aanvragen", {"datum": "2024-05-06"}),
                          ("bbb-beoordelingen", {"datum": "2024-05-13", "binding": True,
                                                 "voorliggende_voorziening": False,
                                                 "bindingsgrond": "verblijf-in-nijmegen"})):
            antwoord = await api.post(f"/v1/mzd/{pad}", json={"vnummer": BBB, **body}, headers=kop)
            assert antwoord.status_code == 200, antwoord.text
    await keten.stuur(cloudevent(bbb.PERSOON_GEPLAATST, {"vnummer": BBB, "organisatie": "snov",
                                                         "datum": "2024-05-20"}))
    await over(keten, topics.GEMEENTE_MZD, mzd.BBB_GEPLAATST, BBB)
    for _ in range(10):  # the clock's counter: its series starts with the first time it runs
        try:
            await stack.verloop_tijd(PEILDATUM)
            break
        except Conflict:
            await asyncio.sleep(0.5)


async def metrics_vol(stack: Stack, api: httpx.AsyncClient) -> str:
    """/metrics once every family has a series, with the kengetallen gauges set for PEILDATUM;
    fails with the families still empty after VOL_BINNEN_S."""
    einde = time.monotonic() + VOL_BINNEN_S
    while True:
        assert stack.projectie is not None
        await asyncio.to_thread(stack.projectie.werk_metrics_bij, PEILDATUM)
        tekst = (await api.get("/metrics")).text
        zonder = leeg(tekst)
        if not zonder:
            return tekst
        if time.monotonic() > einde:
            raise AssertionError(f"families without a series after {VOL_BINNEN_S} s: {zonder}")
        await asyncio.sleep(2)


@pytest.mark.parametrize("backend", ["postgres"])
async def test_promtool_finds_no_problem_on_a_live_metrics_page_with_every_family_filled(
    stack: Stack, keten: Keten
) -> None:
    assert PROMTOOL.exists(), f"{PROMTOOL} is missing: `make setup` installs Debian's prometheus package"
    await de_keten(stack, keten)
    async with httpx.AsyncClient(base_url=stack.http_url, timeout=60) as api:
        tekst = await metrics_vol(stack, api)

    gevonden = labels_per_reeks(tekst)
    assert set(gevonden) >= {  # the runtime's: inbox, relay, lag, clock, read models
        "welkom_inbox_records_total", "welkom_inbox_messages_total", "welkom_inbox_dlq_messages_total",
        "welkom_inbox_batch_seconds_bucket", "welkom_inbox_end_offset", "welkom_inbox_lag_partition_records",
        "welkom_inbox_lag_records", "welkom_relay_published_events_total", "welkom_relay_lag_events",
        "welkom_clock_expired_terms_total", "welkom_kengetallen_peildatum_seconds"}
    for service in ("opvang", "huisvesting", "inburgering", "mzd"):
        assert any(n.startswith(f"welkom_{service}_") for n in gevonden), service
    lint = subprocess.run([PROMTOOL, "check", "metrics"], input=tekst, capture_output=True, text=True, timeout=60)
    assert lint.returncode == 0 and lint.stdout + lint.stderr == "", f"promtool: {lint.stdout}{lint.stderr}"
    for bestand, naam, labels in selectors():  # the operators' queries select on labels the page has
        assert labels <= gevonden.get(naam, set()), (bestand, naam, labels, gevonden.get(naam))
