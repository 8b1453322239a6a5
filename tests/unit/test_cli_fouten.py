"""An operator's mistake gives one line `welkom: ...` and a non-zero exit, no traceback; a bug keeps its traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from eventsourcing.cipher import AESCipher
from typer.testing import CliRunner, Result

from application_hulp import D, koppeling
from services.entrypoints import cli, cli_fouten
from services.entrypoints.cli import app
from services.runtime.localbroker import vrije_poort
from services.runtime.settings import Settings
from services.stack import open_apps

runner = CliRunner()


def welkom(*args: str, **env: str | None) -> Result:
    return runner.invoke(app, list(args), env=env)


def een_regel(uit: Result, *delen: str) -> str:
    """The failure as an operator sees it: exit code 2, one line on stderr with every part, no traceback."""
    regels = uit.stderr.strip().splitlines()
    assert uit.exit_code == 2, (uit.exit_code, uit.stderr, uit.exception)
    assert len(regels) == 1 and regels[0].startswith("welkom: "), uit.stderr
    assert "Traceback" not in uit.output + uit.stderr
    assert all(deel in regels[0] for deel in delen), regels[0]
    return regels[0]


def stack_op(data_dir: Path, url: str) -> Path:
    """A data dir whose stack.json names this HTTP address (what a crashed `welkom up` leaves)."""
    data_dir.mkdir()
    (data_dir / "stack.json").write_text(json.dumps({"http": url, "bootstrap_servers": "127.0.0.1:1", "pid": 1}))
    return data_dir


def antwoord(status: int, **kwargs: Any) -> httpx.Response:
    return httpx.Response(status, request=httpx.Request("POST", "http://127.0.0.1:1/v1/klok"), **kwargs)


def test_klok_with_a_problem_answer_exits_non_zero_with_title_and_detail(tmp_path: Path, monkeypatch) -> None:
    probleem = {"type": "urn:x:ongeldig-verzoek", "title": "ongeldig-verzoek", "status": 400,
                "detail": "ongeldige velden: tot"}
    monkeypatch.setattr(cli.httpx, "post", lambda *a, **k: antwoord(400, json=probleem))
    data_dir = stack_op(tmp_path / "data", "http://127.0.0.1:1")
    een_regel(welkom("klok", "--tot", "gisteren", "--data-dir", str(data_dir)),
              "ongeldig-verzoek", "ongeldige velden: tot", "400")

    monkeypatch.setattr(cli.httpx, "post", lambda *a, **k: antwoord(502, text="<html>Bad Gateway</html>"))
    een_regel(welkom("klok", "--tot", "2024-01-01", "--data-dir", str(data_dir)), "502")
    monkeypatch.setattr(cli.httpx, "post", lambda *a, **k: antwoord(200, json={"huisvesting": 0}))
    assert welkom("klok", "--tot", "2024-01-01", "--data-dir", str(data_dir)).exit_code == 0


def test_staff_command_and_klok_while_the_stack_is_down_say_so_and_how_to_start_it(tmp_path: Path) -> None:
    poort = vrije_poort()  # nothing listens: the stack crashed and left its stack.json
    data_dir = str(stack_op(tmp_path / "data", f"http://127.0.0.1:{poort}"))
    een_regel(welkom("klok", "--tot", "2024-01-01", "--data-dir", data_dir),
              f"not running at http://127.0.0.1:{poort}", "welkom up")
    een_regel(welkom("huisvesting", "iban", "--vnummer", "1000000001", "--iban", "NL91ABNA0417164300",
                     "--datum", "2024-01-01", "--data-dir", data_dir), f"127.0.0.1:{poort}", "welkom up")
    een_regel(welkom("klok", "--tot", "2024-01-01", "--data-dir", str(tmp_path / "nooit")), "welkom up")


def test_publish_of_a_missing_file_and_a_malformed_peildatum(tmp_path: Path) -> None:
    een_regel(welkom("publish", str(tmp_path / "bestaat-niet.jsonl")), "bestaat-niet.jsonl", "No such file")
    een_regel(welkom("rebuild", "--peildatum", "xx", "--data-dir", str(tmp_path)), "YYYY-MM-DD")
    een_regel(welkom("klok", "--tot", "2024-01-01", WELKOM_HTTP_PORT="geen-poort"), "http_port")


def test_rapport_and_audit_refuse_a_data_dir_without_stores_and_create_nothing(tmp_path: Path) -> None:
    typo = tmp_path / "dat"
    een_regel(welkom("rapport", "--peildatum", "2024-10-01", "--data-dir", str(typo)),
              f"no event stores in {typo}", "--data-dir")
    een_regel(welkom("audit", "--vnummer", "1000000001", "--data-dir", str(typo)), f"no event stores in {typo}")
    een_regel(welkom("rebuild", "--data-dir", str(typo)), "no event stores")
    assert not typo.exists()

    typo.mkdir()
    (typo / "huisvesting.sqlite").write_bytes(b"")  # not a store: never written
    een_regel(welkom("rapport", "--peildatum", "2024-10-01", "--data-dir", str(typo)), "no event stores")
    assert sorted(p.name for p in typo.iterdir()) == ["huisvesting.sqlite"]


@pytest.fixture
def versleuteld(tmp_path: Path) -> tuple[Path, str]:
    """A data dir whose stores were written with a cipher key, and the key."""
    sleutel = AESCipher.create_key(32)
    apps = open_apps(Settings(data_dir=tmp_path / "data", cipher_key=sleutel))
    apps["huisvesting"].verwerk_batch([koppeling("1000000001", D(2024, 1, 1))])
    for a in apps.values():
        a.close()
    return tmp_path / "data", sleutel


def test_encrypted_stores_without_the_key_or_with_a_wrong_one_say_which(versleuteld: tuple[Path, str]) -> None:
    data_dir, sleutel = versleuteld
    rapport = ("rapport", "--peildatum", "2024-10-01", "--data-dir", str(data_dir))
    een_regel(welkom(*rapport, WELKOM_CIPHER_KEY=None), "cipher key is missing", "WELKOM_CIPHER_KEY")
    een_regel(welkom("audit", "--vnummer", "1000000001", "--data-dir", str(data_dir), WELKOM_CIPHER_KEY=None),
              "cipher key is missing")
    een_regel(welkom(*rapport, WELKOM_CIPHER_KEY=AESCipher.create_key(32)), "cipher key is wrong")
    een_regel(welkom(*rapport, WELKOM_CIPHER_KEY="geen-sleutel"), "WELKOM_CIPHER_KEY is not an AES key")
    goed = welkom(*rapport, WELKOM_CIPHER_KEY=sleutel)
    assert goed.exit_code == 0, goed.stderr


def test_up_refuses_the_development_secret_beyond_loopback_in_one_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("WELKOM_TESTING")
    monkeypatch.setattr(cli, "configureer", lambda niveau: None)  # the test process keeps its logging

    async def gestart(*args: Any) -> None:
        raise AssertionError("the stack started with the development secret")  # fail, never run a stack

    monkeypatch.setattr(cli, "_draai", gestart)
    data_dir = tmp_path / "data"
    een_regel(welkom("up", "--data-dir", str(data_dir), WELKOM_HTTP_HOST="0.0.0.0", WELKOM_PSEUDONYM_SECRET=None),
              "development pseudonym secret", "0.0.0.0", "WELKOM_PSEUDONYM_SECRET")
    een_regel(welkom("demo", "--data-dir", str(data_dir), WELKOM_DATABASE_URL="postgresql://u@db.example/welkom",
                     WELKOM_PSEUDONYM_SECRET=None), "a database URL is set")
    assert not data_dir.exists()  # refused before anything started


def test_an_unknown_exception_is_a_bug_shown_with_its_traceback(tmp_path: Path, monkeypatch) -> None:
    def stuk(*args: Any) -> list[str]:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cli_fouten, "ontbrekende_stores", stuk)
    uit = welkom("rapport", "--peildatum", "2024-10-01", "--data-dir", str(tmp_path))
    assert uit.exit_code == cli_fouten.BUG
    assert "Traceback" in uit.stderr and "ZeroDivisionError" in uit.stderr
    assert uit.stderr.strip().splitlines()[-1].startswith("welkom: internal error (builtins.ZeroDivisionError)")
