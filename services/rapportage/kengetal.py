"""One figure on the kengetallen page: its label, its text, its key path in the report and its exact JSON value; a meter of one figure against another; a panel of them."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from services.rapportage.grafieken import getal

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")
ONBEKEND = object()
"""A key path the report does not have."""
ISO_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def datum(d: dt.date) -> str:
    """A date as Dutch text: 1 oktober 2024."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def waarde(cijfers: dict[str, Any], pad: str) -> Any:
    """The value at a key path (`a.b.c`), or ONBEKEND."""
    for sleutel in pad.split("."):
        if not isinstance(cijfers, dict) or sleutel not in cijfers:
            return ONBEKEND
        cijfers = cijfers[sleutel]
    return cijfers


def tekst(pad: str, w: Any) -> str:
    """A value as the page shows it: – for none, ja or nee, a date in words, a share in percent, a
    number the Dutch way; any other text (such as a suppressed "<5") as it is."""
    if w is None:
        return "–"
    if isinstance(w, bool):
        return "ja" if w else "nee"
    if isinstance(w, str):
        return datum(dt.date.fromisoformat(w)) if ISO_DATUM.match(w) else w
    if pad.rpartition(".")[2].startswith("aandeel"):
        return f"{getal(round(w * 100, 1))}%"
    return getal(w)


def cijfer(service: str, cijfers: dict[str, Any], pad: str, label: str) -> dict[str, Any] | None:
    """One figure: its label, its text on the page, its key path and its exact JSON value (None
    when the report does not have it)."""
    w = waarde(cijfers, pad)
    if w is ONBEKEND:
        return None
    return {"label": label, "tekst": tekst(pad, w), "kengetal": f"{service}.{pad}", "waarde": json.dumps(w)}


def meter(service: str, cijfers: dict[str, Any], pad: str, tegen: str, label: str) -> dict[str, Any] | None:
    """A figure against another as an HTML <meter> (`value` and `max` are the report's figures at
    `pad` and `tegen`, named in `data-waarde-van` and `data-max-van`); None when either is not a
    number or the maximum is not positive."""
    w, m = waarde(cijfers, pad), waarde(cijfers, tegen)
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (w, m)) or m <= 0:
        return None
    return {"label": label, "waarde": w, "max": m, "van": f"{service}.{pad}", "tegen": f"{service}.{tegen}",
            "tekst": f"{getal(w)} van {getal(m)}"}


def paneel(titel: str, cijfers: list[Any] | None = None, meters: list[Any] | None = None,
           tabellen: list[Any] | None = None, toelichting: str = "") -> dict[str, Any]:
    """A panel as the template renders it; figures and meters the report does not have are left out."""
    return {"titel": titel, "cijfers": [c for c in cijfers or [] if c], "meters": [m for m in meters or [] if m],
            "tabellen": tabellen or [], "toelichting": toelichting}


def onderdeel(r: dict[str, Any], pad: str) -> dict[str, Any]:
    """The dict at a key path, or an empty one."""
    w = waarde(r, pad)
    return w if isinstance(w, dict) else {}


def benoemd(cel: dict[str, Any] | None, namen: dict[str, str]) -> dict[str, Any] | None:
    """A figure whose text is a code, shown by its name."""
    if cel is not None:
        cel["tekst"] = namen.get(cel["tekst"], cel["tekst"])
    return cel


def maandnaam(periode: str) -> str:
    """A calendar month `2024-08` as `augustus 2024`."""
    jaar, _, maand = periode.partition("-")
    return f"{MAANDEN[int(maand) - 1]} {jaar}" if maand.isdigit() and 1 <= int(maand) <= 12 else periode
