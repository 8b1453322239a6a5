"""Huisvesting on mzd's hand-over: a legalised person gets a one-person dossier opened by the gemeente, blocked like any other, housed and counted towards the taakstelling; nothing doubles."""

from __future__ import annotations

import datetime as dt
import uuid

from application_hulp import ENV, D, bericht, dossier, koppeling, taakstelling, woning

from events import ind, mzd
from services.huisvesting.application import Huisvesting
from services.huisvesting.domain.huisvestingsdossier import Huisvestingsdossier
from services.rapportage.projectie import herbouw

WELKOM_MZD = "urn:nld:gemeente-nijmegen:welkom:mzd"
LEGAAL, REFERENT, NAREIZIGER = "2200000001", "2200000002", "2200000003"


def gelegaliseerd(app: Huisvesting, vnummer: str, datum: dt.date, soort: str = "asiel", id: str | None = None):
    return bericht(mzd.PERSOON_GELEGALISEERD, {
        "zaak_id": str(uuid.uuid4()), "persoon_id": str(app.persoon(vnummer)), "besluitdatum": datum.isoformat(),
        "soort": soort}, source=WELKOM_MZD, id=id)


def test_a_legalised_person_gets_a_dossier_of_one_from_the_besluitdatum_blocked_until_bsn_and_iban():
    app = Huisvesting(env=ENV, pseudoniem_sleutel="test")
    hand_over = gelegaliseerd(app, LEGAAL, D(2024, 3, 4))

    assert app.verwerk_batch([hand_over, hand_over, gelegaliseerd(app, LEGAAL, D(2024, 3, 4))]) == []

    d = dossier(app, LEGAAL)
    assert d is not None and d.personen == [app.persoon(LEGAAL)] and d.koppeldatum == D(2024, 3, 4)
    assert d.termijn_verloopt_op == D(2024, 5, 13) and not d.amv
    assert d.geblokkeerd and sorted(d.ontbreekt) == ["bsn", "iban"]
    assert len([e for e in app.events.get(d.id) if type(e).__name__ == "Geopend"]) == 1


def test_it_is_housed_like_any_household_and_counts_towards_the_taakstelling():
    app = Huisvesting(env=ENV, pseudoniem_sleutel="test", vereist=())
    assert app.verwerk_batch([taakstelling(10), gelegaliseerd(app, LEGAAL, D(2024, 3, 4)),
                              woning("talis-7", 1, D(2024, 4, 1))]) == []
    persoon = app.persoon(LEGAAL)
    app.voer_uit(lambda uow: app.accepteer(uow, persoon, "talis-7", D(2024, 4, 3)))
    app.voer_uit(lambda uow: app.verhuis(uow, persoon, "talis-7", D(2024, 4, 10)))

    r = herbouw({app.name: app}).rapport(D(2024, 6, 30))["huisvesting"]

    assert (r["taakstelling"], r["gerealiseerd"], r["dossiers_open"]) == (10, 1, 0)
    assert r["doorlooptijd"]["verhuizingen"] == 1 and r["doorlooptijd"]["mediaan_dagen"] == 37


def test_a_nareiziger_joins_the_referent_and_someone_already_in_a_household_gets_no_second_dossier():
    app = Huisvesting(env=ENV, pseudoniem_sleutel="test")
    nareis = bericht(ind.VERBLIJFSVERGUNNING_VERLEEND, {
        "vnummer": NAREIZIGER, "besluitdatum": "2024-05-01", "soort": "nareis", "referent_vnummer": REFERENT},
        source="urn:nld:ind")
    assert app.verwerk_batch([koppeling(REFERENT, D(2024, 2, 1)), nareis,
                              gelegaliseerd(app, NAREIZIGER, D(2024, 5, 1), soort="nareis"),
                              gelegaliseerd(app, REFERENT, D(2024, 5, 1))]) == []

    assert Huisvestingsdossier.create_id(app.persoon(NAREIZIGER)) not in app.repository
    assert dossier(app, REFERENT).personen == [app.persoon(REFERENT), app.persoon(NAREIZIGER)]
