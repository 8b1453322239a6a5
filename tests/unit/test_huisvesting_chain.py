"""The huisvesting chain from koppeling to woning, weigering, acceptatie and verhuizing, and opvang's uitstroom."""

from __future__ import annotations

import uuid

import pytest
from application_hulp import ENV, D, bewoner, dossier, historie, koppeling, plaatsing, wachtrij, woning

from events import huisvesting as hv_bus
from events.envelope import Bericht, bron, uit_json, valideer
from services.huisvesting.application import Huisvesting
from services.huisvesting.domain.huisvestingsdossier import AANGEBODEN, GEACCEPTEERD, VERHUISD, WACHTEND
from services.huisvesting.translation import vertaal
from services.opvang.application import Opvang


@pytest.fixture
def opvang() -> Opvang:
    return Opvang(env=ENV, pseudoniem_sleutel="test")


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
