"""The two brokers integration tests run on: a Tansu per test, or the session's Apache Kafka emptied per test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from services.kafkabed import principals
from services.kafkabed.broker import KafkaBed
from services.runtime.localbroker import TANSU_INSTELLINGEN

TANSU = "tansu"
KAFKA = "kafka"


class KafkaVoorTest:
    """The session's Kafka bed as one test sees it: emptied before the test, with the settings
    welkom needs there (SASL_SSL, a principal per service, six partitions, topics made by deploy/)."""

    def __init__(self, bed: KafkaBed) -> None:
        self.bed = bed

    @property
    def bootstrap_servers(self) -> str:
        return self.bed.bootstrap_servers

    def instellingen(self) -> dict[str, Any]:
        """welkom's settings for this broker, as `make kafka`'s export lines give them."""
        return {
            "kafka_security_protocol": "SASL_SSL",
            "kafka_sasl_mechanism": "SCRAM-SHA-512",
            "kafka_sasl_username": principals.service_principal("{service}"),
            "kafka_sasl_password_file": self.bed.wachtwoordbestand,
            "kafka_ssl_cafile": self.bed.cafile,
            "kafka_partitions": self.bed.partitions,
            "kafka_create_topics": False,
        }

    def waarnemer(self) -> dict[str, Any]:
        """aiokafka security for the tests' own partner and reader (the super user: reads every topic)."""
        return self.bed.admin_config()

    def librdkafka(self, principal: str) -> dict[str, Any]:
        """A foreign client's configuration (librdkafka keys) as `principal`: SASL_SSL with the bed's CA."""
        return self.bed.librdkafka_config(principal)

    def stop(self) -> None:
        self.bed.stop()

    def start(self) -> None:
        self.bed.start()

    def herstart(self) -> None:
        """Stop and start every node: what was acknowledged stays (data on disk)."""
        self.bed.stop()
        self.bed.start()


class TansuVoorTest:
    """A Tansu of one test (memory storage: nothing of another test)."""

    def __init__(self, broker: Any) -> None:
        self.broker = broker

    def __getattr__(self, naam: str) -> Any:
        return getattr(self.broker, naam)

    def instellingen(self) -> dict[str, Any]:
        return dict(TANSU_INSTELLINGEN)

    def herstart(self) -> None:
        """Stop and start on the same port: Tansu (memory storage) comes back empty."""
        self.broker.stop()
        self.broker.start()

    def waarnemer(self) -> dict[str, Any]:
        return {}

    def librdkafka(self, principal: str) -> dict[str, Any]:
        """A foreign client's configuration (librdkafka keys); Tansu knows no principals."""
        return {"bootstrap.servers": self.broker.bootstrap_servers}


def start_kafka(map_: Path) -> KafkaBed:
    """One Kafka node for the whole session (started once; each test empties it)."""
    return KafkaBed(map_, nodes=1).start()
