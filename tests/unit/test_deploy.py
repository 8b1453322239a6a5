"""deploy/ as an operator relies on it: alert rules promtool accepts and tests, clean YAML, a lint that knows the code."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import yaml
from faststream.kafka import KafkaBroker, TestKafkaBroker
from prometheus_client import REGISTRY

from events import coa, topics
from services.catalogus import per_naam
from services.huisvesting.application import Huisvesting
from services.runtime.inbox import Inbox
from services.runtime.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
PROMETHEUS = DEPLOY / "prometheus"
ALERT_TESTS = sorted(PROMETHEUS.glob("*.test.yml"))


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def promtool() -> str:
    path = shutil.which("promtool")
    if path is None:
        pytest.fail("promtool is not installed; `make setup` installs it (Debian package prometheus)")
    return path


def test_promtool_accepts_the_alert_rules(promtool: str) -> None:
    result = run(promtool, "check", "rules", PROMETHEUS / "alerts.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_alert_unit_tests_pass(promtool: str) -> None:
    result = run(promtool, "test", "rules", *ALERT_TESTS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_alert_is_tested_both_firing_and_silent() -> None:
    alerts = {rule["alert"] for group in yaml.safe_load((PROMETHEUS / "alerts.yml").read_text())["groups"]
              for rule in group["rules"]}
    cases = [case for path in ALERT_TESTS for test in yaml.safe_load(path.read_text())["tests"]
             for case in test["alert_rule_test"]]
    fires = {c["alertname"] for c in cases if c.get("exp_alerts")}
    silent = {c["alertname"] for c in cases if not c.get("exp_alerts")}
    assert alerts - fires == set(), "alerts without a test in which they fire"
    assert alerts - silent == set(), "alerts without a test in which they stay silent"


def test_yamllint_with_the_repositorys_config_passes_on_deploy() -> None:
    result = run(sys.executable, "-m", "yamllint", "--strict", "-c", DEPLOY / ".yamllint.yaml", DEPLOY)
    assert "No module named yamllint" not in result.stderr, "yamllint is missing; `make setup` installs it"
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_py_finds_deploy_clean() -> None:
    result = run(sys.executable, DEPLOY / "check.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 problem(s)" in result.stdout


def test_check_py_fails_on_a_metric_name_the_code_does_not_export(tmp_path: Path) -> None:
    kopie = tmp_path / "deploy"
    shutil.copytree(DEPLOY, kopie, ignore=shutil.ignore_patterns("secrets", ".env"))
    alerts = kopie / "prometheus" / "alerts.yml"
    tekst = alerts.read_text()
    assert "max by (service) (welkom_relay_lag_events) > 1000" in tekst
    alerts.write_text(tekst.replace("(welkom_relay_lag_events) > 1000", "(welkom_relay_lagg_events) > 1000"))

    result = run(sys.executable, DEPLOY / "check.py", kopie)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "problem: prometheus/alerts.yml: metric welkom_relay_lagg_events is not exported" in result.stdout
    assert result.stdout.count("problem:") == 1, result.stdout


def test_the_alert_unit_tests_fail_when_a_rule_names_a_metric_the_code_does_not_export(
    promtool: str, tmp_path: Path
) -> None:
    kopie = tmp_path / "prometheus"
    shutil.copytree(PROMETHEUS, kopie)
    alerts = kopie / "alerts.yml"
    alerts.write_text(alerts.read_text().replace("(welkom_relay_lag_events) > 1000", "(welkom_relay_lagg_events) > 1000"))

    result = run(promtool, "test", "rules", kopie / "alerts.test.yml")

    assert result.returncode != 0 and "WelkomRelayLag" in result.stdout + result.stderr


def envelop(type_: str, data: object, **extra: str) -> bytes:
    return json.dumps({"specversion": "1.0", "id": str(uuid.uuid4()),
                       "source": "urn:nld:oin:coa", "type": type_, "data": data, **extra}).encode()


def koppeling(hoofd: str, huishouden: list[str]) -> dict[str, object]:
    return {"vnummer": hoofd, "gemeentecode": "0268", "koppeldatum": "2024-02-12",
            "huishouden": [{"vnummer": v, "geboortedatum": "1990-01-01"} for v in huishouden]}


def label_values(metric: str, label: str) -> set[str]:
    """The values a label has taken in this process, read from prometheus_client's registry."""
    return {s.labels[label] for family in REGISTRY.collect() for s in family.samples
            if s.name == metric and s.value > 0}


async def test_the_alert_tests_use_the_label_values_the_inbox_emits(huisvesting: Huisvesting) -> None:
    """Records of every kind a partner may send go through the real inbox; the reason and outcome
    labels it counts are the only ones alerts.test.yml may use."""
    broker = KafkaBroker()
    Inbox(huisvesting, broker, Settings(), primair=[topics.KETEN_COA]).registreer([topics.KETEN_COA])
    records = [
        envelop(coa.GEKOPPELD_AAN_GEMEENTE, koppeling("5100000001", ["5100000001"])),  # verwerkt
        envelop(coa.GEKOPPELD_AAN_GEMEENTE, koppeling("5100000002", ["5100000003"])),  # domeinregel
        b"{kapot",  # geen-json
        b'{"hallo": "wereld"}',  # geen-cloudevent
        envelop("nl.coa.bestaat-niet", {}),  # onbekend-type
        envelop(coa.GEKOPPELD_AAN_GEMEENTE, {"gemeentecode": "0268"}),  # ongeldige-data
        envelop(coa.GEKOPPELD_AAN_GEMEENTE, {}, specversion="0.3"),  # ongeldige-envelop
        b" " * (Settings().max_event_bytes + 1),  # te-groot
    ]
    async with TestKafkaBroker(broker) as test_broker:
        for record in records:
            await test_broker.publish(record, topics.KETEN_COA)

    emitted = {
        "reason": label_values("welkom_inbox_dlq_messages_total", "reason"),
        "outcome": label_values("welkom_inbox_records_total", "outcome"),
        "service": set(per_naam()),
        "topic": set(topics.ALL),
    }
    assert {"domeinregel", "geen-json", "geen-cloudevent", "onbekend-type", "ongeldige-data", "ongeldige-envelop",
            "te-groot"} <= emitted["reason"]
    assert {"applied", "dead-lettered"} <= emitted["outcome"]
    for path in ALERT_TESTS:
        for test in yaml.safe_load(path.read_text())["tests"]:
            for series in test["input_series"]:
                for label, value in re.findall(r'(\w+)="([^"]*)"', series["series"]):
                    assert value in emitted.get(label, {value}), f"{path.name}: {series['series']}"
