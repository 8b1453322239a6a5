"""The demo scenario: deterministic, valid, shaped like Nijmegen's figures, and played through the
four in-memory services with the demo's staff."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from scenario_hulp import GESPEELD, gespeeld, scenario, van
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

from events import brp, coa, corporaties, ind, rijk
from events.envelope import uit_json, valideer
from services.domain.leeftijd import is_amv
from services.huisvesting.domain.huisvestingsdossier import Huisvestingsdossier
from services.rapportage.projectie import herbouw
from services.demo.scenario import genereer, perioden
from services.demo.huishoudens import EINDE, iban


# -- the inputs ---------------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_events_and_another_seed_others():
    assert genereer(40, seed=7) == genereer(40, seed=7)
    assert genereer(40, seed=7) != genereer(40, seed=8)


def test_every_event_is_a_valid_inbound_cloudevent_with_a_unique_id():
    for e in scenario():
        assert valideer(uit_json(e)).soort.richting == "inkomend"
    assert len({e["id"] for e in scenario()}) == len(scenario())


def test_the_events_are_sorted_by_date_and_end_with_2024():
    tijden = [e["time"] for e in scenario()]
    assert tijden == sorted(tijden)
    assert tijden[-1] <= f"{EINDE.isoformat()}T23:59:59Z"


def test_the_taakstellingen_are_393_for_2023_and_364_for_2024_each_set_before_its_half_year():
    per_jaar: Counter[str] = Counter()
    for e in scenario():
        if e["type"] == rijk.TAAKSTELLING_VASTGESTELD:
            periode = e["data"]["periode"]
            per_jaar[periode[:4]] += e["data"]["aantal"]
            assert e["time"] < f"{periode[:4]}-{'01' if periode.endswith('H1') else '07'}-01"

    assert per_jaar == {"2023": 393, "2024": 364}


def test_more_than_half_of_the_households_are_single_persons_and_some_are_amv():
    koppelingen = van(coa.GEKOPPELD_AAN_GEMEENTE)
    alleen = [k for k in koppelingen if len(k["huishouden"]) == 1]
    amv = [k for k in alleen if is_amv([dt.date.fromisoformat(k["huishouden"][0]["geboortedatum"])],
                                       dt.date.fromisoformat(k["koppeldatum"]))]

    assert len(alleen) > len(koppelingen) / 2
    assert 0 < len(amv) < len(alleen) / 5


def test_households_are_linked_at_the_2024_pace():
    for jaar in ("2023", "2024"):
        koppelingen = [k for k in van(coa.GEKOPPELD_AAN_GEMEENTE) if k["koppeldatum"].startswith(jaar)]
        nareizigers = [v for v in van(ind.VERBLIJFSVERGUNNING_VERLEEND)
                       if v["soort"] == "nareis" and v["besluitdatum"].startswith(jaar)]
        personen = sum(len(k["huishouden"]) for k in koppelingen) + len(nareizigers)
        assert 330 <= personen <= 460, (jaar, personen)


def test_every_bsn_passes_the_elfproef_and_is_unique():
    bsns = [b["bsn"] for b in van(brp.INGESCHREVEN_IMMIGRATIE)]

    assert bsns and all(len(b) == 9 and stdnum_bsn.is_valid(b) for b in bsns)
    assert len(set(bsns)) == len(bsns)


def test_some_main_persons_are_registered_in_the_brp_only_after_their_koppeling():
    inschrijving = {b["vnummer"]: b["datum"] for b in van(brp.INGESCHREVEN_IMMIGRATIE)}
    koppelingen = van(coa.GEKOPPELD_AAN_GEMEENTE)
    laat = [k for k in koppelingen if inschrijving.get(k["vnummer"], "9999") > k["koppeldatum"]]

    assert len(koppelingen) / 10 < len(laat) < len(koppelingen) / 2


def test_the_staff_register_valid_dutch_ibans():
    import random

    rng = random.Random(1)
    rekeningen = [iban(rng) for _ in range(200)]

    assert all(r.startswith("NL") and stdnum_iban.is_valid(r) for r in rekeningen)


def test_nareizigers_follow_a_main_person_linked_earlier():
    koppeldatum = {k["vnummer"]: k["koppeldatum"] for k in van(coa.GEKOPPELD_AAN_GEMEENTE)}
    nareis = [v for v in van(ind.VERBLIJFSVERGUNNING_VERLEEND) if v["soort"] == "nareis"]

    assert len(nareis) >= 20
    assert all(koppeldatum[v["referent_vnummer"]] < v["besluitdatum"] for v in nareis)


def test_the_homes_leave_an_achterstand_few_are_for_one_person_and_most_are_in_dukenburg_and_zuid():
    woningen = van(corporaties.WONING_BESCHIKBAAR_GESTELD)
    plaatsen = sum(w["max_bewoners"] for w in woningen)
    gekoppeld = sum(len(k["huishouden"]) for k in van(coa.GEKOPPELD_AAN_GEMEENTE))
    gekoppeld += sum(1 for v in van(ind.VERBLIJFSVERGUNNING_VERLEEND) if v["soort"] == "nareis")
    soorten = Counter(w["soort"] for w in woningen)
    wijken = Counter(w["wijk"] for w in woningen)
    regulier_voor_een = [w for w in woningen if w["soort"] == "regulier" and w["max_bewoners"] == 1]

    assert plaatsen < gekoppeld
    assert len(woningen) == len({w["woning_id"] for w in woningen})
    assert set(soorten) == {"regulier", "flex", "doorstroom", "amv"}
    assert 10 <= soorten["amv"] <= 15
    assert all(w["max_bewoners"] == 1 for w in woningen if w["soort"] in ("doorstroom", "amv"))
    assert len(regulier_voor_een) < soorten["regulier"] / 10
    assert [w for w, _ in wijken.most_common(2)] == ["Dukenburg", "Nijmegen-Zuid"]


def test_the_steps_of_the_demo_cover_every_event_once_in_order():
    stappen = list(perioden(list(scenario())))

    assert [e for _, stap in stappen for e in stap] == list(scenario())
    for tot, stap in stappen:
        assert all(e["time"][:10] <= tot.isoformat() for e in stap)
    assert stappen[-1][0] == EINDE


# -- played through the services with the demo's staff ----------------------------------------------


def dossiers(apps: dict[str, Any]) -> list[Huisvestingsdossier]:
    app = apps["huisvesting"]
    return [app.repository.get(Huisvestingsdossier.create_id(app.persoon(k["vnummer"])))
            for k in van(coa.GEKOPPELD_AAN_GEMEENTE)]


def gehuisvest(apps: dict[str, Any], van_: dt.date, tot: dt.date) -> int:
    """Persons housed (the first move-in, as many as moved in then) from `van_` up to `tot`."""
    aantal = 0
    for dossier in dossiers(apps):
        if dossier.gehuisvest_op and van_ <= dossier.gehuisvest_op <= tot:
            eerste = next(e for e in apps["huisvesting"].events.get(dossier.id)
                          if isinstance(e, Huisvestingsdossier.Verhuisd))
            aantal += len(eerste.personen)
    return aantal


def test_every_service_accepts_every_input_and_staff_command_and_the_staff_do_each_kind_of_thing():
    _, personeel, afgewezen = gespeeld()

    assert afgewezen == []
    assert not personeel.geweigerd
    assert {"geaccepteerd", "verhuisd", "geweigerd", "ingetrokken", "iban", "intake", "bbb"} <= set(personeel.gedaan)
    assert personeel.gedaan["geweigerd"] + personeel.gedaan["ingetrokken"] < personeel.gedaan["verhuisd"] / 5


def test_the_played_scenario_gives_figures_like_the_seed():
    """Seed 001 §2.1: 2023 ended 100 persons short of 393; of 464 for 2024, 291 housed on 1 October."""
    apps = gespeeld()[0]
    in_2023 = gehuisvest(apps, dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    tot_oktober = gehuisvest(apps, dt.date(2024, 1, 1), GESPEELD)
    in_2024 = gehuisvest(apps, dt.date(2024, 1, 1), EINDE)

    assert 263 <= in_2023 <= 323, in_2023  # about 293
    assert 262 <= tot_oktober <= 320, tot_oktober  # about 291
    assert in_2024 < 364 + (393 - in_2023), in_2024  # an achterstand remains at the end of 2024


def test_the_report_on_1_october_2024_shows_the_taakstelling_and_waiting_households():
    rapport = herbouw({"huisvesting": gespeeld()[0]["huisvesting"]}).rapport(GESPEELD)["huisvesting"]

    assert rapport["taakstelling"] == 182
    assert rapport["dossiers_open"] > 50 and rapport["dossiers_over_termijn"] > 0
    jaar = rapport.get("taakstelling_jaar")  # the yearly view, when the report has it
    if jaar is not None:
        assert (jaar["taakstelling"], jaar["opgave"] - jaar["taakstelling"]) == (364, jaar["achterstand"])
        assert 70 <= jaar["achterstand"] <= 130 and 262 <= jaar["gerealiseerd"] <= 320


def test_households_wait_months_some_blocked_some_in_doorstroom_and_nareizigers_join():
    alle_dossiers = dossiers(gespeeld()[0])
    wachttijd = sorted((d.gehuisvest_op - d.koppeldatum).days for d in alle_dossiers if d.gehuisvest_op)
    open_ = [d for d in alle_dossiers if not d.definitief_gehuisvest]

    assert 180 <= wachttijd[len(wachttijd) // 2] <= 540  # in practice 6-18 months
    assert 0 < sum(d.geblokkeerd for d in open_) < len(open_)
    assert sum(d.termijn_verstreken for d in alle_dossiers) > len(alle_dossiers) / 2
    assert any(d.in_doorstroom for d in alle_dossiers)
    assert any(d.amv and d.definitief_gehuisvest for d in alle_dossiers)
    assert any(d.vervolgbehoefte for d in alle_dossiers)
