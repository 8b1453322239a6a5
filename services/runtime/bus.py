"""The Kafka side of the runtime: the FastStream broker, the topics, and the DLQ publisher."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import (
    AuthenticationFailedError,
    ClusterAuthorizationFailedError,
    GroupAuthorizationFailedError,
    SaslAuthenticationFailed,
    TopicAlreadyExistsError,
    TopicAuthorizationFailedError,
)
from eventsourcing.cipher import AESCipher
from eventsourcing.utils import Environment
from faststream.kafka import KafkaBroker
from faststream.kafka.security import parse_security
from faststream.security import BaseSecurity, SASLPlaintext, SASLScram256, SASLScram512
from ssl import create_default_context

from events import topics
from services.runtime.localbroker import TANSU_FETCH_MS, TANSU_SESSION_MS
from services.runtime.metrics import DLQ
from services.runtime.settings import Settings

FASTSTREAM_LOG = logging.getLogger("welkom.faststream")
FASTSTREAM_LOG.setLevel(logging.WARNING)

MAX_REQUEST_BYTES = 8 * 1024 * 1024
"""Large enough to dead-letter an oversized record whole: a rejected input never disappears."""


DLQ_VERSLEUTELD = "dlq_encrypted"
"""Header of a DLQ record whose value is encrypted with the cipher key (AES-GCM, as the stores)."""
AES_GCM = "aes-gcm"


class DlqSleutelFout(ValueError):
    """An encrypted DLQ value cannot be decrypted: the cipher key is missing or wrong."""


class TopicsOntbreken(RuntimeError):
    """The broker lacks a topic of the contract, or has it with other partitions."""


PARTNERS = "keten"
"""The principal of the chain partners' records, as `welkom publish` sends them: writes keten.* only."""
BEHEER = "beheer"
"""The operators' principal (status, DLQ lists and replays, lag): reads every topic."""


class SaslFout(ValueError):
    """The SASL credentials of a principal cannot be found."""


GEWEIGERD = (TopicAuthorizationFailedError, GroupAuthorizationFailedError, ClusterAuthorizationFailedError,
             SaslAuthenticationFailed, AuthenticationFailedError)
"""What the broker answers a principal it does not let in or does not allow this: a setting or ACL to
fix (deploy/kafka/acls.txt), never a passing fault."""


def weigering(e: BaseException, settings: Settings, principal: str) -> str | None:
    """One line for an operator when the broker refused this principal, else None."""
    if not isinstance(e, GEWEIGERD):
        return None
    wie = gebruiker(settings, principal) or "(no SASL user)"
    return (f"the broker refused {wie} ({type(e).__name__}): its credentials or ACLs do not allow what "
            f"the {principal} principal needs; see deploy/kafka/acls.txt")


def gebruiker(settings: Settings, principal: str) -> str:
    """The SASL user of a principal: WELKOM_KAFKA_SASL_USERNAME with `{service}` filled in."""
    return (settings.kafka_sasl_username or "").replace("{service}", principal)


def wachtwoord(settings: Settings, naam: str) -> str:
    """A SASL user's password: WELKOM_KAFKA_SASL_PASSWORD, else its line in the password file."""
    if settings.kafka_sasl_password is not None:
        return settings.kafka_sasl_password.get_secret_value()
    if settings.kafka_sasl_password_file is None:
        return ""
    try:
        regels = settings.kafka_sasl_password_file.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise SaslFout(f"WELKOM_KAFKA_SASL_PASSWORD_FILE cannot be read ({type(e).__name__})") from None
    for regel in regels:
        wie, _, geheim = regel.partition(":")
        if wie == naam and not regel.startswith("#"):
            return geheim
    raise SaslFout(f"WELKOM_KAFKA_SASL_PASSWORD_FILE has no line for user {naam}")


def security(settings: Settings, principal: str) -> BaseSecurity | None:
    """The one place where welkom's Kafka security comes from: TLS with SASL as `principal`
    (a service's name, PARTNERS or BEHEER), or none."""
    if settings.kafka_security_protocol != "SASL_SSL":
        return None
    cls = {"PLAIN": SASLPlaintext, "SCRAM-SHA-256": SASLScram256, "SCRAM-SHA-512": SASLScram512}[
        settings.kafka_sasl_mechanism
    ]
    cafile = str(settings.kafka_ssl_cafile) if settings.kafka_ssl_cafile else None
    naam = gebruiker(settings, principal)
    return cls(
        username=naam,
        password=wachtwoord(settings, naam),
        ssl_context=create_default_context(cafile=cafile),
    )


def kafka_verbinding(settings: Settings, principal: str) -> dict[str, Any]:
    """The same security as aiokafka keyword arguments, for the clients FastStream does not
    make (the admin client, `welkom publish`): FastStream's own translation, so they cannot differ."""
    return parse_security(security(settings, principal))


def maak_broker(settings: Settings, bootstrap_servers: str, *, lokaal: bool, principal: str) -> KafkaBroker:
    """A FastStream broker of one principal (a service) with welkom's producer settings (acks=all;
    idempotent on real Kafka)."""
    idempotent = settings.kafka_idempotent_producer
    if idempotent is None:
        idempotent = not lokaal  # Tansu answers InitProducerId with an error
    return KafkaBroker(
        bootstrap_servers.split(","),  # FastStream takes a str as one host: "a:1,b:2" must be a list
        acks="all",
        enable_idempotence=idempotent,
        max_request_size=MAX_REQUEST_BYTES,
        security=security(settings, principal),
        client_id=f"welkom-{principal}",
        graceful_timeout=10.0,
        allow_auto_create_topics=maakt_topics(settings, lokaal=lokaal),
        logger=FASTSTREAM_LOG,  # to stderr with the rest, warnings and up only
        log_level=logging.DEBUG,  # FastStream's per-message access log: debug, not info
    )


@dataclass(frozen=True)
class ConsumerTuning:
    """Consumer timings that differ between Apache Kafka and the local Tansu broker."""

    session_timeout_ms: int = 10000
    fetch_max_wait_ms: int = 500


def consumer_tuning(settings: Settings, *, lokaal: bool) -> ConsumerTuning:
    """Tansu lets a consumer join only after about half the session timeout, and answers a fetch
    only when its max wait runs out (no wake-up on new data): keep both short there."""
    standaard = ConsumerTuning(TANSU_SESSION_MS, TANSU_FETCH_MS) if lokaal else ConsumerTuning()
    return ConsumerTuning(
        session_timeout_ms=settings.kafka_session_timeout_ms or standaard.session_timeout_ms,
        fetch_max_wait_ms=settings.kafka_fetch_max_wait_ms or standaard.fetch_max_wait_ms,
    )


async def delen_van(lezer: AIOKafkaConsumer, topics: Iterable[str]) -> list[TopicPartition]:
    """Every partition of these topics, from fresh metadata (a topic the broker lacks has none).

    `lezer.topics()` reads the metadata into a copy it throws away; `partitions_for_topic` reads
    the client's own, which a reader without a subscription may never have filled (on Apache Kafka
    it stays empty: the lag read 0 for every topic). So the client's own metadata is refreshed."""
    await lezer._client.force_metadata_update()
    return [TopicPartition(t, p) for t in topics for p in sorted(lezer.partitions_for_topic(t) or ())]


def maakt_topics(settings: Settings, *, lokaal: bool) -> bool:
    """Whether welkom may create topics: only on the bundled broker, unless set otherwise."""
    return settings.kafka_create_topics if settings.kafka_create_topics is not None else lokaal


def verwachte_partities(settings: Settings) -> dict[str, int]:
    """Partitions per topic of the contract, as deploy/topics.txt creates them."""
    return {t: 1 if t.endswith(".dlq") else settings.kafka_partitions for t in topics.ALL}


async def zorg_voor_topics(settings: Settings, bootstrap_servers: str, *, lokaal: bool, principal: str) -> None:
    """On the bundled broker: create the missing topics (one partition each). On any other:
    check that every topic exists with its partitions, and stop with one line when one does not.
    A mistyped or missing topic must fail loudly, never appear with the wrong settings."""
    aanmaken = maakt_topics(settings, lokaal=lokaal)
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, **kafka_verbinding(settings, principal))
    await admin.start()
    try:
        if aanmaken:
            bestaand = set(await admin.list_topics())
            nieuw = [NewTopic(t, num_partitions=1, replication_factor=1) for t in topics.ALL if t not in bestaand]
            if nieuw:
                try:
                    await admin.create_topics(nieuw)
                except TopicAlreadyExistsError:
                    pass
            return
        verwacht = verwachte_partities(settings)
        bestaand = [t for t in verwacht if t in set(await admin.list_topics())]  # never auto-creates
        gevonden = {t["topic"]: len(t["partitions"]) for t in await admin.describe_topics(bestaand)
                    if not t.get("error_code")} if bestaand else {}
    finally:
        await admin.close()
    ontbreekt = sorted(t for t in verwacht if t not in gevonden)
    anders = sorted(f"{t} ({gevonden[t]}, expected {n})" for t, n in verwacht.items()
                    if t in gevonden and gevonden[t] != n)
    if ontbreekt or anders:
        raise TopicsOntbreken(
            "the broker lacks welkom's topics; create them with deploy/kafka/create-topics.sh: "
            + "; ".join(filter(None, [
                f"missing {', '.join(ontbreekt)}" if ontbreekt else "",
                f"other partition counts: {', '.join(anders)}" if anders else "",
            ]))
        )


async def naar_dlq(
    broker: KafkaBroker,
    *,
    service: str,
    topic: str,
    partition: int,
    offset: int,
    value: bytes | None,
    headers: list[tuple[str, bytes]] | tuple[tuple[str, bytes], ...],
    reden: str,
    settings: Settings | None = None,
) -> None:
    """Dead-letter one record: the original value and headers, the reason in `dlq_*` headers.

    The key is dropped (partners may key by vnummer); the reason never holds input values. With a
    cipher key in the settings the value (V-nummers, BSN) is encrypted with it, marked by the header
    `dlq_encrypted: aes-gcm`; `ontsleutel_dlq` gives it back.
    """
    kop = {k: (v.decode("utf-8", errors="replace") if isinstance(v, bytes) else str(v)) for k, v in headers}
    kop.update(
        {
            "dlq_reason": reden,
            "dlq_service": service,
            "dlq_topic": topic,
            "dlq_partition": str(partition),
            "dlq_offset": str(offset),
        }
    )
    kop.pop(DLQ_VERSLEUTELD, None)  # only welkom marks a value as encrypted
    cipher = _cipher(settings)
    if cipher is not None:
        value = cipher.encrypt(value or b"")
        kop[DLQ_VERSLEUTELD] = AES_GCM
    await broker.publish(value or b"", topic=topics.dlq(topic), headers=kop)
    DLQ.labels(service=service, topic=topic, reason=reden.split(":", 1)[0]).inc()


def _cipher(settings: Settings | None) -> AESCipher | None:
    """The stores' AES-GCM cipher (eventsourcing's, same key), or None without a cipher key."""
    sleutel = settings.cipher_key.get_secret_value() if settings and settings.cipher_key else ""
    return AESCipher(Environment(env={AESCipher.CIPHER_KEY: sleutel})) if sleutel else None


def ontsleutel_dlq(
    value: bytes | None, headers: Mapping[str, Any] | Sequence[tuple[str, Any]], settings: Settings
) -> bytes | None:
    """The original value of a DLQ record: decrypted when `naar_dlq` encrypted it, else as it is."""
    merk = (headers if isinstance(headers, Mapping) else dict(headers)).get(DLQ_VERSLEUTELD)
    merk = merk.decode("utf-8", errors="replace") if isinstance(merk, bytes) else merk
    if not merk:
        return value
    if merk != AES_GCM:
        raise DlqSleutelFout(f"DLQ value encrypted with an unknown method ({DLQ_VERSLEUTELD}: {merk})")
    cipher = _cipher(settings)
    if cipher is None:
        raise DlqSleutelFout("the DLQ value is encrypted: set WELKOM_CIPHER_KEY to the key welkom ran with")
    try:
        return cipher.decrypt(value or b"")
    except ValueError:
        raise DlqSleutelFout("the DLQ value does not decrypt with this WELKOM_CIPHER_KEY: the key is wrong") from None
