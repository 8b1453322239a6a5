"""Huisvesting's whole job on the in-memory store: BSN/IBAN blockers, AMV and doorstroom homes,
nareizigers, the matching order, and the offer lifecycle up to a withdrawn offer."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from application_hulp import ENV, bericht, dossier, historie, koppeling, wachtrij

from events import brp, coa, corporaties, ind
from events import huisvesting as bus
from events.registry import REGISTRY
from services.huisvesting.application import Huisvesting, OngeldigIbanFout
from services.huisvesting.domain.huisvestingsdossier import AANGEBODEN, VERHUISD, WACHTEND, VerhuistermijnLooptNogFout
from services.huisvesting.translation import vertaal

D = dt.date
BRP = "urn:nld:brp:nijmegen"
IBAN = "NL91ABNA0417164300"


@pytest.fixture
def huisvesting() -> Huisvesting:
    """With the default blockers: a main person without BSN or IBAN is not matched."""
    return Huisvesting(env=ENV, pseudoniem_sleutel="test")


def ingeschreven(vnummer: str, datum: dt.date, bsn: str = "111222333") -> Any:
    return bericht(brp.INGESCHREVEN_IMMIGRATIE, {"vnummer": vnummer, "bsn": bsn, "datum": datum.isoformat()}, source=BRP)


def woning(woning_id: str, max_bewoners: int, per: dt.date, soort: str = "regulier", wijk: str = "Dukenburg") -> Any:
    return bericht(corporaties.WONING_BESCHIKBAAR_GESTELD, {
        "woning_id": woning_id, "wijk": wijk, "soort": soort, "max_bewoners": max_bewoners,
        "beschikbaar_per": per.isoformat()}, source="urn:nld:corporatie:talis")


def minderjarige(vnummer: str, koppeldatum: dt.date, geboren: dt.date) -> Any:
    return bericht(coa.GEKOPPELD_AAN_GEMEENTE, {
        "vnummer": vnummer, "gemeentecode": "0268", "koppeldatum": koppeldatum.isoformat(),
        "huishouden": [{"vnummer": vnummer, "geboortedatum": geboren.isoformat()}]}, source="urn:nld:coa")


def nareis(vnummer: str, referent: str, besluitdatum: dt.date) -> Any:
    return bericht(ind.VERBLIJFSVERGUNNING_VERLEEND, {
        "vnummer": vnummer, "besluitdatum": besluitdatum.isoformat(), "soort": "nareis",
        "referent_vnummer": referent}, source="urn:nld:ind")


def iban(app: Huisvesting, vnummer: str, datum: dt.date, nummer: str = IBAN) -> None:
    app.voer_uit(lambda uow: app.registreer_iban(uow, app.persoon(vnummer), nummer, datum))


def compleet(app: Huisvesting, *vnummers: str, op: dt.date = D(2024, 1, 1)) -> None:
    """BSN and IBAN known for these persons (before their koppeling)."""
    app.verwerk_batch([ingeschreven(v, op) for v in vnummers])
    for v in vnummers:
        iban(app, v, op)


def staf(app: Huisvesting, actie: str, vnummer: str, *args: Any) -> None:
    app.voer_uit(lambda uow: getattr(app, actie)(uow, app.persoon(vnummer), *args))


def gepubliceerd(app: Huisvesting) -> list[tuple[str, Any]]:
    """Every bus event the relay would publish, validated against its registered schema."""
    uit = []
    for notification in app.recorder.select_notifications(1, 10_000):
        for type_, _, data in vertaal(app.mapper.to_domain_event(notification)):
            REGISTRY[type_].schema.model_validate(data.model_dump())
            uit.append((type_, data))
    return uit


# -- persoonsgegevens as blockers -----------------------------------------------------------


def test_a_household_without_bsn_is_skipped_by_matching_until_the_brp_registration_arrives(huisvesting):
    compleet(huisvesting, "1000000002")
    huisvesting.verwerk_batch([koppeling("1000000001", D(2024, 1, 1)), koppeling("1000000002", D(2024, 2, 1))])
    iban(huisvesting, "1000000001", D(2024, 1, 1))  # staff register an IBAN once huisvesting knows the person
    assert dossier(huisvesting, "1000000001").ontbreekt == ["bsn"]

    huisvesting.verwerk_batch([woning("W1", 1, D(2024, 3, 1))])
    assert dossier(huisvesting, "1000000001").status == WACHTEND, "blocked: passed over though waiting longer"
    assert dossier(huisvesting, "1000000002").woning_id == "W1"

    huisvesting.verwerk_batch([woning("W2", 1, D(2024, 3, 2))])
    assert wachtrij(huisvesting).beschikbare_woningen() == ["W2"], "nobody unblocked fits: the home waits"
    huisvesting.verwerk_batch([ingeschreven("1000000001", D(2024, 3, 20))])
    eerste = dossier(huisvesting, "1000000001")
    assert (eerste.status, eerste.woning_id, eerste.aangeboden_op) == (AANGEBODEN, "W2", D(2024, 3, 20))
    assert historie(huisvesting, eerste.id)[:4] == ["Geopend", "Geblokkeerd", "Geblokkeerd", "Gedeblokkeerd"]


def test_a_missing_iban_blocks_until_staff_register_a_valid_one_and_the_number_is_never_stored(huisvesting):
    huisvesting.verwerk_batch([ingeschreven("1000000001", D(2023, 12, 1)), koppeling("1000000001", D(2024, 1, 1)),
                               woning("W1", 2, D(2024, 1, 10))])
    assert dossier(huisvesting, "1000000001").ontbreekt == ["iban"]
    with pytest.raises(OngeldigIbanFout):
        iban(huisvesting, "1000000001", D(2024, 2, 1), nummer="NL91ABNA0417164301")
    assert dossier(huisvesting, "1000000001").status == WACHTEND

    iban(huisvesting, "1000000001", D(2024, 2, 1))
    assert dossier(huisvesting, "1000000001").woning_id == "W1"
    opgeslagen = [huisvesting.mapper.to_domain_event(n) for n in huisvesting.recorder.select_notifications(1, 1000)]
    assert IBAN not in repr([vars(e) for e in opgeslagen]) and "111222333" not in repr([vars(e) for e in opgeslagen])
    geblokkeerd = [d for t, d in gepubliceerd(huisvesting) if t == bus.HUISVESTINGSDOSSIER_GEDEBLOKKEERD]
    assert (geblokkeerd[0].geblokkeerd_sinds, geblokkeerd[0].datum) == (D(2024, 1, 1), D(2024, 2, 1))


def test_a_members_bsn_does_not_unblock_the_household(huisvesting):
    huisvesting.verwerk_batch([koppeling("1000000001", D(2024, 1, 1), leden=("1000000002",)),
                               ingeschreven("1000000002", D(2024, 1, 5))])
    iban(huisvesting, "1000000001", D(2024, 1, 1))
    assert dossier(huisvesting, "1000000001").ontbreekt == ["bsn"]


def test_a_second_brp_registration_of_the_same_person_changes_nothing(huisvesting):
    huisvesting.verwerk_batch([ingeschreven("1000000001", D(2024, 1, 5))])
    voor = huisvesting.recorder.max_notification_id()
    assert huisvesting.verwerk_batch([ingeschreven("1000000001", D(2024, 1, 9))]) == []
    assert huisvesting.recorder.max_notification_id() == voor + 1, "only the Ontvangst of the input"


# -- AMV and doorstroom homes ------------------------------------------------------------------


def test_an_amv_only_gets_an_amv_home_and_an_amv_home_only_goes_to_an_amv(huisvesting):
    compleet(huisvesting, "1000000001", "1000000002")
    huisvesting.verwerk_batch([
        minderjarige("1000000001", D(2024, 1, 1), geboren=D(2007, 6, 1)),  # 16 at koppeling
        koppeling("1000000002", D(2024, 2, 1)),
        woning("REG", 1, D(2024, 3, 1)),
        woning("AMV", 1, D(2024, 3, 2), soort="amv"),
    ])
    amv, volwassene = dossier(huisvesting, "1000000001"), dossier(huisvesting, "1000000002")
    assert amv.amv and not volwassene.amv
    assert (amv.woning_id, volwassene.woning_id) == ("AMV", "REG")


def test_a_single_minor_of_eighteen_on_the_koppeldatum_is_no_amv(huisvesting):
    huisvesting.verwerk_batch([minderjarige("1000000001", D(2024, 6, 1), geboren=D(2006, 6, 1))])
    assert not dossier(huisvesting, "1000000001").amv


def test_a_single_in_a_doorstroom_home_keeps_his_place_for_a_regular_home_and_counts_once(huisvesting):
    compleet(huisvesting, "1000000001", "1000000002")
    huisvesting.verwerk_batch([koppeling("1000000001", D(2024, 1, 1)), koppeling("1000000002", D(2024, 1, 20)),
                               woning("DS", 1, D(2024, 2, 1), soort="doorstroom")])
    staf(huisvesting, "accepteer", "1000000001", "DS", D(2024, 2, 3))
    staf(huisvesting, "verhuis", "1000000001", "DS", D(2024, 2, 10))
    enkel = dossier(huisvesting, "1000000001")
    assert (enkel.status, enkel.in_doorstroom, enkel.gehuisvest_op) == (WACHTEND, True, D(2024, 2, 10))

    huisvesting.verwerk_batch([woning("DS2", 1, D(2024, 3, 1), soort="doorstroom"), woning("REG", 1, D(2024, 3, 2))])
    assert dossier(huisvesting, "1000000002").woning_id == "DS2", "one doorstroom home per person"
    assert dossier(huisvesting, "1000000001").woning_id == "REG", "still first in line for a regular home"
    staf(huisvesting, "accepteer", "1000000001", "REG", D(2024, 3, 4))
    staf(huisvesting, "verhuis", "1000000001", "REG", D(2024, 3, 12))
    assert dossier(huisvesting, "1000000001").status == VERHUISD
    verhuisd = [d for t, d in gepubliceerd(huisvesting) if t == bus.VERHUISD]
    assert [(d.woningsoort, d.eerste_huisvesting) for d in verhuisd] == [("doorstroom", True), ("regulier", False)]


# -- the matching order ----------------------------------------------------------------------


def test_a_dossier_past_its_term_is_offered_first_even_before_one_waiting_longer(huisvesting):
    compleet(huisvesting, "1000000001", "1000000002")
    huisvesting.verwerk_batch([koppeling("1000000001", D(2024, 1, 1)), woning("W1", 1, D(2024, 1, 15))])
    staf(huisvesting, "weiger", "1000000001", "W1", D(2024, 1, 20), "te klein")  # offered within its term
    huisvesting.verwerk_batch([koppeling("1000000002", D(2024, 2, 1), leden=("1000000003",))])  # term: 11 April

    huisvesting.verwerk_batch([woning("W2", 2, D(2024, 5, 1))])
    assert dossier(huisvesting, "1000000002").woning_id == "W2", "past its term without any offer: first"
    assert dossier(huisvesting, "1000000001").status == WACHTEND


def test_among_equals_the_longest_waiting_then_the_lowest_persoon_id_gets_the_home(huisvesting):
    compleet(huisvesting, "1000000001", "1000000002", "1000000003")
    huisvesting.verwerk_batch([koppeling(v, D(2024, 1, 1)) for v in ("1000000001", "1000000002")]
                              + [koppeling("1000000003", D(2023, 12, 1)), woning("W1", 1, D(2024, 1, 2)),
                                 woning("W2", 1, D(2024, 1, 3))])
    assert dossier(huisvesting, "1000000003").woning_id == "W1"
    laagste = min(("1000000001", "1000000002"), key=lambda v: str(huisvesting.persoon(v)))
    assert dossier(huisvesting, laagste).woning_id == "W2"


# -- nareizigers -----------------------------------------------------------------------------


def test_a_nareiziger_makes_the_waiting_household_need_a_bigger_home(huisvesting):
    compleet(huisvesting, "1000000001")
    huisvesting.verwerk_batch([koppeling("1000000001", D(2024, 1, 1)), nareis("1000000009", "1000000001", D(2024, 1, 20))])
    gezin = dossier(huisvesting, "1000000001")
    assert gezin.huishoudgrootte == 2 and huisvesting.persoon("1000000009") in gezin.personen

    huisvesting.verwerk_batch([woning("KLEIN", 1, D(2024, 2, 1))])
    assert dossier(huisvesting, "1000000001").status == WACHTEND
    huisvesting.verwerk_batch([woning("GROOT", 2, D(2024, 2, 2))])
    assert dossier(huisvesting, "1000000001").woning_id == "GROOT"
    toegevoegd = [d for t, d in gepubliceerd(huisvesting) if t == bus.NAREIZIGER_TOEGEVOEGD]
    assert [(d.huishoudgrootte, d.vervolgbehoefte) for d in toegevoegd] == [(2, False)]


def test_a_nareiziger_of_a_housed_household_records_a_follow_up_need(huisvesting):
    compleet(huisvesting, "1000000001")
    huisvesting.verwerk_batch([koppeling("1000000001", D(2024, 1, 1)), woning("W1", 1, D(2024, 1, 5))])
    staf(huisvesting, "accepteer", "1000000001", "W1", D(2024, 1, 6))
    staf(huisvesting, "verhuis", "1000000001", "W1", D(2024, 1, 12))
    huisvesting.verwerk_batch([nareis("1000000009", "1000000001", D(2024, 6, 1))])
    assert dossier(huisvesting, "1000000001").vervolgbehoefte


def test_a_nareiziger_whose_referent_has_no_dossier_is_rejected_with_a_reason(huisvesting):
    assert huisvesting.verwerk_batch([nareis("1000000009", "1000000001", D(2024, 6, 1))])[0][1] == (
        "domeinregel:ReferentZonderDossierFout")


def test_a_nareiziger_can_follow_a_household_member_who_is_not_the_main_person(huisvesting):
    huisvesting.verwerk_batch([koppeling("1000000001", D(2024, 1, 1), leden=("1000000002",)),
                               nareis("1000000009", "1000000002", D(2024, 3, 1))])
    assert dossier(huisvesting, "1000000001").huishoudgrootte == 3


# -- the offer lifecycle ---------------------------------------------------------------------


def test_an_expired_offer_withdrawn_by_staff_goes_to_the_next_candidate(huisvesting):
    compleet(huisvesting, "1000000001", "1000000002")
    huisvesting.verwerk_batch([koppeling("1000000001", D(2024, 1, 1)), koppeling("1000000002", D(2024, 1, 2)),
                               woning("W1", 1, D(2024, 2, 1))])
    with pytest.raises(VerhuistermijnLooptNogFout):
        staf(huisvesting, "trek_in", "1000000001", "W1", D(2024, 2, 10), "geen reactie")

    staf(huisvesting, "trek_in", "1000000001", "W1", D(2024, 2, 20), "geen reactie")
    assert dossier(huisvesting, "1000000002").woning_id == "W1"
    assert historie(huisvesting, dossier(huisvesting, "1000000001").id)[-3:] == [
        "WoningAangeboden", "VerhuistermijnVerstreken", "AanbodIngetrokken"]
    typen = [t for t, _ in gepubliceerd(huisvesting)]
    assert bus.AANBOD_INGETROKKEN in typen and bus.VERHUISTERMIJN_VERSTREKEN in typen


def test_a_bsn_dated_before_the_koppeling_but_handled_after_it_narrows_the_block_from_the_koppeldatum(huisvesting):
    # keten.brp and keten.coa are different topics: the BRP registration may be handled later.
    huisvesting.verwerk_batch([koppeling("1000000001", D(2024, 2, 12)), ingeschreven("1000000001", D(2024, 1, 22))])
    geblokkeerd = [d for t, d in gepubliceerd(huisvesting) if t == bus.HUISVESTINGSDOSSIER_GEBLOKKEERD]
    assert [(d.ontbreekt, d.datum) for d in geblokkeerd] == [(["bsn", "iban"], D(2024, 2, 12)), (["iban"], D(2024, 2, 12))]
