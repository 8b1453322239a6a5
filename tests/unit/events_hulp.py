"""What the published-language tests share: one valid example per event type, and events built from them."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from events.envelope import maak
from events.registry import REGISTRY, Eventsoort
from inburgering_hulp import VOORBEELDEN_INBURGERING

VNUMMER = "1234567890"
PARTNERVNUMMER = "2345678901"
PERSOON = "5f0c4e2a-8d7b-4c1e-9a3f-2b6d8e1f0a47"
DOSSIER = "0b9e6f1c-3a2d-4e5f-8a7b-6c5d4e3f2a1b"
TRAJECT = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d"
ZAAK = "3c2d1e0f-9a8b-4c7d-8e6f-5a4b3c2d1e0f"

VOORBEELDEN: dict[str, dict[str, Any]] = {
    "nl.vreemdelingen.verblijfsvergunning-verleend": {
        "vnummer": VNUMMER, "besluitdatum": "2024-03-01", "soort": "asiel",
    },
    "nl.vreemdelingen.asielaanvraag-afgewezen": {
        "vnummer": VNUMMER, "besluitdatum": "2024-03-01", "definitief": True,
    },
    "nl.opvang.asielzoeker-geplaatst": {
        "vnummer": VNUMMER, "locatie_id": "azc-heumensoord", "datum": "2024-01-15",
        "geboortedatum": "1990-06-30", "bijzondere_behoefte": "medisch",
    },
    "nl.opvang.asielzoeker-vertrokken": {
        "vnummer": VNUMMER, "locatie_id": "azc-heumensoord", "datum": "2024-05-01", "reden": "einde-recht-op-opvang",
    },
    "nl.opvang.bewoner-vertrektermijn-gestart": {
        "persoon_id": PERSOON, "locatie_id": "azc-heumensoord", "besluitdatum": "2024-03-01",
        "vertrektermijn_verloopt_op": "2024-03-29",
    },
    "nl.opvang.bewoner-recht-op-opvang-beeindigd": {
        "persoon_id": PERSOON, "locatie_id": "azc-heumensoord", "verlopen_op": "2024-03-29",
    },
    "nl.opvang.asielzoeker-verplaatst": {
        "vnummer": VNUMMER, "van_locatie_id": "azc-heumensoord", "naar_locatie_id": "azc-lent",
        "datum": "2024-02-01",
    },
    "nl.statushouders.gekoppeld-aan-gemeente": {
        "vnummer": VNUMMER, "gemeentecode": "0268", "koppeldatum": "2024-03-10",
        "huishouden": [
            {"vnummer": VNUMMER, "geboortedatum": "1990-06-30"},
            {"vnummer": PARTNERVNUMMER, "geboortedatum": "2015-01-02"},
        ],
    },
    "nl.brp.ingeschreven-immigratie": {"vnummer": VNUMMER, "bsn": "111222333", "datum": "2024-03-20"},
    "nl.statushouders.taakstelling-vastgesteld": {
        "gemeentecode": "0268", "periode": "2024-H1", "aantal": 187,
    },
    "nl.woningen.woning-beschikbaar-gesteld": {
        "woning_id": "talis-4711", "wijk": "Dukenburg", "soort": "regulier", "max_bewoners": 4,
        "beschikbaar_per": "2024-04-01",
    },
    "nl.opvang.bewoner-geplaatst": {
        "persoon_id": PERSOON, "locatie_id": "azc-heumensoord", "datum": "2024-01-15",
    },
    "nl.opvang.bewoner-verplaatst": {
        "persoon_id": PERSOON, "van_locatie_id": "azc-heumensoord", "naar_locatie_id": "azc-lent",
        "datum": "2024-02-01", "verplaatsingen": 1,
    },
    "nl.opvang.bewoner-statushouder-geworden": {
        "persoon_id": PERSOON, "besluitdatum": "2024-03-01", "soort": "asiel",
    },
    "nl.opvang.bewoner-uitgestroomd": {
        "persoon_id": PERSOON, "locatie_id": None, "datum": "2024-05-01", "reden": "gehuisvest",
    },
    "nl.statushouders.huisvestingsdossier-geopend": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "personen": [PERSOON],
        "koppeldatum": "2024-03-10", "termijn_verloopt_op": "2024-05-19",
    },
    "nl.statushouders.taakstelling-geregistreerd": {"periode": "2024-H1", "aantal": 187},
    "nl.statushouders.woning-aangeboden": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "woning_id": "talis-4711", "wijk": "Dukenburg",
        "soort": "regulier", "max_bewoners": 4, "huishoudgrootte": 2, "datum": "2024-04-02",
        "verhuistermijn_verloopt_op": "2024-04-16",
    },
    "nl.statushouders.aanbod-geaccepteerd": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "woning_id": "talis-4711", "datum": "2024-04-05",
    },
    "nl.statushouders.aanbod-geweigerd": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "woning_id": "talis-4711", "datum": "2024-04-05",
        "reden": "te ver van school",
    },
    "nl.statushouders.verhuisd": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "personen": [PERSOON], "woning_id": "talis-4711",
        "woningsoort": "regulier", "datum": "2024-04-12", "verhuistermijn_gehaald": True,
        "eerste_huisvesting": True,
    },
    "nl.statushouders.aanbod-ingetrokken": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "woning_id": "talis-4711", "datum": "2024-04-20",
        "reden": "niet gereageerd binnen de verhuistermijn",
    },
    "nl.statushouders.huisvestingsdossier-geblokkeerd": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "ontbreekt": ["bsn", "iban"], "datum": "2024-03-10",
    },
    "nl.statushouders.huisvestingsdossier-gedeblokkeerd": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "datum": "2024-03-20", "geblokkeerd_sinds": "2024-03-10",
    },
    "nl.statushouders.nareiziger-toegevoegd": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "nareiziger_id": PERSOON, "huishoudgrootte": 3,
        "datum": "2024-06-01", "vervolgbehoefte": False,
    },
    "nl.statushouders.huisvestingstermijn-verstreken": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "verlopen_op": "2024-05-19",
    },
    "nl.statushouders.verhuistermijn-verstreken": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "woning_id": "talis-4711",
        "verlopen_op": "2024-04-16",
    },
    "nl.inburgeraars.inburgeringstraject-gestart": {
        "traject_id": TRAJECT, "persoon_id": PERSOON, "koppeldatum": "2024-03-10",
        "intaketermijn_verloopt_op": "2024-05-19",
    },
    "nl.inburgeraars.brede-intake-afgerond": {
        "traject_id": TRAJECT, "persoon_id": PERSOON, "datum": "2024-04-20", "leerroute": "B1",
        "binnen_termijn": True,
    },
    "nl.inburgeraars.intaketermijn-verstreken": {
        "traject_id": TRAJECT, "persoon_id": PERSOON, "verlopen_op": "2024-05-19",
    },
    **VOORBEELDEN_INBURGERING,
    "nl.mzd.zaak-geopend": {
        "zaak_id": ZAAK, "persoon_id": PERSOON, "besluitdatum": "2024-03-01",
        "vertrektermijn_verloopt_op": "2024-03-29",
    },
    "nl.mzd.toegelaten-tot-bbb": {"zaak_id": ZAAK, "persoon_id": PERSOON, "datum": "2024-03-30"},
    "nl.mzd.persoon-gelegaliseerd": {
        "zaak_id": ZAAK, "persoon_id": PERSOON, "besluitdatum": "2024-09-02", "soort": "regulier",
    },
    "nl.mzd.vertrektermijn-verstreken": {
        "zaak_id": ZAAK, "persoon_id": PERSOON, "verlopen_op": "2024-03-29",
    },
    "nl.begeleiding.maatschappelijke-begeleiding-gestart": {"vnummer": VNUMMER, "datum": "2024-04-15"},
    "nl.begeleiding.maatschappelijke-begeleiding-verlengd": {
        "vnummer": VNUMMER, "datum": "2024-12-01", "einddatum": "2025-02-15",
    },
    "nl.begeleiding.maatschappelijke-begeleiding-beeindigd": {"vnummer": VNUMMER, "datum": "2025-01-31"},
    "nl.inburgeraars.maatschappelijke-begeleiding-gestart": {
        "begeleiding_id": TRAJECT, "persoon_id": PERSOON, "datum": "2024-04-15", "einddatum": "2024-12-15",
        "uiterste_einddatum": "2025-04-15",
    },
    "nl.inburgeraars.maatschappelijke-begeleiding-verlengd": {
        "begeleiding_id": TRAJECT, "persoon_id": PERSOON, "datum": "2024-12-01", "einddatum": "2025-02-15",
        "vorige_einddatum": "2024-12-15", "heropend": False,
    },
    "nl.inburgeraars.maatschappelijke-begeleiding-beeindigd": {
        "begeleiding_id": TRAJECT, "persoon_id": PERSOON, "datum": "2025-01-31", "reden": "beeindigd-door-vwn",
    },
    "nl.inburgeraars.participatietrede-gemeten": {"persoon_id": PERSOON, "datum": "2024-06-01", "trede": 4},
    "nl.vreemdelingen.asielaanvraag-ingediend": {"vnummer": VNUMMER, "datum": "2024-06-03", "herhaald": True},
    "nl.vreemdelingen.verblijfsvergunning-ingetrokken": {"vnummer": VNUMMER, "datum": "2024-06-03"},
    "nl.bbb.persoon-geplaatst": {"vnummer": VNUMMER, "organisatie": "snov", "datum": "2024-04-02"},
    "nl.bbb.persoon-vertrokken": {"vnummer": VNUMMER, "organisatie": "snov", "datum": "2024-09-30",
                                  "reden": "doormigratie"},
    "nl.mzd.zaak-heropend": {
        "zaak_id": ZAAK, "persoon_id": PERSOON, "besluitdatum": "2024-11-04", "vertrektermijn_verloopt_op": "2024-12-02",
        "aanleiding": "afwijzing",
    },
    "nl.mzd.procedure-gestart": {"zaak_id": ZAAK, "persoon_id": PERSOON, "datum": "2024-06-03"},
    "nl.mzd.bbb-aangevraagd": {"zaak_id": ZAAK, "persoon_id": PERSOON, "datum": "2024-03-25"},
    "nl.mzd.bbb-beoordeeld": {
        "zaak_id": ZAAK, "persoon_id": PERSOON, "datum": "2024-03-30", "toegelaten": False,
        "weigerredenen": ["geen-binding"],
    },
    "nl.mzd.bbb-geplaatst": {"zaak_id": ZAAK, "persoon_id": PERSOON, "organisatie": "stichting-gast",
                             "datum": "2024-04-02"},
    "nl.mzd.bbb-vertrokken": {"zaak_id": ZAAK, "persoon_id": PERSOON, "organisatie": "stichting-gast",
                              "datum": "2024-09-30", "reden": "terugkeer"},
    "nl.mzd.perspectief-vastgesteld": {"zaak_id": ZAAK, "persoon_id": PERSOON, "perspectief": "terugkeer",
                                       "datum": "2024-05-01"},
    "nl.mzd.uitgestroomd": {"zaak_id": ZAAK, "persoon_id": PERSOON, "datum": "2024-09-30", "reden": "terugkeer"},
    "nl.statushouders.huisvestingstermijn-herzien": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "verlopen_op": "2024-05-19", "gehaald_op": "2024-05-10",
        "reden": "woning-aangeboden",
    },
    "nl.statushouders.verhuistermijn-herzien": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "woning_id": "talis-4711", "verlopen_op": "2024-04-16",
        "gehaald_op": "2024-04-12", "reden": "verhuisd",
    },
    "nl.statushouders.iban-registratie-gecorrigeerd": {
        "persoon_id": PERSOON, "datum": "2024-02-14", "oude_datum": "2024-12-14", "reden": "typefout in het jaar",
    },
    "nl.statushouders.huisvestingsdossier-deblokkering-gecorrigeerd": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "datum": "2024-02-14", "oude_datum": "2024-12-14",
        "geblokkeerd_sinds": "2024-01-10", "reden": "typefout in het jaar",
    },
    "nl.statushouders.aanbod-acceptatie-gecorrigeerd": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "woning_id": "talis-4711", "datum": "2024-04-05",
        "oude_datum": "2024-04-15", "reden": "verkeerde dag ingevoerd",
    },
    "nl.statushouders.aanbod-weigering-gecorrigeerd": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "woning_id": "talis-4711", "datum": "2024-04-05",
        "oude_datum": "2024-04-15", "weigerreden": "te ver van school", "oude_weigerreden": "te klein",
        "reden": "verkeerde dag en reden ingevoerd",
    },
    "nl.statushouders.aanbod-intrekking-gecorrigeerd": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "woning_id": "talis-4711", "datum": "2024-04-20",
        "oude_datum": "2024-04-25", "intrekreden": "geen reactie", "oude_intrekreden": "geen reactie binnen de termijn",
        "reden": "verkeerde dag ingevoerd",
    },
    "nl.statushouders.verhuizing-gecorrigeerd": {
        "dossier_id": DOSSIER, "persoon_id": PERSOON, "personen": [PERSOON], "woning_id": "talis-4711",
        "woningsoort": "regulier", "datum": "2024-04-12", "oude_datum": "2024-04-21",
        "verhuistermijn_gehaald": True, "eerste_huisvesting": True, "reden": "verkeerde dag ingevoerd",
    },
    "nl.inburgeraars.intaketermijn-herzien": {
        "traject_id": TRAJECT, "persoon_id": PERSOON, "verlopen_op": "2024-05-19", "gehaald_op": "2024-05-02",
        "reden": "brede-intake-afgerond",
    },
    "nl.inburgeraars.brede-intake-gecorrigeerd": {
        "traject_id": TRAJECT, "persoon_id": PERSOON, "datum": "2024-04-20", "oude_datum": "2024-06-20",
        "leerroute": "B1", "oude_leerroute": "z-route", "binnen_termijn": True, "reden": "verkeerde maand ingevoerd",
    },
    "nl.mzd.bbb-toelating-gecorrigeerd": {
        "zaak_id": ZAAK, "persoon_id": PERSOON, "datum": "2024-03-30", "oude_datum": "2024-04-30",
        "reden": "verkeerde maand ingevoerd",
    },
    "nl.opvang.bewoner-uitstroom-gecorrigeerd": {
        "persoon_id": PERSOON, "locatie_id": "azc-heumensoord", "datum": "2024-04-12", "oude_datum": "2024-04-21",
        "reden": "verhuizing-gecorrigeerd",
    },
    "nl.opvang.spreidingstaakstelling-vastgesteld": {
        "gemeentecode": "0268", "cyclus": "2024-2026", "fase": "indicatief", "plekken": 817, "amv_plekken": 69,
        "realiseren_per": "2025-07-01", "besluitdatum": "2024-02-01",
    },
    "nl.opvang.locatie-geopend": {
        "locatie_id": "azc-stieltjesstraat", "naam": "Stieltjesstraat", "gemeentecode": "0268", "soort": "noodopvang",
        "capaciteit": 120, "datum": "2023-03-01", "geplande_sluiting": "2027-09-30",
    },
    "nl.opvang.locatie-capaciteit-gewijzigd": {"locatie_id": "azc-stieltjesstraat", "capaciteit": 150, "datum": "2024-09-01"},
    "nl.opvang.locatie-gesloten": {"locatie_id": "azc-stieltjesstraat", "datum": "2027-09-30"},
    "nl.opvang.locatie-geregistreerd": {
        "locatie_id": "tgo-tarweweg", "naam": "Tarweweg", "soort": "oekraine", "beheerder": "gemeente",
        "capaciteit": 300, "datum": "2022-04-01", "geplande_sluiting": "2025-12-31",
    },
    "nl.opvang.locatie-capaciteit-geregistreerd": {"locatie_id": "tgo-tarweweg", "capaciteit": 250, "datum": "2024-09-01"},
    "nl.opvang.locatie-sluiting-geregistreerd": {"locatie_id": "tgo-tarweweg", "datum": "2025-12-31"},
    "nl.opvang.spreidingstaakstelling-geregistreerd": {
        "cyclus": "2024-2026", "fase": "indicatief", "plekken": 817, "amv_plekken": 69, "realiseren_per": "2025-07-01",
        "besluitdatum": "2024-02-01",
    },
    "nl.opvang.tijdelijke-bescherming-verlengd": {"einddatum": "2027-03-04", "besluitdatum": "2025-06-13"},
    "nl.opvang.ontheemde-geregistreerd": {"persoon_id": PERSOON, "datum": "2024-03-01"},
    "nl.opvang.ontheemde-geplaatst": {
        "persoon_id": PERSOON, "opvangsoort": "gemeentelijk", "locatie_id": "waalhaven", "datum": "2024-03-01",
    },
    "nl.opvang.ontheemde-verplaatst": {
        "persoon_id": PERSOON, "van_opvangsoort": "gemeentelijk", "van_locatie_id": "waalhaven",
        "naar_opvangsoort": "particulier", "naar_locatie_id": None, "datum": "2024-09-01", "verplaatsingen": 1,
    },
    "nl.opvang.ontheemde-vertrokken": {
        "persoon_id": PERSOON, "opvangsoort": "particulier", "locatie_id": None, "datum": "2025-01-31",
        "reden": "terugkeer",
    },
    "nl.opvang.eigen-bijdrage-vastgesteld": {
        "persoon_id": PERSOON, "datum": "2024-07-01", "plichtig": False, "vrijstellingsgrond": "geen-inkomen",
    },
    "nl.opvang.tijdelijke-bescherming-beeindigd": {"einddatum": "2026-03-04"},
    "nl.opvang.tijdelijke-bescherming-verschoven": {
        "einddatum": "2027-03-04", "vorige_einddatum": "2026-03-04", "besluitdatum": "2025-06-13", "heropend": False,
    },
}

IND = REGISTRY["nl.vreemdelingen.verblijfsvergunning-verleend"]
TIJD = dt.datetime(2024, 3, 2, 9, 30, tzinfo=dt.timezone.utc)


def _soort_ids(soort: Eventsoort) -> str:
    return soort.type


def _event(soort: Eventsoort = IND, **data: Any):
    gegevens = soort.schema.model_validate_json(json.dumps({**VOORBEELDEN[soort.type], **data}))
    return maak(
        soort, service="opvang", id=uuid.uuid4(), subject=PERSOON, data=gegevens, time=TIJD, sequence=7
    )
