"""Staff commands: one effect per idempotency key, and a command a domain rule refuses stores nothing."""

from __future__ import annotations

import pytest
from application_hulp import D, aangeboden_huishouden, dossier, historie, opgeslagen

from services.huisvesting.application import DossierOnbekendFout
from services.huisvesting.domain.huisvestingsdossier import VERHUISD, NogNietGeaccepteerdFout
from services.runtime.application import AlVerwerkt


# -- commands: once per idempotency key -------------------------------------------------------


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
