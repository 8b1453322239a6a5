"""Mzd's report as readable Dutch lines, for `welkom rapport`: cases, vertrektermijnen, BBB-opvang, perspectives, uitstroom and care needs."""

from __future__ import annotations

from typing import Any

from services.rapportage.regels import BREEDTE, g, telling


def mzd(r: dict[str, Any]) -> list[str]:
    """Mzd's report as Dutch lines indented two spaces (a report without the newer figures: only the cases)."""
    regels: list[tuple[str, str]] = [("zaken open", g(r.get("zaken_open")))]
    if "zaken_per_status" in r:
        termijnen, bezetting, tijd = r["vertrektermijnen"], r["bbb_bezetting"], r["tijd_in_bbb"]
        regels += [
            ("  per status", telling(r["zaken_per_status"])),
            ("vertrektermijnen", f"lopend {termijnen['lopend']}, verstreken {termijnen['verstreken']}"),
            ("zonder contactpersoon", g(r["zonder_contactpersoon"])),
            ("perspectief", telling(r["perspectieven"])),
            ("toegelaten tot bbb", g(r["in_bbb_opvang"])),
            ("in bbb-opvang", f"{bezetting['totaal']}: {telling(bezetting['per_organisatie'])}"),
            ("tijd in bbb (dagen)", f"nu {tijd['lopend']['personen']} personen, mediaan "
                                    f"{g(tijd['lopend']['mediaan_dagen'])}, p90 {g(tijd['lopend']['p90_dagen'])}; "
                                    f"vertrokken {tijd['afgerond']['verblijven']}, mediaan "
                                    f"{g(tijd['afgerond']['mediaan_dagen'])}, p90 {g(tijd['afgerond']['p90_dagen'])}"),
        ]
        for deel in ("maand", "jaar"):
            a, s, u = r["bbb_aanvragen"][deel], r["bbb_stromen"][deel], r["uitstroom"][deel]
            regels += [
                (f"bbb-aanvragen {a['periode']}", f"{a['aanvragen']}; toegelaten {a['toegelaten']}, geweigerd "
                                                  f"{a['geweigerd']} ({telling(a['weigerredenen'])}), direct "
                                                  f"toegelaten {a['direct_toegelaten']}"),
                (f"bbb in/uit {s['periode']}", f"geplaatst {s['geplaatst']}, vertrokken {s['vertrokken']}: "
                                               f"{telling(s['vertrokken_per_reden'], True)}"),
                (f"uitstroom {u['periode']}", f"{u['totaal']}: {telling(u['per_reden'], True)}"),
            ]
        regels.append(("zorgbehoeften", telling(r["zorgbehoeften"]) + " (onder de 5: <5)"))
    return [f"  {k:<{BREEDTE}} {v}" for k, v in regels]
