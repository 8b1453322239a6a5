"""What the begeleiding and participatie tests play: VWN's events, klantregisseurs' commands through inburgering's table, and the report."""

from __future__ import annotations

import datetime as dt
from typing import Any

from application_hulp import bericht

from events import vwn
from events.envelope import Bericht
from services import catalogus
from services.inburgering import translation
from services.inburgering.application import Inburgering
from services.rapportage.projectie import herbouw

D = dt.date
ENV = {"PERSISTENCE_MODULE": "eventsourcing.popo"}
VWN = "urn:nld:vluchtelingenwerk"
AMAL, BILAL, CELAL = "4010000001", "4010000002", "4010000003"
OPDRACHT = {o.naam: o for o in catalogus.per_naam()["inburgering"].commands}
MATRIX = {"financien": 2, "sociaal_netwerk": 2, "werk_en_opleiding": 1, "maatschappelijke_participatie": 3,
          "huisvesting": 3, "fysieke_gezondheid": 4, "mentale_gezondheid": 3}
"""A zelfredzaamheidsmatrix as a klantregisseur sends it."""


def inburgering(vandaag: dt.date = D(2030, 1, 1)) -> Inburgering:
    """Inburgering in memory; `vandaag` far enough ahead for every date the tests use."""
    return Inburgering(env=ENV, pseudoniem_sleutel="test", vandaag=lambda: vandaag)


def gestart(vnummer: str, datum: dt.date) -> Bericht:
    return bericht(vwn.MAATSCHAPPELIJKE_BEGELEIDING_GESTART, {"vnummer": vnummer, "datum": datum.isoformat()},
                   source=VWN)


def verlengd(vnummer: str, datum: dt.date, einddatum: dt.date | None = None) -> Bericht:
    data = {"vnummer": vnummer, "datum": datum.isoformat()}
    if einddatum is not None:
        data["einddatum"] = einddatum.isoformat()
    return bericht(vwn.MAATSCHAPPELIJKE_BEGELEIDING_VERLENGD, data, source=VWN)


def beeindigd(vnummer: str, datum: dt.date) -> Bericht:
    return bericht(vwn.MAATSCHAPPELIJKE_BEGELEIDING_BEEINDIGD, {"vnummer": vnummer, "datum": datum.isoformat()},
                   source=VWN)


def geweigerd(app: Inburgering, *berichten: Bericht) -> list[str]:
    """The reasons of the inputs a batch sent to the DLQ."""
    return [reden for _, reden in app.verwerk_batch(list(berichten))]


def geef(app: Inburgering, opdracht_naam: str, **body: Any) -> object:
    """One staff command of inburgering's tables, as the API carries it out (the body validated by its model)."""
    opdracht = OPDRACHT[opdracht_naam]
    return opdracht.voer_uit(app, opdracht.verzoek.model_validate(body), None)


def matrix(app: Inburgering, vnummer: str, datum: dt.date, **scores: int) -> object:
    return geef(app, "zelfredzaamheid", vnummer=vnummer, datum=datum.isoformat(), **{**MATRIX, **scores})


def rapport(app: Inburgering, peildatum: dt.date) -> dict[str, Any]:
    """Inburgering's figures as known on the peildatum, rebuilt from the app's stored events."""
    return herbouw({"inburgering": app}).rapport(peildatum)["inburgering"]


def bus(app: Inburgering) -> list[tuple[str, dict[str, Any]]]:
    """Every bus event inburgering's relay would publish, in stored order, with its data as JSON."""
    return [(t, d.model_dump(mode="json")) for n in app.recorder.select_notifications(1, 100_000)
            for t, _, d in translation.vertaal(app.mapper.to_domain_event(n))]


def opgeslagen_tekst(app: Inburgering) -> str:
    """Everything inburgering has stored, as text."""
    return "\n".join(f"{n.topic} {n.state.decode(errors='replace')}" for n in app.recorder.select_notifications(1, 100_000))
