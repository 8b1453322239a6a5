"""mzd's kengetallen as Prometheus gauges, set from its report; no personal data in labels (care needs, a suppressed breakdown, get none)."""

from __future__ import annotations

from typing import Any

from prometheus_client import Gauge

from services.rapportage.metrics import kwantiel_gauge, zet_kwantielen
from services.runtime.metrics import zet_reeksen

ZAKEN_OPEN = Gauge("welkom_mzd_zaken_open", "Open mzd cases.")
ZAKEN_PER_STATUS = Gauge("welkom_mzd_zaken_per_status",
                         "Open mzd cases by state (vertrektermijn, na-vertrektermijn, procedure-loopt).", ["status"])
VERTREKTERMIJNEN = Gauge("welkom_mzd_vertrektermijnen",
                         "Vertrektermijnen running on the peildatum (lopend), and expired up to it (verstreken).",
                         ["stand"])
IN_BBB = Gauge("welkom_mzd_bbb_toegelaten_personen", "Persons admitted to BBB-opvang whose case is open.")
BEZETTING = Gauge("welkom_mzd_bbb_bezetting_personen", "Persons staying in BBB-opvang, by organisation.",
                  ["organisatie"])
PERSPECTIEVEN = Gauge("welkom_mzd_perspectief_zaken", "Open cases by perspective (or geen).", ["perspectief"])
UITSTROOM = Gauge("welkom_mzd_uitstroom_jaar_zaken", "Cases closed in the peildatum's calendar year, by reason.",
                  ["reden"])
AANVRAGEN = Gauge("welkom_mzd_bbb_aanvragen_jaar",
                  "BBB applications in the peildatum's calendar year, and their assessments' outcomes.", ["uitkomst"])
TIJD_IN_BBB = kwantiel_gauge("welkom_mzd_tijd_in_bbb_dagen", "Days in BBB-opvang of the persons staying on the peildatum.")
ZONDER_CONTACTPERSOON = Gauge("welkom_mzd_zaken_zonder_contactpersoon", "Open cases without a vaste contactpersoon.")


def werk_bij(rapport: dict[str, Any]) -> None:
    """Set mzd's gauges from its report; an unknown figure is 0 (or has no series)."""
    ZAKEN_OPEN.set(rapport.get("zaken_open") or 0)
    if "zaken_per_status" not in rapport:
        return
    zet_reeksen(ZAKEN_PER_STATUS, rapport["zaken_per_status"])
    zet_reeksen(VERTREKTERMIJNEN, rapport["vertrektermijnen"])
    IN_BBB.set(rapport["in_bbb_opvang"])
    zet_reeksen(BEZETTING, rapport["bbb_bezetting"]["per_organisatie"])
    zet_reeksen(PERSPECTIEVEN, rapport["perspectieven"])
    zet_reeksen(UITSTROOM, rapport["uitstroom"]["jaar"]["per_reden"])
    jaar = rapport["bbb_aanvragen"]["jaar"]
    zet_reeksen(AANVRAGEN, {"aangevraagd": jaar["aanvragen"], "toegelaten": jaar["toegelaten"],
                        "geweigerd": jaar["geweigerd"], "direct-toegelaten": jaar["direct_toegelaten"]})
    lopend = rapport["tijd_in_bbb"]["lopend"]
    zet_kwantielen(TIJD_IN_BBB, lopend["mediaan_dagen"], lopend["p90_dagen"])
    ZONDER_CONTACTPERSOON.set(rapport["zonder_contactpersoon"])
