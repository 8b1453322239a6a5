"""Inburgering on the in-memory store: a koppeling opens a traject per adult, and the intake is a command."""

from __future__ import annotations

import pytest
from application_hulp import COA, ENV, D, bericht, historie

from events import coa
from services.inburgering.application import Inburgering, TrajectOnbekendFout
from services.inburgering.domain.inburgeringstraject import Inburgeringstraject


def test_a_koppeling_opens_a_traject_for_each_adult_and_the_intake_is_a_command():
    app = Inburgering(env=ENV, pseudoniem_sleutel="test")
    k = bericht(
        coa.GEKOPPELD_AAN_GEMEENTE,
        {
            "vnummer": "4000000001",
            "gemeentecode": "0268",
            "koppeldatum": "2024-01-01",
            "huishouden": [
                {"vnummer": "4000000001", "geboortedatum": "1985-06-01"},
                {"vnummer": "4000000002", "geboortedatum": "2006-01-01"},
                {"vnummer": "4000000003", "geboortedatum": "2010-03-03"},
            ],
        },
        source=COA,
    )
    assert app.verwerk_batch([k, k]) == []
    volwassenen = {v: Inburgeringstraject.create_id(app.persoon(v)) for v in ("4000000001", "4000000002")}
    assert all(t in app.repository for t in volwassenen.values())
    kind = app.repository.get(Inburgeringstraject.create_id(app.persoon("4000000003")))
    assert (kind.startdatum, kind.aanleiding) == (D(2028, 3, 3), "meerderjarig")  # from the 18th birthday

    app.voer_uit(lambda uow: app.rond_intake_af(uow, app.persoon("4000000001"), D(2024, 2, 1), "B1"))
    assert app.verloop_tijd(D(2024, 3, 12)) == 1  # only the adult without an intake
    assert historie(app, volwassenen["4000000002"]) == ["Gestart", "IntaketermijnVerstreken"]
    with pytest.raises(TrajectOnbekendFout):
        app.voer_uit(lambda uow: app.rond_intake_af(uow, app.persoon("4000000009"), D(2024, 2, 1), "B1"))
