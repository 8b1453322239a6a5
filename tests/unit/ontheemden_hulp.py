"""What the ontheemden tests play: staff's commands by BSN through opvang's command table, the Rijk's decisions on the temporary protection, and the report."""

from __future__ import annotations

import datetime as dt
from typing import Any

from application_hulp import bericht

from events import rijk
from events.envelope import Bericht
from services.opvang.application import Opvang
from services.opvang.commands import COMMANDS
from services.rapportage.projectie import herbouw

D = dt.date
ENV = {"PERSISTENCE_MODULE": "eventsourcing.popo"}
RIJK = "urn:nld:rijk"
OLENA, TARAS, IRYNA = "999990019", "999990032", "111222333"
"""Test BSNs (nine digits passing the elfproef); never to be found in what opvang stores or says."""
OPDRACHT = {o.naam: o for o in COMMANDS}


def opvang(vandaag: dt.date = D(2030, 1, 1)) -> Opvang:
    """Opvang in memory; `vandaag` far enough ahead for every date the tests use."""
    return Opvang(env=ENV, pseudoniem_sleutel="test", vandaag=lambda: vandaag)


def geef(app: Opvang, opdracht_naam: str, sleutel: str | None = None, **body: Any) -> object:
    """One staff command of opvang's table, as the API carries it out (the body validated by its model)."""
    opdracht = OPDRACHT[opdracht_naam]
    return opdracht.voer_uit(app, opdracht.verzoek.model_validate(body), sleutel)


def oekraine_locatie(app: Opvang, locatie_id: str, plekken: int, geopend: D = D(2022, 4, 1),
                     geplande_sluiting: D | None = None, soort: str = "oekraine") -> None:
    """The gemeente registers one of its own locations (the locations' command)."""
    geef(app, "open-locatie", locatie_id=locatie_id, naam=locatie_id.capitalize(), soort=soort, capaciteit=plekken,
         datum=geopend.isoformat(), geplande_sluiting=geplande_sluiting.isoformat() if geplande_sluiting else None)


def waalhaven_en_tarweweg(app: Opvang) -> None:
    """The ships in the Waalhaven and Tarweweg, to be replaced by 1-3-2025 and 31-12-2025."""
    oekraine_locatie(app, "waalhaven", 300, geplande_sluiting=D(2025, 3, 1))
    oekraine_locatie(app, "tarweweg", 250, geplande_sluiting=D(2025, 12, 31))


def geplaatst(app: Opvang, bsn: str, locatie_id: str, datum: D) -> None:
    """Registered and placed on one day."""
    geef(app, "registreer-ontheemde", bsn=bsn, datum=datum.isoformat())
    geef(app, "plaats-ontheemde", bsn=bsn, locatie_id=locatie_id, datum=datum.isoformat())


def verlengd(einddatum: D, besluitdatum: D, id: str | None = None) -> Bericht:
    """The Rijk's decision moving the end of the temporary protection."""
    return bericht(rijk.TIJDELIJKE_BESCHERMING_VERLENGD,
                   {"einddatum": einddatum.isoformat(), "besluitdatum": besluitdatum.isoformat()}, source=RIJK, id=id)


def rapport(app: Opvang, peildatum: D) -> dict[str, Any]:
    """The ontheemden's figures as known on the peildatum, rebuilt from the app's stored events."""
    return herbouw({"opvang": app}).rapport(peildatum)["opvang"]["ontheemden"]


def opgeslagen_tekst(app: Opvang) -> str:
    """Everything opvang has stored, as text: each record's topic and state."""
    return "\n".join(f"{n.topic} {n.state.decode(errors='replace')}" for n in app.recorder.select_notifications(1, 100_000))
