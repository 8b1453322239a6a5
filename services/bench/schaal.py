"""`welkom bench --schaal`: N gemeenten x Y years written straight into fresh stores per size and backend, then the read side measured against the raw read rate."""

from __future__ import annotations

import gc
import math
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg

from services import catalogus
from services.bench import meting
from services.bench.geschiedenis import GEMIDDELD, Gemeente, gemeenten, periode
from services.bench.keten import POSTGRES_URL
from services.bench.opstart import meet_stack
from services.bench.raw import meld
from services.bench.schrijver import Schrijver
from services.bench.tabel import tabel
from services.runtime.settings import Settings
from services.stack import open_apps

GROOTTES = (10_000, 100_000, 1_000_000)
SEED = 2024
PROEF = (50, 2)
"""One gemeente of 50 households a year for 2 years, in memory: the events per household-year."""


def events_per_huishoudjaar(seed: int = SEED) -> float:
    """Stored events per household linked per year, measured once on in-memory stores."""
    apps = {s.name: s.application(env={"PERSISTENCE_MODULE": "eventsourcing.popo"}, pseudoniem_sleutel="proef")
            for s in catalogus.alle()}
    schrijver = Schrijver(apps, [Gemeente("0268", 0, PROEF[0], seed)], PROEF[1])
    schrijver.schrijf()
    return schrijver.opgeslagen() / (PROEF[0] * PROEF[1])


def plan(groottes: list[int] | None, aantal: int | None, jaren: int | None,
         seed: int = SEED) -> tuple[list[tuple[int, int]], float]:
    """(gemeenten, jaren) per run, and the measured events per household-year. With sizes: the
    same years for every size (so sizes differ only in gemeenten), as many as the smallest size
    holds for the first two gemeenten (1-10); per size the fewest gemeenten (at least 2) expected
    to reach it."""
    per_huishoudjaar = events_per_huishoudjaar(seed)
    if aantal is not None:
        return [(aantal, jaren or 10)], per_huishoudjaar
    groottes = sorted(groottes or GROOTTES)
    alle = gemeenten(9_999, seed)
    if jaren is None:
        twee = per_huishoudjaar * (alle[0].huishoudens + alle[1].huishoudens)
        jaren = max(1, min(10, int(groottes[0] / twee)))
    uit = []
    for grootte in groottes:
        n, verwacht = 0, 0.0
        while n < len(alle) and (n < 2 or verwacht < grootte):
            verwacht += per_huishoudjaar * jaren * alle[n].huishoudens
            n += 1
        uit.append((n, jaren))
    return uit, per_huishoudjaar


@contextmanager
def verse_stores(backend: str) -> Iterator[Settings]:
    """Settings on fresh stores: a new SQLite data dir, or new PostgreSQL schemas
    (bench_<random>_<service>), removed afterwards."""
    tmp = Path(tempfile.mkdtemp(prefix=f"welkom-schaal-{backend}-"))
    prefix = f"bench_{secrets.token_hex(4)}_"
    extra: dict[str, Any] = {"database_url": POSTGRES_URL, "database_schema_prefix": prefix} if backend == "postgres" else {}
    try:
        yield Settings(data_dir=tmp / "data", gemeentecode="0268", clock="manual", **extra,
                       pseudonym_secret=secrets.token_urlsafe(32))  # synthetic, but never the development secret
    finally:
        if backend == "postgres":
            with psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=10) as conn:
                for service in catalogus.alle():
                    conn.execute(f'DROP SCHEMA IF EXISTS "{prefix}{service.name}" CASCADE')
        shutil.rmtree(tmp, ignore_errors=True)


def _schrijf(settings: Settings, gs: list[Gemeente], jaren: int, verwacht: int, naam: str) -> tuple[dict[str, Any], list[str]]:
    """The history written by Applications of this process, closed afterwards (the measurements
    read as a fresh process would, without the generator's heap); what was written, and the V-nummers."""
    apps = open_apps(settings)
    try:
        meld(f"{naam}: writing {len(gs)} gemeenten x {jaren} years (expected ~{verwacht:,} events)")
        schrijver = Schrijver(apps, gs, jaren, meld=lambda t: meld(f"{naam}: {t}"), verwacht=verwacht)
        geschreven = schrijver.schrijf()
        meld(f"{naam}: wrote {geschreven['events']:,} events in {geschreven['seconden']:.0f}s "
             f"({geschreven['per_s']:,.0f}/s; rejected {geschreven['afgewezen']})")
        return geschreven, [v for lijst in schrijver.vnummers.values() for v in lijst]
    finally:
        for app in apps.values():
            app.close()


def meet(backend: str, aantal: int, jaren: int, verwacht: int, seed: int, vaste: list[str]) -> dict[str, Any]:
    """One size on one backend: write, read raw, build the views, query, start the stack. `vaste`:
    gemeenten every size holds with the same history (the smallest run's), for a like-for-like report."""
    gs = gemeenten(aantal, seed)
    begin, einde = periode(jaren)
    naam = f"{backend} {aantal}x{jaren}"
    uit: dict[str, Any] = {"gemeenten": aantal, "jaren": jaren}
    with verse_stores(backend) as settings:
        uit["schrijf"], vnummers = _schrijf(settings, gs, jaren, verwacht, naam)
        gc.collect()
        apps = open_apps(settings)
        try:
            uit["raw"] = max((meting.raw_lezen(apps) for _ in range(2)), key=lambda r: r["per_s"])
            meld(f"{naam}: raw read {uit['raw']['events']:,} notifications at {uit['raw']['per_s']:,.0f}/s (best of 2)")
            projectie, uit["views"] = meting.bouw_views(apps, settings.gemeentecode, lambda t: meld(f"{naam}: {t}"))
            meld(f"{naam}: views built from {uit['views']['events']:,} events at {uit['views']['per_s']:,.0f}/s "
                 f"({uit['views']['per_s'] / uit['raw']['per_s']:.0%} of raw)")
            andere = [g.code for g in gs if g.code != settings.gemeentecode] or [settings.gemeentecode]
            uit["rapport"] = meting.rapport_latentie(projectie, andere, begin, einde, seed=seed)
            uit["feiten"] = max(meting.feiten_per_rapport(projectie, c, einde) for c in andere)
            uit["rapport_vast"] = meting.rapport_latentie(projectie, vaste, begin, einde, seed=seed)
            with meting.gc_bevroren():
                uit["rapport_vast_gc"] = meting.rapport_latentie(projectie, vaste, begin, einde, seed=seed)
            uit["rapport_eigen"] = meting.rapport_latentie(projectie, [settings.gemeentecode], begin, einde,
                                                           seed=seed, aantal=20)
            uit["feiten_eigen"] = meting.feiten_per_rapport(projectie, settings.gemeentecode, einde)
            meld(f"{naam}: rapport p50 {uit['rapport']['p50_ms']:.1f} ms p99 {uit['rapport']['p99_ms']:.1f} ms; "
                 f"same gemeenten as the smallest run p99 {uit['rapport_vast']['p99_ms']:.1f} ms "
                 f"({uit['rapport_vast_gc']['p99_ms']:.1f} ms GC frozen); "
                 f"0268 p99 {uit['rapport_eigen']['p99_ms']:.1f} ms")
            uit["audit"] = meting.audit_latentie(apps, projectie, vnummers, seed=seed)
            with meting.gc_bevroren():
                uit["audit_gc"] = meting.audit_latentie(apps, projectie, vnummers, seed=seed)
            meld(f"{naam}: audit p50 {uit['audit']['p50_ms']:.1f} ms p99 {uit['audit']['p99_ms']:.1f} ms "
                 f"({uit['audit_gc']['p99_ms']:.1f} ms GC frozen)")
            positie = lambda: sum(v.positie() for v in projectie.views.values())
            uit["stack"] = meet_stack(settings, einde.isoformat(), positie, lambda t: meld(f"{naam}: {t}"))
        finally:
            for app in apps.values():
                app.close()
    return uit


def opties(groottes: str | None, backend: str, aantal: int | None, jaren: int | None) -> dict[str, Any]:
    """The CLI's options checked (ValueError says what is wrong), as keyword arguments of `main`."""
    try:
        maten = [int(g.replace("_", "")) for g in groottes.split(",")] if groottes else None
    except ValueError:
        raise ValueError("--groottes: comma-separated whole numbers, e.g. 10000,100000") from None
    if maten is not None and any(m < 1 for m in maten):
        raise ValueError("--groottes: sizes must be positive")
    if backend not in ("sqlite", "postgres", "both"):
        raise ValueError("--backend must be sqlite, postgres or both")
    if jaren is not None and not 1 <= jaren <= 10:
        raise ValueError("--jaren must be 1-10")
    if aantal is not None and not 1 <= aantal <= 9_999:
        raise ValueError("--gemeenten must be 1-9999")
    return {"groottes": maten, "backend": backend, "aantal": aantal, "jaren": jaren}


def main(groottes: list[int] | None = None, backend: str = "both", aantal: int | None = None,
         jaren: int | None = None, seed: int = SEED) -> dict[str, Any]:
    """Every size on every backend in one run; progress on stderr, the table on stdout."""
    opties(None, backend, aantal, jaren)
    backends = ["sqlite", "postgres"] if backend == "both" else [backend]
    groottes = sorted(groottes or GROOTTES)
    runs, per_huishoudjaar = plan(groottes, aantal, jaren, seed)
    doelen: list[int | None] = [None] if aantal is not None else list(groottes)
    meld(f"{per_huishoudjaar:.1f} stored events per household-year (about {per_huishoudjaar * GEMIDDELD:,.0f} "
         f"per gemeente-year); runs: " + ", ".join(f"{n} gemeenten x {j} years" for n, j in runs))
    alle = gemeenten(max(n for n, _ in runs), seed)
    kolommen: dict[str, dict[str, Any]] = {}
    begin = time.perf_counter()
    vaste = [g.code for g in alle[1:min(n for n, _ in runs)]] or [alle[0].code]
    for (n, j), grootte in zip(runs, doelen):
        verwacht = round(per_huishoudjaar * j * sum(g.huishoudens for g in alle[:n]))
        label = _label(grootte or verwacht)
        for b in backends:
            kolommen[f"{label} {b}"] = {"backend": b, "grootte": grootte or verwacht,
                                        **meet(b, n, j, verwacht, seed, vaste)}
            meld(f"{label} {b} done after {time.perf_counter() - begin:.0f}s in all")
    print(tabel(kolommen), flush=True)
    return kolommen


def _label(grootte: int) -> str:
    macht = math.log10(grootte) if grootte > 0 else 0
    return f"10^{macht:.0f}" if abs(macht - round(macht)) < 1e-9 else f"{grootte:,}"
