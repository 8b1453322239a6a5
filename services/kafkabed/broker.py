"""KafkaBed: Apache Kafka KRaft nodes with SASL_SSL and ACLs on loopback, started and stopped from Python."""

from __future__ import annotations

import atexit
import base64
import json
import os
import shlex
import signal
import socket
import subprocess
import time
import uuid
from pathlib import Path
from ssl import create_default_context
from typing import Any

from services.kafkabed import instellingen as inst
from services.kafkabed import jars, principals, scripts, template
from services.kafkabed.scripts import staart
from services.kafkabed.tls import tls_materiaal

JVM = ["-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:+ExitOnOutOfMemoryError",
       "-Djava.awt.headless=true"]


class KafkaBedFout(RuntimeError):
    """A node did not start, or an admin step (format, topics, ACLs) failed; the message ends with its log."""


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class KafkaBed:
    """`nodes` KRaft nodes (broker + controller each) in `workdir`: a SASL_SSL CLIENT listener on
    127.0.0.1 for welkom and the partners, PLAINTEXT INTERNAL and CONTROLLER listeners for the nodes.
    Ports, passwords, TLS material and data survive a stop(): start() again serves the same data."""

    def __init__(self, workdir: Path, nodes: int = 1, partitions: int = 6) -> None:
        self.workdir = Path(workdir).resolve()
        self.nodes = nodes
        self.partitions = partitions
        self.replicatie = min(3, nodes)
        self.min_isr = 2 if nodes >= 3 else 1
        self._processen: dict[int, subprocess.Popen[bytes]] = {}
        self._staat: dict[str, Any] = {}
        self._classpath = ""
        self._atexit = False

    # -- what clients need ------------------------------------------------------------------

    @property
    def bootstrap_servers(self) -> str:
        return ",".join(f"127.0.0.1:{p['client']}" for p in self._poorten())

    @property
    def cafile(self) -> Path:
        return self.workdir / "tls" / "ca.crt"

    @property
    def wachtwoordbestand(self) -> Path:
        return self.workdir / "wachtwoorden"

    def wachtwoord(self, principal: str) -> str:
        return principals.wachtwoorden(self.wachtwoordbestand)[principal]

    def client_config(self, principal: str = principals.ADMIN) -> dict[str, Any]:
        """aiokafka keyword arguments (security) for `principal`."""
        return {"security_protocol": "SASL_SSL", "sasl_mechanism": inst.MECHANISME,
                "sasl_plain_username": principal, "sasl_plain_password": self.wachtwoord(principal),
                "ssl_context": create_default_context(cafile=str(self.cafile))}

    def admin_config(self) -> dict[str, Any]:
        """aiokafka keyword arguments for the super user: for tests that observe every topic."""
        return self.client_config(principals.ADMIN)

    def librdkafka_config(self, principal: str = principals.ADMIN) -> dict[str, Any]:
        """confluent-kafka (librdkafka) configuration for `principal`, bootstrap servers included."""
        return {"bootstrap.servers": self.bootstrap_servers, "security.protocol": "SASL_SSL",
                "sasl.mechanism": inst.MECHANISME, "sasl.username": principal,
                "sasl.password": self.wachtwoord(principal), "ssl.ca.location": str(self.cafile),
                "log_level": 4}  # warnings and up: not its info lines at close

    def export_regels(self) -> list[str]:
        """`export ...` lines with which welkom connects (each service as welkom_{service})."""
        waarden = {
            "KAFKA_BOOTSTRAP_SERVERS": self.bootstrap_servers, "WELKOM_KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
            "WELKOM_KAFKA_SASL_MECHANISM": inst.MECHANISME, "WELKOM_KAFKA_SSL_CAFILE": str(self.cafile),
            "WELKOM_KAFKA_SASL_USERNAME": principals.service_principal("{service}"),
            "WELKOM_KAFKA_SASL_PASSWORD_FILE": str(self.wachtwoordbestand),
            "WELKOM_KAFKA_PARTITIONS": str(self.partitions),
        }
        return [f"export {k}={shlex.quote(v)}" for k, v in waarden.items()]

    # -- life cycle -------------------------------------------------------------------------

    def start(self, timeout: float = 120.0, *, met_template: bool = True) -> KafkaBed:
        """Starts every node (a fresh work dir as a copy of its configuration's template, else
        formatting the storage), waits until the cluster serves, then runs production's
        deploy/kafka/create-topics.sh and create-acls.sh where what they apply changed."""
        self._classpath = jars.classpath().read_text(encoding="utf-8").strip()
        self.workdir.mkdir(parents=True, exist_ok=True)
        if met_template and template.aan() and not (self.workdir / "bed.json").is_file():
            self._van_template(timeout)
        self._bereid_voor()
        nieuw = [n for n in self._node_ids() if not (self._datamap(n) / "meta.properties").is_file()]
        if nieuw:
            self._formatteer(nieuw)
        for n in self._node_ids():
            self.start_node(n, wacht=False)
        self._wacht_tot_klaar(timeout)
        try:
            scripts.voer_uit(scripts.Doel(self.workdir, self.bootstrap_servers, self.wachtwoord(principals.ADMIN),
                                          self.cafile, self.partitions, self.replicatie, self.min_isr))
        except scripts.ScriptFout as fout:
            raise KafkaBedFout(str(fout)) from None
        return self

    def start_node(self, node: int, *, wacht: bool = True, timeout: float = 60.0) -> None:
        """Starts one node on its own data dir and ports (again, after kill or stop)."""
        if node in self._processen and self._processen[node].poll() is None:
            return
        log = open(self.workdir / f"node-{node}.log", "ab")  # noqa: SIM115 - the child keeps it
        try:
            self._processen[node] = subprocess.Popen(
                ["java", *JVM, f"-Dlog4j2.configurationFile={self.workdir / 'log4j2.properties'}",
                 "-cp", self._classpath or jars.classpath().read_text(encoding="utf-8").strip(),
                 "kafka.Kafka", str(self.workdir / f"server-{node}.properties")],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
            )
        finally:
            log.close()
        if not self._atexit:
            atexit.register(self.stop)
            self._atexit = True
        if wacht:
            self._wacht_op_poort(node, time.monotonic() + timeout)

    def kill(self, node: int) -> None:
        """kill -9 one node: a crash, not a shutdown."""
        proces = self._processen.get(node)
        if proces is not None and proces.poll() is None:
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait()

    def stop(self, timeout: float = 30.0) -> bool:
        """SIGTERM to every node (a controlled shutdown), SIGKILL to those still there after `timeout`;
        True when every node that ran stopped by itself."""
        levend = {n: p for n, p in self._processen.items() if p.poll() is None}
        for proces in levend.values():
            os.killpg(proces.pid, signal.SIGTERM)
        grens = time.monotonic() + timeout
        netjes = True
        for proces in levend.values():
            try:
                proces.wait(max(grens - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                os.killpg(proces.pid, signal.SIGKILL)
                proces.wait()
                netjes = False
        self._processen.clear()
        return netjes

    def __enter__(self) -> KafkaBed:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def pids(self) -> dict[int, int]:
        """{node: pid of its JVM} of the nodes that run."""
        return {n: p.pid for n, p in self._processen.items() if p.poll() is None}

    # -- between tests ----------------------------------------------------------------------

    def leeg(self, timeout: float = 30.0) -> None:
        """Fresh for the next test without restarting (services/kafkabed/legen.py)."""
        from services.kafkabed.legen import leeg

        leeg(self.librdkafka_config(), timeout)

    # -- inside -----------------------------------------------------------------------------

    def _node_ids(self) -> range:
        return range(1, self.nodes + 1)

    def _datamap(self, node: int) -> Path:
        return self.workdir / f"data-{node}"

    def _poorten(self) -> list[dict[str, int]]:
        if not self._staat:
            raise KafkaBedFout("the bed has not been started: its ports are not known yet")
        return self._staat["poorten"]

    def _bereid_voor(self) -> None:
        """Ports and cluster id (bed.json), passwords, TLS material and each node's server.properties."""
        bestand = self.workdir / "bed.json"
        self._staat = json.loads(bestand.read_text(encoding="utf-8")) if bestand.is_file() else {}
        if self._staat.get("nodes") != self.nodes:
            if self._staat:
                raise KafkaBedFout(f"{self.workdir} holds a {self._staat.get('nodes')}-node bed, not {self.nodes}")
            cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
            self._staat = {"nodes": self.nodes, "cluster_id": cluster_id, "poorten": self._nieuwe_poorten()}
            bestand.write_text(json.dumps(self._staat, indent=2), encoding="utf-8")
        principals.wachtwoorden(self.wachtwoordbestand)
        (self.workdir / "log4j2.properties").write_text(inst.LOG4J, encoding="utf-8")
        tls = tls_materiaal(self.workdir / "tls")
        for n in self._node_ids():
            inst.schrijf_properties(self.workdir / f"server-{n}.properties", inst.server_properties(
                n, self._poorten(), self._datamap(n), tls, self.replicatie, self.min_isr))

    def _formatteer(self, nodes: list[int]) -> None:
        """kafka-storage format with a SCRAM credential for every principal (static quorum)."""
        scram = [a for p, w in principals.wachtwoorden(self.wachtwoordbestand).items()
                 for a in ("--add-scram", f"{inst.MECHANISME}=[name={p},password={w}]")]
        bin_map = jars.bin_map()
        bezig = {n: subprocess.Popen(
            [str(bin_map / "kafka-storage.sh"), "format", "--cluster-id", self._staat["cluster_id"],
             "--config", str(self.workdir / f"server-{n}.properties"), *scram],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for n in nodes}
        for n, proces in bezig.items():
            uit, _ = proces.communicate()
            if proces.returncode != 0:
                raise KafkaBedFout(f"formatting node {n} failed:\n{uit.decode(errors='replace')}")

    def _wacht_op_poort(self, node: int, grens: float) -> None:
        poort = self._poorten()[node - 1]["client"]
        while True:
            proces = self._processen[node]
            if proces.poll() is not None:
                raise KafkaBedFout(f"node {node} stopped (exit {proces.returncode}):\n"
                                   + staart(self.workdir / f"node-{node}.log"))
            try:
                socket.create_connection(("127.0.0.1", poort), timeout=0.5).close()
                return
            except OSError:
                if time.monotonic() > grens:
                    raise KafkaBedFout(f"node {node} does not answer on 127.0.0.1:{poort}:\n"
                                       + staart(self.workdir / f"node-{node}.log")) from None
                time.sleep(0.1)

    def _wacht_tot_klaar(self, timeout: float) -> None:
        """Every client port answers, and an admin request over SASL_SSL sees every broker."""
        from confluent_kafka.admin import AdminClient

        grens = time.monotonic() + timeout
        for n in self._node_ids():
            self._wacht_op_poort(n, grens)
        admin = AdminClient(self.librdkafka_config())
        while True:
            try:
                if len(admin.describe_cluster(request_timeout=5).result(10).nodes) == self.nodes:
                    return
            except Exception as fout:  # noqa: BLE001 - not ready yet: ask again until the deadline
                if time.monotonic() > grens:
                    raise KafkaBedFout(f"the cluster does not serve admin requests: {fout}") from fout
            if time.monotonic() > grens:
                raise KafkaBedFout(f"fewer than {self.nodes} brokers registered before the deadline")
            time.sleep(0.2)

    def _nieuwe_poorten(self) -> list[dict[str, int]]:
        return [{"client": _vrije_poort(), "internal": _vrije_poort(), "controller": _vrije_poort()}
                for _ in self._node_ids()]

    def _van_template(self, timeout: float) -> None:
        """Fills the fresh work dir from the template (template.py); when there is none, a fresh bed
        started and cleanly stopped in the cache becomes it. A copy gets its own ports only."""
        def bouw(map_: Path) -> bool:
            bed = KafkaBed(map_, self.nodes, self.partitions)
            try:
                bed.start(timeout, met_template=False)
            finally:
                netjes = bed.stop()
            return netjes

        naam = template.sleutel(self.nodes, self.partitions, self.replicatie, self.min_isr)
        if not template.kopieer(naam, self.workdir, self._nieuwe_poorten, bouw):
            raise KafkaBedFout(f"no template {naam} after building one: a node did not stop cleanly")
