"""The files the test bed writes for Kafka: each node's server.properties from deploy/kafka/broker.properties, and the rest."""

from __future__ import annotations

from pathlib import Path
from string import Template

from services.kafkabed import jars, principals
from services.kafkabed.tls import TlsMateriaal

DEPLOY = jars.ROOT / "deploy"
BROKER_PROPERTIES = DEPLOY / "kafka" / "broker.properties"
CREATE_TOPICS = DEPLOY / "kafka" / "create-topics.sh"
CREATE_ACLS = DEPLOY / "kafka" / "create-acls.sh"
TOPICS_FILE = DEPLOY / "topics.txt"
MECHANISME = "SCRAM-SHA-512"

STARTER_SLEUTELS = frozenset({
    "node.id", "controller.quorum.voters", "listeners", "advertised.listeners", "log.dirs",
    "ssl.keystore.location", "ssl.keystore.password", "ssl.key.password",
})
"""The settings the launcher fills in per node (compose.yaml: per container); all others come from broker.properties."""
ALLEEN_TESTBED = {"group.initial.rebalance.delay.ms": "0"}
"""Test speed only: a consumer group forms at once instead of after production's 3 s."""
LOG4J = """\
# One node of the Kafka test bed: INFO to stdout, which the launcher writes to node-N.log
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
appender.stdout.type = Console
appender.stdout.name = STDOUT
appender.stdout.layout.type = PatternLayout
appender.stdout.layout.pattern = [%d] %p %m (%c)%n
logger.request.name = kafka.request.logger
logger.request.level = WARN
"""


def lees_properties(pad: Path) -> dict[str, str]:
    """key=value lines of a .properties file (no continuation lines: broker.properties has none)."""
    uit = {}
    for regel in pad.read_text(encoding="utf-8").splitlines():
        regel = regel.strip()
        if regel and not regel.startswith(("#", "!")):
            sleutel, _, waarde = regel.partition("=")
            uit[sleutel.strip()] = waarde.strip()
    return uit


def gedeeld(replicatie: int, min_isr: int) -> dict[str, str]:
    """broker.properties with the replication of this node count filled in."""
    return {k: Template(v).substitute(TOPIC_REPLICATION_FACTOR=replicatie, TOPIC_MIN_INSYNC_REPLICAS=min_isr)
            for k, v in lees_properties(BROKER_PROPERTIES).items()}


def server_properties(node: int, poorten: list[dict[str, int]], datamap: Path, tls: TlsMateriaal,
                      replicatie: int, min_isr: int) -> dict[str, str]:
    """All settings of one node: broker.properties, the test-speed ones, and the node's own."""
    voters = ",".join(f"{n}@127.0.0.1:{p['controller']}" for n, p in enumerate(poorten, 1))
    p = poorten[node - 1]
    eigen = {
        "node.id": str(node), "controller.quorum.voters": voters,
        "listeners": f"CLIENT://127.0.0.1:{p['client']},INTERNAL://127.0.0.1:{p['internal']},"
                     f"CONTROLLER://127.0.0.1:{p['controller']}",
        "advertised.listeners": f"CLIENT://127.0.0.1:{p['client']},INTERNAL://127.0.0.1:{p['internal']}",
        "log.dirs": str(datamap), "ssl.keystore.location": str(tls.keystore),
        "ssl.keystore.password": tls.keystore_wachtwoord, "ssl.key.password": tls.keystore_wachtwoord,
    }
    assert eigen.keys() == STARTER_SLEUTELS
    return {**gedeeld(replicatie, min_isr), **ALLEEN_TESTBED, **eigen}


def schrijf_geheim(pad: Path, tekst: str) -> Path:
    """Writes a file only its owner may read (it holds a password)."""
    pad.touch(mode=0o600)
    pad.chmod(0o600)
    pad.write_text(tekst, encoding="utf-8")
    return pad


def schrijf_properties(pad: Path, instellingen: dict[str, str]) -> Path:
    return schrijf_geheim(pad, "# written by services/kafkabed from deploy/kafka/broker.properties\n"
                          + "".join(f"{k}={v}\n" for k, v in instellingen.items()))


def admin_properties(pad: Path, wachtwoord: str, cafile: Path) -> Path:
    """--command-config of Kafka's tools: the admin principal over SASL_SSL on the CLIENT listener."""
    return schrijf_geheim(pad, (
        f"security.protocol=SASL_SSL\nsasl.mechanism={MECHANISME}\n"
        "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required "
        f'username="{principals.ADMIN}" password="{wachtwoord}";\n'
        f"ssl.truststore.type=PEM\nssl.truststore.location={cafile}\n"))


def topics_bestand(workdir: Path, partitions: int) -> Path:
    """deploy/topics.txt itself, or (other than 6 partitions) a copy in `workdir` with that many."""
    if partitions == 6:
        return TOPICS_FILE
    regels = []
    for regel in TOPICS_FILE.read_text(encoding="utf-8").splitlines():
        kolommen = regel.split()
        if len(kolommen) == 5 and not regel.startswith("#") and kolommen[1] == "6":
            regel = " ".join([kolommen[0], str(partitions), *kolommen[2:]])
        regels.append(regel)
    bestand = workdir / "topics.txt"
    bestand.write_text("\n".join(regels) + "\n", encoding="utf-8")
    return bestand
