"""Huisvesting's staff commands (woonconsulenten): offers, moves and IBANs."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from events.base import Vnummer
from services.runtime.commands import Opdracht, Verzoek

ROLLEN = ("woonconsulent",)


class Aanbod(Verzoek):
    vnummer: Vnummer = Field(description="V-nummer of the household's main person")
    woning_id: str = Field(description="the offered home")
    datum: dt.date


class AanbodMetReden(Aanbod):
    reden: str = Field(min_length=1, max_length=200, description="why (no personal data)")


class Iban(Verzoek):
    vnummer: Vnummer = Field(description="V-nummer of the person (the household's main person unblocks it)")
    iban: str = Field(min_length=15, max_length=40, description="checked (ISO 13616), never stored")
    datum: dt.date


COMMANDS = (
    Opdracht(
        "huisvesting", "accepteer", "aanbod-acceptaties", Aanbod, ROLLEN,
        lambda app, uow, persoon, v: app.accepteer(uow, persoon, v.woning_id, v.datum),
        "Record that the household accepted the offered home.",
        cli_namen={"woning_id": "woning"},
    ),
    Opdracht(
        "huisvesting", "weiger", "aanbod-weigeringen", AanbodMetReden, ROLLEN,
        lambda app, uow, persoon, v: app.weiger(uow, persoon, v.woning_id, v.datum, v.reden),
        "Record that the household refused the offered home (it goes to the next household).",
        cli_namen={"woning_id": "woning"},
    ),
    Opdracht(
        "huisvesting", "verhuis", "verhuizingen", Aanbod, ROLLEN,
        lambda app, uow, persoon, v: app.verhuis(uow, persoon, v.woning_id, v.datum),
        "Record that the household moved into its home.",
        cli_namen={"woning_id": "woning"},
    ),
    Opdracht(
        "huisvesting", "trek-in", "aanbod-intrekkingen", AanbodMetReden, ROLLEN,
        lambda app, uow, persoon, v: app.trek_in(uow, persoon, v.woning_id, v.datum, v.reden),
        "Withdraw an offer whose 2-week move term expired (the home goes to the next household).",
        cli_namen={"woning_id": "woning"},
    ),
    Opdracht(
        "huisvesting", "iban", "ibans", Iban, ROLLEN,
        lambda app, uow, persoon, v: app.registreer_iban(uow, persoon, v.iban, v.datum),
        "Register that a person has a valid IBAN (checked, then only its existence is recorded; "
        "a missing IBAN of the main person blocks housing).",
    ),
)
