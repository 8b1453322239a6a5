"""The lines of `welkom rapport` for inburgering's trajecten, plicht and attention list (Dutch, like the page)."""

from __future__ import annotations

from typing import Any

from services.rapportage.regels import procent, telling


def inburgering(r: dict[str, Any]) -> list[str]:
    """Caseload, intake and leerroute, doorlooptijden, status after three years, attention list."""
    binnen = r.get("leerroutes_binnen_10_weken") or {}
    duur = (r.get("doorlooptijden") or {}).get("start_diploma") or {}
    lijst = r.get("aandachtslijst") or {}
    regels = [
        ("caseload", telling(r.get("caseload") or {})),
        ("wachten op brede intake", r.get("intake_wachtlijst")),
        ("leerroute binnen 10 weken", f"{binnen.get('binnen')} van {binnen.get('gezet')} ({procent(binnen.get('aandeel'))})"),
        ("leerroutes", telling(r.get("leerroute_verdeling") or {})),
        ("start -> diploma (dagen)", f"mediaan {duur.get('mediaan')}, p90 {duur.get('p90')}"),
        ("plicht beeindigd", telling((r.get("plicht") or {}).get("beeindigd") or {})),
        ("oude wet, op verzoek", (r.get("plicht") or {}).get("oude_wet_op_verzoek")),
        ("aandachtslijst", f"{lijst.get('totaal')} (geen DUO-signaal {lijst.get('zonder_duo_signaal')}, "
                           f"onbekend bij DUO {lijst.get('onbekend_bij_duo')})"),
    ]
    for cohort, s in (r.get("na_drie_jaar") or {}).items():
        regels.append((f"na drie jaar, cohort {cohort}",
                       f"{s['totaal']}: geslaagd {s['geslaagd']}, nog plichtig {s['nog_plichtig']} "
                       f"({procent(s['aandeel_nog_plichtig'])}), vrijgesteld {s['vrijgesteld_of_ontheven']} "
                       f"({procent(s['aandeel_vrijgesteld_of_ontheven'])}), overig {s['overig']}"))
    return [f"  {k:<28} {v}" for k, v in regels]
