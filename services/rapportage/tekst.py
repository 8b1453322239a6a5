"""The kengetallen report as readable Dutch text, for `welkom rapport`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from services.rapportage.tekst_begeleiding import begeleiding
from services.rapportage.tekst_inburgering import inburgering
from services.rapportage.tekst_mzd import mzd
from services.rapportage.tekst_opvang import opvang


def tekst(rapport: dict[str, Any]) -> str:
    """A header line, then per service its own lines (see `EIGEN`) or else one line per key."""
    regels = [f"Kengetallen op peildatum {rapport['peildatum']}"]
    for service, cijfers in rapport.items():
        if isinstance(cijfers, dict):
            regels.append(f"\n{service}")
            eigen = EIGEN.get(service)
            regels += [r for deel in eigen for r in deel(cijfers)] if eigen else [
                f"  {k:<28} {v if v is not None else '-'}" for k, v in cijfers.items()]
    return "\n".join(regels)


def huisvesting(rapport_huisvesting: dict[str, Any]) -> list[str]:
    """Huisvesting's report as readable Dutch lines, indented two spaces."""
    r = rapport_huisvesting

    def getal(v: Any) -> str:
        return "-" if v is None else str(v)

    def opgave(o: dict[str, Any]) -> str:
        aandeel = o["aandeel_gerealiseerd"]
        regel = (
            f"taakstelling {getal(o['taakstelling'])} + achterstand {getal(o['achterstand'])} = opgave "
            f"{getal(o['opgave'])}; gerealiseerd {o['gerealiseerd']}"
            f"{'' if aandeel is None else f' ({aandeel:.1%})'}, nog te gaan voor de opgave "
            f"{getal(o['nog_te_gaan_opgave'])}"
        )
        if o["amv_taakstelling"] is not None or o["amv_gerealiseerd"]:
            regel += f"; amv {o['amv_gerealiseerd']} van {getal(o['amv_taakstelling'])}"
        return regel

    def telling(d: dict[str, Any]) -> str:
        return ", ".join(f"{k} {v}" for k, v in d.items()) or "-"

    status, termijn = r["dossiers_per_status"], r["over_termijn"]
    doorloop, blok = r["doorlooptijd"], r["geblokkeerd"]
    huishoudens, aanbod, nareis = r["huishoudens"], r["aanbiedingen"], r["nareizigers"]
    oudste = (
        f" (oudste gekoppeld {termijn['oudste_koppeldatum']}, {termijn['oudste_dagen_wachtend']} dagen)"
        if termijn["oudste_koppeldatum"] else ""
    )
    doorlooptijd = (
        f"{doorloop['verhuizingen']} verhuizingen, mediaan {getal(doorloop['mediaan_dagen'])}, "
        f"p90 {getal(doorloop['p90_dagen'])}"
    )
    geblokkeerd = (
        f"{blok['dossiers']} (zonder bsn {blok['ontbreekt_bsn']}, zonder iban {blok['ontbreekt_iban']}); "
        f"ooit {blok['ooit_geblokkeerd']}, {blok['dagen_totaal']} dagen, mediaan {getal(blok['dagen_mediaan'])}"
    )
    wachtend = (
        f"eenpersoons {huishoudens['eenpersoons_wachtend']}, meerpersoons {huishoudens['meerpersoons_wachtend']}; "
        f"eenpersoonswoningen aangeboden {huishoudens['eenpersoonswoningen_aangeboden']}"
    )
    regels = [
        ("periode " + r["taakstelling_periode"]["periode"], opgave(r["taakstelling_periode"])),
        ("  zonder achterstand", f"taakstelling {getal(r['taakstelling'])}; gerealiseerd {r['gerealiseerd']}, "
                                 f"nog te gaan voor de taakstelling {getal(r['nog_te_gaan_taakstelling'])}"),
        (f"jaar {r['taakstelling_jaar']['jaar']}", opgave(r["taakstelling_jaar"])),
        ("dossiers open", f"{r['dossiers_open']} ({r['personen_wachtend']} personen): {telling(status)}"),
        ("over 10-wekentermijn", f"{termijn['aantal']}{oudste}"),
        ("doorlooptijd (dagen)", doorlooptijd),
        ("geblokkeerd (bsn/iban)", geblokkeerd),
        ("huishoudens wachtend", wachtend),
        ("aanbiedingen per wijk", f"{aanbod['totaal']}: {telling(aanbod['per_wijk'])}"),
        ("aanbiedingen per soort", telling(aanbod["per_soort"])),
        ("nareizigers", f"{nareis['toegevoegd']}, met vervolgbehoefte {nareis['vervolgbehoeften']}"),
    ]
    return [f"  {k:<28} {v}" for k, v in regels]


EIGEN: dict[str, tuple[Callable[[dict[str, Any]], list[str]], ...]] = {
    "opvang": (opvang,), "huisvesting": (huisvesting,), "inburgering": (inburgering, begeleiding), "mzd": (mzd,)}
"""The services whose figures have their own lines: each function gives some of them."""
