"""The demo's inburgering at Nijmegen's scale: DUO's signals on keten.duo for the statushouders, gezinsmigranten and the
old law, and the klantregisseurs' work through the HTTP API with a waiting list for the brede intake."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from scenario_hulp import gespeeld, rapport, scenario, van

from events import brp, coa, duo
from services.demo.huishoudens import EINDE
from services.demo import inburgering
from services.demo.inburgering import regel
from services.demo.scenario import genereer

SIGNALEN = van(duo.DUO_SIGNAAL_ONTVANGEN)


def test_duo_signals_every_code_family_up_to_the_scenarios_end_for_three_groups_of_persons():
    codes = Counter(s["gebeurtenis_id"] for s in SIGNALEN)
    doelgroepen = Counter((s["gegevens"]["doelgroep"], s["gegevens"]["begindatum"] < "2021-07-01")
                          for s in SIGNALEN if s["gebeurtenis_id"] == "SS101")
    gekoppeld = {lid["vnummer"] for k in van(coa.GEKOPPELD_AAN_GEMEENTE) for lid in k["huishouden"]}

    assert {"SS101", "SS102", "SS103", "SS104", "SS106", "SS107", "SS108", "SS109", "SS110", "SS121", "SS125",
            "SS129", "SS131", "SS137", "SS139", "SS199"} <= set(codes)
    assert max(s["registratiedatum"] for s in SIGNALEN) <= EINDE.isoformat()
    assert 450 <= doelgroepen[("gezinsmigrant", False)] <= 600  # about 150 a year from July 2021
    assert 500 <= doelgroepen[("asielstatushouder", True)] + doelgroepen[("gezinsmigrant", True)] <= 700  # old law
    volwassen = {lid["vnummer"] for k in van(coa.GEKOPPELD_AAN_GEMEENTE) for lid in k["huishouden"]
                 if lid["geboortedatum"] <= f"{int(k['koppeldatum'][:4]) - 18}{k['koppeldatum'][4:]}"}
    van_bsn = {i["bsn"]: i["vnummer"] for i in van(brp.INGESCHREVEN_IMMIGRATIE)}
    plichtig = {s.get("vnummer") or van_bsn[s["bsn"]] for s in SIGNALEN if s["gebeurtenis_id"] in ("SS101", "SS139")}
    assert 0.9 < len(volwassen & plichtig) / len(volwassen) < 0.98  # a few never or not yet: the attention list
    assert plichtig & (gekoppeld - volwassen)  # and children who turned 18
    assert 0 < sum(1 for s in SIGNALEN if "vnummer" not in s) < len(SIGNALEN) / 50  # a few with only the BSN


def test_the_played_demo_has_the_caseload_of_nijmegen_and_a_waiting_list_for_the_intake():
    _, personeel, afgewezen = gespeeld()
    eind, eerder = rapport(EINDE, "inburgering"), rapport(dt.date(2023, 6, 30), "inburgering")

    assert afgewezen == [] and not personeel.geweigerd
    assert {"uitnodiging", "intake", "pip", "pip-gewijzigd", "leerroute", "pvt", "map", "z-route", "voortgangsgesprek",
            "oude-wet-verzoek"} <= set(personeel.gedaan)
    caseload = eind["caseload"]
    assert 500 <= caseload["asielstatushouder"] + caseload["nareiziger"] <= 800  # seed 001 §3.1: about 700
    assert 280 <= caseload["gezinsmigrant"] <= 420 and 200 <= caseload["oude-wet"] <= 400  # about 350 and 300
    assert eind["intake_wachtlijst"] > 100
    assert 0.40 <= eind["leerroutes_binnen_10_weken"]["aandeel"] <= 0.75 < eerder["leerroutes_binnen_10_weken"]["aandeel"]
    assert eind["plan"]["route_gestart"] < eind["plan"]["pip_vastgesteld"]  # gezinsmigranten pay their own route
    assert eind["plan"]["voortgang_gemist"] > 0 and eind["plicht"]["oude_wet_op_verzoek"] > 0
    lijst = eind["aandachtslijst"]
    assert lijst["zonder_duo_signaal"] > 0 and lijst["onbekend_bij_duo"] > 0
    assert regel(EINDE, {"inburgering": eind}).startswith(f"demo: peildatum {EINDE}: inburgering caseload asielstatushouder ")


def test_the_duo_signals_come_last_so_the_scenarios_other_events_are_as_without_them(monkeypatch):
    monkeypatch.setattr(inburgering, "duo_signalen", lambda *args: None)

    assert genereer() == [e for e in scenario() if e["type"] != duo.DUO_SIGNAAL_ONTVANGEN]
