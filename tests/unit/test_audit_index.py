"""An audit finds a person's history through the person index of the views, without scanning a store."""

from __future__ import annotations

from typing import Any

from huisvesting_rapport_hulp import D, inschrijving, koppeling, ontvang, woning
from services.rapportage.audit import tijdlijn
from services.rapportage.projectie import Projectie


def test_the_timeline_of_a_household_member_comes_from_the_index_alone(huisvesting, monkeypatch):
    hoofd, gekoppeld = koppeling(D(2024, 1, 10), grootte=2)
    ander, ander_gekoppeld = koppeling(D(2024, 1, 11))
    ontvang(huisvesting, gekoppeld, ander_gekoppeld, inschrijving(hoofd, D(2024, 1, 20)),
            woning("talis-1", 4, D(2024, 2, 1)))
    apps = {"huisvesting": huisvesting}
    projectie = Projectie(apps)
    projectie.bij()

    def scan(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the audit scanned the store")

    monkeypatch.setattr(huisvesting.recorder, "select_notifications", scan)
    monkeypatch.setattr(projectie, "bij", lambda *a, **k: 0)
    regels = tijdlijn(apps, huisvesting.persoon(hoofd), projectie)

    gebeurtenissen = [f"{r['aggregate']}.{r['gebeurtenis']}" for r in regels]
    assert "Huisvestingsdossier.Geopend" in gebeurtenissen
    assert "Huisvestingsdossier.WoningAangeboden" in gebeurtenissen
    assert "Persoonsgegevens.Geregistreerd" in gebeurtenissen
    assert [r["datum"] for r in regels] == sorted(r["datum"] for r in regels)
    van_ander = tijdlijn(apps, huisvesting.persoon(ander), projectie)
    assert van_ander and {r["feiten"]["persoon_id"] for r in van_ander} == {str(huisvesting.persoon(ander))}
