"""Mzd's staff commands (mzd-medewerkers): admission to BBB-opvang."""

from __future__ import annotations

import datetime as dt

from services.runtime.commands import Opdracht, Verzoek

ROLLEN = ("mzd-medewerker",)


class Bbb(Verzoek):
    datum: dt.date


COMMANDS = (
    Opdracht(
        "mzd", "bbb", "bbb-toelatingen", Bbb, ROLLEN,
        lambda app, uow, persoon, v: app.laat_toe_tot_bbb(uow, persoon, v.datum),
        "Admit a person to BBB-opvang.",
    ),
)
