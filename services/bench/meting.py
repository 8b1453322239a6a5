"""`welkom bench --schaal`, the read side: raw notification reads, the view build, and report and audit latency on the built views."""

from __future__ import annotations

import datetime as dt
import gc
import random
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from services.bench.raw import percentiel
from services.rapportage.audit import tijdlijn
from services.rapportage.projectie import LIVE, Projectie
from services.runtime.application import WelkomApplication

BLOK = 1000
"""Notifications per read, for the raw read and for the view build alike."""
QUERIES = 100


def raw_lezen(apps: Mapping[str, WelkomApplication], blok: int = BLOK) -> dict[str, float]:
    """Every notification of the four stores, `select_notifications` in blocks: the most any
    projection can read per second from these stores."""
    gelezen, begin = 0, time.perf_counter()
    for app in apps.values():
        start = 1
        while notificaties := app.recorder.select_notifications(start, blok):
            gelezen += len(notificaties)
            start = notificaties[-1].id + 1
    seconden = time.perf_counter() - begin
    return {"events": gelezen, "seconden": seconden, "per_s": gelezen / seconden}


class Gedrosseld:
    """Progress of a view build, at most one line every few seconds, with events/s and ETA."""

    def __init__(self, apps: Mapping[str, WelkomApplication], meld: Callable[[str], None], elke_s: float = 5.0):
        self.totaal = sum(a.recorder.max_notification_id() or 0 for a in apps.values())
        self.meld, self.elke_s = meld, elke_s
        self.gedaan: dict[str, int] = {}
        self.begin = self.laatst = time.perf_counter()

    def __call__(self, service: str, gelezen: int, _positie: int) -> None:
        self.gedaan[service] = gelezen
        nu = time.perf_counter()
        if nu - self.laatst >= self.elke_s:
            self.laatst = nu
            klaar = sum(self.gedaan.values())
            per_s = klaar / (nu - self.begin)
            self.meld(f"views: {klaar:,}/{self.totaal:,} events, {per_s:,.0f}/s, "
                      f"nog ~{(self.totaal - klaar) / per_s if per_s else 0:.0f}s")


def bouw_views(apps: Mapping[str, WelkomApplication], gemeentecode: str,
               meld: Callable[[str], None]) -> tuple[Projectie, dict[str, float]]:
    """The live views built from nothing (fresh stores have none yet): every stored event read,
    its facts and person index written, tracked; events/s over the four stores."""
    begin = time.perf_counter()
    projectie = Projectie(apps, gemeentecode=gemeentecode, prefix=LIVE, voortgang=Gedrosseld(apps, meld))
    gelezen = projectie.bij(blok=BLOK)
    seconden = time.perf_counter() - begin
    return projectie, {"events": gelezen, "seconden": seconden, "per_s": gelezen / seconden}


@contextmanager
def gc_bevroren() -> Iterator[None]:
    """CPython's full collections (about 50 ms here, over the ~100k objects the imports leave)
    pause any query they hit: frozen, the latency is the query's own."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _ms(metingen: list[float]) -> dict[str, float]:
    return {"p50_ms": percentiel(metingen, 0.50), "p99_ms": percentiel(metingen, 0.99), "n": len(metingen)}


def rapport_latentie(projectie: Projectie, codes: Sequence[str], begin: dt.date, einde: dt.date, *,
                     seed: int, aantal: int = QUERIES) -> dict[str, float]:
    """`Projectie.rapport` for a random gemeente of `codes` on a random peildatum in the history,
    `aantal` times; milliseconds per report."""
    rng = random.Random(f"rapport:{seed}")
    metingen = []
    for _ in range(aantal):
        code = rng.choice(list(codes))
        peildatum = begin + dt.timedelta(days=rng.randrange((einde - begin).days + 1))
        start = time.perf_counter()
        projectie.rapport(peildatum, code)
        metingen.append((time.perf_counter() - start) * 1000)
    return _ms(metingen)


def feiten_per_rapport(projectie: Projectie, code: str, peildatum: dt.date) -> int:
    """How many fact rows one report of this gemeente reads (all services)."""
    return sum(len(view.feiten(code, peildatum)) for view in projectie.views.values())


def audit_latentie(apps: Mapping[str, WelkomApplication], projectie: Projectie, vnummers: Sequence[str], *,
                   seed: int, aantal: int = QUERIES) -> dict[str, Any]:
    """`tijdlijn` (audit by index) for random generated persons; milliseconds per timeline."""
    rng = random.Random(f"audit:{seed}")
    app = next(iter(apps.values()))
    metingen, regels = [], 0
    for vnummer in rng.sample(list(vnummers), min(aantal, len(vnummers))):
        persoon = app.persoon(vnummer)
        start = time.perf_counter()
        regels += len(tijdlijn(apps, persoon, projectie))
        metingen.append((time.perf_counter() - start) * 1000)
    return {**_ms(metingen), "events_per_tijdlijn": regels / max(len(metingen), 1)}
