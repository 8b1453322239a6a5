"""The attention list by persoon_id, as a klantregisseur reads it over HTTP and with the CLI: only that role, the
same list for a peildatum whenever asked, a person gone once DUO's signal arrives, and every read in the Logboek."""

from __future__ import annotations

from pathlib import Path

import pytest
from application_hulp import D, koppeling
from fastapi.testclient import TestClient
from http_hulp import Stack
from inburgering_hulp import signaal
from toegang_hulp import ANDERE_GEMEENTE, kop
from typer.testing import CliRunner

from services.entrypoints.cli import app as cli
from services.entrypoints.http import maak_app
from services.logboek.application import NAAM
from services.logboek.lees import regels
from services.rapportage.projectie import herbouw
from services.runtime.settings import Settings
from services.stack import open_apps, open_logboek
from services.toegang.rollen import KLANTREGISSEUR, ROLLEN

ZONDER, BEKEND, ONBEKEND = "4100000001", "4100000002", "4100000003"
URL = "/v1/aandachtslijst"


def _signalen(apps) -> None:
    """Two adults linked on 1 March 2024; DUO signals the plicht of one of them, and of a person welkom does not know."""
    inburgering = apps["inburgering"]
    inburgering.verwerk_batch([koppeling(ZONDER, D(2024, 3, 1), (BEKEND,))])
    inburgering.verwerk_batch([
        signaal("SS101", D(2024, 3, 20), vnummer=BEKEND, begindatum=D(2024, 3, 1), doelgroep="asielstatushouder"),
        signaal("SS121", D(2024, 6, 3), vnummer=ONBEKEND, datum=D(2024, 6, 1)),
    ])


@pytest.fixture
def stack() -> Stack:
    stack = Stack()
    _signalen(stack.apps)
    stack.projectie = herbouw(stack.apps)
    stack.ready.set()
    return stack


def test_the_klantregisseur_reads_the_list_by_persoon_id_with_reason_and_since_when(stack):
    http = TestClient(maak_app(stack))
    ik = stack.apps["inburgering"].persoon

    antwoord = http.get(URL, params={"peildatum": "2024-10-01"}, headers=kop(KLANTREGISSEUR))

    assert antwoord.status_code == 200
    assert antwoord.json() == {"peildatum": "2024-10-01", "gemeente": "0268", "aantal": 2, "personen": [
        {"persoon_id": str(ik(ZONDER)), "reden": "geen-duo-signaal", "sinds": "2024-04-27"},  # 8 weeks after 1 March
        {"persoon_id": str(ik(ONBEKEND)), "reden": "onbekend-bij-duo", "sinds": "2024-06-03"},
    ]}
    assert not {ZONDER, BEKEND, ONBEKEND} & set(antwoord.text.split('"'))  # no V-nummer in the answer


def test_the_list_of_a_peildatum_stays_the_same_and_a_person_leaves_it_when_duos_signal_arrives(stack):
    http = TestClient(maak_app(stack))
    vraag = {"params": {"peildatum": "2024-10-01"}, "headers": kop(KLANTREGISSEUR)}
    before = http.get(URL, params={"peildatum": "2024-04-26"}, headers=kop(KLANTREGISSEUR)).json()
    eerst = http.get(URL, **vraag).json()

    stack.apps["inburgering"].verwerk_batch([signaal("SS101", D(2024, 11, 4), vnummer=ZONDER, begindatum=D(2024, 3, 1),
                                                     doelgroep="asielstatushouder")])

    assert before["aantal"] == 0  # within the 8 weeks nobody is missed yet
    assert http.get(URL, **vraag).json() == eerst  # the signal came later: 1 October's list is as it was
    na = http.get(URL, params={"peildatum": "2024-11-04"}, headers=kop(KLANTREGISSEUR)).json()
    assert [p["reden"] for p in na["personen"]] == ["onbekend-bij-duo"]


@pytest.mark.parametrize("rol", [r for r in ROLLEN if r != KLANTREGISSEUR])
def test_no_other_role_may_read_the_list_and_nobody_without_a_token(stack, rol):
    http = TestClient(maak_app(stack))

    assert http.get(URL, params={"peildatum": "2024-10-01"}, headers=kop(rol)).status_code == 403
    assert http.get(URL, params={"peildatum": "2024-10-01"}).status_code == 401
    anders = kop(KLANTREGISSEUR, gemeenten=[ANDERE_GEMEENTE])
    assert http.get(URL, params={"peildatum": "2024-10-01"}, headers=anders).status_code == 403


def test_every_read_is_in_the_logboek_of_each_person_on_the_list_with_reader_and_purpose(stack):
    http = TestClient(maak_app(stack))
    ik = stack.apps["inburgering"].persoon

    http.get(URL, params={"peildatum": "2024-10-01"}, headers=kop(KLANTREGISSEUR))

    for vnummer in (ZONDER, ONBEKEND):
        [gelezen] = [r for r in regels({NAAM: stack.logboek}, ik(vnummer)) if r["name"] == "aandachtslijst-gelezen"]
        assert gelezen["activiteit"] == "Begeleiding van inburgeringsplichtigen" and gelezen["actor"] == "test:medewerker"
        assert gelezen["doel"].startswith("aandachtslijst inburgering")
    assert not regels({NAAM: stack.logboek}, ik(BEKEND))  # not on the list: nothing of theirs was read


def test_the_cli_prints_the_list_for_a_klantregisseur_and_logs_the_read(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("WELKOM_OIDC_ISSUER", raising=False)
    settings = Settings(data_dir=tmp_path / "data")
    _signalen(open_apps(settings))

    uit = CliRunner().invoke(cli, ["aandachtslijst", "--peildatum", "2024-10-01", "--data-dir", str(settings.data_dir)])

    assert uit.exit_code == 0, uit.output
    regels_ = uit.stdout.splitlines()
    assert regels_[0] == "aandachtslijst inburgering op 2024-10-01 (gemeente 0268): 2 personen"
    assert [r.split()[1:] for r in regels_[1:]] == [["geen-duo-signaal", "sinds", "2024-04-27"],
                                                     ["onbekend-bij-duo", "sinds", "2024-06-03"]]
    persoon = open_apps(settings)["inburgering"].persoon(ZONDER)
    assert regels_[1].startswith(str(persoon))
    [gelezen] = [r for r in regels({NAAM: open_logboek(settings)}, persoon) if r["name"] == "aandachtslijst-gelezen"]
    assert gelezen["bron"] == "welkom aandachtslijst" and gelezen["actor"].startswith("cli:")


def test_the_cli_refuses_a_token_without_the_klantregisseur_role(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("WELKOM_OIDC_ISSUER", "https://login.example.nl")
    monkeypatch.delenv("WELKOM_TOKEN", raising=False)

    uit = CliRunner().invoke(cli, ["aandachtslijst", "--peildatum", "2024-10-01", "--data-dir", str(tmp_path / "d")])

    assert uit.exit_code != 0 and "role klantregisseur" in uit.stderr


def test_a_date_that_is_no_date_is_one_line(tmp_path: Path):
    uit = CliRunner().invoke(cli, ["aandachtslijst", "--peildatum", "1-10-2024", "--data-dir", str(tmp_path / "d")])

    assert uit.exit_code == 2 and uit.stderr.strip() == "welkom: peildatum must be YYYY-MM-DD"

