"""Re-check the README's mutation table: break each guarantee in a copy of the code and run its test.

    .venv/bin/python tests/mutations.py                 # every mutation, SQLite backend
    .venv/bin/python tests/mutations.py --backend both  # integration tests on PostgreSQL too
    .venv/bin/python tests/mutations.py --alleen G3     # the mutations of one guarantee (or one id)

For each mutation the script copies the working tree to a temporary folder (without .git, .venv
and data), runs the named tests there once as they are (they must pass) and once with the
mutation applied (they must fail), and prints one table. Exit code 0 when every mutation is
caught. It uses this checkout's .venv; it needs the local PostgreSQL like the integration tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IT = "tests/integration/"
TIMEOUT_S = 300


@dataclass(frozen=True)
class Mutatie:
    id: str
    guarantee: str
    wat: str
    bestand: str
    oud: str
    nieuw: str
    tests: tuple[str, ...]


MUTATIES = (
    Mutatie("G1-ontvangst", "1 effect once", "no Ontvangst: an input's dedupe record is never stored",
            "services/runtime/application.py",
            '        uow.add(Ontvangst(sleutel=bericht.dedupe_key, type=bericht.type, kanaal="kafka"))\n', "",
            (IT + "test_guarantees.py::test_the_same_cloudevent_redelivered_at_a_new_offset_changes_state_once",)),
    Mutatie("G1-batch", "1 effect once", "no in-batch dedupe: both copies in one batch are applied",
            "services/runtime/application.py",
            "            (kopieen if bericht.dedupe_key in gezien else uniek).append(bericht)\n",
            "            uniek.append(bericht)\n",
            ("tests/unit/test_application_dedupe.py::test_a_copy_inside_a_batch_keeps_the_batch_on_its_one_transaction",)),
    Mutatie("G2-ack", "2 nothing lost", "the offset is committed before the effect is stored",
            "services/runtime/inbox.py",
            "        try:\n            await self.verwerk(records)\n",
            "        await msg.ack()\n        try:\n            await self.verwerk(records)\n",
            (IT + "test_crashes.py::test_a_process_killed_before_the_store_commit_loses_nothing",)),
    Mutatie("G2-nack", "2 nothing lost", "a failed batch is not sought back (no nack)",
            "services/runtime/inbox.py",
            "            await msg.nack()  # seek back: the same batch comes again\n", "",
            (IT + "test_guarantees.py::test_a_batch_whose_store_write_fails_is_sought_back_and_applied_once",)),
    Mutatie("G2-herlevering", "2 nothing lost", "no Ontvangst, so a batch redelivered after a crash is applied again",
            "services/runtime/application.py",
            '        uow.add(Ontvangst(sleutel=bericht.dedupe_key, type=bericht.type, kanaal="kafka"))\n', "",
            (IT + "test_crashes.py::test_a_process_killed_between_store_commit_and_offset_commit_loses_and_duplicates_nothing",)),
    Mutatie("G3-volgorde", "3 published iff stored", "the relay records its position before it publishes",
            "services/runtime/relay.py",
            "        uit = await asyncio.to_thread(bus_events, self.app, self.translation, list(notifications))\n",
            "        uit = await asyncio.to_thread(bus_events, self.app, self.translation, list(notifications))\n"
            "        await asyncio.to_thread(recorder.insert_events, [], tracking=Tracking(self.naam, notifications[-1].id))\n"
            "        if uit:\n            self.hooks.bij(\"relay-crash-after-record\", service=self.app.name)\n",
            (IT + "test_crashes.py::test_a_relay_killed_right_after_recording_its_position_had_published_everything_before_it",)),
    Mutatie("G3-ids", "3 published iff stored", "a re-published event gets a new CloudEvent id",
            "services/runtime/relay.py",
            "id=afgeleid_id(\"cloudevent\", app.name, event.originator_id, event.originator_version, index)",
            "id=str(__import__(\"uuid\").uuid4())",
            (IT + "test_crashes.py::test_a_relay_killed_after_publishing_and_before_recording_publishes_again_under_the_same_ids",)),
    Mutatie("G3-lag", "3 published iff stored", "the lag gauge is only set by a round that published",
            "services/runtime/relay.py",
            "        meter = asyncio.create_task(self._meet_steeds(stop))\n",
            "        meter = asyncio.create_task(asyncio.sleep(0))\n",
            (IT + "test_broker_outage.py::test_while_the_broker_is_down_work_is_stored_and_counted_as_lag_then_published_when_it_returns",)),
    Mutatie("G3-acks", "3 published iff stored", "the relay does not wait for the broker's acks before it counts and records",
            "services/runtime/relay.py",
            "        await asyncio.gather(*bevestigingen)  # every record acknowledged (acks=all) ...\n"
            "        for _, cloudevent in uit:\n",
            "        for _, cloudevent in uit:\n",
            (IT + "test_broker_outage.py::test_while_the_broker_is_down_work_is_stored_and_counted_as_lag_then_published_when_it_returns",)),
    Mutatie("G4-dlq", "4 bad input never disappears", "a rejected record is skipped instead of dead-lettered",
            "services/runtime/inbox.py",
            "        for record, reden in afgewezen:\n", "        for record, reden in afgewezen[:0]:\n",
            (IT + "test_guarantees.py::test_every_kind_of_bad_input_lands_in_the_dlq_and_the_next_good_event_still_flows",)),
    Mutatie("G5-datum", "5 deterministic replay", "a fact is dated when it was recorded, not on its real-world date",
            "services/runtime/views.py",
            "f.datum.isoformat() if f.datum else None,", "event.timestamp.date().isoformat(),",
            (IT + "test_guarantees.py::test_published_iff_stored_and_rebuild_equals_live",)),
    Mutatie("G6-conflict", "6 concurrency", "a command that loses a version race is not retried",
            "services/runtime/application.py",
            "            except IntegrityError:\n                continue\n",
            "            except IntegrityError:\n                raise\n",
            (IT + "test_http_and_cli.py::test_two_staff_commands_on_one_dossier_one_wins_and_versions_stay_contiguous",)),
    Mutatie("G7-log", "7 no personal data leaks", "the log redaction processor is off",
            "services/runtime/logging.py",
            "    return _redigeer(event_dict)\n", "    return event_dict\n",
            ("tests/unit/test_logging_redaction.py",)),
    Mutatie("G7-dlq", "7 no personal data leaks", "a DLQ reason carries the start of the rejected value",
            "services/runtime/bus.py",
            '            "dlq_reason": reden,\n',
            '            "dlq_reason": reden + ":" + (value or b"")[:60].decode("utf-8", "replace"),\n',
            (IT + "test_guarantees.py::test_every_kind_of_bad_input_lands_in_the_dlq_and_the_next_good_event_still_flows",)),
)


def kopie(doel: Path) -> Path:
    """The working tree as it is (uncommitted changes included), without .git, .venv and data."""
    weg = shutil.ignore_patterns(".git", ".venv", "data", "__pycache__", "*.egg-info", ".pytest_cache")
    shutil.copytree(ROOT, doel, ignore=weg)
    return doel


def knooppunten(tests: tuple[str, ...], backends: list[str]) -> list[str]:
    """Integration tests run per backend (their parameter); unit tests as they are."""
    return [f"{t}[{b}]" for t in tests for b in backends] if tests[0].startswith(IT) and "::" in tests[0] \
        else list(tests)


def draai(map_: Path, tests: list[str]) -> tuple[bool, float]:
    """Run the tests in the copy, importing the copy's code (not this checkout's)."""
    env = {**os.environ, "PYTHONPATH": str(map_), "PYTHONDONTWRITEBYTECODE": "1"}
    begin = time.monotonic()
    proces = subprocess.Popen([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests],
                              cwd=map_, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        return proces.wait(TIMEOUT_S) == 0, time.monotonic() - begin
    except subprocess.TimeoutExpired:  # a mutation can make a test hang: that is not a pass
        os.killpg(proces.pid, signal.SIGINT)  # pytest tears its fixtures down (brokers, welkom) on ^C
        try:
            proces.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait()
        return False, time.monotonic() - begin


def pas_toe(map_: Path, m: Mutatie) -> None:
    pad = map_ / m.bestand
    tekst = pad.read_text()
    if tekst.count(m.oud) != 1:
        raise SystemExit(f"{m.id}: the code to mutate is not found exactly once in {m.bestand}; update the table")
    pad.write_text(tekst.replace(m.oud, m.nieuw))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--alleen", help="a mutation id (G3-ids) or a guarantee prefix (G3)")
    args = parser.parse_args()
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    gekozen = [m for m in MUTATIES if not args.alleen or m.id == args.alleen or m.id.startswith(args.alleen + "-")]
    regels, gevangen = [], 0
    print(f"{len(gekozen)} mutation(s), backend {args.backend}; each: tests as they are, then mutated", file=sys.stderr)
    for m in gekozen:
        tests = knooppunten(m.tests, backends)
        with tempfile.TemporaryDirectory(prefix="welkom-mutatie-") as tmp:
            map_ = kopie(Path(tmp) / "welkom")
            zonder, t1 = draai(map_, tests)
            pas_toe(map_, m)
            met, t2 = draai(map_, tests)
        ok = zonder and not met
        gevangen += ok
        uitslag = "caught" if ok else ("NOT CAUGHT" if zonder else "BASELINE FAILS")
        namen = dict.fromkeys("`" + t.split("::")[-1].split("[")[0].removeprefix("tests/unit/") + "`" for t in tests)
        regels.append((m.guarantee, m.wat, ", ".join(namen), "pass" if zonder else "FAIL",
                       "fail" if not met else "PASS", uitslag))
        print(f"  {m.id}: {uitslag} ({t1:.0f} s + {t2:.0f} s)", file=sys.stderr)
    print(f"Backends of the integration tests: {', '.join(backends)}.\n")
    print("| guarantee | mutation | test | without | with | verdict |")
    print("|---|---|---|---|---|---|")
    for regel in regels:
        print("| " + " | ".join(regel) + " |")
    print(f"\n{gevangen} of {len(gekozen)} mutations caught by their tests")
    return 0 if gevangen == len(gekozen) else 1


if __name__ == "__main__":
    sys.exit(main())
