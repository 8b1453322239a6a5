"""Mzd on the in-memory store: a definitive refusal opens one zaak, its 28 days expire once, bbb admission once."""

from __future__ import annotations

import pytest
from application_hulp import ENV, D, afwijzing, historie

from services.mzd.application import Mzd, ZaakOnbekendFout
from services.mzd.domain.zaak import AlInBbbFout, Zaak
from services.runtime.application import AlVerwerkt


@pytest.fixture
def mzd() -> Mzd:
    return Mzd(env=ENV, pseudoniem_sleutel="test")


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
