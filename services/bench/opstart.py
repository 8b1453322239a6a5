"""`welkom bench --schaal`, the running stack: `welkom up` on a generated history, time to /health, its memory, and what it replayed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from services.runtime.localbroker import vrije_poort
from services.runtime.rechten import maak_data_dir
from services.runtime.settings import Settings

TIMEOUT_S = 180.0


def welkom_commando() -> list[str]:
    """The `welkom` script beside this interpreter (the venv's), else the CLI module."""
    script = Path(sys.executable).with_name("welkom")
    if script.exists():
        return [str(script)]
    gevonden = shutil.which("welkom")
    return [gevonden] if gevonden else [sys.executable, "-m", "services.entrypoints.cli"]


def rss_mb(pid: int) -> float:
    """VmRSS of one process, in MB (nan when it is gone)."""
    try:
        for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
            if regel.startswith("VmRSS:"):
                return int(regel.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def kinderen(pid: int) -> list[int]:
    """The child processes of a process (of any of its threads: the broker is started from one)."""
    uit = []
    for taak in Path(f"/proc/{pid}/task").glob("*"):
        try:
            uit += [int(p) for p in (taak / "children").read_text().split()]
        except OSError:
            continue
    return uit


def omgeving(settings: Settings, http_port: int) -> dict[str, str]:
    """The child's environment: these stores, fresh ports, the local broker, a manual clock."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("WELKOM_") and k not in ("KAFKA_BOOTSTRAP_SERVERS", "PERSISTENCE_MODULE")}
    env.update({
        "WELKOM_DATA_DIR": str(settings.data_dir), "WELKOM_HTTP_PORT": str(http_port),
        "WELKOM_LOCAL_BROKER_PORT": str(vrije_poort()), "WELKOM_CLOCK": "manual",
        "WELKOM_GEMEENTECODE": settings.gemeentecode, "WELKOM_LOG_LEVEL": "WARNING",
        "WELKOM_PSEUDONYM_SECRET": settings.pseudonym_secret.get_secret_value(),  # the stores' own
    })
    if settings.database_url:
        env["WELKOM_DATABASE_URL"] = settings.database_url
        env["WELKOM_DATABASE_SCHEMA_PREFIX"] = settings.database_schema_prefix
    return env


def _stop(proces: subprocess.Popen[bytes]) -> float:
    """SIGINT, as Ctrl-C; seconds until it exited (its broker is stopped by it, or here if it hangs)."""
    begin = time.perf_counter()
    broker = kinderen(proces.pid)
    proces.send_signal(signal.SIGINT)
    try:
        proces.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proces.kill()
        proces.wait(timeout=10)
        for pid in broker:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    return time.perf_counter() - begin


def meet_stack(settings: Settings, peildatum: str, positie: Callable[[], int],
               meld: Callable[[str], None]) -> dict[str, Any]:
    """Start `welkom up` on these stores (views already built), poll /health until 200, read its
    RSS, ask /v1/rapport once, read its RSS again, stop it with SIGINT. `positie` sums the views'
    tracked positions: its growth is what the stack applied on start."""
    http_port = vrije_poort()
    log = settings.data_dir / "welkom-up.log"
    maak_data_dir(settings.data_dir)
    voor = positie()
    begin = time.perf_counter()
    with open(log, "ab") as uitvoer:
        proces = subprocess.Popen([*welkom_commando(), "up"], env=omgeving(settings, http_port),
                                  stdout=uitvoer, stderr=subprocess.STDOUT)
    uit: dict[str, Any] = {"health_s": float("nan")}
    try:
        url = f"http://127.0.0.1:{http_port}"
        with httpx.Client(base_url=url, timeout=TIMEOUT_S) as http:
            while time.perf_counter() - begin < TIMEOUT_S and proces.poll() is None:
                try:
                    if http.get("/health").status_code == 200:
                        uit["health_s"] = time.perf_counter() - begin
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.05)
            if uit["health_s"] != uit["health_s"]:
                meld(f"stack: no /health 200 within {TIMEOUT_S:.0f}s (exit code {proces.poll()}); see {log}")
                return uit
            uit["rss_health_mb"] = rss_mb(proces.pid)
            uit["broker_rss_mb"] = sum(rss_mb(k) for k in kinderen(proces.pid))
            uit["bij_start"] = positie() - voor
            start = time.perf_counter()
            antwoord = http.get("/v1/rapport", params={"peildatum": peildatum})
            uit["rapport_http_ms"] = (time.perf_counter() - start) * 1000
            uit["rapport_status"] = antwoord.status_code
            uit["rss_rapport_mb"] = rss_mb(proces.pid)
            uit["bij_rapport"] = positie() - voor
        meld(f"stack: /health after {uit['health_s']:.2f}s, RSS {uit['rss_health_mb']:.0f} MB "
             f"(after /v1/rapport {uit['rss_rapport_mb']:.0f} MB), {uit['bij_start']} events applied on start")
    finally:
        uit["stop_s"] = _stop(proces)
    return uit
