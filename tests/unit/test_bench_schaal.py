"""The national-scale benchmark's generator: several gemeenten in one store per service, each reported apart, the same for the same seed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from services import catalogus
from services.bench.geschiedenis import Gemeente, geschiedenis, vnummers
from services.bench.schrijver import Schrijver
from services.rapportage.projectie import Projectie
from services.runtime.relay import Relay

SEED = 11
PEILDATUM = dt.date(2024, 9, 30)


def kleine_gemeenten(seed: int = SEED) -> list[Gemeente]:
    return [Gemeente("0268", 0, 12, seed), Gemeente("0001", 1, 12, seed)]


def schrijf(map_: Path | None, seed: int = SEED) -> tuple[dict[str, Any], Schrijver]:
    """The generator on a SQLite file per service in `map_`, or on in-memory stores."""
    def env(service: str) -> dict[str, str]:
        if map_ is None:
            return {"PERSISTENCE_MODULE": "eventsourcing.popo"}
        return {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(map_ / f"{service}.sqlite"),
                "CREATE_TABLE": "y"}

    apps = {s.name: s.application(env=env(s.name), pseudoniem_sleutel="test") for s in catalogus.alle()}
    schrijver = Schrijver(apps, kleine_gemeenten(seed), 1)
    schrijver.schrijf()
    return apps, schrijver


def opgeslagen(apps: dict[str, Any]) -> dict[str, list[tuple[str, int]]]:
    """Per store its notification log: (topic, originator_version) in stored order."""
    uit = {}
    for naam, app in apps.items():
        uit[naam] = [(n.topic, n.originator_version) for n in app.recorder.select_notifications(1, 10**6)]
    return uit


def rapporten(apps: dict[str, Any]) -> dict[str, dict[str, Any]]:
    projectie = Projectie(apps, gemeentecode="0268")
    projectie.bij()
    return {g.code: projectie.rapport(PEILDATUM, g.code) for g in kleine_gemeenten()}


def test_two_gemeenten_share_each_store_and_the_views_report_each_apart(tmp_path: Path):
    apps, schrijver = schrijf(tmp_path)
    huisvesting = apps["huisvesting"]
    geopend = [huisvesting.mapper.to_domain_event(n) for n in huisvesting.recorder.select_notifications(1, 10**6)
               if n.topic.endswith("Huisvestingsdossier.Geopend")]
    per_gemeente = rapporten(apps)

    assert {e.gemeentecode for e in geopend} == {"0268", "0001"}
    assert not set(schrijver.vnummers["0268"]) & set(schrijver.vnummers["0001"])
    assert schrijver.afgewezen == []
    assert {"verhuisd", "iban", "intake"} <= set(schrijver._gedaan())
    for code, rapport in per_gemeente.items():
        h = rapport["huisvesting"]
        assert h["taakstelling"] > 0 and h["dossiers_open"] > 0 and h["gerealiseerd"] > 0, (code, h)
        assert rapport["inburgering"]["trajecten"] > 0, code
        assert rapport["opvang"]["bewoners_in_opvang"] > 0 and rapport["mzd"]["zaken_open"] > 0, code
    assert per_gemeente["0268"]["huisvesting"] != per_gemeente["0001"]["huisvesting"]
    for naam, app in apps.items():  # the history counts as published: a stack's relays start at its end
        relay = Relay(app, catalogus.per_naam()[naam].translation, None)  # type: ignore[arg-type]
        assert app.process_recorder.max_tracking_id(relay.naam) == app.recorder.max_notification_id()
        app.close()


def test_the_same_seed_writes_the_same_history_and_another_seed_another():
    eerste, _ = schrijf(None)
    tweede, _ = schrijf(None)

    assert opgeslagen(eerste) == opgeslagen(tweede)
    assert rapporten(eerste) == rapporten(tweede)
    gemeente = kleine_gemeenten()[0]
    assert geschiedenis(gemeente, 1) == geschiedenis(gemeente, 1)
    assert vnummers(geschiedenis(gemeente, 1)) != vnummers(geschiedenis(kleine_gemeenten(SEED + 1)[0], 1))
