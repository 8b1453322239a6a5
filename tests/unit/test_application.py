"""WelkomApplication through the Huisvesting, Opvang and Mzd applications on the in-memory store:
exactly-once effect per input, rejection of domain-rule violations, commands, the clock, and the
huisvesting chain from koppeling to verhuizing."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from events import coa, corporaties, huisvesting as hv_bus, ind, rijk
from events.envelope import Bericht, bron, uit_json, valideer
from services.runtime.application import AlVerwerkt
from services.huisvesting.application import DossierOnbekendFout, Huisvesting
from services.huisvesting.domain.huisvestingsdossier import (
    AANGEBODEN,
    GEACCEPTEERD,
    VERHUISD,
    WACHTEND,
    Huisvestingsdossier,
    NogNietGeaccepteerdFout,
)
from services.huisvesting.domain.taakstelling import Taakstelling
from services.huisvesting.domain.wachtrij import Wachtrij
from services.huisvesting.translation import vertaal
from services.inburgering.application import Inburgering, TrajectOnbekendFout
from services.inburgering.domain.inburgeringstraject import Inburgeringstraject
from services.mzd.application import Mzd, ZaakOnbekendFout
from services.mzd.domain.zaak import AlInBbbFout, Zaak
from services.opvang.application import Opvang
from services.opvang.domain.bewoner import Bewoner

D = dt.date
ENV = {"PERSISTENCE_MODULE": "eventsourcing.popo"}
COA = "urn:nld:coa"
IND = "urn:nld:ind"
TALIS = "urn:nld:corporatie:talis"
PORTAAL = "urn:nld:corporatie:portaal"


@pytest.fixture(autouse=True)
def _in_tests(monkeypatch):
    monkeypatch.setenv("WELKOM_TESTING", "1")


@pytest.fixture
def huisvesting() -> Huisvesting:
    """Without BSN/IBAN blockers: these journeys are about inputs, offers and terms
    (tests/unit/test_huisvesting_application.py covers the blockers)."""
    return Huisvesting(env=ENV, pseudoniem_sleutel="test", vereist=())


@pytest.fixture
def opvang() -> Opvang:
    return Opvang(env=ENV, pseudoniem_sleutel="test")


@pytest.fixture
def mzd() -> Mzd:
    return Mzd(env=ENV, pseudoniem_sleutel="test")


# -- inbound messages ------------------------------------------------------------------------


def bericht(type_: str, data: dict[str, Any], *, source: str, id: str | None = None) -> Bericht:
    return valideer(
        uit_json(
            {
                "specversion": "1.0",
                "id": id or str(uuid.uuid4()),
                "source": source,
                "type": type_,
                "time": "2024-01-01T09:00:00Z",
                "datacontenttype": "application/json",
                "data": data,
            }
        )
    )


def koppeling(
    hoofd: str,
    koppeldatum: dt.date,
    leden: tuple[str, ...] = (),
    *,
    met_hoofd: bool = True,
    gemeentecode: str = "0268",
    id: str | None = None,
) -> Bericht:
    huishouden = ([hoofd] if met_hoofd else []) + list(leden)
    return bericht(
        coa.GEKOPPELD_AAN_GEMEENTE,
        {
            "vnummer": hoofd,
            "gemeentecode": gemeentecode,
            "koppeldatum": koppeldatum.isoformat(),
            "huishouden": [{"vnummer": v, "geboortedatum": "1990-01-01"} for v in huishouden],
        },
        source=COA,
        id=id,
    )


def woning(woning_id: str, max_bewoners: int, per: dt.date, *, source: str = TALIS, id: str | None = None) -> Bericht:
    return bericht(
        corporaties.WONING_BESCHIKBAAR_GESTELD,
        {
            "woning_id": woning_id,
            "wijk": "Dukenburg",
            "soort": "regulier",
            "max_bewoners": max_bewoners,
            "beschikbaar_per": per.isoformat(),
        },
        source=source,
        id=id,
    )


def afwijzing(vnummer: str, besluitdatum: dt.date, *, definitief: bool = True, id: str | None = None) -> Bericht:
    return bericht(
        ind.ASIELAANVRAAG_AFGEWEZEN,
        {"vnummer": vnummer, "besluitdatum": besluitdatum.isoformat(), "definitief": definitief},
        source=IND,
        id=id,
    )


def plaatsing(vnummer: str, locatie_id: str, datum: dt.date, *, id: str | None = None) -> Bericht:
    return bericht(
        coa.ASIELZOEKER_GEPLAATST,
        {"vnummer": vnummer, "locatie_id": locatie_id, "datum": datum.isoformat()},
        source=COA,
        id=id,
    )


def verplaatsing(vnummer: str, van: str, naar: str, datum: dt.date, *, id: str | None = None) -> Bericht:
    return bericht(
        coa.ASIELZOEKER_VERPLAATST,
        {"vnummer": vnummer, "van_locatie_id": van, "naar_locatie_id": naar, "datum": datum.isoformat()},
        source=COA,
        id=id,
    )


# -- looking at the stores -------------------------------------------------------------------


def opgeslagen(app) -> int:
    """How many domain records the service has stored (its notification log's last id)."""
    return app.recorder.max_notification_id() or 0


def historie(app, aggregate_id: uuid.UUID) -> list[str]:
    return [type(e).__name__ for e in app.events.get(aggregate_id)]


def dossier(app: Huisvesting, vnummer: str) -> Huisvestingsdossier | None:
    dossier_id = Huisvestingsdossier.create_id(app.persoon(vnummer))
    return app.repository.get(dossier_id) if dossier_id in app.repository else None


def wachtrij(app: Huisvesting) -> Wachtrij:
    return app.repository.get(Wachtrij.create_id(app.gemeentecode))


def bewoner(app: Opvang, vnummer: str) -> Bewoner:
    return app.repository.get(Bewoner.create_id(app.persoon(vnummer)))


# -- guarantee 1: the same input has its effect once --------------------------------------------


def test_the_same_koppeling_twice_in_one_batch_opens_one_dossier(huisvesting):
    k = koppeling("1000000001", D(2024, 1, 1))

    assert huisvesting.verwerk_batch([k, k]) == []

    assert historie(huisvesting, dossier(huisvesting, "1000000001").id) == ["Geopend"]
    assert list(wachtrij(huisvesting).wachtenden) == [str(dossier(huisvesting, "1000000001").id)]


def test_a_koppeling_redelivered_in_a_later_batch_changes_nothing_and_is_not_rejected(huisvesting):
    k = koppeling("1000000001", D(2024, 1, 1))
    huisvesting.verwerk_batch([k])
    voor = opgeslagen(huisvesting)

    assert huisvesting.verwerk_batch([k]) == []

    assert opgeslagen(huisvesting) == voor
    assert historie(huisvesting, dossier(huisvesting, "1000000001").id) == ["Geopend"]


def test_a_redelivered_home_among_new_inputs_is_skipped_while_the_new_ones_apply(huisvesting):
    w1 = woning("W1", 2, D(2024, 3, 1))
    huisvesting.verwerk_batch([w1])

    afgewezen = huisvesting.verwerk_batch(
        [koppeling("1000000001", D(2024, 2, 1)), w1, woning("W2", 4, D(2024, 3, 2))]
    )

    assert afgewezen == []
    assert historie(huisvesting, wachtrij(huisvesting).id).count("WoningGemeld") == 2
    assert dossier(huisvesting, "1000000001").woning_id == "W1"


def taakstelling(aantal: int) -> Bericht:
    return bericht(
        rijk.TAAKSTELLING_VASTGESTELD,
        {"gemeentecode": "0268", "periode": "2024-H1", "aantal": aantal},
        source="urn:nld:rijk",
    )


def test_an_old_taakstelling_redelivered_after_a_new_decision_does_not_undo_it(huisvesting):
    oud, nieuw = taakstelling(182), taakstelling(232)
    huisvesting.verwerk_batch([oud])
    huisvesting.verwerk_batch([nieuw])

    assert huisvesting.verwerk_batch([oud]) == []

    taak_id = Taakstelling.create_id("0268", "2024-H1")
    assert historie(huisvesting, taak_id) == ["Vastgesteld", "Gewijzigd"]
    assert huisvesting.repository.get(taak_id).aantal == 232


def test_the_same_id_from_another_source_is_another_input(huisvesting):
    afgewezen = huisvesting.verwerk_batch(
        [
            woning("W1", 2, D(2024, 3, 1), source=TALIS, id="42"),
            woning("W2", 2, D(2024, 3, 1), source=PORTAAL, id="42"),
        ]
    )

    assert afgewezen == []
    assert set(wachtrij(huisvesting).woningen) == {"W1", "W2"}


# -- guarantee 4: a domain-rule violation is rejected alone ------------------------------------


def test_a_batch_with_one_koppeling_lacking_the_main_person_rejects_only_that_one(huisvesting):
    goed_1 = koppeling("1000000001", D(2024, 1, 1))
    fout = koppeling("1000000002", D(2024, 1, 2), leden=("1000000003",), met_hoofd=False)
    goed_2 = koppeling("1000000004", D(2024, 1, 3))
    w = woning("W1", 1, D(2024, 3, 1))

    afgewezen = huisvesting.verwerk_batch([goed_1, fout, goed_2, w])

    assert afgewezen == [(fout, "domeinregel:HoofdpersoonOntbreektFout")]
    assert dossier(huisvesting, "1000000002") is None
    assert dossier(huisvesting, "1000000004").status == WACHTEND
    assert dossier(huisvesting, "1000000001").woning_id == "W1"


def test_a_second_koppeling_of_a_linked_household_under_a_new_id_is_rejected(huisvesting):
    huisvesting.verwerk_batch([koppeling("1000000001", D(2024, 1, 1))])
    opnieuw = koppeling("1000000001", D(2024, 2, 1))

    assert huisvesting.verwerk_batch([opnieuw]) == [(opnieuw, "domeinregel:AlGekoppeldFout")]
    assert dossier(huisvesting, "1000000001").koppeldatum == D(2024, 1, 1)


def test_a_home_reported_again_under_a_new_id_is_rejected(huisvesting):
    huisvesting.verwerk_batch([woning("W1", 2, D(2024, 3, 1))])
    opnieuw = woning("W1", 3, D(2024, 3, 5))

    assert huisvesting.verwerk_batch([opnieuw]) == [(opnieuw, "domeinregel:WoningAlGemeldFout")]
    assert wachtrij(huisvesting).woningen["W1"]["max_bewoners"] == 2


def test_a_koppeling_for_another_gemeente_changes_nothing(huisvesting):
    elders = koppeling("1000000001", D(2024, 1, 1), gemeentecode="0363")

    assert huisvesting.verwerk_batch([elders]) == []

    assert dossier(huisvesting, "1000000001") is None
    assert Wachtrij.create_id("0268") not in huisvesting.repository
    assert Wachtrij.create_id("0363") not in huisvesting.repository


# -- commands: once per idempotency key -------------------------------------------------------


def aangeboden_huishouden(app: Huisvesting) -> uuid.UUID:
    """One household, offered W1 on 2024-03-01; returns its persoon_id."""
    app.verwerk_batch([koppeling("1000000001", D(2024, 1, 1)), woning("W1", 2, D(2024, 3, 1))])
    return app.persoon("1000000001")


def test_a_command_with_the_same_idempotency_key_runs_once(huisvesting):
    persoon = aangeboden_huishouden(huisvesting)

    def accepteer(uow):
        huisvesting.accepteer(uow, persoon, "W1", D(2024, 3, 2))

    huisvesting.voer_uit(accepteer, sleutel="aanbod-w1-akkoord")
    voor = opgeslagen(huisvesting)
    with pytest.raises(AlVerwerkt):
        huisvesting.voer_uit(accepteer, sleutel="aanbod-w1-akkoord")

    assert opgeslagen(huisvesting) == voor
    assert historie(huisvesting, dossier(huisvesting, "1000000001").id).count("AanbodGeaccepteerd") == 1


def test_a_command_refused_by_a_domain_rule_stores_nothing_and_may_be_retried_with_its_key(huisvesting):
    persoon = aangeboden_huishouden(huisvesting)
    voor = opgeslagen(huisvesting)

    def verhuis(uow):
        huisvesting.verhuis(uow, persoon, "W1", D(2024, 3, 10))

    with pytest.raises(NogNietGeaccepteerdFout):
        huisvesting.voer_uit(verhuis, sleutel="verhuizing-1")
    assert opgeslagen(huisvesting) == voor

    huisvesting.voer_uit(lambda uow: huisvesting.accepteer(uow, persoon, "W1", D(2024, 3, 2)))
    huisvesting.voer_uit(verhuis, sleutel="verhuizing-1")
    assert dossier(huisvesting, "1000000001").status == VERHUISD


def test_a_command_for_a_household_without_a_dossier_is_refused(huisvesting):
    with pytest.raises(DossierOnbekendFout):
        huisvesting.voer_uit(
            lambda uow: huisvesting.accepteer(uow, huisvesting.persoon("1000000009"), "W1", D(2024, 3, 2))
        )


# -- the clock --------------------------------------------------------------------------------


def test_the_clock_records_each_expired_term_once_and_leaves_running_terms_alone(huisvesting):
    huisvesting.verwerk_batch(
        [koppeling("1000000001", D(2024, 1, 1)), koppeling("1000000002", D(2024, 3, 1))]
    )
    te_laat = dossier(huisvesting, "1000000001")
    op_tijd = dossier(huisvesting, "1000000002")

    assert huisvesting.verloop_tijd(D(2024, 3, 11)) == 0  # the last day itself is still within the term
    assert huisvesting.verloop_tijd(D(2024, 3, 12)) == 1
    voor = opgeslagen(huisvesting)
    assert huisvesting.verloop_tijd(D(2024, 3, 12)) == 0
    assert huisvesting.verloop_tijd(D(2024, 3, 20)) == 0

    assert opgeslagen(huisvesting) == voor
    assert historie(huisvesting, te_laat.id) == ["Geopend", "HuisvestingstermijnVerstreken"]
    assert historie(huisvesting, op_tijd.id) == ["Geopend"]
    assert dossier(huisvesting, "1000000002").open_termijnen() == {"huisvesting": D(2024, 5, 10)}


def test_an_offer_after_the_clock_recorded_the_expiry_does_not_record_it_again(huisvesting):
    huisvesting.verwerk_batch([koppeling("1000000001", D(2024, 1, 1))])
    huisvesting.verloop_tijd(D(2024, 4, 1))
    huisvesting.verwerk_batch([woning("W1", 1, D(2024, 4, 15))])

    assert historie(huisvesting, dossier(huisvesting, "1000000001").id) == [
        "Geopend",
        "HuisvestingstermijnVerstreken",
        "WoningAangeboden",
    ]
    assert huisvesting.verloop_tijd(D(2024, 4, 20)) == 0


def test_the_clock_expires_a_move_term_once_and_a_met_term_never(huisvesting):
    aangeboden_huishouden(huisvesting)  # offered 2024-03-01, move term until 2024-03-15

    assert huisvesting.verloop_tijd(D(2024, 3, 15)) == 0
    assert huisvesting.verloop_tijd(D(2024, 3, 16)) == 1
    assert huisvesting.verloop_tijd(D(2024, 3, 17)) == 0

    assert historie(huisvesting, dossier(huisvesting, "1000000001").id) == [
        "Geopend",
        "WoningAangeboden",
        "VerhuistermijnVerstreken",
    ]


def test_a_definitive_refusal_opens_a_zaak_whose_28_days_the_clock_expires_once(mzd):
    assert mzd.verwerk_batch(
        [
            afwijzing("2000000001", D(2024, 5, 1)),
            afwijzing("2000000002", D(2024, 5, 20)),
            afwijzing("2000000003", D(2024, 5, 1), definitief=False),
        ]
    ) == []
    vertrek = Zaak.create_id(mzd.persoon("2000000001"))
    later = Zaak.create_id(mzd.persoon("2000000002"))

    assert Zaak.create_id(mzd.persoon("2000000003")) not in mzd.repository
    assert mzd.verloop_tijd(D(2024, 5, 29)) == 0
    assert mzd.verloop_tijd(D(2024, 5, 30)) == 1
    assert mzd.verloop_tijd(D(2024, 5, 30)) == 0
    assert historie(mzd, vertrek) == ["Geopend", "VertrektermijnVerstreken"]
    assert historie(mzd, later) == ["Geopend"]


def test_a_second_definitive_refusal_for_the_same_person_is_rejected(mzd):
    eerste = afwijzing("2000000001", D(2024, 5, 1))
    tweede = afwijzing("2000000001", D(2024, 6, 1))

    assert mzd.verwerk_batch([eerste, eerste, tweede]) == [(tweede, "domeinregel:ZaakBestaatAlFout")]
    assert mzd.repository.get(Zaak.create_id(mzd.persoon("2000000001"))).besluitdatum == D(2024, 5, 1)


def test_bbb_admission_by_command_happens_once(mzd):
    mzd.verwerk_batch([afwijzing("2000000001", D(2024, 5, 1))])
    persoon = mzd.persoon("2000000001")

    def toelaten(uow):
        mzd.laat_toe_tot_bbb(uow, persoon, D(2024, 6, 1))

    mzd.voer_uit(toelaten, sleutel="bbb-1")
    with pytest.raises(AlVerwerkt):
        mzd.voer_uit(toelaten, sleutel="bbb-1")
    with pytest.raises(AlInBbbFout):
        mzd.voer_uit(toelaten, sleutel="bbb-2")
    with pytest.raises(ZaakOnbekendFout):
        mzd.voer_uit(lambda uow: mzd.laat_toe_tot_bbb(uow, mzd.persoon("2000000009"), D(2024, 6, 1)))

    assert historie(mzd, Zaak.create_id(persoon)) == ["Geopend", "ToegelatenTotBbb"]


# -- opvang -----------------------------------------------------------------------------------


def test_a_redelivered_move_counts_as_one_move(opvang):
    v = verplaatsing("3000000001", "azc-dommer", "tgo-stieltjesstraat", D(2024, 2, 1))
    opvang.verwerk_batch([plaatsing("3000000001", "azc-dommer", D(2024, 1, 1))])
    opvang.verwerk_batch([v, v])
    opvang.verwerk_batch([v])

    b = bewoner(opvang, "3000000001")
    assert b.verplaatsingen == 1
    assert b.locatie_id == "tgo-stieltjesstraat"


def test_a_placement_of_someone_already_in_opvang_is_rejected_while_the_batch_applies(opvang):
    opvang.verwerk_batch([plaatsing("3000000001", "azc-dommer", D(2024, 1, 1))])
    dubbel = plaatsing("3000000001", "azc-waalhaven", D(2024, 2, 1))
    ander = plaatsing("3000000002", "azc-dommer", D(2024, 2, 1))
    zelfde = verplaatsing("3000000002", "azc-dommer", "azc-dommer", D(2024, 2, 2))

    afgewezen = opvang.verwerk_batch([dubbel, ander, zelfde])

    assert afgewezen == [(dubbel, "domeinregel:AlInOpvangFout"), (zelfde, "domeinregel:ZelfdeLocatieFout")]
    assert bewoner(opvang, "3000000001").locatie_id == "azc-dommer"
    assert bewoner(opvang, "3000000002").locatie_id == "azc-dommer"


# -- inburgering: trajects for adults, the intake command --------------------------------------


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
    assert Inburgeringstraject.create_id(app.persoon("4000000003")) not in app.repository

    app.voer_uit(lambda uow: app.rond_intake_af(uow, app.persoon("4000000001"), D(2024, 2, 1), "B1"))
    assert app.verloop_tijd(D(2024, 3, 12)) == 1  # only the adult without an intake
    assert historie(app, volwassenen["4000000002"]) == ["Gestart", "IntaketermijnVerstreken"]
    with pytest.raises(TrajectOnbekendFout):
        app.voer_uit(lambda uow: app.rond_intake_af(uow, app.persoon("4000000003"), D(2024, 2, 1), "B1"))


# -- the huisvesting chain: koppeling -> woning -> weiger -> accepteer -> verhuis -> uitstroom ---


def verhuisd_bericht(app: Huisvesting, dossier_id: uuid.UUID) -> Bericht:
    """Huisvesting's published Verhuisd, as opvang receives it from gemeente.huisvesting."""
    opgeslagen_event = [e for e in app.events.get(dossier_id) if type(e).__name__ == "Verhuisd"][-1]
    [(type_, subject, data)] = list(vertaal(opgeslagen_event))
    assert type_ == hv_bus.VERHUISD
    return valideer(
        uit_json(
            {
                "specversion": "1.0",
                "id": f"{opgeslagen_event.originator_id}/{opgeslagen_event.originator_version}",
                "source": bron("huisvesting"),
                "type": type_,
                "subject": str(subject),
                "data": data.model_dump(mode="json"),
            }
        )
    )


def test_a_home_is_offered_refused_passed_on_accepted_and_moved_into(huisvesting, opvang):
    groot, alleen, stel = "1000000001", "1000000002", "1000000003"
    partner = "1000000004"
    huisvesting.verwerk_batch(
        [
            koppeling(groot, D(2024, 1, 1), leden=("1000000005", "1000000006")),
            koppeling(alleen, D(2024, 1, 15)),
            koppeling(stel, D(2024, 2, 1), leden=(partner,)),
        ]
    )
    opvang.verwerk_batch(
        [plaatsing(v, "azc-dommer", D(2023, 10, 1)) for v in (groot, alleen, stel, partner)]
    )

    # A two-person home goes to the longest waiting household that fits: not the family of three.
    assert huisvesting.verwerk_batch([woning("W1", 2, D(2024, 3, 1))]) == []
    assert dossier(huisvesting, groot).status == WACHTEND
    assert dossier(huisvesting, alleen).status == AANGEBODEN
    assert dossier(huisvesting, alleen).woning_id == "W1"
    assert dossier(huisvesting, stel).status == WACHTEND

    # The refusal sends the home on to the next fitting household, never back to the refuser.
    huisvesting.voer_uit(
        lambda uow: huisvesting.weiger(uow, huisvesting.persoon(alleen), "W1", D(2024, 3, 5), "te ver"),
        sleutel="weiger-w1",
    )
    assert dossier(huisvesting, alleen).status == WACHTEND
    assert dossier(huisvesting, stel).status == AANGEBODEN
    assert dossier(huisvesting, stel).aangeboden_op == D(2024, 3, 5)
    assert wachtrij(huisvesting).woningen["W1"]["geweigerd_door"] == [str(dossier(huisvesting, alleen).id)]

    huisvesting.voer_uit(
        lambda uow: huisvesting.accepteer(uow, huisvesting.persoon(stel), "W1", D(2024, 3, 8)),
        sleutel="accepteer-w1",
    )
    assert dossier(huisvesting, stel).status == GEACCEPTEERD
    huisvesting.voer_uit(
        lambda uow: huisvesting.verhuis(uow, huisvesting.persoon(stel), "W1", D(2024, 3, 15)),
        sleutel="verhuis-w1",
    )

    verhuisd = dossier(huisvesting, stel)
    assert verhuisd.status == VERHUISD
    assert historie(huisvesting, verhuisd.id) == [
        "Geopend", "WoningAangeboden", "AanbodGeaccepteerd", "Verhuisd"
    ]
    assert historie(huisvesting, dossier(huisvesting, alleen).id) == [
        "Geopend", "WoningAangeboden", "AanbodGeweigerd"
    ]
    rij = wachtrij(huisvesting)
    assert "W1" not in rij.woningen
    assert set(rij.wachtenden) == {str(dossier(huisvesting, groot).id), str(dossier(huisvesting, alleen).id)}
    assert huisvesting.verloop_tijd(D(2024, 3, 20)) == 1  # only the family's 10 weeks (2024-03-11)

    # The refuser is first in line for the next home that fits.
    huisvesting.verwerk_batch([woning("W2", 1, D(2024, 4, 1))])
    assert dossier(huisvesting, alleen).woning_id == "W2"

    # Opvang hears of the move: both members of the couple leave the location, nobody else.
    bericht_verhuisd = verhuisd_bericht(huisvesting, verhuisd.id)
    assert opvang.verwerk_batch([bericht_verhuisd, bericht_verhuisd]) == []
    for v in (stel, partner):
        assert not bewoner(opvang, v).in_opvang
        assert historie(opvang, bewoner(opvang, v).id).count("Uitgestroomd") == 1
    assert bewoner(opvang, groot).in_opvang
    assert bewoner(opvang, alleen).in_opvang


def test_a_home_nobody_fits_waits_for_a_household_that_does(huisvesting):
    huisvesting.verwerk_batch([koppeling("1000000001", D(2024, 1, 1), leden=("1000000002", "1000000003"))])
    huisvesting.verwerk_batch([woning("W1", 1, D(2024, 2, 1))])

    assert dossier(huisvesting, "1000000001").status == WACHTEND
    assert wachtrij(huisvesting).beschikbare_woningen() == ["W1"]

    huisvesting.verwerk_batch([koppeling("1000000004", D(2024, 2, 10))])
    later = dossier(huisvesting, "1000000004")
    assert later.woning_id == "W1"
    assert later.aangeboden_op == D(2024, 2, 10)
