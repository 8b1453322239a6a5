"""The demo's mensen zonder documenten: about 80 people in BBB-opvang on any day, a stable number of changing people, some legalised back into the chain, every input and staff command accepted."""

from __future__ import annotations

import datetime as dt

from scenario_hulp import SEED, gespeeld, rapport, van

from events import bbb, ind
from services.demo.mzd import leven
from services.mzd.domain.zaak import Zaak

PEILDATA = [dt.date(2022, 6, 30), dt.date(2023, 3, 31), dt.date(2023, 12, 31), dt.date(2024, 10, 1),
            dt.date(2024, 12, 31)]


def test_about_80_stay_in_bbb_on_every_peildatum_and_each_year_people_come_and_go():
    for peildatum in PEILDATA:
        r = rapport(peildatum, "mzd")
        assert 65 <= r["bbb_bezetting"]["totaal"] <= 95, (peildatum, r["bbb_bezetting"])
        assert all(r["bbb_bezetting"]["per_organisatie"].values()), "each organisation takes people in"
        assert r["bbb_bezetting"]["totaal"] <= r["in_bbb_opvang"] + 5  # placed: admitted (some leave the day after)
    for jaar in (2023, 2024):
        stromen = rapport(dt.date(jaar, 12, 31), "mzd")["bbb_stromen"]["jaar"]
        assert stromen["geplaatst"] >= 20 and stromen["vertrokken"] >= 20, stromen


def test_applications_are_assessed_perspectives_set_and_some_people_are_legalised():
    """(The played scenario routes only opvang's inputs from the outbound topics: huisvesting's and
    inburgering's dossier and traject on the hand-over are the integration test's.)"""
    apps, personeel, afgewezen = gespeeld()
    r = rapport(dt.date(2024, 12, 31), "mzd")

    assert afgewezen == [] and not personeel.geweigerd
    assert {"bbb", "bbb-aanvraag", "bbb-beoordeling", "perspectief", "contactpersoon", "zorgbehoefte",
            "mzd-uitstroom"} <= set(personeel.gedaan)
    assert r["bbb_aanvragen"]["jaar"]["toegelaten"] > r["bbb_aanvragen"]["jaar"]["geweigerd"] > 0
    assert r["uitstroom"]["jaar"]["per_reden"]["legalisering"] >= 3
    legaal = {p["vnummer"] for p in van(bbb.PERSOON_VERTROKKEN) if p["reden"] == "legalisering"}
    zaken = [list(apps["mzd"].events.get(Zaak.create_id(apps["mzd"].persoon(v)))) for v in legaal]
    assert len(zaken) >= 5 and all(sum(isinstance(e, Zaak.Gelegaliseerd) for e in z) == 1 for z in zaken)
    assert sum(1 for z in zaken if any(isinstance(e, Zaak.BbbGeplaatst) for e in z)) == len(zaken)


def test_the_staff_and_the_chain_play_the_same_life_with_or_without_a_repeat_application():
    weg = ("herhaald", "tweede_besluit")
    levens = [(leven(SEED, a["vnummer"], dt.date.fromisoformat(a["besluitdatum"]), herhaling), herhaling)
              for a in van(ind.ASIELAANVRAAG_AFGEWEZEN) for herhaling in (False, True)]
    paren = list(zip(levens[::2], levens[1::2]))

    assert all({k: v for k, v in zonder.__dict__.items() if k not in weg} ==
               {k: v for k, v in met.__dict__.items() if k not in weg} for (zonder, _), (met, _) in paren)
    assert any(met.tweede_besluit for _, (met, _) in paren) and not any(zonder.tweede_besluit for (zonder, _), _ in paren)
