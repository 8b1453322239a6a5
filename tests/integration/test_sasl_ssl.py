"""`welkom up` with the Kafka settings of deploy/compose.yaml against a TLS+SCRAM listener: it checks its topics, starts, flows, and refuses bad credentials."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from events import coa, opvang, topics
from keten import Keten, cloudevent, gezond, van_type, welkom_env
from saslssl_proxy import SaslSslProxy, server_ssl_context
from services.runtime.bus import kafka_verbinding, zorg_voor_topics
from services.kafkabed import principals
from services.runtime.localbroker import LokaleBroker, vrije_poort
from services.runtime.settings import Settings

pytestmark = pytest.mark.integration

COMPOSE = Path(__file__).resolve().parents[2] / "deploy" / "compose.yaml"
WACHTWOORD = "proef-wachtwoord-voor-de-test"


def pki(map_: Path) -> Path:
    """A test CA and a broker certificate for localhost and 127.0.0.1, made with openssl."""
    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=map_, check=True, capture_output=True)
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=welkom test CA",
            "-keyout", "ca.key", "-out", "ca.crt")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key",
            "-out", "server.csr")
    (map_ / "ext.cnf").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
            "-days", "2", "-extfile", "ext.cnf", "-out", "server.crt")
    return map_


PRINCIPALS = [principals.service_principal(s) for s in ("opvang", "huisvesting", "inburgering", "mzd")] + [
    principals.KETEN, principals.BEHEER]
"""Each service its own SASL user (compose: welkom_{service}), the partners' and operators' apart."""


def compose_kafka_env(bootstrap: str, cafile: Path, wachtwoorden: Path) -> dict[str, str]:
    """The welkom service's Kafka variables as deploy/compose.yaml sets them, with its
    `${VAR:-default}` defaults, the password file and this machine's broker and CA."""
    env = yaml.safe_load(COMPOSE.read_text())["services"]["welkom"]["environment"]
    uit = {}
    for naam, waarde in env.items():
        if naam.startswith("WELKOM_KAFKA_"):
            uit[naam] = re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", str(waarde))
    assert uit["WELKOM_KAFKA_SASL_USERNAME"] == "welkom_{service}"
    uit["WELKOM_KAFKA_SASL_PASSWORD_FILE"] = str(wachtwoorden)
    uit["WELKOM_KAFKA_SSL_CAFILE"] = str(cafile)
    uit["KAFKA_BOOTSTRAP_SERVERS"] = bootstrap
    assert uit["WELKOM_KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL"
    assert uit["WELKOM_KAFKA_SASL_MECHANISM"] == "SCRAM-SHA-512"
    return uit


@pytest.fixture
async def listener(tmp_path: Path) -> AsyncIterator[tuple[str, SaslSslProxy, Path]]:
    """Tansu on a loopback port, reachable only through the TLS+SCRAM proxy it advertises."""
    (map_ := tmp_path / "pki").mkdir()
    pki(map_)
    poort = vrije_poort()
    proxy = SaslSslProxy(("127.0.0.1", 0), server_ssl_context(str(map_ / "server.crt"), str(map_ / "server.key")),
                         users=dict.fromkeys(PRINCIPALS, WACHTWOORD), mechanisms=("SCRAM-SHA-512",))
    with LokaleBroker(vrije_poort(), log_file=tmp_path / "broker.log", advertised=f"localhost:{poort}") as broker:
        proxy.upstream = ("127.0.0.1", broker.port)
        await proxy.start(port=poort)
        try:
            yield f"localhost:{poort}", proxy, map_ / "ca.crt"
        finally:
            await proxy.stop()


def welkom(settings: Settings, kafka: dict[str, str], log: Path, *args: str) -> subprocess.Popen:
    env = welkom_env(settings, **kafka, WELKOM_KAFKA_CREATE_TOPICS="false", WELKOM_KAFKA_PARTITIONS="1",
                     WELKOM_KAFKA_IDEMPOTENT_PRODUCER="false")  # Tansu behind the proxy: no InitProducerId
    return subprocess.Popen([sys.executable, "-m", "services.entrypoints.cli", *(args or ("up",))], env=env,
                            stdin=subprocess.PIPE, stdout=log.open("ab"), stderr=subprocess.STDOUT)


async def stopt_met(proces: subprocess.Popen, log: Path) -> str:
    """The one line welkom ends with, when it stops by itself."""
    code = await asyncio.to_thread(proces.wait, 90)
    regels = [r for r in log.read_text().splitlines() if r.startswith("welkom: ")]
    assert code == 2 and regels, log.read_text()[-2000:]
    return regels[-1]


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_welkom_with_the_compose_files_kafka_settings_starts_and_flows_over_sasl_ssl(
    listener: tuple[str, SaslSslProxy, Path], settings: Settings, tmp_path: Path
) -> None:
    bootstrap, proxy, ca = listener
    wachtwoorden = tmp_path / "kafka-wachtwoorden"
    wachtwoorden.write_text("".join(f"{p}:{WACHTWOORD}\n" for p in PRINCIPALS))
    wachtwoorden.chmod(0o600)
    kafka = compose_kafka_env(bootstrap, ca, wachtwoorden)
    log = tmp_path / "welkom.log"

    regel = await stopt_met(welkom(settings, kafka, log), log)       # no topics yet: one clear line
    assert "the broker lacks welkom's topics" in regel and "keten.coa" in regel

    zelfde = Settings(**{k.removeprefix("WELKOM_").lower(): v for k, v in kafka.items() if k.startswith("WELKOM_")})
    await zorg_voor_topics(zelfde, bootstrap, lokaal=True, principal="opvang")             # as kafka-init would, over SASL_SSL
    proces = welkom(settings, kafka, log)
    try:
        await gezond(settings, proces, log)
        async with Keten(bootstrap, settings, **kafka_verbinding(zelfde, "keten")) as keten:
            await keten.stuur(cloudevent(coa.ASIELZOEKER_GEPLAATST, {
                "vnummer": "4000000701", "locatie_id": "azc-dommer", "datum": "2024-01-08"}))
            regel_publish = (b'{"specversion":"1.0","id":"p-1","source":"urn:nld:oin:coa","type":"'
                             + coa.ASIELZOEKER_GEPLAATST.encode() + b'","datacontenttype":"application/json",'
                             b'"data":{"vnummer":"4000000702","locatie_id":"azc-dommer","datum":"2024-01-09"}}\n')
            publish = welkom(settings, kafka, log, "publish", "-")
            await asyncio.to_thread(publish.communicate, regel_publish, 60)
            assert publish.returncode == 0, log.read_text()[-2000:]  # `welkom publish` speaks SASL_SSL too
            events = await keten.wacht_op(topics.GEMEENTE_OPVANG,
                                          lambda es: len(van_type(es, opvang.BEWONER_GEPLAATST)) == 2)
        assert {e.subject for e in events} == {str(keten.persoon("4000000701")), str(keten.persoon("4000000702"))}
        assert proxy.stats["authenticated"] >= 5 and proxy.stats["refused"] == 0
    finally:
        proces.terminate()
        await asyncio.to_thread(proces.wait, 30)

    geweigerd = proxy.stats["refused"]
    regel = await stopt_met(welkom(settings, {**kafka, "WELKOM_KAFKA_SASL_PASSWORD": "fout"}, log), log)
    assert regel.startswith("welkom: cannot connect to the Kafka brokers") and proxy.stats["refused"] > geweigerd
    zonder_ca: dict[str, Any] = {k: v for k, v in kafka.items() if k != "WELKOM_KAFKA_SSL_CAFILE"}
    regel = await stopt_met(welkom(settings, zonder_ca, log), log)   # the system CAs do not know the test CA
    assert regel.startswith("welkom: cannot connect to the Kafka brokers")
