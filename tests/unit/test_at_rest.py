"""At rest: the data dir is 0700 and its stores 0600, and the development pseudonym secret is refused where real data may flow."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from structlog.testing import capture_logs
from typer.testing import CliRunner

from application_hulp import D, koppeling
from services.entrypoints.cli import app as app_cli
from services.runtime import geheimen
from services.runtime.geheimen import GeheimFout, vereis_geheimen
from services.runtime.rechten import maak_data_dir
from services.runtime.settings import DEV_PSEUDONYM_SECRET, Settings
from services.stack import open_apps


def modus(pad: Path) -> int:
    return stat.S_IMODE(pad.stat().st_mode)


def test_a_new_data_dir_is_0700_and_every_store_file_and_journal_0600(tmp_path: Path) -> None:
    umask = os.umask(0o022)  # what a shell usually has: files would be 0644
    try:
        apps = open_apps(Settings(data_dir=tmp_path / "data"))
        apps["huisvesting"].verwerk_batch([koppeling("1000000001", D(2024, 1, 1))])
        bestanden = sorted((tmp_path / "data").iterdir())
        assert {p.name for p in bestanden} >= {"huisvesting.sqlite", "huisvesting.sqlite-wal", "huisvesting.sqlite-shm"}
        assert modus(tmp_path / "data") == 0o700
        assert {p.name: modus(p) for p in bestanden} == {p.name: 0o600 for p in bestanden}
        for app in apps.values():
            app.close()
    finally:
        os.umask(umask)


def test_an_existing_looser_data_dir_and_its_files_are_tightened_with_a_warning(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o755)
    for naam in ("opvang.sqlite", "broker.log", "stack.json"):
        (data_dir / naam).write_text("")
        (data_dir / naam).chmod(0o644)
    data_dir.chmod(0o755)
    with capture_logs() as logs:
        maak_data_dir(data_dir)
    assert modus(data_dir) == 0o700 and all(modus(p) == 0o600 for p in data_dir.iterdir())
    [melding] = [r for r in logs if r["event"] == "data_dir.rechten_aangescherpt"]
    assert melding["log_level"] == "warning" and "broker.log" in melding["bestanden"]
    with capture_logs() as logs:
        maak_data_dir(data_dir)  # tight now: nothing to say
    assert logs == []


@pytest.fixture
def buiten_de_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WELKOM_TESTING")
    monkeypatch.setattr(geheimen, "_gewaarschuwd", False)


@pytest.mark.parametrize("instellingen", [{"http_host": "0.0.0.0"}, {"http_host": "welkom.nijmegen.nl"},
                                          {"database_url": "postgresql://welkom@db/welkom"}])
def test_the_development_secret_is_refused_beyond_loopback_or_with_a_database(buiten_de_tests, instellingen) -> None:
    with pytest.raises(GeheimFout, match="development pseudonym secret.*WELKOM_PSEUDONYM_SECRET"):
        vereis_geheimen(Settings(pseudonym_secret=DEV_PSEUDONYM_SECRET, **instellingen))
    vereis_geheimen(Settings(pseudonym_secret="een-lang-willekeurig-geheim", **instellingen))  # a real one: fine


def test_on_loopback_with_sqlite_the_development_secret_gets_one_loud_warning(buiten_de_tests) -> None:
    for host in ("127.0.0.1", "localhost", "::1"):
        with capture_logs() as logs:
            vereis_geheimen(Settings(http_host=host, database_url=None, pseudonym_secret=DEV_PSEUDONYM_SECRET))
        assert [r["log_level"] for r in logs if r["event"] == "pseudoniem.ontwikkelsleutel"] == (
            ["warning"] if host == "127.0.0.1" else [])  # once per process


def test_the_tests_may_use_the_development_secret_with_postgresql_with_the_warning(monkeypatch) -> None:
    monkeypatch.setenv("WELKOM_TESTING", "1")
    monkeypatch.setattr(geheimen, "_gewaarschuwd", False)
    with capture_logs() as logs:
        vereis_geheimen(Settings(database_url="postgresql://postgres@127.0.0.1/test",
                                 pseudonym_secret=DEV_PSEUDONYM_SECRET))
    assert [r["event"] for r in logs] == ["pseudoniem.ontwikkelsleutel"]


def test_welkom_tightens_an_old_data_dir_and_says_so_on_stderr_not_in_its_output(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    for app in open_apps(Settings(data_dir=data_dir)).values():
        app.close()
    data_dir.chmod(0o755)  # as earlier versions left it
    (data_dir / "huisvesting.sqlite").chmod(0o644)
    uit = CliRunner().invoke(app_cli, ["rapport", "--peildatum", "2024-10-01", "--json", "--data-dir", str(data_dir)])
    assert uit.exit_code == 0, uit.stderr
    assert "huisvesting" in json.loads(uit.stdout)  # stdout is the report only
    assert "data_dir.rechten_aangescherpt" in uit.stderr
    assert modus(data_dir) == 0o700 and modus(data_dir / "huisvesting.sqlite") == 0o600
