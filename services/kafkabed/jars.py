"""The Apache Kafka jars of the test bed: resolved once by Maven from Maven Central into a cache outside the repo."""

from __future__ import annotations

import hashlib
import os
import shlex
import subprocess
from pathlib import Path

from services.kafkabed import KAFKA_VERSIE

ROOT = Path(__file__).resolve().parents[2]
POM = ROOT / "deploy" / "kafka" / "testbed" / "pom.xml"

GEREEDSCHAP = {
    "kafka-topics.sh": "org.apache.kafka.tools.TopicCommand",
    "kafka-configs.sh": "kafka.admin.ConfigCommand",
    "kafka-acls.sh": "org.apache.kafka.tools.AclCommand",
    "kafka-storage.sh": "kafka.tools.StorageTool",
    "kafka-delete-records.sh": "org.apache.kafka.tools.DeleteRecordsCommand",
    "kafka-consumer-groups.sh": "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
}
"""The scripts of Kafka's bin/ that deploy/kafka/create-topics.sh and people use, and their main class."""

TOOL_JVM = "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData"
"""A command-line tool lives a second or two: a small heap and the quick compiler start it fastest."""

LOG4J_TOOLS = """\
# Kafka's command-line tools: warnings and errors to stderr (written by services/kafkabed)
rootLogger.level = WARN
rootLogger.appenderRef.stderr.ref = STDERR
appender.stderr.type = Console
appender.stderr.name = STDERR
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = [%d] %p %m (%c)%n
"""


class JarsFout(RuntimeError):
    """Maven could not resolve the Kafka jars (offline, and Maven Central unreachable)."""


def cachemap() -> Path:
    """$WELKOM_CACHE_DIR/kafka, or ~/.cache/welkom/kafka: outside the repository."""
    basis = os.environ.get("WELKOM_CACHE_DIR")
    return (Path(basis).expanduser() if basis else Path.home() / ".cache" / "welkom") / "kafka"


def _compleet(classpath_txt: Path) -> bool:
    if not classpath_txt.is_file():
        return False
    jars = classpath_txt.read_text(encoding="utf-8").strip().split(os.pathsep)
    return bool(jars[0]) and all(Path(j).is_file() for j in jars)


def classpath(cache: Path | None = None) -> Path:
    """The file holding the classpath of Kafka 4.1.1 and its tools; resolves the jars when one is
    missing: offline from the cache first, from Maven Central only when that fails."""
    cache = cache or cachemap()
    uit = cache / "classpath.txt"
    if _compleet(uit):
        return uit
    cache.mkdir(parents=True, exist_ok=True)
    print(f"resolving Apache Kafka {KAFKA_VERSIE} jars from Maven Central into {_kort(cache)} (once)", flush=True)
    opdracht = ["mvn", "-B", "-q", "-f", str(POM), "dependency:build-classpath",
                f"-Dmdep.outputFile={uit}", f"-Dmaven.repo.local={cache / 'm2'}"]
    for extra in (["-o"], []):
        stap = subprocess.run([*opdracht[:1], *extra, *opdracht[1:]], capture_output=True, text=True)
        if stap.returncode == 0 and _compleet(uit):
            return uit
    raise JarsFout(f"mvn could not resolve the Kafka jars:\n{stap.stdout[-3000:]}{stap.stderr[-3000:]}")


def _kort(pad: Path) -> str:
    thuis = str(Path.home())
    return "~" + str(pad)[len(thuis):] if str(pad).startswith(thuis) else str(pad)


def bin_map(cache: Path | None = None) -> Path:
    """A folder with kafka-topics.sh and friends: each runs its Kafka tool on the cached jars (for
    deploy/kafka/create-topics.sh's KAFKA_BIN, and for people). Written in the cache, never the repo."""
    cache = cache or cachemap()
    cp = classpath(cache)
    map_ = cache / "bin"
    map_.mkdir(parents=True, exist_ok=True)
    log4j = cache / "tools-log4j2.properties"
    if not log4j.is_file() or log4j.read_text(encoding="utf-8") != LOG4J_TOOLS:
        log4j.write_text(LOG4J_TOOLS, encoding="utf-8")
    cds = cache / "cds" / hashlib.sha256(cp.read_bytes()).hexdigest()[:16]
    cds.mkdir(parents=True, exist_ok=True)
    java = (f"java {TOOL_JVM} -Xlog:cds=off -Xlog:cds+dynamic=off -Dlog4j2.configurationFile={shlex.quote(str(log4j))}"
            f" -cp \"$(cat {shlex.quote(str(cp))})\"")
    for naam, klasse in GEREEDSCHAP.items():
        script = map_ / naam
        archief = shlex.quote(str(cds / f"{naam.removesuffix('.sh')}.jsa"))
        tekst = (
            "#!/bin/sh\n# written by services/kafkabed/jars.py: Kafka's own tool on the cached jars.\n"
            "# The first run writes a class-data archive (AppCDS) that halves the start of the later ones.\n"
            f"if [ -f {archief} ]; then exec {java} -XX:SharedArchiveFile={archief} {klasse} \"$@\"; fi\n"
            f"{java} -XX:ArchiveClassesAtExit={archief}.$$ {klasse} \"$@\" && rc=0 || rc=$?\n"
            f"mv -f {archief}.$$ {archief} 2>/dev/null || true\nexit $rc\n"
        )
        if not script.is_file() or script.read_text(encoding="utf-8") != tekst:
            script.write_text(tekst, encoding="utf-8")
            script.chmod(0o755)
    return map_


if __name__ == "__main__":  # `make kafka-jars` (part of `make setup`): resolve once, say where they are
    pad = classpath()
    print(f"Apache Kafka {KAFKA_VERSIE} jars: {len(pad.read_text(encoding='utf-8').split(os.pathsep))} "
          f"on the classpath in {_kort(pad.parent)}")
