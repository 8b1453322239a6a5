"""Opvang on the in-memory store: a redelivered move counts once, an impossible placement or move is rejected alone."""

from __future__ import annotations

import pytest
from application_hulp import ENV, D, bewoner, plaatsing, verplaatsing

from services.opvang.application import Opvang


@pytest.fixture
def opvang() -> Opvang:
    return Opvang(env=ENV, pseudoniem_sleutel="test")


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
