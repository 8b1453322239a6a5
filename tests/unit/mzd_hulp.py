"""What the mzd tests share: the IND's and the BBB organisations' messages, staff's commands through mzd's command table, and the reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from application_hulp import ENV, IND, afwijzing, bericht

from events import bbb, ind
from events.envelope import Bericht
from services.mzd.application import Mzd
from services.mzd.commands import COMMANDS
from services.mzd.domain.zaak import Zaak
from services.rapportage.projectie import herbouw

BBB_ORGANISATIE = "urn:nld:bbb:snov"
OPDRACHTEN = {o.naam: o for o in COMMANDS}

__all__ = ["afwijzing", "ingediend", "ingetrokken", "vergunning", "geplaatst", "vertrokken", "mzd", "opdracht",
           "rapport", "historie"]


def ingediend(vnummer: str, datum: dt.date, herhaald: bool = True) -> Bericht:
    return bericht(ind.ASIELAANVRAAG_INGEDIEND, {"vnummer": vnummer, "datum": datum.isoformat(), "herhaald": herhaald},
                   source=IND)


def ingetrokken(vnummer: str, datum: dt.date) -> Bericht:
    return bericht(ind.VERBLIJFSVERGUNNING_INGETROKKEN, {"vnummer": vnummer, "datum": datum.isoformat()}, source=IND)


def vergunning(vnummer: str, datum: dt.date, soort: str = "asiel") -> Bericht:
    return bericht(ind.VERBLIJFSVERGUNNING_VERLEEND, {"vnummer": vnummer, "besluitdatum": datum.isoformat(),
                                                      "soort": soort}, source=IND)


def geplaatst(vnummer: str, organisatie: str, datum: dt.date) -> Bericht:
    return bericht(bbb.PERSOON_GEPLAATST, {"vnummer": vnummer, "organisatie": organisatie,
                                           "datum": datum.isoformat()}, source=BBB_ORGANISATIE)


def vertrokken(vnummer: str, organisatie: str, datum: dt.date, reden: str = "terugkeer") -> Bericht:
    return bericht(bbb.PERSOON_VERTROKKEN, {"vnummer": vnummer, "organisatie": organisatie,
                                            "datum": datum.isoformat(), "reden": reden}, source=BBB_ORGANISATIE)


def mzd() -> Mzd:
    return Mzd(env=ENV, pseudoniem_sleutel="test")


def opdracht(app: Mzd, naam: str, vnummer: str, **velden: Any) -> None:
    """A staff command as the API gives it: validated by its request model, carried out once."""
    o = OPDRACHTEN[naam]
    body = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in velden.items()}
    o.voer_uit(app, o.verzoek.model_validate({"vnummer": vnummer, **body}), None)


def rapport(app: Mzd, *peildata: dt.date) -> dict[dt.date, dict[str, Any]]:
    """Mzd's report on each peildatum, from a fresh build of its view."""
    return {d: r["mzd"] for d, r in herbouw({app.name: app}).rapporten(list(peildata)).items()}


def historie(app: Mzd, vnummer: str) -> list[str]:
    return [type(e).__name__ for e in app.events.get(Zaak.create_id(app.persoon(vnummer)))]
