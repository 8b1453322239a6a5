"""Lint for deploy/: files parse, topics match events/topics.py, compose env matches .env.example.

Run from the repository root: `python deploy/check.py` (needs PyYAML: `pip install pyyaml`).
It only reads files; nothing in deploy/ is started. Exit code 0 = clean, 1 = problems found.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
ROOT = DEPLOY.parent

APP_ENV = {
    "KAFKA_BOOTSTRAP_SERVERS", "WELKOM_KAFKA_SECURITY_PROTOCOL", "WELKOM_KAFKA_SASL_MECHANISM",
    "WELKOM_KAFKA_SASL_USERNAME", "WELKOM_KAFKA_SASL_PASSWORD", "WELKOM_DATABASE_URL",
    "WELKOM_PSEUDONYM_SECRET", "WELKOM_CIPHER_KEY", "WELKOM_HTTP_HOST", "WELKOM_HTTP_PORT",
    "WELKOM_CLOCK",
}
INBOUND = ["keten.ind", "keten.coa", "keten.duo", "keten.brp", "keten.corporaties", "keten.rijk"]
OUTBOUND = ["gemeente.opvang", "gemeente.huisvesting", "gemeente.inburgering", "gemeente.mzd"]

problems: list[str] = []


def problem(msg: str) -> None:
    problems.append(msg)


def load_yaml(path: Path):
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        problem(f"{path.relative_to(ROOT)}: not valid YAML: {exc}")
        return None


def check_parse() -> dict:
    docs = {}
    for path in sorted(DEPLOY.rglob("*.y*ml")):
        if "secrets" not in path.parts:
            docs[path.relative_to(DEPLOY).as_posix()] = load_yaml(path)
    for path in sorted(DEPLOY.rglob("*.json")):
        try:
            docs[path.relative_to(DEPLOY).as_posix()] = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            problem(f"{path.relative_to(ROOT)}: not valid JSON: {exc}")
    return docs


def expected_topics() -> list[str]:
    sys.path.insert(0, str(ROOT))
    try:
        from events import topics  # the code's own list is the authority when importable
        return list(topics.ALL)
    except Exception:  # noqa: BLE001 - events/ may not import without its dependencies
        return INBOUND + OUTBOUND + [f"{t}.dlq" for t in INBOUND + OUTBOUND]


def check_topics() -> None:
    rows = {}
    for n, line in enumerate((DEPLOY / "topics.txt").read_text(encoding="utf-8").splitlines(), 1):
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
        if name in INBOUND and maxbytes != "65536":
            problem(f"topics.txt: inbound {name} should have max.message.bytes 65536")
    want = set(expected_topics())
    for missing in sorted(want - rows.keys()):
        problem(f"topics.txt: missing topic {missing}")
    for extra in sorted(rows.keys() - want):
        problem(f"topics.txt: topic {extra} is not in events/topics.py")


def check_compose(compose: dict | None) -> None:
    if not compose:
        return
    services = compose.get("services", {})
    for svc in ("kafka", "kafka-init", "postgres", "welkom", "prometheus", "grafana"):
        if svc not in services:
            problem(f"compose.yaml: service {svc} missing")
    env = services.get("welkom", {}).get("environment", {})
    for var in sorted(APP_ENV - set(env)):
        problem(f"compose.yaml: welkom service lacks {var}")
    text = (DEPLOY / "compose.yaml").read_text(encoding="utf-8")
    used = set(re.findall(r"\$\{([A-Z0-9_]+)", text))
    example = (DEPLOY / ".env.example").read_text(encoding="utf-8")
    defined = set(re.findall(r"^([A-Z0-9_]+)=", example, flags=re.M))
    for var in sorted(used - defined):
        problem(f".env.example: no placeholder for {var} used in compose.yaml")


def check_metrics(docs: dict) -> None:
    """Warn (not fail) when a metric used by alerts or the dashboard is not in the code yet."""
    names = set(re.findall(r"welkom_[a-z_]+", json.dumps(docs.get("prometheus/alerts.yml"))))
    names |= set(re.findall(r"welkom_[a-z_]+", json.dumps(docs.get("grafana/dashboards/welkom.json"))))
    code = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in (ROOT / "services").rglob("*.py")) if (ROOT / "services").is_dir() else ""
    for name in sorted(names):
        base = re.sub(r"_total$", "", name)
        if code and base not in code:
            print(f"warning: metric {name} is not (yet) defined under services/")


def main() -> int:
    try:
        import yaml  # noqa: F401
    except ImportError:
        print("deploy/check.py needs PyYAML: pip install pyyaml", file=sys.stderr)
        return 2
    docs = check_parse()
    check_topics()
    check_compose(docs.get("compose.yaml"))
    check_metrics(docs)
    for p in problems:
        print(f"problem: {p}")
    print(f"deploy/ check: {len(docs)} YAML/JSON files parsed, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
