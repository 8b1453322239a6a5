"""Inbound events of the BBB organisations (SNOV, Stichting Gast, Wereldvrouwenhuis) on keten.bbb."""

from __future__ import annotations

from typing import Literal

from events.base import Datum, Gegevens, Vnummer

PERSOON_GEPLAATST = "nl.bbb.persoon-geplaatst"
PERSOON_VERTROKKEN = "nl.bbb.persoon-vertrokken"

Organisatie = Literal["snov", "stichting-gast", "wereldvrouwenhuis"]
"""The closed list of BBB organisations of Nijmegen (seed 001 §4.1): Stichting Noodopvang
Vluchtelingen Nijmegen, Stichting Gast and the Wereldvrouwenhuis."""
ORGANISATIES: tuple[str, ...] = Organisatie.__args__  # type: ignore[attr-defined]

Vertrekreden = Literal["terugkeer", "doormigratie", "legalisering", "andere-voorziening", "vertrokken-onbekend",
                       "overleden", "overig"]
"""Why a person left the BBB-opvang, as the organisation knows it."""
VERTREKREDENEN: tuple[str, ...] = Vertrekreden.__args__  # type: ignore[attr-defined]


class PersoonGeplaatst(Gegevens):
    """A BBB organisation took in a person the gemeente admitted to BBB-opvang (bed, bad, brood)."""

    vnummer: Vnummer
    organisatie: Organisatie
    datum: Datum


class PersoonVertrokken(Gegevens):
    """A person left the BBB-opvang of an organisation, with the reason the organisation knows."""

    vnummer: Vnummer
    organisatie: Organisatie
    datum: Datum
    reden: Vertrekreden
