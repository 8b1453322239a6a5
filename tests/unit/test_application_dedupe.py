"""Exactly-once effect per input: a redelivered koppeling, home or taakstelling changes nothing, a new one applies."""

from __future__ import annotations

from application_hulp import (
    PORTAAL,
    TALIS,
    D,
    dossier,
    historie,
    koppeling,
    opgeslagen,
    taakstelling,
    wachtrij,
    woning,
)

from services.huisvesting.domain.taakstelling import Taakstelling
from services.runtime.werkeenheid import Werkeenheid


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


def test_a_copy_inside_a_batch_keeps_the_batch_on_its_one_transaction(huisvesting, monkeypatch):
    """The in-batch dedupe: without it the copy breaks the batch's transaction, and every input
    of the batch is then applied on its own (correct, thanks to the Ontvangst, but slow)."""
    commits = []
    gewoon = Werkeenheid.commit
    monkeypatch.setattr(Werkeenheid, "commit", lambda uow: (commits.append(1), gewoon(uow))[1])
    k = koppeling("1000000001", D(2024, 1, 1))

    assert huisvesting.verwerk_batch([k, k, koppeling("1000000002", D(2024, 1, 2))]) == []

    assert len(commits) == 1
    assert historie(huisvesting, dossier(huisvesting, "1000000001").id) == ["Geopend"]
