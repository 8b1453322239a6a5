"""Lint for deploy/: files parse, topics match events/topics.py, env names match, metric names exist.

Run from the repository root with the project's venv: `.venv/bin/python deploy/check.py [DEPLOY_DIR]`
(DEPLOY_DIR defaults to the folder of this script; the code it compares against is always this
repository's). It only reads files and imports welkom's metric modules; nothing is started.
Exit code 0 = clean, 1 = problems found (one `problem:` line each), 2 = cannot run.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

APP_ENV = {
    "KAFKA_BOOTSTRAP_SERVERS", "WELKOM_KAFKA_SECURITY_PROTOCOL", "WELKOM_KAFKA_SASL_MECHANISM",
    "WELKOM_KAFKA_SASL_USERNAME", "WELKOM_KAFKA_SASL_PASSWORD_FILE", "WELKOM_DATABASE_URL", "PGPASSFILE",
    "WELKOM_PSEUDONYM_SECRET", "WELKOM_CIPHER_KEY", "WELKOM_HTTP_HOST", "WELKOM_HTTP_PORT",
    "WELKOM_CLOCK", "WELKOM_KAFKA_SSL_CAFILE", "WELKOM_OIDC_ISSUER", "WELKOM_OIDC_AUDIENCE",
}
METRIC_DOCS = ("prometheus/alerts.yml", "grafana/dashboards/welkom.json")
"""The documents whose welkom_* names must be metrics the code exports."""
SAMPLE_SUFFIXES = {
    "counter": ("_total", "_created"),
    "gauge": ("",),
    "histogram": ("_bucket", "_sum", "_count", "_created"),
    "summary": ("", "_sum", "_count", "_created"),
    "info": ("_info",),
    "stateset": ("",),
    "enum": ("",),
}
"""The sample names prometheus_client exposes for a metric family of each type."""

problems: list[str] = []


def problem(msg: str) -> None:
    problems.append(msg)


def load_yaml(path: Path, deploy: Path):
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        problem(f"{path.relative_to(deploy.parent)}: not valid YAML: {exc}")
        return None


def check_parse(deploy: Path) -> dict:
    docs = {}
    for path in sorted(deploy.rglob("*.y*ml")):
        if "secrets" not in path.parts:
            docs[path.relative_to(deploy).as_posix()] = load_yaml(path, deploy)
    for path in sorted(deploy.rglob("*.json")):
        try:
            docs[path.relative_to(deploy).as_posix()] = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            problem(f"{path.relative_to(deploy.parent)}: not valid JSON: {exc}")
    return docs


def check_topics(deploy: Path) -> None:
    from events import topics

    rows = {}
    for n, line in enumerate((deploy / "topics.txt").read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        cols = line.split()
        if len(cols) != 5:
            problem(f"topics.txt:{n}: expected 5 columns, got {len(cols)}")
            continue
        name, partitions, replication, retention, maxbytes = cols
        rows[name] = cols
        want_partitions = "1" if name.endswith(".dlq") else "6"
        if partitions != want_partitions:
            problem(f"topics.txt: {name} has {partitions} partitions, expected {want_partitions}")
        if replication != "$RF" and not replication.isdigit():
            problem(f"topics.txt: {name} replication must be $RF or a number")
        if not re.fullmatch(r"\d+(d|h|ms)", retention):
            problem(f"topics.txt: {name} retention {retention!r} is not <n>d, <n>h or <n>ms")
        if name.endswith(".dlq") and retention != "90d":
            problem(f"topics.txt: {name} should keep records 90d")
        if name in topics.INBOUND and maxbytes != "65536":
            problem(f"topics.txt: inbound {name} should have max.message.bytes 65536")
    for missing in sorted(set(topics.ALL) - rows.keys()):
        problem(f"topics.txt: missing topic {missing}")
    for extra in sorted(rows.keys() - set(topics.ALL)):
        problem(f"topics.txt: topic {extra} is not in events/topics.py")


def check_compose(deploy: Path, compose: dict | None) -> None:
    if not compose:
        return
    services = compose.get("services", {})
    for svc in ("kafka", "kafka-init", "postgres", "postgres-init", "welkom", "prometheus", "grafana"):
        if svc not in services:
            problem(f"compose.yaml: service {svc} missing")
    env = services.get("welkom", {}).get("environment", {})
    for var in sorted(APP_ENV - set(env)):
        problem(f"compose.yaml: welkom service lacks {var}")
    if "{service}" not in str(env.get("WELKOM_DATABASE_URL", "{service}")):
        problem("compose.yaml: WELKOM_DATABASE_URL must name the role welkom_{service}, not one shared role")
    if "{service}" not in str(env.get("WELKOM_KAFKA_SASL_USERNAME", "{service}")):
        problem("compose.yaml: WELKOM_KAFKA_SASL_USERNAME must name the principal welkom_{service}, "
                "not one shared user")
    if "WELKOM_KAFKA_SASL_PASSWORD" in env:
        problem("compose.yaml: WELKOM_KAFKA_SASL_PASSWORD would override WELKOM_KAFKA_SASL_PASSWORD_FILE")
    userinfo = re.match(r"[a-z]+://([^@]*)@", str(env.get("WELKOM_DATABASE_URL", "")))
    if userinfo and ":" in userinfo.group(1):
        problem("compose.yaml: WELKOM_DATABASE_URL must not hold a password (libpq reads PGPASSFILE)")
    text = (deploy / "compose.yaml").read_text(encoding="utf-8")
    used = set(re.findall(r"\$\{([A-Z0-9_]+)", text))
    example = (deploy / ".env.example").read_text(encoding="utf-8")
    defined = set(re.findall(r"^([A-Z0-9_]+)=", example, flags=re.M))
    for var in sorted(used - defined):
        problem(f".env.example: no placeholder for {var} used in compose.yaml")


def exported_metrics() -> set[str]:
    """Every sample name welkom's /metrics can expose: read from prometheus_client's registry after
    importing every metrics module of the code (services/**/metrics.py)."""
    from prometheus_client import REGISTRY

    for path in sorted((ROOT / "services").rglob("metrics.py")):
        importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
    return {
        family.name + suffix
        for family in REGISTRY.collect()
        for suffix in SAMPLE_SUFFIXES.get(family.type, ("",))
    }


def check_metrics(docs: dict) -> None:
    """Every welkom_* name in the alerts and the dashboard must be a sample the code exports."""
    exported = exported_metrics()
    for doc in METRIC_DOCS:
        used = set(re.findall(r"\bwelkom_[a-z0-9_]+", json.dumps(docs.get(doc))))
        for name in sorted(used - exported):
            problem(f"{doc}: metric {name} is not exported by the code (services/**/metrics.py)")


def main(argv: list[str]) -> int:
    try:
        import yaml  # noqa: F401

        sys.path.insert(0, str(ROOT))
        import events.topics  # noqa: F401
        import prometheus_client  # noqa: F401
    except ImportError as exc:
        print(f"deploy/check.py cannot import {exc.name}: run it with the project's venv "
              "(.venv/bin/python deploy/check.py; `make setup` creates it)", file=sys.stderr)
        return 2
    deploy = Path(argv[0]).resolve() if argv else ROOT / "deploy"
    docs = check_parse(deploy)
    check_topics(deploy)
    check_compose(deploy, docs.get("compose.yaml"))
    check_metrics(docs)
    for p in problems:
        print(f"problem: {p}")
    print(f"deploy/ check: {len(docs)} YAML/JSON files parsed, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
