"""Templates of the test bed: per configuration a stopped work dir with topics and ACLs, which a fresh bed copies."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from services.kafkabed import KAFKA_VERSIE, jars, principals
from services.kafkabed import instellingen as inst

VERSIE = 1
"""Raise it when what a template holds changes in a way its key does not see."""
NIET_MEE = ("node-*.log", "create-*.log", "admin.properties", "*.lock")
"""Files of a work dir that stay out of a template and its copies: logs, and what is rewritten."""
BEWAAR_DAGEN = 14
"""A template nobody copied for this long is removed when another one is made."""


def aan() -> bool:
    """WELKOM_KAFKABED_TEMPLATE=0 turns the templates off: every fresh bed formats and creates its own."""
    return os.environ.get("WELKOM_KAFKABED_TEMPLATE", "1") != "0"


def sleutel(nodes: int, partitions: int, replicatie: int, min_isr: int) -> str:
    """The name of the template of one configuration: its shape and a hash of everything a fresh
    start applies (Kafka, broker settings, topics, both scripts, the ACL rules, the principals)."""
    teksten = [p.read_text(encoding="utf-8") for p in (jars.POM, inst.BROKER_PROPERTIES, inst.TOPICS_FILE,
                                                       inst.CREATE_TOPICS, inst.CREATE_ACLS)]
    inhoud = [VERSIE, KAFKA_VERSIE, nodes, partitions, replicatie, min_isr, *teksten, principals.acls_tekst(),
              principals.principals(), inst.ALLEEN_TESTBED, inst.LOG4J]
    return f"{nodes}n-{partitions}p-" + hashlib.sha256(json.dumps(inhoud).encode()).hexdigest()[:16]


def thuis() -> Path:
    """The templates' folder in the cache, outside the repository."""
    map_ = jars.cachemap() / "beds"
    map_.mkdir(parents=True, exist_ok=True)
    return map_


def kopieer(naam: str, workdir: Path, poorten: Callable[[], list[dict[str, int]]],
            bouw: Callable[[Path], bool]) -> bool:
    """Copies template `naam` into `workdir` with new `poorten()`; when there is none yet, first
    `bouw(map_)`: start a fresh bed in the empty `map_` and stop it, True when it stopped cleanly.
    False when no template came of it."""
    if herstel(naam, workdir, poorten()):
        return True
    map_ = Path(tempfile.mkdtemp(dir=thuis(), prefix=".bouw-"))
    try:
        if bouw(map_):
            bewaar(naam, map_)
    finally:
        shutil.rmtree(map_, ignore_errors=True)  # gone already when it became the template
    return herstel(naam, workdir, poorten())


def herstel(naam: str, workdir: Path, poorten: list[dict[str, int]]) -> bool:
    """Copies template `naam` into `workdir` with new ports in its bed.json; False when there is none."""
    bron = thuis() / naam
    if not (bron / "bed.json").is_file():
        return False
    os.utime(bron)  # in use: keep it
    shutil.copytree(bron, workdir, dirs_exist_ok=True, ignore=shutil.ignore_patterns(*NIET_MEE))
    staat = json.loads((workdir / "bed.json").read_text(encoding="utf-8"))
    staat["poorten"] = poorten
    (workdir / "bed.json").write_text(json.dumps(staat, indent=2), encoding="utf-8")
    return True


def bewaar(naam: str, gebouwd: Path) -> None:
    """Makes the stopped bed in `gebouwd` template `naam`: renamed at once, so a
    copy never sees half a template; when another process was first, its template stays."""
    for bestand in (f for patroon in NIET_MEE for f in gebouwd.glob(patroon)):
        bestand.unlink()
    doel = thuis() / naam
    try:
        os.rename(gebouwd, doel)
    except OSError:
        shutil.rmtree(gebouwd, ignore_errors=True)
    _ruim_op(doel)


def _ruim_op(behalve: Path) -> None:
    grens = time.time() - BEWAAR_DAGEN * 86400
    for oud in thuis().iterdir():
        try:
            if oud != behalve and oud.stat().st_mtime < grens:
                shutil.rmtree(oud, ignore_errors=True)
        except FileNotFoundError:
            continue
