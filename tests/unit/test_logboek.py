"""A person's Logboek Dataverwerkingen: an inbound event, a staff command and an audit read, each logged with its activity, legal basis and trace, never the V-nummer."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from application_hulp import COA, ENV, koppeling

from events.envelope import naar_structured
from services.catalogus import alle, per_naam
from services.logboek import register
from services.logboek.application import Logboek
from services.logboek.trace import begin
from services.logboek.verantwoording import lees_logboek, lees_tijdlijn
from services.runtime.herkomst import Herkomst
from services.runtime.relay import bus_events

VNUMMER = "2099000042"
IBAN = "NL91ABNA0417164300"
PARTNER_TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


@pytest.fixture
def keten():
    apps = {s.name: s.application(env=ENV, pseudoniem_sleutel="test", vereist=("bsn", "iban"))
            if s.name == "huisvesting" else s.application(env=ENV, pseudoniem_sleutel="test") for s in alle()}
    return apps, Logboek(env=ENV)


def iban_opdracht():
    return next(o for o in per_naam()["huisvesting"].commands if o.naam == "iban")


def test_an_inbound_event_a_command_and_an_audit_read_are_each_logged_for_the_person(keten):
    apps, logboek = keten
    koppel = koppeling(VNUMMER, dt.date(2024, 3, 1))
    koppel = type(koppel)(**{**koppel.__dict__, "traceparent": PARTNER_TRACE})
    apps["huisvesting"].verwerk_batch([koppel])
    opdracht = iban_opdracht()
    opdracht.voer_uit(apps["huisvesting"], opdracht.verzoek(vnummer=VNUMMER, iban=IBAN, datum="2024-03-10"),
                      "http:sleutel-1", herkomst=Herkomst(bron="http:sleutel-1", actor="medewerker-17",
                                                          naam="huisvesting.iban"))
    persoon = apps["huisvesting"].persoon(VNUMMER)
    lees_tijdlijn(apps, logboek, persoon, actor="auditor-3", doel="toezicht provincie", bron="POST /v1/audit")

    regels = lees_logboek(apps, logboek, persoon, actor="auditor-3", doel="inzageverzoek", bron="POST /v1/logboek")

    namen = [r["name"] for r in regels]
    assert namen == [koppel.type, "huisvesting.iban", "audit-tijdlijn-gelezen", "logboek-gelezen"]
    inbound, commando, audit, _ = regels
    assert inbound["actor"] == COA and inbound["bron"] == f"{COA} {koppel.id}"
    assert inbound["trace_id"] == PARTNER_TRACE.split("-")[1] and inbound["parent_operation_id"] == "00f067aa0ba902b7"
    assert commando["actor"] == "medewerker-17" and commando["bron"] == "http:sleutel-1"
    assert audit["actor"] == "auditor-3" and audit["doel"] == "toezicht provincie"
    assert inbound["grondslag"] == commando["grondslag"] == register.activiteit("huisvesting").grondslag
    assert "Huisvestingswet 2014" in inbound["grondslag"]
    assert audit["attributes"]["dpl.core.processing_activity_id"] == register.activiteit("verantwoording").uri
    for r in regels:
        assert r["status_code"] == "STATUS_CODE_OK" and r["start_time"] <= r["end_time"]
        assert r["attributes"]["dpl.core.data_subject_id"] == str(persoon)
    assert VNUMMER not in json.dumps(regels)


def test_each_member_of_a_household_gets_the_record_of_the_koppeling(keten):
    apps, logboek = keten
    apps["huisvesting"].verwerk_batch([koppeling(VNUMMER, dt.date(2024, 3, 1), ("2099000043",))])

    for lid in (VNUMMER, "2099000043"):
        persoon = apps["huisvesting"].persoon(lid)
        regels = lees_logboek(apps, logboek, persoon, actor="a", doel="inzage", bron="test")
        assert [r["name"] for r in regels][0] == "nl.statushouders.gekoppeld-aan-gemeente"


def test_every_stored_event_names_its_grondslag_bron_and_actor_and_the_timeline_shows_them(keten):
    apps, logboek = keten
    koppel = koppeling(VNUMMER, dt.date(2024, 3, 1))
    apps["huisvesting"].verwerk_batch([koppel])
    persoon = apps["huisvesting"].persoon(VNUMMER)

    regels = lees_tijdlijn(apps, logboek, persoon, actor="auditor-3", doel="toezicht", bron="test")

    assert regels and all(r["grondslag"] == register.activiteit("huisvesting").grondslag for r in regels)
    assert {(r["bron"], r["actor"]) for r in regels} == {(f"{COA} {koppel.id}", COA)}
    assert all("herkomst" not in r["feiten"] for r in regels)


def test_the_outbound_events_continue_the_trace_of_the_input_that_caused_them(keten):
    apps, _ = keten
    koppel = koppeling(VNUMMER, dt.date(2024, 3, 1))
    apps["huisvesting"].verwerk_batch([type(koppel)(**{**koppel.__dict__, "traceparent": PARTNER_TRACE})])
    app = apps["huisvesting"]

    uit = bus_events(app, per_naam()["huisvesting"].translation, list(app.recorder.select_notifications(1, 1000)))

    traces = {json.loads(naar_structured(ce).value)["traceparent"].split("-")[1] for _, ce in uit}
    assert traces == {PARTNER_TRACE.split("-")[1]}


def test_an_invalid_traceparent_starts_a_new_trace_and_refuses_nothing():
    for kapot in ("00-00000000000000000000000000000000-00f067aa0ba902b7-01", "onzin", None,
                  "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"):
        trace = begin(kapot)
        assert trace.parent_span_id is None and len(trace.trace_id) == 32 and len(trace.span_id) == 16


def test_a_failed_read_is_logged_as_an_error(keten, monkeypatch):
    apps, logboek = keten
    persoon = apps["huisvesting"].persoon(VNUMMER)
    import services.logboek.verantwoording as verantwoording

    def stuk(*args, **kwargs):
        raise RuntimeError("store weg")

    monkeypatch.setattr(verantwoording, "tijdlijn", stuk)
    with pytest.raises(RuntimeError):
        lees_tijdlijn(apps, logboek, persoon, actor="auditor-3", doel="toezicht", bron="test")

    regels = lees_logboek(apps, logboek, persoon, actor="auditor-3", doel="inzage", bron="test")
    assert [r["status_code"] for r in regels] == ["STATUS_CODE_ERROR", "STATUS_CODE_OK"]


def test_the_register_names_purpose_legal_basis_and_retention_of_every_activity():
    for activiteit in register.activiteiten().values():
        assert activiteit.naam and activiteit.doel and activiteit.grondslag and activiteit.bewaartermijn
    for service in alle():
        assert register.activiteit_sleutel(service.name) in register.activiteiten()


def test_two_processes_log_for_the_same_person_in_the_logboek_store_in_turn(tmp_path):
    from services.runtime.settings import Settings
    from services.stack import open_logboek

    settings = Settings(data_dir=tmp_path)
    stack, cli = open_logboek(settings), open_logboek(settings)  # `welkom up` and a `welkom audit` beside it
    persoon = alle()[0].application(env=ENV, pseudoniem_sleutel="test").persoon(VNUMMER)

    for i in range(3):
        for logboek, actor in ((stack, "http"), (cli, "cli")):
            logboek.leg_vast([persoon], Herkomst(bron=f"{actor}-{i}", actor=actor, naam="audit-tijdlijn-gelezen"))

    from services.logboek.lees import regels
    assert [r["bron"] for r in regels({"logboek": stack}, persoon)] == [
        f"{actor}-{i}" for i in range(3) for actor in ("http", "cli")]
