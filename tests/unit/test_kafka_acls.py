"""deploy/kafka/acls.txt is production's copy of the ACLs the code derives: never stale, and create-acls.sh reads it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from events import topics
from services.kafkabed import instellingen, principals

ACLS = instellingen.DEPLOY / "kafka" / "acls.txt"


def test_acls_txt_is_freshly_generated_from_the_code() -> None:
    assert ACLS.read_text(encoding="utf-8") == principals.acls_tekst(), \
        "run: .venv/bin/python -m services.kafkabed.principals > deploy/kafka/acls.txt"


def test_every_line_is_one_acl_of_four_columns_that_parses_back_into_the_rules() -> None:
    regels = [r.split() for r in ACLS.read_text(encoding="utf-8").splitlines() if r and not r.startswith("#")]
    assert all(len(r) == 4 for r in regels)
    assert {principals.Recht(p, s, n, o) for p, o, s, n in regels} == set(principals.rechten())


def test_operators_may_resend_a_dead_letter_to_its_original_topic_but_partners_only_write_keten() -> None:
    rechten = set(principals.rechten())
    for topic in (*topics.INBOUND, *topics.OUTBOUND):
        assert principals.Recht(principals.BEHEER, "topic", topic, "WRITE") in rechten
    geschreven = {r.naam for r in rechten if r.principal == principals.KETEN and r.operatie == "WRITE"}
    assert geschreven == set(topics.INBOUND)


def test_the_admin_needs_no_acl_and_every_other_principal_has_some() -> None:
    met_rechten = {r.principal for r in principals.rechten()}
    assert met_rechten == set(principals.principals()) - {principals.ADMIN}


def schrijf(pad: Path, tekst: str) -> Path:
    pad.write_text(tekst, encoding="utf-8")
    return pad


@pytest.fixture
def nep_kafka(tmp_path: Path) -> Path:
    """A KAFKA_BIN whose kafka-acls.sh and kafka-configs.sh only write down how they were called."""
    bin_map = tmp_path / "bin"
    bin_map.mkdir()
    for naam in ("kafka-acls.sh", "kafka-configs.sh"):
        schrijf(bin_map / naam, f'#!/bin/sh\necho "{naam} $*" >> "{tmp_path}/calls"\n').chmod(0o755)
    return bin_map


def draai(bin_map: Path, acls: Path, wachtwoorden: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "KAFKA_BIN": str(bin_map), "ACLS_FILE": str(acls),
           "KAFKA_PASSWORD_FILE": wachtwoorden}
    return subprocess.run(["bash", str(instellingen.CREATE_ACLS)], env=env, capture_output=True, text=True)


def wachtwoordbestand(tmp_path: Path, *extra: str) -> str:
    regels = [f"{p}:{'x' * 20}{i}" for i, p in enumerate(principals.principals())]
    return str(schrijf(tmp_path / "wachtwoorden", "# comment\n" + "\n".join([*regels, *extra]) + "\n"))


def test_create_acls_sets_every_credential_and_groups_the_acls_per_principal_and_operations(
        nep_kafka: Path, tmp_path: Path) -> None:
    stap = draai(nep_kafka, ACLS, wachtwoordbestand(tmp_path))
    assert stap.returncode == 0, stap.stderr
    calls = (tmp_path / "calls").read_text(encoding="utf-8").splitlines()
    configs = [c for c in calls if c.startswith("kafka-configs.sh")]
    assert len(configs) == len(principals.principals())
    assert all("--entity-type users" in c and "SCRAM-SHA-512=[iterations=8192,password=" in c for c in configs)
    acls = [c for c in calls if c.startswith("kafka-acls.sh")]
    # one JVM per principal and set of operations: four per service at most, and the afnemer's one
    assert len(acls) <= 4 * len(principals.abonnementen()) + 2, "one JVM per principal and set of operations"
    toegevoegd = set()
    for c in acls:
        woorden = c.split()
        wie = [woorden[i + 1].removeprefix("User:") for i, w in enumerate(woorden) if w == "--allow-principal"]
        ops = [re.sub(r"(?<=.)([A-Z])", r"_\1", woorden[i + 1]).upper()  # IdempotentWrite -> IDEMPOTENT_WRITE
               for i, w in enumerate(woorden) if w == "--operation"]
        bronnen = [("cluster", "kafka-cluster") if w == "--cluster" else (w[2:], woorden[i + 1])
                   for i, w in enumerate(woorden) if w in ("--topic", "--group", "--cluster")]
        toegevoegd |= {principals.Recht(p, s, n, o) for p in wie for o in ops for s, n in bronnen}
    assert toegevoegd == set(principals.rechten())


@pytest.mark.parametrize("slecht, melding", [
    ("welkom_opvang:kort", "at least 16"),
    ("welkom opvang:" + "x" * 20, "user name"),
    ("zonder-dubbele-punt", "user:password"),
    ("welkom_opvang:" + "y" * 20, "twice"),
])
def test_create_acls_refuses_a_bad_password_file_before_it_changes_anything(
        nep_kafka: Path, tmp_path: Path, slecht: str, melding: str) -> None:
    stap = draai(nep_kafka, ACLS, wachtwoordbestand(tmp_path, slecht))
    assert stap.returncode != 0 and melding in stap.stderr
    assert not (tmp_path / "calls").exists()


def test_create_acls_refuses_a_password_file_without_a_principal_of_the_acls(nep_kafka: Path, tmp_path: Path) -> None:
    bestand = Path(wachtwoordbestand(tmp_path))
    bestand.write_text("".join(r + "\n" for r in bestand.read_text().splitlines() if "huisvesting" not in r))
    stap = draai(nep_kafka, ACLS, str(bestand))
    assert stap.returncode != 0 and "no line for welkom_huisvesting" in stap.stderr


def test_create_acls_refuses_a_malformed_acl_line(nep_kafka: Path, tmp_path: Path) -> None:
    acls = schrijf(tmp_path / "acls.txt", "welkom_opvang READ topic keten.coa; rm -rf /\n")
    stap = draai(nep_kafka, acls, "none")
    assert stap.returncode != 0 and "acls.txt:1" in stap.stderr
    assert not (tmp_path / "calls").exists()


def test_create_acls_passes_shellcheck() -> None:
    if shutil.which("shellcheck") is None:
        pytest.skip("shellcheck is not installed")
    stap = subprocess.run(["shellcheck", str(instellingen.CREATE_ACLS)], capture_output=True, text=True)
    assert stap.returncode == 0, stap.stdout
