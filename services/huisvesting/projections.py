"""Huisvesting's read model: its stored events folded into dated facts per dossier and taakstellingen.

The fold keeps every fact with its own date; the report (`services.huisvesting.rapport`,
re-exported here as `rapport` for the catalogue) replays them up to a peildatum. The state:

- `taakstellingen` / `amv_taakstellingen`: period name (`2024-H1`) to persons, the latest decision;
- `dossiers`: per dossier its `koppeldatum`, `personen`, `amv`, `gehuisvest` and `feiten`, dated
  (datum, soort, waarde) tuples;
- `aanbiedingen`: (datum, wijk, soort, max_bewoners) of every offer;
- `huisvestingen`: (datum, personen, amv, koppeldatum) of every dossier's first move-in.
"""

from __future__ import annotations

from typing import Any

from services.huisvesting.domain.huisvestingsdossier import DOORSTROOM
from services.huisvesting.domain.huisvestingsdossier import Huisvestingsdossier as D
from services.huisvesting.domain.taakstelling import Taakstelling as T
from services.huisvesting.rapport import AANGEBODEN, GEACCEPTEERD, GEBLOKKEERD, WACHTEND, rapport

__all__ = ["nieuw", "pas_toe", "rapport"]


def nieuw() -> dict[str, Any]:
    """An empty read model."""
    return {
        "taakstellingen": {},
        "amv_taakstellingen": {},
        "taakstelling_periode": {},
        "dossiers": {},
        "aanbiedingen": [],
        "huisvestingen": [],
    }


def pas_toe(staat: dict[str, Any], e: Any) -> None:
    """Fold one stored event into the read model."""
    sleutel = str(e.originator_id)
    if isinstance(e, T.Vastgesteld):
        staat["taakstelling_periode"][sleutel] = e.periode
        _taakstelling(staat, e.periode, e.aantal, getattr(e, "amv_aantal", None))
    elif isinstance(e, T.Gewijzigd):
        _taakstelling(staat, staat["taakstelling_periode"][sleutel], e.aantal, getattr(e, "amv_aantal", None))
    elif isinstance(e, D.Geopend):
        staat["dossiers"][sleutel] = {
            "koppeldatum": e.koppeldatum,
            "personen": len(e.personen),
            "amv": bool(getattr(e, "amv", False)),
            "feiten": [],
            "gehuisvest": False,
        }
    elif sleutel in staat["dossiers"]:
        _dossierfeit(staat, staat["dossiers"][sleutel], e)


def _taakstelling(staat: dict[str, Any], periode: str, aantal: int, amv_aantal: int | None) -> None:
    staat["taakstellingen"][periode] = aantal
    staat["amv_taakstellingen"][periode] = amv_aantal


def _dossierfeit(staat: dict[str, Any], dossier: dict[str, Any], e: Any) -> None:
    """Record a dated fact of a dossier; the state on a peildatum is replayed from them."""
    feiten = dossier["feiten"]
    if isinstance(e, D.Geblokkeerd):
        feiten.append((e.datum, GEBLOKKEERD, tuple(e.ontbreekt)))
    elif isinstance(e, D.Gedeblokkeerd):
        feiten.append((e.datum, "gedeblokkeerd", None))
    elif isinstance(e, D.NareizigerToegevoegd):
        feiten.append((e.datum, "nareiziger", bool(e.vervolgbehoefte)))
    elif isinstance(e, D.WoningAangeboden):
        feiten.append((e.datum, AANGEBODEN, None))
        max_bewoners = getattr(e, "max_bewoners", 0) or getattr(e, "huishoudgrootte", 0)
        staat["aanbiedingen"].append((e.datum, e.wijk, e.soort, max_bewoners))
    elif isinstance(e, D.AanbodGeaccepteerd):
        feiten.append((e.datum, GEACCEPTEERD, None))
    elif isinstance(e, (D.AanbodGeweigerd, D.AanbodIngetrokken)):
        feiten.append((e.datum, WACHTEND, None))
    elif isinstance(e, D.Verhuisd):
        doorstroom = getattr(e, "woningsoort", None) == DOORSTROOM
        eerste = getattr(e, "eerste_huisvesting", not dossier["gehuisvest"])
        feiten.append((e.datum, "verhuisd", doorstroom))
        if eerste:
            dossier["gehuisvest"] = True
            staat["huisvestingen"].append((e.datum, len(e.personen), dossier["amv"], dossier["koppeldatum"]))
