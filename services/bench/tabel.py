"""`welkom bench --schaal`: the figures as a table (rows: figures; columns: size x backend) and the targets, met or not."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

BREEDTE = 58


def _getal(x: Any) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    return f"{x:,.0f}" if abs(x) >= 10 else f"{x:.1f}" if abs(x) >= 1 else f"{x:.2f}"


def _veilig(f: Callable[[dict[str, Any]], Any]) -> Callable[[dict[str, Any]], Any]:
    def lees(d: dict[str, Any]) -> Any:
        try:
            return f(d)
        except (KeyError, TypeError, ZeroDivisionError):
            return None
    return lees


def _stack(sleutel: str) -> Callable[[dict[str, Any]], Any]:
    return _veilig(lambda d: d["stack"][sleutel])


RIJEN: tuple[tuple[str, Callable[[dict[str, Any]], Any]], ...] = (
    ("stored events (four stores)", _veilig(lambda d: d["schrijf"]["events"])),
    ("  inbound events applied (verwerk_batch)", _veilig(lambda d: d["schrijf"]["inkomend"])),
    ("  staff commands (voer_uit)", _veilig(lambda d: sum(d["schrijf"]["personeel"].values()))),
    ("  inputs rejected", _veilig(lambda d: d["schrijf"]["afgewezen"])),
    ("generator: stored events/s written", _veilig(lambda d: d["schrijf"]["per_s"])),
    ("raw notification read, events/s (blocks of 1000)", _veilig(lambda d: d["raw"]["per_s"])),
    ("view build (fresh Projectie.bij), events/s", _veilig(lambda d: d["views"]["per_s"])),
    ("  view build as % of raw read", _veilig(lambda d: 100 * d["views"]["per_s"] / d["raw"]["per_s"])),
    ("rapport p50 ms (random gemeente, random peildatum)", _veilig(lambda d: d["rapport"]["p50_ms"])),
    ("rapport p99 ms (100 queries)", _veilig(lambda d: d["rapport"]["p99_ms"])),
    ("  facts read by the largest such report", _veilig(lambda d: d["feiten"])),
    ("rapport p99 ms, the smallest run's gemeenten (same facts)", _veilig(lambda d: d["rapport_vast"]["p99_ms"])),
    ("  the same, GC frozen (the queries' own cost)", _veilig(lambda d: d["rapport_vast_gc"]["p99_ms"])),
    ("rapport p99 ms, 0268 (the stack's own; 150 hh/yr; 20 q)", _veilig(lambda d: d["rapport_eigen"]["p99_ms"])),
    ("  facts read by its report on the last day", _veilig(lambda d: d["feiten_eigen"])),
    ("audit p50 ms (tijdlijn, random person)", _veilig(lambda d: d["audit"]["p50_ms"])),
    ("audit p99 ms (100 persons)", _veilig(lambda d: d["audit"]["p99_ms"])),
    ("  the same, GC frozen", _veilig(lambda d: d["audit_gc"]["p99_ms"])),
    ("  events per timeline (mean)", _veilig(lambda d: d["audit"]["events_per_tijdlijn"])),
    ("welkom up: start to /health 200 (s)", _stack("health_s")),
    ("welkom up: events the views applied on start", _stack("bij_start")),
    ("welkom up: RSS after /health (MB)", _stack("rss_health_mb")),
    ("welkom up: RSS after one /v1/rapport (MB)", _stack("rss_rapport_mb")),
    ("welkom up: first /v1/rapport (ms)", _stack("rapport_http_ms")),
    ("welkom up: its broker's RSS (Tansu, MB)", _stack("broker_rss_mb")),
)


def _doelen(kolommen: dict[str, dict[str, Any]]) -> list[str]:
    """The targets of issue 8, per backend, on the largest size against the smallest."""
    regels = []
    for backend in ("sqlite", "postgres"):
        eigen = [d for d in kolommen.values() if d["backend"] == backend]
        if not eigen:
            continue
        klein, groot = min(eigen, key=lambda d: d["grootte"]), max(eigen, key=lambda d: d["grootte"])
        op = f"at {groot['grootte']:,}"

        def doel(tekst: str, waarde: Any, gehaald: bool | None, backend: str = backend) -> None:
            status = "-" if gehaald is None else "met" if gehaald else "NOT met"
            regels.append(f"{backend:<9}{tekst:<80}{waarde:>20}  {status}")

        def waarde(d: dict[str, Any], f: Callable[[dict[str, Any]], Any]) -> float:
            x = _veilig(f)(d)
            return float("nan") if x is None else float(x)

        for d in eigen:
            r = waarde(d, lambda d: d["views"]["per_s"] / d["raw"]["per_s"])
            doel(f"view build >= 50% of raw read ({d['grootte']:,})", f"{r:.0%}", None if math.isnan(r) else r >= 0.5)
        for naam, f, vlak, grens in (
                ("rapport", lambda d: d["rapport"]["p99_ms"], lambda d: d["rapport_vast_gc"]["p99_ms"], 100.0),
                ("audit", lambda d: d["audit"]["p99_ms"], lambda d: d["audit_gc"]["p99_ms"], 50.0)):
            p99 = waarde(groot, f)
            doel(f"{naam} p99 <= {grens:.0f} ms {op}", f"{p99:.1f} ms", None if math.isnan(p99) else p99 <= grens)
            p99, p99_klein = waarde(groot, vlak), waarde(klein, vlak)
            wat = " (same gemeenten, GC frozen)" if naam == "rapport" else " (GC frozen)"
            doel(f"{naam} p99 flat{wat}: {op} <= 2x at {klein['grootte']:,}", f"{p99:.1f} / {p99_klein:.1f} ms",
                 None if math.isnan(p99 + p99_klein) else p99 <= 2 * p99_klein)
        h = waarde(groot, lambda d: d["stack"]["health_s"])
        doel(f"start to /health <= 10 s {op}", f"{h:.2f} s", None if math.isnan(h) else h <= 10)
        rss, rss_klein = (waarde(d, lambda d: d["stack"]["rss_rapport_mb"]) for d in (groot, klein))
        doel(f"RSS {op} <= 2x at {klein['grootte']:,}", f"{rss:.0f} / {rss_klein:.0f} MB",
             None if math.isnan(rss + rss_klein) else rss <= 2 * rss_klein)
    return regels


def tabel(kolommen: dict[str, dict[str, Any]]) -> str:
    """The table of one `welkom bench --schaal` run, then the targets."""
    namen = list(kolommen)
    breedte = max(14, *(len(n) + 2 for n in namen))
    regels = ["welkom bench --schaal: N gemeenten x Y years written straight into the stores", "",
              f"{'':<{BREEDTE}}" + "".join(f"{n:>{breedte}}" for n in namen),
              f"{'gemeenten x years':<{BREEDTE}}"
              + "".join(f"{str(d['gemeenten']) + 'x' + str(d['jaren']):>{breedte}}" for d in kolommen.values())]
    for naam, f in RIJEN:
        regels.append(f"{naam:<{BREEDTE}}" + "".join(f"{_getal(f(d)):>{breedte}}" for d in kolommen.values()))
    regels += ["", "targets (issue 8):"] + _doelen(kolommen)
    return "\n".join(regels)
