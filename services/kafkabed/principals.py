"""The principals of welkom's Kafka and their ACLs, derived from what each service subscribes to in the code."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from events import topics

ADMIN = "welkom_admin"
"""Super user (broker.properties' super.users): creates topics, credentials and ACLs; tests observe with it."""
KETEN = "welkom_keten"
"""The chain partners (`welkom publish`): write the inbound keten.* topics."""
BEHEER = "welkom_beheer"
"""Operators: `welkom status`, `welkom dlq`, lag measurement."""
AFNEMER = "welkom_afnemer"
"""A system that subscribes to welkom's published events: reads the gemeente.* topics in its group, writes nothing."""
AFNEMER_GROEP = "welkom-afnemer"


def service_principal(service: str) -> str:
    """The principal a service of welkom connects as."""
    return f"welkom_{service}"


def groep(service: str) -> str:
    """A service inbox's consumer group (services/runtime/inbox.py, achterstand.py)."""
    return f"welkom-{service}"


@lru_cache(maxsize=1)
def abonnementen() -> dict[str, tuple[str, ...]]:
    """{service: the topics it subscribes to}, asked of each service's Application (in memory)."""
    from services.catalogus import alle  # the services' own subscriptions, only when a bed starts

    uit = {}
    for service in alle():
        app = service.application(env={"PERSISTENCE_MODULE": "eventsourcing.popo"}, pseudoniem_sleutel="acl")
        try:
            uit[service.name] = tuple(app.topics())
        finally:
            app.close()
    return uit


def principals() -> tuple[str, ...]:
    """Every principal that gets a SCRAM credential: the services, the partners, operators, admin."""
    return (*(service_principal(s) for s in abonnementen()), KETEN, BEHEER, AFNEMER, ADMIN)


@dataclass(frozen=True, order=True)
class Recht:
    """One ALLOW ACL: `principal` may `operatie` on the resource `soort`/`naam` (literal names)."""

    principal: str
    soort: str  # topic | group | cluster
    naam: str
    operatie: str  # READ | WRITE | DESCRIBE | IDEMPOTENT_WRITE


def _op(principal: str, soort: str, namen: tuple[str, ...] | list[str], *operaties: str) -> list[Recht]:
    return [Recht(principal, soort, n, o) for n in namen for o in operaties]


def rechten() -> list[Recht]:
    """Every ACL of the bus: least privilege per principal (the admin is a super user and needs none)."""
    uit: list[Recht] = []
    keten = [t for t in topics.INBOUND]
    for service, gelezen in abonnementen().items():
        p = service_principal(service)
        uit += _op(p, "topic", gelezen, "READ", "DESCRIBE")
        uit += _op(p, "group", [groep(service)], "READ", "DESCRIBE")
        uit += _op(p, "topic", [topics.gemeente(service), *(topics.dlq(t) for t in gelezen)], "WRITE", "DESCRIBE")
        uit += _op(p, "topic", topics.ALL, "DESCRIBE")  # bus.zorg_voor_topics checks every topic at start
        uit += _op(p, "cluster", ["kafka-cluster"], "IDEMPOTENT_WRITE")
    uit += _op(KETEN, "topic", keten, "WRITE", "DESCRIBE")
    uit += _op(KETEN, "cluster", ["kafka-cluster"], "IDEMPOTENT_WRITE")
    uit += _op(BEHEER, "topic", topics.ALL, "READ", "DESCRIBE")
    uit += _op(BEHEER, "group", ["*"], "DESCRIBE")
    uit += _op(BEHEER, "topic", [*keten, *topics.OUTBOUND], "WRITE")  # `welkom dlq opnieuw`: to the original topic
    uit += _op(AFNEMER, "topic", topics.OUTBOUND, "READ", "DESCRIBE")
    uit += _op(AFNEMER, "group", [AFNEMER_GROEP], "READ", "DESCRIBE")
    return sorted(set(uit))


ACLS_KOP = """\
# The ACLs of welkom's Kafka principals, one a line: <principal> <operation> <resource type> <name>
# (literal names; `*` = every group). GENERATED from what the services subscribe to in the code
# (services/kafkabed/principals.py, rechten()); do not edit. After a change in the code run
#   .venv/bin/python -m services.kafkabed.principals > deploy/kafka/acls.txt
# tests/unit/test_kafka_acls.py fails while this file is stale. deploy/kafka/create-acls.sh applies
# it (compose's kafka-init, and the Kafka test bed). welkom_admin is a super user and needs none.
"""


def acls_tekst(lijst: list[Recht] | None = None) -> str:
    """deploy/kafka/acls.txt: the header and one aligned line per ACL, grouped by principal."""
    regels = [(r.principal, r.operatie, r.soort, r.naam) for r in (rechten() if lijst is None else lijst)]
    breedte = [max((len(r[i]) for r in regels), default=0) for i in range(3)]
    return ACLS_KOP + "".join(
        f"{p:<{breedte[0]}}  {o:<{breedte[1]}}  {s:<{breedte[2]}}  {n}\n" for p, o, s, n in regels)


def wachtwoorden(bestand: Path) -> dict[str, str]:
    """{principal: password} from `bestand` (lines `name:password`, mode 0600); missing ones are
    made (random) and added, so a workdir keeps its passwords across restarts."""
    bekend: dict[str, str] = {}
    if bestand.is_file():
        for regel in bestand.read_text(encoding="utf-8").splitlines():
            naam, _, wachtwoord = regel.partition(":")
            if naam and wachtwoord:
                bekend[naam] = wachtwoord
    nieuw = {p: secrets.token_hex(24) for p in principals() if p not in bekend}
    if nieuw or not bestand.is_file():
        bekend.update(nieuw)
        bestand.touch(mode=0o600)
        bestand.chmod(0o600)
        bestand.write_text("".join(f"{n}:{w}\n" for n, w in bekend.items()), encoding="utf-8")
    return bekend


if __name__ == "__main__":
    print(acls_tekst(), end="")
