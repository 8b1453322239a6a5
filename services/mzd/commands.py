"""Mzd's staff commands (mzd-medewerkers): admission to BBB-opvang, and its correction."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from services.runtime.commands import Opdracht, Verzoek

ROLLEN = ("mzd-medewerker",)


class Bbb(Verzoek):
    datum: dt.date


class BbbCorrectie(Verzoek):
    datum: dt.date = Field(description="the right date of the admission")
    reden: str = Field(min_length=1, max_length=200, description="why the admission is corrected (no personal data)")


COMMANDS = (
    Opdracht(
        "mzd", "bbb", "bbb-toelatingen", Bbb, ROLLEN,
        lambda app, uow, persoon, v: app.laat_toe_tot_bbb(uow, persoon, v.datum),
        "Admit a person to BBB-opvang.",
    ),
    Opdracht(
        "mzd", "corrigeer-bbb", "bbb-toelating-correcties", BbbCorrectie, ROLLEN,
        lambda app, uow, persoon, v: app.corrigeer_bbb_toelating(uow, persoon, v.datum, v.reden),
        "Correct the date of a recorded admission to BBB-opvang.",
    ),
)
