"""`make kafka-storing`: a broker of a 3-node Kafka killed (kill -9) during a load of households, then the checks."""

from __future__ import annotations

import argparse
import asyncio
import secrets
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

import psycopg

from services import catalogus
from services.bench.huishoudens import INBOUND_PER_HUISHOUDEN, maak_huishoudens
from services.bench.keten import POSTGRES_URL, _wacht_op_consumers
from services.kafkabed import principals
from services.kafkabed import storing_controle as controle
from services.kafkabed.broker import KafkaBed, KafkaBedFout
from services.kafkabed.jars import JarsFout
from services.kafkabed.storing_last import Verloop, meld, publiceer, storing
from services.kafkabed.storing_tabel import tabel
from services.logboek.application import NAAM as LOGBOEK
from services.runtime.localbroker import vrije_poort
from services.runtime.settings import Settings
from services.stack import Stack

MELD_ELKE_S = 5.0


def instellingen(bed: KafkaBed, werkmap: Path, prefix: str, bootstrap: str) -> Settings:
    """welkom on the bed as `make kafka`'s export lines configure it, on PostgreSQL with fresh schemas."""
    return Settings(
        data_dir=werkmap / "welkom", kafka_bootstrap_servers=bootstrap, clock="manual",
        http_port=vrije_poort(), database_url=POSTGRES_URL, database_schema_prefix=prefix,
        pseudonym_secret=secrets.token_urlsafe(32), huisvesting_vereist=[],
        kafka_security_protocol="SASL_SSL", kafka_sasl_mechanism="SCRAM-SHA-512",
        kafka_sasl_username=principals.service_principal("{service}"),
        kafka_sasl_password_file=bed.wachtwoordbestand, kafka_ssl_cafile=bed.cafile,
        kafka_partitions=bed.partitions, kafka_create_topics=False,
    )


async def _meld_steeds(lezer: controle.Lezer, verwacht: dict[controle.Sleutel, int], n: int, v: Verloop) -> None:
    while True:
        await asyncio.sleep(MELD_ELKE_S)
        per = controle.per_service(lezer.telling, verwacht, n)
        meld(f"{time.monotonic() - v.t0:5.0f}s published {v.gepubliceerd}/{n}, acknowledged "
             f"{v.bevestigd}/{n * INBOUND_PER_HUISHOUDEN} events, offered {len(lezer.telling.aanbod_gezien)}/{n}, "
             + ", ".join(f"{s} {p['huishoudens']}" for s, p in per.items() if p["verwacht_huishoudens"])
             + f" households complete; {v.broker}")


async def _wacht_op_uitkomst(bed: KafkaBed, stack: Stack, lezer: controle.Lezer,
                             verwacht: dict[controle.Sleutel, int], timeout: float) -> bool:
    """Until every expected outcome was read and, twice in a row, no group lags and no relay is behind."""
    grens, achtereen = time.monotonic() + timeout, 0
    abonnementen = {naam: list(app.topics()) for naam, app in stack.apps.items()}
    while time.monotonic() < grens:
        if controle.compleet(lezer.telling, verwacht):
            try:
                lag = await asyncio.to_thread(controle.lag_per_service, bed, abonnementen)
                backlog = await controle.relay_backlog(stack)
                achtereen = achtereen + 1 if not any(lag.values()) and not any(backlog.values()) else 0
            except Exception:  # noqa: BLE001 - a broker that does not answer yet: ask again
                achtereen = 0
            if achtereen >= 2:
                return True
        await asyncio.sleep(2.0)
    return False


def _grootste_pauze(tijden: list[float], vanaf: float | None) -> float | None:
    if vanaf is None:
        return None
    na = sorted(t for t in tijden if t >= vanaf)
    return max((b - a for a, b in zip([vanaf, *na], na)), default=None)


async def _draai(bed: KafkaBed, werkmap: Path, prefix: str, args: argparse.Namespace, begin: float) -> bool:
    n = args.huishoudens
    replicas, min_isr = await asyncio.to_thread(controle.replicatie, bed)
    bootstrap = bed.bootstrap_servers  # all three, as `make kafka --nodes 3` exports them
    settings = instellingen(bed, werkmap, prefix, bootstrap)
    huishoudens = maak_huishoudens(n)
    verwacht = controle.verwachting(huishoudens, settings.pseudonym_secret.get_secret_value())
    v, kill = Verloop(), asyncio.Event()
    async with Stack(settings, http=False) as stack:
        meld(f"stack up on PostgreSQL (schemas {prefix}*), bootstrapping from {bootstrap}; consumers assigned after "
             f"{await _wacht_op_consumers(stack, 60):.1f}s; topics: {replicas} replicas, min.insync.replicas {min_isr}")
        lezer, stop = controle.Lezer(bed), asyncio.Event()
        await lezer.start()
        taken = [asyncio.create_task(lezer.volg(stop)), asyncio.create_task(_meld_steeds(lezer, verwacht, n, v))]
        try:
            v.t0 = time.monotonic()
            storing_taak = asyncio.create_task(storing(bed, args.node, args.uit, v, kill))
            await publiceer(bed, huishoudens, settings, args.tempo, v, kill)
            gepubliceerd = time.monotonic()
            meld(f"all {n * INBOUND_PER_HUISHOUDEN} inbound events acknowledged after {gepubliceerd - v.t0:.1f}s")
            await storing_taak
            klaar = await _wacht_op_uitkomst(bed, stack, lezer, verwacht, args.timeout)
            klaar_t = time.monotonic()
            meld("every outcome read, no lag, no relay backlog" if klaar
                 else f"gave up after {args.timeout:.0f}s: the table says what is missing")
        finally:
            stop.set()
            for taak in taken[1:]:
                taak.cancel()
            await asyncio.gather(*taken, return_exceptions=True)
        await lezer.tot_einde()
        await lezer.stop()
        abonnementen = {naam: list(app.topics()) for naam, app in stack.apps.items()}
        beoordeling = controle.Beoordeling(
            controle.per_service(lezer.telling, verwacht, n), await asyncio.to_thread(controle.dlq_records, bed),
            await asyncio.to_thread(controle.lag_per_service, bed, abonnementen), await controle.relay_backlog(stack))
        meter_delen = await controle.welkoms_meter(stack)
        abonnement_delen = sum(len(controle.delen(bed, t)) for t in abonnementen.values())
    aanbod = list(lezer.telling.aanbod_gezien.values())
    na_kill = [t for t in aanbod if v.kill is not None and t > v.kill]
    cijfers = {
        "huishoudens": n, "inbound": n * INBOUND_PER_HUISHOUDEN, "nodes": bed.nodes, "replicas": replicas,
        "min_isr": min_isr, "node": args.node, "gepubliceerd_bij_kill": v.gepubliceerd_bij_kill,
        "uit_s": (v.herstart - v.kill) if v.kill and v.herstart else None, "opnieuw": v.opnieuw,
        "meter_delen": meter_delen, "abonnement_delen": abonnement_delen,
        "herstel_aanbod_s": (min(na_kill) - v.kill) if na_kill and v.kill else None,
        "pauze_aanbod_s": _grootste_pauze(aanbod, v.kill), "pauze_acks_s": _grootste_pauze(v.acks, v.kill),
        "publiceren_s": gepubliceerd - v.t0, "klaar_s": (klaar_t - v.t0) if klaar else None,
        "totaal_s": time.monotonic() - begin,
    }
    print(tabel(beoordeling, cijfers), flush=True)
    return klaar and beoordeling.geslaagd


def _ruim_schemas_op(prefix: str) -> None:
    with psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=10) as conn:
        for naam in [s.name for s in catalogus.alle()] + [LOGBOEK]:
            conn.execute(f'DROP SCHEMA IF EXISTS "{prefix}{naam}" CASCADE')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.kafkabed.storing", description=__doc__)
    parser.add_argument("--huishoudens", type=int, default=1000, help="households to load (default 1000)")
    parser.add_argument("--dir", type=Path, help="work dir, kept afterwards, and on failure the stores too "
                        "(default: a temp dir, removed on success)")
    parser.add_argument("--node", type=int, default=2, choices=(1, 2, 3), help="the broker to kill (default 2)")
    parser.add_argument("--uit", type=float, default=15.0, help="seconds the broker stays down (default 15)")
    parser.add_argument("--tempo", type=float, default=25.0, help="households/s published; 0: at once (default 25)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds to wait for every outcome (default 600)")
    args = parser.parse_args(argv)
    if args.huishoudens < 3:
        parser.error("--huishoudens must be at least 3")
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # SIGTERM stops it like Ctrl-C
    werkmap = (args.dir or Path(tempfile.mkdtemp(prefix="welkom-storing-"))).resolve()
    bed, prefix = KafkaBed(werkmap / "kafka", nodes=3), f"storing_{secrets.token_hex(4)}_"
    begin, geslaagd = time.monotonic(), False
    try:
        meld(f"starting 3 KRaft brokers in {bed.workdir}")
        bed.start()
        meld(f"brokers up after {time.monotonic() - begin:.1f}s on {bed.bootstrap_servers}")
        geslaagd = asyncio.run(_draai(bed, werkmap, prefix, args, begin))
        return 0 if geslaagd else 1
    except KeyboardInterrupt:
        meld("interrupted: stopping")
        return 130
    except (KafkaBedFout, JarsFout) as fout:
        meld(f"the Kafka bed failed: {fout}")
        return 1
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        bed.stop()
        if geslaagd or args.dir is None:
            _ruim_schemas_op(prefix)
        else:
            meld(f"the stores are kept for inspection: PostgreSQL schemas {prefix}*")
        if geslaagd and args.dir is None:
            shutil.rmtree(werkmap, ignore_errors=True)
        else:
            meld(f"broker logs and data kept in {werkmap}")


if __name__ == "__main__":
    sys.exit(main())
