"""Late facts revise the clock's conclusions: whether the clock ticks before, between or after the facts that
meet a term, every report on every peildatum is the same, and a recorded expiry is revised, never left standing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from application_hulp import ENV, D, koppeling, woning

from events import huisvesting as hv_bus
from events import inburgering as ib_bus
from events.registry import REGISTRY
from services import catalogus
from services.huisvesting.application import Huisvesting
from services.huisvesting.domain.huisvestingsdossier import Huisvestingsdossier
from services.inburgering.application import Inburgering
from services.inburgering.domain.inburgeringstraject import Inburgeringstraject
from services.rapportage.audit import tijdlijn
from services.rapportage.projectie import Projectie, herbouw

A, B, C = "1000000001", "1000000002", "1000000003"
KLOK = D(2024, 12, 31)
"""A real-time clock long after the facts (as in the README walkthrough): every open term it sees has expired."""
PEILDATA = [D(2024, 1, 1) + dt.timedelta(weeks=2 * n) for n in range(27)]
"""Every second week of 2024."""

Apps = dict[str, Any]


def _staf(app: Any, actie: str, vnummer: str, *args: Any) -> None:
    app.voer_uit(lambda uow: getattr(app, actie)(uow, app.persoon(vnummer), *args))


def _ontvang(apps: Apps, *berichten: Any) -> None:
    for app in apps.values():
        assert app.verwerk_batch(list(berichten)) == []


STAPPEN: list[Callable[[Apps], None]] = [
    # A (term 03-11) and B (term 03-25) will be offered in time; C, a family of three, never.
    lambda a: _ontvang(a, koppeling(A, D(2024, 1, 1)), koppeling(B, D(2024, 1, 15)),
                       koppeling(C, D(2024, 1, 1), leden=("1000000004", "1000000005"))),
    lambda a: _ontvang(a, woning("W1", 1, D(2024, 3, 1))),  # offered to A on 03-01: within A's term
    lambda a: _staf(a["huisvesting"], "accepteer", A, "W1", D(2024, 3, 5)),
    lambda a: _staf(a["huisvesting"], "verhuis", A, "W1", D(2024, 3, 12)),  # within its move term (03-15)
    lambda a: _ontvang(a, woning("W2", 1, D(2024, 3, 20))),  # offered to B on 03-20: within B's term
    lambda a: (_staf(a["huisvesting"], "accepteer", B, "W2", D(2024, 3, 22)),
               _staf(a["huisvesting"], "verhuis", B, "W2", D(2024, 4, 10))),  # after its move term (04-03)
    lambda a: (_staf(a["inburgering"], "rond_intake_af", A, D(2024, 3, 1), "B1"),  # within A's intake term
               _staf(a["inburgering"], "rond_intake_af", B, D(2024, 4, 1), "z-route")),  # after B's (03-25)
]

KLOKKEN = {
    "zonder klok": (),
    "klok voor de late feiten": (0,),
    "klok tussen aanbod en verhuizing": (2,),
    "klok na alles": (len(STAPPEN) - 1,),
    "klok na elke stap": tuple(range(len(STAPPEN))),
}
"""After which steps the clock ticks (with KLOK)."""


def speel(klok_na: tuple[int, ...]) -> Apps:
    apps: Apps = {
        "huisvesting": Huisvesting(env=ENV, pseudoniem_sleutel="test", vereist=()),
        "inburgering": Inburgering(env=ENV, pseudoniem_sleutel="test"),
    }
    for i, stap in enumerate(STAPPEN):
        stap(apps)
        if i in klok_na:
            for app in apps.values():
                app.verloop_tijd(KLOK)
    return apps


@pytest.fixture(scope="module")
def werelden() -> dict[str, Apps]:
    return {naam: speel(klok_na) for naam, klok_na in KLOKKEN.items()}


def historie(app: Any, aggregate_id: Any) -> list[str]:
    return [type(e).__name__ for e in app.events.get(aggregate_id)]


def dossier_id(apps: Apps, vnummer: str) -> Any:
    return Huisvestingsdossier.create_id(apps["huisvesting"].persoon(vnummer))


def traject_id(apps: Apps, vnummer: str) -> Any:
    return Inburgeringstraject.create_id(apps["inburgering"].persoon(vnummer))


def bus(apps: Apps) -> list[tuple[str, Any]]:
    """Every bus event the relays would publish, validated against its registered schema."""
    uit = []
    for service in catalogus.alle():
        app = apps.get(service.name)
        for n in app.recorder.select_notifications(1, 100_000) if app else ():
            for type_, _, data in service.translation.vertaal(app.mapper.to_domain_event(n)):
                REGISTRY[type_].schema.model_validate(data.model_dump())
                uit.append((type_, data))
    return uit


def netto_verstreken(apps: Apps) -> Counter[tuple[str, str]]:
    """Per person and term: expiries recorded minus revisions (1: missed, 0: met)."""
    netto: Counter[tuple[str, str]] = Counter()
    for v in (A, B, C):
        for service, aggregate_id in (("huisvesting", dossier_id(apps, v)), ("inburgering", traject_id(apps, v))):
            for naam in historie(apps[service], aggregate_id):
                if naam.endswith("termijnVerstreken"):
                    netto[(v, naam.removesuffix("Verstreken"))] += 1
                elif naam.endswith("termijnHerzien"):
                    netto[(v, naam.removesuffix("Herzien"))] -= 1
    return +netto


def test_every_report_on_every_peildatum_is_the_same_wherever_the_clock_ticked(werelden):
    verwacht = herbouw(werelden["zonder klok"]).rapporten(PEILDATA)

    for naam, apps in werelden.items():
        assert herbouw(apps).rapporten(PEILDATA) == verwacht, naam
    assert verwacht[D(2024, 4, 22)]["huisvesting"]["over_termijn"]["aantal"] == 1, "C only: A and B were offered in time"
    assert verwacht[D(2024, 4, 22)]["inburgering"]["intakes_binnen_termijn"] == 1


def test_the_terms_met_and_missed_are_the_same_wherever_the_clock_ticked(werelden):
    gemist = {(B, "Verhuistermijn"), (B, "Intaketermijn")}
    """Recorded by the late facts themselves; a clock also records the terms no fact met at all (C's)."""

    for naam, apps in werelden.items():
        verwacht = gemist if naam == "zonder klok" else gemist | {(C, "Huisvestingstermijn"), (C, "Intaketermijn")}
        assert set(netto_verstreken(apps)) == verwacht, naam
        assert set(netto_verstreken(apps).values()) == {1}, naam
        dossiers = [apps["huisvesting"].repository.get(dossier_id(apps, v)) for v in (A, B)]
        assert [d.termijn_verstreken for d in dossiers] == [False, False], naam
        assert [d.aanbiedingen[w].get("verstreken", False) for d, w in zip(dossiers, ("W1", "W2"))] == [
            False, True], naam
        trajecten = [apps["inburgering"].repository.get(traject_id(apps, v)) for v in (A, B)]
        assert [t.termijn_verstreken for t in trajecten] == [False, True], naam


def test_a_clock_before_the_late_facts_records_the_expiries_and_the_facts_revise_them(werelden):
    apps = werelden["klok voor de late feiten"]

    assert historie(apps["huisvesting"], dossier_id(apps, A)) == [
        "Geopend", "HuisvestingstermijnVerstreken", "WoningAangeboden", "HuisvestingstermijnHerzien",
        "AanbodGeaccepteerd", "Verhuisd"]
    assert historie(apps["inburgering"], traject_id(apps, A)) == [
        "Gestart", "IntaketermijnVerstreken", "BredeIntakeAfgerond", "IntaketermijnHerzien"]
    assert historie(apps["inburgering"], traject_id(apps, B)) == ["Gestart", "IntaketermijnVerstreken",
                                                                   "BredeIntakeAfgerond"], "missed: not revised"
    gepubliceerd = bus(apps)
    [huisvesting_a, huisvesting_b] = [d for t, d in gepubliceerd if t == hv_bus.HUISVESTINGSTERMIJN_HERZIEN]
    assert (huisvesting_a.verlopen_op, huisvesting_a.gehaald_op, huisvesting_a.reden) == (
        D(2024, 3, 11), D(2024, 3, 1), "woning-aangeboden")
    assert (huisvesting_b.verlopen_op, huisvesting_b.gehaald_op) == (D(2024, 3, 25), D(2024, 3, 20))
    [intake] = [d for t, d in gepubliceerd if t == ib_bus.INTAKETERMIJN_HERZIEN]
    assert (intake.verlopen_op, intake.gehaald_op, intake.reden) == (D(2024, 3, 11), D(2024, 3, 1),
                                                                      "brede-intake-afgerond")


def test_a_clock_between_offer_and_move_records_the_move_term_expired_and_the_move_revises_it(werelden):
    apps = werelden["klok tussen aanbod en verhuizing"]

    assert historie(apps["huisvesting"], dossier_id(apps, A))[-3:] == [
        "VerhuistermijnVerstreken", "Verhuisd", "VerhuistermijnHerzien"]
    gepubliceerd = bus(apps)
    [verhuisd_a, _] = [d for t, d in gepubliceerd if t == hv_bus.VERHUISD]
    [herzien] = [d for t, d in gepubliceerd if t == hv_bus.VERHUISTERMIJN_HERZIEN]
    assert verhuisd_a.verhuistermijn_gehaald is True
    assert (herzien.woning_id, herzien.verlopen_op, herzien.gehaald_op, herzien.reden) == (
        "W1", D(2024, 3, 15), D(2024, 3, 12), "verhuisd")
    assert apps["huisvesting"].verloop_tijd(KLOK) == 0, "nothing left open to expire"


def test_without_a_clock_before_them_the_facts_record_no_revision(werelden):
    for naam in ("zonder klok", "klok na alles"):
        typen = {t for t, _ in bus(werelden[naam])}
        assert not typen & {hv_bus.HUISVESTINGSTERMIJN_HERZIEN, hv_bus.VERHUISTERMIJN_HERZIEN,
                            ib_bus.INTAKETERMIJN_HERZIEN}, naam


def test_the_audit_timeline_shows_the_expiry_and_its_revision_next_to_each_other(werelden):
    apps = werelden["klok tussen aanbod en verhuizing"]

    regels = tijdlijn(apps, apps["huisvesting"].persoon(A), Projectie(apps))

    namen = [r["gebeurtenis"] for r in regels if r["service"] == "huisvesting"]
    assert namen.index("VerhuistermijnHerzien") == namen.index("VerhuistermijnVerstreken") + 1
    herzien = next(r for r in regels if r["gebeurtenis"] == "VerhuistermijnHerzien")
    assert herzien["datum"] == "2024-03-15" and herzien["feiten"]["gehaald_op"] == "2024-03-12"
