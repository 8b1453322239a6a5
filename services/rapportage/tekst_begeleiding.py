"""Inburgering's maatschappelijke begeleiding and participatie as readable Dutch lines, for `welkom rapport`."""

from __future__ import annotations

from typing import Any

from services.rapportage.regels import BREEDTE, g, procent, telling



def begeleiding(r: dict[str, Any]) -> list[str]:
    """The begeleiding's and participatie's lines, indented two spaces (none for a report without them)."""
    regels: list[tuple[str, str]] = []
    if "begeleiding" in r:
        b = r["begeleiding"]
        a, duur = b["afgelopen"], b["duur_dagen"]
        regels += [
            ("begeleiding (VWN)", f"lopend {b['lopend']} (verlengd {b['lopend_verlengd']}, zonder traject "
                                  f"{b['lopend_zonder_traject']}, eindigt binnen 30 dagen {b['eindigt_binnen_30_dagen']}); "
                                  f"gestart {b['gestart']}, verlengd {b['verlengd']}"),
            ("begeleiding afgelopen", f"{a['totaal']}: door VWN beeindigd {a['beeindigd_door_vwn']}, termijn verstreken "
                                      f"{a['termijn_verstreken']}; duur mediaan {g(duur['mediaan'])}, "
                                      f"p90 {g(duur['p90'])} dagen"),
        ]
    if "participatie" in r:
        p = r["participatie"]
        z, d = p["zelfredzaamheid"], p["na_drie_jaar"]
        doel = d["doelen"]
        regels += [
            ("participatieladder", f"{p['gemeten']} gemeten; per trede {telling(p['per_trede'])}"),
            ("zelfredzaamheidsmatrix", f"{z['gemeten']} gemeten (per levensgebied op de pagina; onder de 5: <5)"),
            ("na drie jaar", f"{d['cohort']} personen, {d['gemeten']} met een trede; trede 4+ "
                             f"{procent(d['aandeel_trede_4_plus'])} (doel {procent(doel['aandeel_trede_4_plus'])}), "
                             f"daarvan trede 5-6 {procent(d['aandeel_trede_5_6_van_trede_4_plus'])} (doel "
                             f"{procent(doel['aandeel_trede_5_6_van_trede_4_plus'])}), doelen behaald "
                             f"{procent(d['aandeel_doelen_behaald'])} (doel {procent(doel['aandeel_doelen_behaald'])}), "
                             f"taal {procent(d['aandeel_taal'])} (doel {procent(doel['aandeel_taal'])})"),
        ]
    return [f"  {k:<{BREEDTE}} {v}" for k, v in regels]
