"""Plots as inline SVG, drawn server-side from plain numbers: pure functions, no plotting library.

The SVG is meant to sit inside an HTML page (no `xmlns`, the HTML parser adds the namespace), so
the page references no external host. Every text is escaped; every point and bar carries a
`<title>` with its value, which browsers show on hover and screen readers read.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

BREEDTE, HOOGTE = 560, 300
LINKS, RECHTS, BOVEN, ONDER = 52, 14, 38, 46
TEKEN = 7.5
"""The rough width of one character at font-size 13, to keep axis labels from overlapping."""
KLEUREN = ("#01689b", "#e17000", "#39870c", "#a90061")
"""Rijkshuisstijl-like colours: blue, orange, green, violet."""


@dataclass(frozen=True)
class Reeks:
    """One line of a line chart: its name in the legend, a value per label (None: unknown), a colour."""

    naam: str
    waarden: Sequence[float | None]
    kleur: str = KLEUREN[0]


def schaal(maximum: float, stappen: int = 5) -> list[float]:
    """Round tick values from 0 up to at least `maximum`: steps of 1, 2 or 5 times a power of ten."""
    if maximum <= 0:
        return [0, 1]
    ruw = maximum / stappen
    macht = 10 ** math.floor(math.log10(ruw))
    stap = next(f * macht for f in (1, 2, 5, 10) if f * macht >= ruw)
    stap = max(stap, 1)
    return [i * stap for i in range(math.ceil(maximum / stap - 1e-9) + 1)]


def getal(waarde: float) -> str:
    """A number the Dutch way: thousands with a dot, decimals with a comma."""
    if float(waarde).is_integer():
        return f"{int(waarde):,}".replace(",", ".")
    return f"{waarde:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _kader(titel: str, ticks: list[float], labels: Sequence[str]) -> list[str]:
    """The opening tag, the title, the horizontal grid with its values and the x-axis labels."""
    delen = [
        f'<svg class="grafiek" viewBox="0 0 {BREEDTE} {HOOGTE}" width="100%" role="img" '
        f'font-family="system-ui, sans-serif" font-size="13" fill="#154273">',
        f"<title>{escape(titel)}</title>",
    ]
    for tick in ticks:
        y = _y(tick, ticks)
        delen.append(f'<line x1="{LINKS}" x2="{BREEDTE - RECHTS}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="{"#8a8a8a" if tick == 0 else "#dddddd"}" stroke-width="1"/>')
        delen.append(f'<text x="{LINKS - 6}" y="{y + 4:.1f}" text-anchor="end">{getal(tick)}</text>')
    passen = (BREEDTE - LINKS - RECHTS) // (TEKEN * max(map(len, labels), default=1) + 10)
    stap = max(1, math.ceil(len(labels) / max(passen, 1)))
    for i, label in enumerate(labels):
        if (len(labels) - 1 - i) % stap == 0:
            delen.append(f'<text x="{_x(i, len(labels)):.1f}" y="{HOOGTE - ONDER + 18}" '
                         f'text-anchor="middle">{escape(label)}</text>')
    return delen


def _x(i: int, n: int) -> float:
    """The centre of the i-th of n equal slots along the x axis."""
    return LINKS + (BREEDTE - LINKS - RECHTS) * (i + 0.5) / max(n, 1)


def _y(waarde: float, ticks: list[float]) -> float:
    return HOOGTE - ONDER - (HOOGTE - ONDER - BOVEN) * waarde / ticks[-1]


def _legenda(items: Sequence[tuple[str, str]]) -> list[str]:
    delen, x = [], LINKS
    for naam, kleur in items:
        delen.append(f'<rect x="{x}" y="10" width="16" height="5" fill="{kleur}"/>')
        delen.append(f'<text x="{x + 22}" y="17">{escape(naam)}</text>')
        x += 44 + TEKEN * len(naam)
    return delen


def lijngrafiek(titel: str, labels: Sequence[str], reeksen: Sequence[Reeks], as_titel: str = "") -> str:
    """A line chart: one line per series over the labels; an unknown value breaks its line."""
    bekend = [w for r in reeksen for w in r.waarden if w is not None]
    ticks = schaal(max(bekend, default=0))
    delen = _kader(titel, ticks, labels)
    delen += _legenda([(r.naam, r.kleur) for r in reeksen])
    for reeks in reeksen:
        stuk: list[str] = []
        for i, waarde in enumerate([*reeks.waarden, None]):
            if waarde is None:
                if len(stuk) > 1:
                    delen.append(f'<polyline points="{" ".join(stuk)}" fill="none" stroke="{reeks.kleur}" '
                                 f'stroke-width="2.5" stroke-linejoin="round"/>')
                stuk = []
                continue
            x, y = _x(i, len(labels)), _y(waarde, ticks)
            stuk.append(f"{x:.1f},{y:.1f}")
            delen.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{reeks.kleur}">'
                         f"<title>{escape(reeks.naam)}, {escape(labels[i])}: {getal(waarde)}</title></circle>")
    return "".join([*delen, *_as_titel(as_titel), "</svg>"])


def staafgrafiek(titel: str, labels: Sequence[str], waarden: Sequence[float], as_titel: str = "",
                 kleur: str = KLEUREN[0]) -> str:
    """A bar chart: one bar per label, its value written above it."""
    ticks = schaal(max(waarden, default=0))
    delen = _kader(titel, ticks, labels)
    breedte = (BREEDTE - LINKS - RECHTS) / max(len(labels), 1) * 0.7
    for i, waarde in enumerate(waarden):
        x, y = _x(i, len(labels)), _y(waarde, ticks)
        delen.append(f'<rect x="{x - breedte / 2:.1f}" y="{y:.1f}" width="{breedte:.1f}" '
                     f'height="{HOOGTE - ONDER - y:.1f}" fill="{kleur}">'
                     f"<title>{escape(labels[i])}: {getal(waarde)}</title></rect>")
        delen.append(f'<text x="{x:.1f}" y="{y - 5:.1f}" text-anchor="middle">{getal(waarde)}</text>')
    return "".join([*delen, *_as_titel(as_titel), "</svg>"])


def _as_titel(tekst: str) -> list[str]:
    if not tekst:
        return []
    return [f'<text x="{(LINKS + BREEDTE - RECHTS) / 2:.0f}" y="{HOOGTE - 6}" text-anchor="middle" '
            f'fill="#555555">{escape(tekst)}</text>']
