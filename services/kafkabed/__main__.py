"""`make kafka`: the Kafka test bed for people; prints welkom's `export` lines and serves until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

from services.kafkabed import KAFKA_VERSIE
from services.kafkabed.broker import KafkaBed, KafkaBedFout
from services.kafkabed.jars import JarsFout

DATA = Path("data")
"""The repository's gitignored data/: a restarted `make kafka` serves the same data (data/kafka)."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.kafkabed", description=__doc__)
    parser.add_argument("--nodes", type=int, default=1, choices=(1, 3), help="KRaft nodes (default 1)")
    parser.add_argument("--dir", type=Path, help="work dir (default data/kafka, or data/kafka-3 for 3 nodes)")
    args = parser.parse_args(argv)
    werkmap = args.dir or DATA / ("kafka" if args.nodes == 1 else f"kafka-{args.nodes}")
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # SIGTERM stops it like Ctrl-C
    bed = KafkaBed(werkmap, nodes=args.nodes)
    try:
        bed.start()
        for regel in bed.export_regels():
            print(regel)
        print(f"Kafka {KAFKA_VERSIE} serves on {bed.bootstrap_servers} (SASL_SSL, data in {bed.workdir}); "
              "Ctrl-C stops it", flush=True)
        while len(bed.pids()) == args.nodes:
            time.sleep(1.0)
        print(f"a Kafka node stopped; its log is in {bed.workdir}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    except (KafkaBedFout, JarsFout) as fout:
        print(f"kafka: {fout}", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the stop short
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        bed.stop()


if __name__ == "__main__":
    sys.exit(main())
