"""Production's create-topics.sh and create-acls.sh run against a test bed, each again only after a change."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from services.kafkabed import instellingen as inst
from services.kafkabed import jars, principals


class ScriptFout(RuntimeError):
    """A script of deploy/kafka failed; the message ends with its log."""


@dataclass(frozen=True)
class Doel:
    """The bed a script works on: where its files go, how to reach it as the admin, and its shape."""

    workdir: Path
    bootstrap_servers: str
    admin_wachtwoord: str
    cafile: Path
    partitions: int
    replicatie: int
    min_isr: int


def staart(pad: Path, regels: int = 40) -> str:
    """The last lines of a log, for an error message."""
    return "\n".join(pad.read_text(encoding="utf-8", errors="replace").splitlines()[-regels:]) if pad.is_file() else ""


def opdrachten(doel: Doel) -> dict[str, tuple[Path, dict[str, str], str]]:
    """{name: (script, its environment, the mark of what it applies)} of both scripts."""
    topics_bestand = inst.topics_bestand(doel.workdir, doel.partitions)
    acls_bestand = doel.workdir / "acls.txt"
    acls = principals.acls_tekst()
    if not acls_bestand.is_file() or acls_bestand.read_text(encoding="utf-8") != acls:
        acls_bestand.write_text(acls, encoding="utf-8")
    admin = inst.admin_properties(doel.workdir / "admin.properties", doel.admin_wachtwoord, doel.cafile)
    basis = {k: v for k, v in os.environ.items() if not k.startswith("WELKOM_KAFKA_")}
    basis.update(KAFKA_BIN=str(jars.bin_map()), KAFKA_ADMIN_BOOTSTRAP=doel.bootstrap_servers,
                 KAFKA_ADMIN_COMMAND_CONFIG=str(admin))
    return {
        "topics": (inst.CREATE_TOPICS, {
            **basis, "TOPICS_FILE": str(topics_bestand), "TOPIC_REPLICATION_FACTOR": str(doel.replicatie),
            "TOPIC_MIN_INSYNC_REPLICAS": str(doel.min_isr)},
            json.dumps([inst.CREATE_TOPICS.read_text(encoding="utf-8"), topics_bestand.read_text(encoding="utf-8"),
                        doel.replicatie, doel.min_isr])),
        # the bed stored every SCRAM credential when it formatted the storage
        "acls": (inst.CREATE_ACLS, {**basis, "ACLS_FILE": str(acls_bestand), "KAFKA_PASSWORD_FILE": "none"},
                 json.dumps([inst.CREATE_ACLS.read_text(encoding="utf-8"), acls])),
    }


def voer_uit(doel: Doel) -> list[str]:
    """Runs create-topics.sh and create-acls.sh side by side, each only when what it applies changed
    since its last success in this workdir (mark file `<name>.klaar`); returns the names it ran."""
    bezig = {}
    for naam, (script, env, merk) in opdrachten(doel).items():
        klaar = doel.workdir / f"{naam}.klaar"
        if klaar.is_file() and klaar.read_text(encoding="utf-8") == merk:
            continue
        log = doel.workdir / f"create-{naam}.log"
        with open(log, "wb") as uit:
            proces = subprocess.Popen(["bash", str(script)], env=env, stdout=uit, stderr=subprocess.STDOUT)
        bezig[naam] = (proces, script, log, klaar, merk)
    fouten = []
    for proces, script, log, klaar, merk in bezig.values():
        if proces.wait() != 0:
            fouten.append(f"deploy/kafka/{script.name} failed (exit {proces.returncode}):\n{staart(log)}")
        else:
            klaar.write_text(merk, encoding="utf-8")
    if fouten:
        raise ScriptFout("\n".join(fouten))
    return list(bezig)
