"""The demo's VWN and klantregisseurs: begeleidingen for the linked adults (some extended, some ended), participatie measured after the intake, none refused."""

from __future__ import annotations

import datetime as dt

from scenario_hulp import gespeeld, rapport, van

from events import coa, vwn
from services.demo.huishoudens import EINDE


def test_vwn_begeleidt_the_linked_adults_and_only_dates_its_events_up_to_the_scenarios_end():
    gestart = van(vwn.MAATSCHAPPELIJKE_BEGELEIDING_GESTART)
    gekoppeld = {lid["vnummer"] for k in van(coa.GEKOPPELD_AAN_GEMEENTE) for lid in k["huishouden"]}
    verlengd, beeindigd = van(vwn.MAATSCHAPPELIJKE_BEGELEIDING_VERLENGD), van(vwn.MAATSCHAPPELIJKE_BEGELEIDING_BEEINDIGD)

    assert len(gestart) > 200 and {g["vnummer"] for g in gestart} <= gekoppeld
    assert len(gestart) / 5 < len(verlengd) < len(gestart) / 2 and 0 < len(beeindigd) < len(verlengd)
    assert max(dt.date.fromisoformat(e["datum"]) for e in gestart + verlengd + beeindigd) <= EINDE


def test_the_played_demo_reports_begeleidingen_run_out_and_participatie_measured_without_refusals():
    _, personeel, afgewezen = gespeeld()
    oktober = rapport(dt.date(2024, 10, 1), "inburgering")

    assert afgewezen == [] and not personeel.geweigerd
    assert personeel.gedaan["trede"] == personeel.gedaan["zelfredzaamheid"] > 500
    b, p = oktober["begeleiding"], oktober["participatie"]
    assert b["lopend"] > 50 and b["afgelopen"]["termijn_verstreken"] > b["afgelopen"]["beeindigd_door_vwn"] > 0
    assert b["duur_dagen"]["p90"] <= 367, "never past 12 months"
    assert p["gemeten"] > 200 and all(p["per_trede"][t] > 0 for t in "123456")
