"""What the huisvesting report tests play: the chain's messages, the staff's commands, and the report
as known on a peildatum, rebuilt from the stored events of the real application."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from typing import Any

from events import brp, coa, corporaties, rijk
from events.envelope import Bericht, uit_json, valideer
from services.huisvesting.application import Huisvesting
from services.rapportage.projectie import herbouw

D = dt.date
DAG = dt.timedelta(days=1)
VOLWASSEN = D(1990, 1, 1)
ENV = {"PERSISTENCE_MODULE": "eventsourcing.popo"}


def rapport(app: Huisvesting, peildatum: dt.date) -> dict[str, Any]:
    """Huisvesting's report as known on the peildatum, rebuilt from the app's stored events."""
    return herbouw({"huisvesting": app}).rapport(peildatum)["huisvesting"]


# -- the chain's messages and the staff's commands -------------------------------------------

_vnummers = (f"{n:010d}" for n in itertools.count(1_000_000_001))


def bericht(type_: str, data: dict[str, Any], source: str) -> Bericht:
    return valideer(uit_json({
        "specversion": "1.0", "id": str(uuid.uuid4()), "source": source, "type": type_,
        "time": "2024-01-01T09:00:00Z", "datacontenttype": "application/json", "data": data,
    }))


def taakstelling(periode: str, aantal: int, amv_aantal: int | None = None) -> Bericht:
    return bericht(
        rijk.TAAKSTELLING_VASTGESTELD,
        {"gemeentecode": "0268", "periode": periode, "aantal": aantal, "amv_aantal": amv_aantal},
        "urn:nld:rijk",
    )


def koppeling(koppeldatum: dt.date, grootte: int = 1, geboren: dt.date = VOLWASSEN) -> tuple[str, Bericht]:
    """A new household of `grootte` persons linked to Nijmegen; its main person's vnummer."""
    leden = [next(_vnummers) for _ in range(grootte)]
    return leden[0], bericht(
        coa.GEKOPPELD_AAN_GEMEENTE,
        {
            "vnummer": leden[0], "gemeentecode": "0268", "koppeldatum": koppeldatum.isoformat(),
            "huishouden": [{"vnummer": v, "geboortedatum": geboren.isoformat()} for v in leden],
        },
        "urn:nld:coa",
    )


def woning(
    woning_id: str, max_bewoners: int, per: dt.date, wijk: str = "Dukenburg", soort: str = "regulier"
) -> Bericht:
    return bericht(
        corporaties.WONING_BESCHIKBAAR_GESTELD,
        {"woning_id": woning_id, "wijk": wijk, "soort": soort, "max_bewoners": max_bewoners,
         "beschikbaar_per": per.isoformat()},
        "urn:nld:corporatie:talis",
    )


def inschrijving(vnummer: str, datum: dt.date) -> Bericht:
    return bericht(
        brp.INGESCHREVEN_IMMIGRATIE, {"vnummer": vnummer, "bsn": "111222333", "datum": datum.isoformat()},
        "urn:nld:brp",
    )


def ontvang(app: Huisvesting, *berichten: Bericht) -> None:
    assert app.verwerk_batch(list(berichten)) == []


def verhuis(app: Huisvesting, vnummer: str, woning_id: str, datum: dt.date) -> None:
    """The household accepts the offered home and moves in on `datum`."""
    persoon = app.persoon(vnummer)
    app.voer_uit(lambda uow: app.accepteer(uow, persoon, woning_id, datum - DAG))
    app.voer_uit(lambda uow: app.verhuis(uow, persoon, woning_id, datum))


def huisvest(app: Huisvesting, personen: int, van: dt.date, tot: dt.date) -> None:
    """Households of 1, 2, 3, 4, 1, 2, ... persons, `personen` in all, each linked 60 days before it
    moves into a regular home of its size; the moves spread evenly from `van` to `tot`."""
    groottes = []
    for grootte in itertools.cycle((1, 2, 3, 4)):
        if sum(groottes) + grootte > personen:
            if sum(groottes) < personen:
                groottes.append(personen - sum(groottes))
            break
        groottes.append(grootte)
    dagen = (tot - van).days
    berichten, verhuizingen = [], []
    for i, grootte in enumerate(groottes):
        datum = van + dt.timedelta(days=round(i * dagen / max(len(groottes) - 1, 1)))
        hoofd, k = koppeling(datum - dt.timedelta(days=60), grootte)
        berichten += [k, woning(f"W{hoofd}", grootte, datum - dt.timedelta(days=10))]
        verhuizingen.append((app.persoon(hoofd), f"W{hoofd}", datum))
    ontvang(app, *berichten)

    def alle_verhuizingen(uow) -> None:
        for persoon, woning_id, datum in verhuizingen:
            app.accepteer(uow, persoon, woning_id, datum - dt.timedelta(days=5))
            app.verhuis(uow, persoon, woning_id, datum)

    app.voer_uit(alle_verhuizingen)
