"""Opvang's report as readable Dutch lines, for `welkom rapport`: places, occupancy, moves, uitstroom, behoeften and ontheemden."""

from __future__ import annotations

from typing import Any

from services.rapportage.regels import BREEDTE, g, procent, telling


def _aandeel(v: float | None) -> str:
    return "" if v is None else f" ({procent(v, 1)})"


def _verdeling(d: dict[str, Any]) -> str:
    return (f"{d['personen']} personen, mediaan {g(d['mediaan'])}, p90 {g(d['p90'])}, "
            f"2 of meer {d['twee_of_meer']}{_aandeel(d['aandeel_twee_of_meer'])}")


def opvang(r: dict[str, Any]) -> list[str]:
    """Opvang's report as Dutch lines indented two spaces (a location's or replacement's line four)."""
    regels: list[tuple[str, str]] = [("bewoners in de opvang", g(r.get("bewoners_in_opvang")))]
    regels += _locaties(r)
    if "verplaatsingen_per_persoon" in r:
        kinderen = r["kinderen"]
        regels += [
            ("verplaatsingen", f"{r['verplaatsingen']}; per persoon: {_verdeling(r['verplaatsingen_per_persoon'])}"),
            ("  van kinderen", f"{kinderen['verplaatsingen']}; {_verdeling(kinderen)}; "
                               f"kort na elkaar opnieuw verplaatst {kinderen['herhaald_verplaatst']}")]
    for deel in ("maand", "jaar"):
        if deel in r.get("uitstroom", {}):
            u = r["uitstroom"][deel]
            regels.append((f"uitstroom {u['periode']}", f"{u['totaal']}: {telling(u['per_reden'], True)}"))
    if "recht_op_opvang_beeindigd" in r:
        recht = r["recht_op_opvang_beeindigd"]
        regels += [("vertrektermijn loopt", g(r["vertrektermijn_lopend"])),
                   ("recht op opvang beeindigd", f"{recht['personen']} (nog in de opvang {recht['nog_in_opvang']})")]
    if "bijzondere_behoeften" in r:
        regels.append(("bijzondere behoeften", telling(r["bijzondere_behoeften"]) + " (onder de 5: <5)"))
    regels += _ontheemden(r.get("ontheemden"))
    return [k if k.startswith("    ") else f"  {k:<{BREEDTE}} {v}" for k, v in regels]


def _locaties(r: dict[str, Any]) -> list[tuple[str, str]]:
    uit: list[tuple[str, str]] = []
    taak = r.get("spreidingstaakstelling")
    if taak is not None and taak["plekken"] is None:
        uit.append(("spreidingswet", f"geen besluit; telt mee {taak['capaciteit_telt_mee']}"))
    elif taak is not None:
        amv = taak["amv"]
        uit.append((f"spreidingswet {taak['cyclus']}",
                    f"{taak['plekken']} plekken per {taak['realiseren_per']} ({taak['fase']}, besluit "
                    f"{taak['besluitdatum']}): telt mee {taak['capaciteit_telt_mee']}, gerealiseerd "
                    f"{taak['gerealiseerd']}, nog te gaan {taak['nog_te_gaan']}; amv {g(amv['gerealiseerd'])} van "
                    f"{g(amv['plekken'])}, nog te gaan {g(amv['nog_te_gaan'])}"))
    if "bezetting" in r:
        b = r["bezetting"]
        uit.append(("bezetting", f"{b['bezetting']} personen in {b['capaciteit']} plekken van open locaties; "
                                 f"buiten open locaties {b['buiten_open_locaties']}; boven capaciteit "
                                 f"{b['locaties_boven_capaciteit']}"))
        uit.append(("per soort", ", ".join(f"{s} {t['bezetting']}/{t['capaciteit']} ({t['aantal']})"
                                           for s, t in r["locaties"].items() if t["aantal"] or t["bezetting"]) or "-"))
        uit.append(("per locatie", "soort, personen/plekken" if b["per_locatie"] else "-"))
        for i, p in b["per_locatie"].items():
            sluiting = f", sluit {p['geplande_sluiting']}" if p["geplande_sluiting"] else ""
            uit.append((f"    {p['naam'] or i:<{BREEDTE - 2}} {p['soort'] or 'onbekend'} "
                        f"{p['bezetting']}/{g(p['capaciteit'])}{sluiting}", ""))
    return uit


def _ontheemden(o: dict[str, Any] | None) -> list[tuple[str, str]]:
    if o is None:
        return []
    p, bijdrage, bescherming = o["plekken"], o["eigen_bijdrage"], o["tijdelijke_bescherming"]
    uit = [
        ("ontheemden", f"{o['geregistreerd']} geregistreerd; in gemeentelijke opvang {o['in_gemeentelijke_opvang']}, "
                       f"particulier {o['in_particuliere_opvang']}; verplaatsingen {o['verplaatsingen']}"),
        ("oekraine-plekken", f"afspraak {p['afspraak']}, capaciteit {g(p['capaciteit'])}, bezet {p['bezet']}, "
                             f"beschikbaar {p['beschikbaar']}, tekort op de afspraak {g(p['tekort_op_afspraak'])}"),
        ("ontheemden per locatie", telling(o["per_locatie"])),
    ]
    uit.append(("te vervangen", f"{len(o['te_vervangen'])} locaties, te laat "
                                f"{sum(t['te_laat'] for t in o['te_vervangen'].values())}"))
    for i, t in o["te_vervangen"].items():
        gesloten = f", gesloten {t['gesloten_op']}" if t["gesloten_op"] else ""
        uit.append((f"    {t['naam'] or i:<{BREEDTE - 2}} vervangen per {t['vervangen_per']} (sluiting "
                    f"{g(t['geplande_sluiting'])}{gesloten}): {g(t['capaciteit'])} plekken, {t['bewoners']} "
                    f"bewoners{', TE LAAT' if t['te_laat'] else ''}", ""))
    uit += [
        ("vertrokken (ontheemden)", telling(o["vertrekken"])),
        ("eigen bijdrage", f"plichtig {bijdrage['plichtig']}, vrijgesteld {bijdrage['vrijgesteld']} "
                           f"({telling(bijdrage['per_grond'])}), nog geen besluit {bijdrage['onbekend']}"),
        ("tijdelijke bescherming", f"tot en met {bescherming['einddatum']}"
                                   + (f" (besluit {bescherming['besluitdatum']})" if bescherming["besluitdatum"] else "")
                                   + (f", nog {bescherming['dagen_resterend']} dagen" if bescherming["van_kracht"]
                                      else ", verlopen")),
    ]
    return uit
