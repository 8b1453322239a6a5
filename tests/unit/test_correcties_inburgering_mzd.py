"""Staff correct the brede intake (date, leerroute) and the BBB admission date: every report on every peildatum is
then the one the right fact gives, the intake term follows the corrected date, and the history keeps both."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from application_hulp import ENV, D, afwijzing, koppeling

from events import inburgering as ib_bus
from events import mzd as mzd_bus
from services.domain.correctie import NietsGecorrigeerdFout
from services.inburgering import translation as inburgering_vertaling
from services.inburgering.application import Inburgering
from services.inburgering.domain.inburgeringstraject import GeenIntakeFout, Inburgeringstraject
from services.mzd import translation as mzd_vertaling
from services.mzd.application import Mzd
from services.mzd.domain.zaak import NietInBbbFout, Zaak
from services.rapportage.projectie import herbouw

PERSOON = "4000000001"
PEILDATA = [D(2024, 1, 1) + dt.timedelta(days=7 * n) for n in range(53)]


def staf(app: Any, actie: str, *args: Any) -> None:
    app.voer_uit(lambda uow: getattr(app, actie)(uow, app.persoon(PERSOON), *args))


def rapporten(app: Any) -> dict[dt.date, Any]:
    return herbouw({app.name: app}).rapporten(PEILDATA)


def gepubliceerd(app: Any, vertaling: Any) -> dict[str, Any]:
    return {t: d for n in app.recorder.select_notifications(1, 10_000)
            for t, _, d in vertaling.vertaal(app.mapper.to_domain_event(n))}


def inburgering(intake: dt.date, leerroute: str, klok: dt.date | None = None) -> Inburgering:
    """A traject linked 2024-01-10 (intake term until 03-20), the clock perhaps ticking, then the intake."""
    app = Inburgering(env=ENV, pseudoniem_sleutel="test")
    assert app.verwerk_batch([koppeling(PERSOON, D(2024, 1, 10))]) == []
    if klok:
        app.verloop_tijd(klok)
    staf(app, "rond_intake_af", intake, leerroute)
    return app


def historie(app: Inburgering) -> list[str]:
    return [type(e).__name__ for e in app.events.get(Inburgeringstraject.create_id(app.persoon(PERSOON)))]


@pytest.mark.parametrize("klok", [None, D(2024, 12, 31)], ids=["zonder-klok", "klok-ervoor"])
def test_an_intake_corrected_into_its_term_counts_as_within_it_in_every_report(klok):
    juist = inburgering(D(2024, 3, 1), "B1", klok)
    fout = inburgering(D(2024, 5, 1), "z-route", klok)
    staf(fout, "corrigeer_intake", D(2024, 3, 1), "B1", "maand en route verkeerd ingevoerd")

    assert rapporten(fout) == rapporten(juist)
    assert rapporten(fout)[D(2024, 3, 4)]["inburgering"]["intakes_binnen_termijn"] == 1
    assert historie(fout)[-3:] == ["BredeIntakeAfgerond", "BredeIntakeGecorrigeerd", "IntaketermijnHerzien"]
    bus = gepubliceerd(fout, inburgering_vertaling)
    gecorrigeerd = bus[ib_bus.BREDE_INTAKE_GECORRIGEERD]
    assert (gecorrigeerd.oude_datum, gecorrigeerd.datum, gecorrigeerd.oude_leerroute, gecorrigeerd.leerroute,
            gecorrigeerd.binnen_termijn) == (D(2024, 5, 1), D(2024, 3, 1), "z-route", "B1", True)
    assert bus[ib_bus.INTAKETERMIJN_HERZIEN].reden == "brede-intake-gecorrigeerd"


def test_an_intake_corrected_past_its_term_records_the_expiry_and_counts_as_late():
    juist = inburgering(D(2024, 4, 1), "B1")
    fout = inburgering(D(2024, 3, 1), "B1")
    staf(fout, "corrigeer_intake", D(2024, 4, 1), "B1", "maand verkeerd ingevoerd")

    assert rapporten(fout) == rapporten(juist)
    assert historie(fout)[-2:] == ["IntaketermijnVerstreken", "BredeIntakeGecorrigeerd"]
    assert fout.verloop_tijd(D(2024, 12, 31)) == 0


def test_an_intake_correction_needs_an_intake_and_a_change():
    app = Inburgering(env=ENV, pseudoniem_sleutel="test")
    app.verwerk_batch([koppeling(PERSOON, D(2024, 1, 10))])
    with pytest.raises(GeenIntakeFout):
        staf(app, "corrigeer_intake", D(2024, 3, 1), "B1", "nog geen intake")
    staf(app, "rond_intake_af", D(2024, 3, 1), "B1")
    with pytest.raises(NietsGecorrigeerdFout):
        staf(app, "corrigeer_intake", D(2024, 3, 1), "B1", "niets anders")
    staf(app, "corrigeer_intake", D(2024, 3, 1), "onderwijsroute", "alleen de route")
    assert rapporten(app)[D(2024, 3, 4)]["inburgering"]["leerroutes"] == {"onderwijsroute": 1}


def mzd(bbb: dt.date) -> Mzd:
    app = Mzd(env=ENV, pseudoniem_sleutel="test")
    assert app.verwerk_batch([afwijzing(PERSOON, D(2024, 5, 1))]) == []
    staf(app, "laat_toe_tot_bbb", bbb)
    return app


def test_a_corrected_bbb_admission_counts_from_the_right_date_in_every_report():
    juist, fout = mzd(D(2024, 6, 3)), mzd(D(2024, 8, 3))
    staf(fout, "corrigeer_bbb_toelating", D(2024, 6, 3), "maand verkeerd ingevoerd")

    assert rapporten(fout) == rapporten(juist)
    assert rapporten(fout)[D(2024, 7, 1)]["mzd"]["in_bbb_opvang"] == 1
    historie = [type(e).__name__ for e in fout.events.get(Zaak.create_id(fout.persoon(PERSOON)))]
    assert historie == ["Geopend", "ToegelatenTotBbb", "BbbToelatingGecorrigeerd"]
    gecorrigeerd = gepubliceerd(fout, mzd_vertaling)[mzd_bus.BBB_TOELATING_GECORRIGEERD]
    assert (gecorrigeerd.oude_datum, gecorrigeerd.datum) == (D(2024, 8, 3), D(2024, 6, 3))


def test_a_bbb_correction_needs_an_admission():
    app = Mzd(env=ENV, pseudoniem_sleutel="test")
    app.verwerk_batch([afwijzing(PERSOON, D(2024, 5, 1))])
    with pytest.raises(NietInBbbFout):
        staf(app, "corrigeer_bbb_toelating", D(2024, 6, 3), "nog niet toegelaten")
