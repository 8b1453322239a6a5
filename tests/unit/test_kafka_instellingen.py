"""Production (deploy/compose.yaml) and the Kafka test bed use the same broker settings and topic list."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from services.kafkabed import instellingen, principals

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
NIET_BROKER = {"KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_JMX_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS"}
"""KAFKA_* variables the apache/kafka image gives the JVM, not the broker."""


def sleutel(variabele: str) -> str:
    """The image's rule, backwards: KAFKA_A_B___C__D -> a.b-c_d."""
    naam = variabele.removeprefix("KAFKA_").lower()
    return naam.replace("___", "\0").replace("__", "\1").replace("_", ".").replace("\0", "-").replace("\1", "_")


def zonder_standaard(waarde: object) -> str:
    """${VAR:-1} and ${VAR:?message} in compose are ${VAR} in broker.properties."""
    return re.sub(r"\$\{([A-Z0-9_]+)(:[-?][^}]*)?\}", r"${\1}", str(waarde))


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


def compose_kafka() -> dict[str, str]:
    env = compose()["services"]["kafka"]["environment"]
    return {sleutel(k): zonder_standaard(v) for k, v in env.items() if k.startswith("KAFKA_") and k not in NIET_BROKER}


def test_the_image_rule_is_read_backwards() -> None:
    assert sleutel("KAFKA_LISTENER_NAME_CLIENT_SCRAM___SHA___512_SASL_JAAS_CONFIG") == \
        "listener.name.client.scram-sha-512.sasl.jaas.config"
    assert sleutel("KAFKA_A__B_C") == "a_b.c"


def test_compose_and_broker_properties_agree_on_every_setting_both_define() -> None:
    gedeeld, productie = instellingen.lees_properties(instellingen.BROKER_PROPERTIES), compose_kafka()
    anders = {k: (gedeeld[k], productie[k]) for k in gedeeld.keys() & productie.keys() if gedeeld[k] != productie[k]}
    assert anders == {}, "deploy/kafka/broker.properties and compose.yaml differ: {broker.properties, compose}"


def test_compose_sets_every_setting_of_broker_properties() -> None:
    ontbreekt = instellingen.lees_properties(instellingen.BROKER_PROPERTIES).keys() - compose_kafka().keys()
    assert sorted(ontbreekt) == [], "set these in compose.yaml's kafka service too"


def test_compose_sets_nothing_else_than_broker_properties_and_per_node_settings() -> None:
    extra = compose_kafka().keys() - instellingen.lees_properties(instellingen.BROKER_PROPERTIES).keys()
    assert sorted(extra - instellingen.STARTER_SLEUTELS) == [], \
        "a broker setting only production has: put it in deploy/kafka/broker.properties (the test bed uses it)"


def test_the_test_bed_sets_only_per_node_settings_and_test_speed_on_top() -> None:
    gedeeld = instellingen.lees_properties(instellingen.BROKER_PROPERTIES)
    assert not (instellingen.STARTER_SLEUTELS | instellingen.ALLEEN_TESTBED.keys()) & gedeeld.keys()
    assert set(instellingen.ALLEEN_TESTBED) == {"group.initial.rebalance.delay.ms"}


def test_the_admin_principal_of_the_bed_is_a_super_user_and_nobody_else_is_allowed_by_default() -> None:
    gedeeld = instellingen.lees_properties(instellingen.BROKER_PROPERTIES)
    assert f"User:{principals.ADMIN}" in gedeeld["super.users"].split(";")
    assert gedeeld["allow.everyone.if.no.acl.found"] == "false"
    assert gedeeld["auto.create.topics.enable"] == "false"


def test_compose_and_the_bed_create_topics_and_acls_with_the_same_scripts_and_lists() -> None:
    init = compose()["services"]["kafka-init"]
    koppelingen = {(DEPLOY / v.split(":")[0]).resolve(): v.split(":")[1] for v in init["volumes"]}
    assert init["environment"]["TOPICS_FILE"] == koppelingen[instellingen.TOPICS_FILE]
    assert init["environment"]["ACLS_FILE"] == koppelingen[DEPLOY.resolve() / "kafka" / "acls.txt"]
    opdracht = init["entrypoint"][-1]
    topics, acls = koppelingen[instellingen.CREATE_TOPICS], koppelingen[instellingen.CREATE_ACLS]
    assert init["entrypoint"][:2] == ["/bin/bash", "-ec"], "a failing create-topics.sh must stop kafka-init"
    assert opdracht == f"bash {topics}; bash {acls}", "topics first, then credentials and ACLs"
    assert instellingen.topics_bestand(Path("/nergens"), 6) == instellingen.TOPICS_FILE


def test_welkom_and_kafka_init_read_the_same_password_file_and_each_part_is_its_own_principal() -> None:
    diensten = compose()["services"]
    welkom, init = diensten["welkom"], diensten["kafka-init"]
    assert welkom["environment"]["WELKOM_KAFKA_SASL_USERNAME"] == principals.service_principal("{service}")
    assert "WELKOM_KAFKA_SASL_PASSWORD" not in welkom["environment"]
    geheimen = [{g["source"]: g["target"] for g in d["secrets"]} for d in (welkom, init)]
    bron = "welkom-kafka-passwords"
    assert geheimen[0][bron] == geheimen[1][bron]
    pad = f"/run/secrets/{geheimen[0][bron]}"
    assert welkom["environment"]["WELKOM_KAFKA_SASL_PASSWORD_FILE"] == init["environment"]["KAFKA_PASSWORD_FILE"] == pad
    assert init["user"] == welkom.get("user", "10001:10001"), "the passfile is readable by welkom's uid only"
