"""Staff correct the facts they entered in huisvesting (IBAN date, acceptance, refusal, withdrawal, move): from then on
every report on every peildatum is the one the right fact would have given, and the history keeps both."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from application_hulp import ENV, D, bericht, koppeling, plaatsing, woning

from events import brp
from events import huisvesting as bus
from events import opvang as opvang_bus
from events.envelope import bron
from services.domain.correctie import NietsGecorrigeerdFout
from services.domain.toekomst import ToekomstigeDatumFout
from services.huisvesting import translation as huisvesting_vertaling
from services.huisvesting.application import Huisvesting, IbanAlGeregistreerdFout, PersoonOnbekendFout
from services.huisvesting.domain.huisvestingsdossier import (
    Huisvestingsdossier, StapOntbreektFout, VerhuistermijnLooptNogFout, VoorHetAanbodFout,
)
from services.huisvesting.domain.persoonsgegevens import NietGeregistreerdFout, Persoonsgegevens
from services.opvang import translation as opvang_vertaling
from services.opvang.application import Opvang
from services.rapportage.audit import tijdlijn
from services.rapportage.projectie import Projectie, herbouw

HOOFD, LID = "3000000001", "3000000002"
IBAN = "NL91ABNA0417164300"
PEILDATA = [D(2024, 1, 1) + dt.timedelta(days=9 * n) for n in range(41)]
"""Every ninth day of 2024: between any two dates of these journeys lies a peildatum."""


def huisvesting(**opties: Any) -> Huisvesting:
    return Huisvesting(env=ENV, pseudoniem_sleutel="test", **opties)


def staf(app: Any, actie: str, vnummer: str, *args: Any) -> None:
    app.voer_uit(lambda uow: getattr(app, actie)(uow, app.persoon(vnummer), *args))


def ingeschreven(vnummer: str, datum: dt.date) -> Any:
    return bericht(brp.INGESCHREVEN_IMMIGRATIE, {"vnummer": vnummer, "bsn": "111222333", "datum": datum.isoformat()},
                   source="urn:nld:brp")


def rapporten(*apps: Any) -> dict[dt.date, Any]:
    return herbouw({app.name: app for app in apps}).rapporten(PEILDATA)


def gepubliceerd(app: Any, vertaling: Any) -> list[tuple[str, Any]]:
    return [(t, d) for n in app.recorder.select_notifications(1, 10_000)
            for t, _, d in vertaling.vertaal(app.mapper.to_domain_event(n))]


def naam(app: Any, aggregate_id: uuid.UUID) -> list[str]:
    return [type(e).__name__ for e in app.events.get(aggregate_id)]


def dossier_id(app: Huisvesting) -> uuid.UUID:
    return Huisvestingsdossier.create_id(app.persoon(HOOFD))


# -- the IBAN registration date ---------------------------------------------------------------------


def geblokkeerd_op_iban(app: Huisvesting) -> None:
    """BSN known, linked on 2024-01-10: blocked until staff register the IBAN."""
    assert app.verwerk_batch([ingeschreven(HOOFD, D(2024, 1, 2)), koppeling(HOOFD, D(2024, 1, 10))]) == []


def test_a_corrected_iban_date_unblocks_the_dossier_on_the_right_day_in_every_report():
    juist, fout = huisvesting(), huisvesting()
    for app, datum in ((juist, D(2024, 2, 14)), (fout, D(2024, 3, 14))):
        geblokkeerd_op_iban(app)
        staf(app, "registreer_iban", HOOFD, IBAN, datum)
    staf(fout, "corrigeer_iban", HOOFD, D(2024, 2, 14), "maand verkeerd ingevoerd")
    for app in (juist, fout):
        assert app.verwerk_batch([woning("W1", 1, D(2024, 4, 1))]) == []

    assert rapporten(fout) == rapporten(juist)
    assert rapporten(fout)[D(2024, 12, 26)]["huisvesting"]["geblokkeerd"]["dagen_totaal"] == 35
    gegevens = fout.repository.get(Persoonsgegevens.create_id(fout.persoon(HOOFD)))
    assert gegevens.bekend["iban"] == D(2024, 2, 14)
    assert naam(fout, dossier_id(fout))[:4] == ["Geopend", "Geblokkeerd", "Gedeblokkeerd", "DeblokkeringGecorrigeerd"]
    typen = {t: d for t, d in gepubliceerd(fout, huisvesting_vertaling)}
    assert (typen[bus.IBAN_REGISTRATIE_GECORRIGEERD].oude_datum, typen[bus.IBAN_REGISTRATIE_GECORRIGEERD].datum) == (
        D(2024, 3, 14), D(2024, 2, 14))
    deblokkering = typen[bus.DEBLOKKERING_GECORRIGEERD]
    assert (deblokkering.geblokkeerd_sinds, deblokkering.oude_datum, deblokkering.datum) == (
        D(2024, 1, 10), D(2024, 3, 14), D(2024, 2, 14))


def test_an_iban_registered_on_9999_12_31_by_older_code_is_corrected_and_the_blocked_days_are_sane_again():
    nu = huisvesting(vandaag=lambda: D(9999, 12, 1))  # as if before the window of the future existed
    geblokkeerd_op_iban(nu)
    staf(nu, "registreer_iban", HOOFD, IBAN, D(9999, 12, 31))
    assert rapporten(nu)[D(2024, 12, 26)]["huisvesting"]["geblokkeerd"]["dossiers"] == 1

    nu.vandaag = dt.date.today  # today, that date is refused; the stored one is corrected
    with pytest.raises(ToekomstigeDatumFout):
        staf(nu, "registreer_iban", HOOFD, IBAN, D(9999, 12, 31))
    staf(nu, "corrigeer_iban", HOOFD, D(2024, 2, 14), "jaar verkeerd ingevoerd")

    geblokkeerd = rapporten(nu)[D(2024, 12, 26)]["huisvesting"]["geblokkeerd"]
    assert (geblokkeerd["dossiers"], geblokkeerd["dagen_totaal"]) == (0, 35)
    regels = tijdlijn({"huisvesting": nu}, nu.persoon(HOOFD), Projectie({"huisvesting": nu}))
    namen = [r["gebeurtenis"] for r in regels]
    assert {"Geregistreerd", "RegistratieGecorrigeerd", "Gedeblokkeerd", "DeblokkeringGecorrigeerd"} <= set(namen)
    assert regels[-1]["datum"] == "9999-12-31", "the wrong fact stays in the history, dated as entered"


def test_an_iban_is_registered_only_for_a_known_person_once_and_corrected_only_when_registered():
    app = huisvesting()
    voor = app.recorder.max_notification_id()
    with pytest.raises(PersoonOnbekendFout):
        staf(app, "registreer_iban", HOOFD, IBAN, D(2024, 2, 14))
    with pytest.raises(PersoonOnbekendFout):
        staf(app, "corrigeer_iban", HOOFD, D(2024, 2, 14), "reden")
    assert app.recorder.max_notification_id() == voor, "nothing recorded"

    geblokkeerd_op_iban(app)
    with pytest.raises(NietGeregistreerdFout):
        staf(app, "corrigeer_iban", HOOFD, D(2024, 2, 14), "reden")
    staf(app, "registreer_iban", HOOFD, IBAN, D(2024, 2, 14))
    staf(app, "registreer_iban", HOOFD, IBAN, D(2024, 2, 14))  # the same again: nothing new
    with pytest.raises(IbanAlGeregistreerdFout):
        staf(app, "registreer_iban", HOOFD, IBAN, D(2024, 2, 15))
    with pytest.raises(NietsGecorrigeerdFout):
        staf(app, "corrigeer_iban", HOOFD, D(2024, 2, 14), "reden")


# -- the steps of an offer ----------------------------------------------------------------------------


def aangeboden(app: Huisvesting, opvang: Opvang | None = None) -> None:
    """A household of two, linked 2024-01-10, offered W1 on 2024-03-01 (move term until 03-15)."""
    assert app.verwerk_batch([koppeling(HOOFD, D(2024, 1, 10), leden=(LID,)), woning("W1", 2, D(2024, 3, 1))]) == []
    if opvang is not None:
        opvang.verwerk_batch([plaatsing(v, "azc-dommer", D(2023, 11, 1)) for v in (HOOFD, LID)])


def naar_opvang(huisvesting_app: Huisvesting, opvang: Opvang) -> None:
    """Huisvesting's published moves and their corrections, as opvang consumes them from gemeente.huisvesting."""
    for n in huisvesting_app.recorder.select_notifications(1, 10_000):
        for type_, subject, data in huisvesting_vertaling.vertaal(huisvesting_app.mapper.to_domain_event(n)):
            if type_ in (bus.VERHUISD, bus.VERHUIZING_GECORRIGEERD):
                uit = bericht(type_, data.model_dump(mode="json"), source=bron("huisvesting"), id=f"{n.id}/{type_}")
                assert opvang.verwerk_batch([uit]) == []


Stappen = Callable[[Huisvesting], None]


def vergelijk(juist: Stappen, fout: Stappen, correctie: Stappen, *, met_opvang: bool = False) -> Any:
    """Two worlds: the right fact entered, and the wrong one then corrected; both reports on every peildatum."""
    werelden = []
    for stappen in (juist, lambda a: (fout(a), correctie(a))):
        app, opvang = huisvesting(vereist=()), Opvang(env=ENV, pseudoniem_sleutel="test")
        aangeboden(app, opvang)
        stappen(app)
        naar_opvang(app, opvang)
        werelden.append((app, opvang))
    (juist_app, juist_opvang), (fout_app, fout_opvang) = werelden
    extra = (juist_opvang,) if met_opvang else ()
    assert rapporten(fout_app, *((fout_opvang,) if met_opvang else ())) == rapporten(juist_app, *extra)
    return fout_app, fout_opvang


def test_a_corrected_acceptance_date_gives_the_reports_of_the_right_date():
    app, _ = vergelijk(
        lambda a: staf(a, "accepteer", HOOFD, "W1", D(2024, 3, 5)),
        lambda a: staf(a, "accepteer", HOOFD, "W1", D(2024, 3, 25)),
        lambda a: staf(a, "corrigeer_acceptatie", HOOFD, "W1", D(2024, 3, 5), "dag verkeerd ingevoerd"),
    )
    assert naam(app, dossier_id(app))[-2:] == ["AanbodGeaccepteerd", "AcceptatieGecorrigeerd"]
    [gecorrigeerd] = [d for t, d in gepubliceerd(app, huisvesting_vertaling) if t == bus.AANBOD_ACCEPTATIE_GECORRIGEERD]
    assert (gecorrigeerd.woning_id, gecorrigeerd.oude_datum, gecorrigeerd.datum) == ("W1", D(2024, 3, 25), D(2024, 3, 5))


def test_a_move_corrected_into_its_term_revises_the_expiry_and_moves_taakstelling_doorlooptijd_and_uitstroom():
    app, opvang = vergelijk(
        lambda a: (staf(a, "accepteer", HOOFD, "W1", D(2024, 3, 5)), staf(a, "verhuis", HOOFD, "W1", D(2024, 3, 12))),
        lambda a: (staf(a, "accepteer", HOOFD, "W1", D(2024, 3, 5)), staf(a, "verhuis", HOOFD, "W1", D(2024, 7, 12))),
        lambda a: staf(a, "corrigeer_verhuizing", HOOFD, "W1", D(2024, 3, 12), "maand verkeerd ingevoerd"),
        met_opvang=True,
    )
    assert naam(app, dossier_id(app))[-4:] == [
        "VerhuistermijnVerstreken", "Verhuisd", "VerhuizingGecorrigeerd", "VerhuistermijnHerzien"]
    assert app.repository.get(dossier_id(app)).gehuisvest_op == D(2024, 3, 12)
    typen = dict(gepubliceerd(app, huisvesting_vertaling))
    assert typen[bus.VERHUIZING_GECORRIGEERD].verhuistermijn_gehaald is True
    assert typen[bus.VERHUISTERMIJN_HERZIEN].reden == "verhuizing-gecorrigeerd"
    uitstroom = [d for t, d in gepubliceerd(opvang, opvang_vertaling) if t == opvang_bus.BEWONER_UITSTROOM_GECORRIGEERD]
    assert sorted((d.oude_datum, d.datum) for d in uitstroom) == [(D(2024, 7, 12), D(2024, 3, 12))] * 2


def test_a_move_corrected_past_its_term_records_the_expiry_the_original_date_had_met():
    app, _ = vergelijk(
        lambda a: (staf(a, "accepteer", HOOFD, "W1", D(2024, 3, 5)), staf(a, "verhuis", HOOFD, "W1", D(2024, 3, 20))),
        lambda a: (staf(a, "accepteer", HOOFD, "W1", D(2024, 3, 5)), staf(a, "verhuis", HOOFD, "W1", D(2024, 3, 10))),
        lambda a: staf(a, "corrigeer_verhuizing", HOOFD, "W1", D(2024, 3, 20), "dag verkeerd ingevoerd"),
    )
    assert naam(app, dossier_id(app))[-3:] == ["Verhuisd", "VerhuistermijnVerstreken", "VerhuizingGecorrigeerd"]
    assert dict(gepubliceerd(app, huisvesting_vertaling))[bus.VERHUIZING_GECORRIGEERD].verhuistermijn_gehaald is False


def test_a_corrected_refusal_date_and_reason_give_the_reports_of_the_right_refusal():
    app, _ = vergelijk(
        lambda a: staf(a, "weiger", HOOFD, "W1", D(2024, 3, 4), "te ver van school"),
        lambda a: staf(a, "weiger", HOOFD, "W1", D(2024, 3, 14), "te klein"),
        lambda a: staf(a, "corrigeer_weigering", HOOFD, "W1", D(2024, 3, 4), "te ver van school", "verkeerd ingevoerd"),
    )
    [weigering] = [d for t, d in gepubliceerd(app, huisvesting_vertaling) if t == bus.AANBOD_WEIGERING_GECORRIGEERD]
    assert (weigering.oude_weigerreden, weigering.weigerreden, weigering.reden) == (
        "te klein", "te ver van school", "verkeerd ingevoerd")


def test_a_corrected_withdrawal_stays_after_the_move_term():
    app, _ = vergelijk(
        lambda a: staf(a, "trek_in", HOOFD, "W1", D(2024, 3, 18), "geen reactie"),
        lambda a: staf(a, "trek_in", HOOFD, "W1", D(2024, 4, 18), "geen reactie"),
        lambda a: staf(a, "corrigeer_intrekking", HOOFD, "W1", D(2024, 3, 18), "geen reactie", "maand verkeerd"),
    )
    with pytest.raises(VerhuistermijnLooptNogFout):
        staf(app, "corrigeer_intrekking", HOOFD, "W1", D(2024, 3, 15), "geen reactie", "binnen de termijn")
    assert naam(app, dossier_id(app))[-1] == "IntrekkingGecorrigeerd"


def test_a_correction_names_a_step_that_was_taken_dates_it_after_the_offer_and_changes_something():
    app = huisvesting(vereist=())
    aangeboden(app)
    with pytest.raises(StapOntbreektFout):
        staf(app, "corrigeer_acceptatie", HOOFD, "W1", D(2024, 3, 5), "nog niet geaccepteerd")
    staf(app, "accepteer", HOOFD, "W1", D(2024, 3, 5))
    voor = app.recorder.max_notification_id()
    with pytest.raises(StapOntbreektFout):
        staf(app, "corrigeer_verhuizing", HOOFD, "W1", D(2024, 3, 6), "nog niet verhuisd")
    with pytest.raises(StapOntbreektFout):
        staf(app, "corrigeer_acceptatie", HOOFD, "W9", D(2024, 3, 6), "andere woning")
    with pytest.raises(VoorHetAanbodFout):
        staf(app, "corrigeer_acceptatie", HOOFD, "W1", D(2024, 2, 28), "voor het aanbod")
    with pytest.raises(NietsGecorrigeerdFout):
        staf(app, "corrigeer_acceptatie", HOOFD, "W1", D(2024, 3, 5), "dezelfde dag")
    assert app.recorder.max_notification_id() == voor, "a refused correction records nothing"
