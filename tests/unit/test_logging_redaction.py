"""Guarantee 7 for logs: no V-nummer, BSN or IBAN leaves welkom's real log pipeline, in any field."""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import structlog
from hypothesis import given
from hypothesis import strategies as st

from services.runtime.logging import configureer, maskeer

VNUMMER, BSN, BSN_INT = "4000000001", "123456782", 111222333
IBAN, IBAN_GEDRUKT = "NL91ABNA0417164300", "NL91 ABNA 0417 1643 00"
PERSOON = uuid.UUID("6f1c2a9e-1234-4d5e-8123-426614174000")  # a persoon_id: a pseudonym, stays readable
GEHEIM = [VNUMMER, BSN, str(BSN_INT), "1234.56.782", "123 456 782", "5000000003", "5000000004",
          IBAN, IBAN.lower(), IBAN_GEDRUKT, "DE89370400440532013000", "0417164300", "ABNA", "0532013000"]


@pytest.fixture
def welkom_logger(capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[[], Any]]:
    """Gives the logger of the pipeline `welkom up` configures (JSON lines on stderr); resets it afterwards.

    Configured inside the test, not here: capsys gives each test phase its own stderr."""
    root = logging.getLogger()
    handlers, niveau = root.handlers[:], root.level

    def maak() -> Any:
        structlog.reset_defaults()
        configureer("INFO")
        capsys.readouterr()
        return structlog.get_logger("redactie")

    yield maak
    structlog.reset_defaults()
    root.handlers[:] = handlers
    root.setLevel(niveau)


def regel(capsys: pytest.CaptureFixture[str]) -> tuple[str, dict[str, Any]]:
    """The one log line written since the last read, as text and as parsed JSON."""
    regels = capsys.readouterr().err.strip().splitlines()
    assert len(regels) == 1, regels
    return regels[0], json.loads(regels[0])


def lekt(tekst: str) -> list[str]:
    return [geheim for geheim in GEHEIM if geheim in tekst]


def test_no_vnummer_bsn_or_iban_leaves_a_log_line_in_any_field(welkom_logger, capsys) -> None:
    log = welkom_logger()
    log.info(
        f"koppeling van {VNUMMER} verwerkt",
        reden=f"BRP meldt bsn {BSN} (ook geschreven als 1234.56.782 of 123 456 782)",
        opmerking=f"... iban {IBAN} ... en op papier {IBAN_GEDRUKT}, klein: {IBAN.lower()}",
        bsn_als_getal=BSN_INT,
        leden=[{"rol": "partner", "nummer": "5000000003"}, ("kind", 5000000004)],
        rekeningen={"buitenland": "DE89370400440532013000", VNUMMER: "als sleutel"},
        persoon_id=str(PERSOON), datum="2024-01-08", bericht="port 8080",
    )
    tekst, velden = regel(capsys)
    assert lekt(tekst) == []
    assert velden["event"] == "koppeling van [nummer] verwerkt"
    assert velden["reden"] == "BRP meldt bsn [nummer] (ook geschreven als [nummer] of [nummer])"
    assert velden["opmerking"] == "... iban [iban] ... en op papier [iban], klein: [iban]"
    assert velden["bsn_als_getal"] == "[nummer]"
    assert velden["leden"] == [{"rol": "partner", "nummer": "[nummer]"}, ["kind", "[nummer]"]]
    assert velden["rekeningen"] == {"buitenland": "[iban]", "[nummer]": "als sleutel"}
    assert (velden["persoon_id"], velden["datum"], velden["bericht"]) == (str(PERSOON), "2024-01-08", "port 8080")
    assert dt.datetime.fromisoformat(velden["timestamp"]).tzinfo is not None   # the line's own ISO timestamp


def test_a_traceback_logged_with_exc_info_is_masked_too(welkom_logger, capsys) -> None:
    log = welkom_logger()
    try:
        raise ValueError(f"ongeldige invoer: vnummer={VNUMMER} bsn={BSN} iban={IBAN}")
    except ValueError:
        log.error("bericht.verwerkingsfout", exc_info=True)
    tekst, velden = regel(capsys)
    assert lekt(tekst) == []
    assert "ValueError: ongeldige invoer: vnummer=[nummer] bsn=[nummer] iban=[iban]" in velden["exception"]
    assert "Traceback (most recent call last)" in velden["exception"]


def test_a_library_logging_through_the_standard_logging_module_is_masked_too(welkom_logger, capsys) -> None:
    welkom_logger()
    try:
        raise ValueError(f"record for {VNUMMER} with iban {IBAN} failed")
    except ValueError:
        logging.getLogger("aiokafka.consumer").warning("fetch of %s failed", BSN, exc_info=True)

    tekst, velden = regel(capsys)
    assert lekt(tekst) == []
    assert velden["event"] == "fetch of [nummer] failed"
    assert velden["logger"] == "aiokafka.consumer" and velden["level"] == "warning"
    assert "ValueError: record for [nummer] with iban [iban] failed" in velden["exception"]


def test_an_object_logged_as_a_value_is_masked_in_the_text_the_renderer_makes_of_it(welkom_logger, capsys) -> None:
    log = welkom_logger()
    log.warning("fout.als_waarde", oorzaak=KeyError(VNUMMER), ibans={IBAN})
    tekst, velden = regel(capsys)
    assert lekt(tekst) == []
    assert velden["oorzaak"] == "KeyError('[nummer]')" and velden["ibans"] == ["[iban]"]


@pytest.mark.parametrize("sleutel", ["vnummer", "bsn", "iban", "geboortedatum", "huishouden", "V-nummer", "BSN"])
def test_a_sensitive_key_loses_its_value_at_any_depth(welkom_logger, capsys, sleutel: str) -> None:
    log = welkom_logger()
    waarde = "1990-01-01"  # no pattern masks a date: only the key can take it out
    log.info("gevoelige.sleutel", **{sleutel: waarde}, genest={"gezin": [{sleutel: waarde}]})
    tekst, velden = regel(capsys)
    assert waarde not in tekst
    assert velden[sleutel] == "[verwijderd]"
    assert velden["genest"] == {"gezin": [{sleutel: "[verwijderd]"}]}


def test_what_an_operator_needs_stays_readable(welkom_logger, capsys) -> None:
    log = welkom_logger()
    log.info(
        "lokale_broker.gestart",
        persoon_id=str(PERSOON), subject=f"persoon/{PERSOON}", peildatum="2024-01-08",
        tijdstip="2024-01-08T09:00:00.123456Z", bootstrap_servers="127.0.0.1:8080", bericht="port 8080",
        poort=8080, aantal=3, offset=123456789012, ip="192.168.100.200", duur_s=0.25, dag=dt.date(2024, 1, 8),
    )
    tekst, velden = regel(capsys)
    assert "[nummer]" not in tekst and "[iban]" not in tekst
    assert velden["persoon_id"] == str(PERSOON) and velden["subject"] == f"persoon/{PERSOON}"
    assert (velden["peildatum"], velden["tijdstip"]) == ("2024-01-08", "2024-01-08T09:00:00.123456Z")
    assert (velden["bootstrap_servers"], velden["bericht"], velden["poort"]) == ("127.0.0.1:8080", "port 8080", 8080)
    assert (velden["aantal"], velden["offset"], velden["ip"], velden["duur_s"]) == (3, 123456789012, "192.168.100.200", 0.25)
    assert velden["dag"] == "datetime.date(2024, 1, 8)"
    assert dt.datetime.fromisoformat(velden["timestamp"]).tzinfo is not None   # the line's own ISO timestamp
    assert velden["level"] == "info"


NUMMERS = st.integers(0, 999_999_999).map("{:09d}".format) | st.integers(0, 9_999_999_999).map("{:010d}".format)
IBANS = st.builds(
    lambda land, controle, bban: f"{land}{controle:02d}{bban}",
    st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2),
    st.integers(2, 98),
    st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=10, max_size=29).map(lambda s: s + "7"),
)
RAND = st.sampled_from([" ", "=", ": ", "(", "'", "/", "_", "\n", "\t", ", "])
GEDRUKT = IBANS.map(lambda i: " ".join(i[k:k + 4] for k in range(0, len(i), 4)))


@given(waarde=NUMMERS | IBANS | GEDRUKT | GEDRUKT.map(str.lower), voor=RAND, na=RAND | st.just(". "))
def test_any_bsn_vnummer_or_iban_in_free_text_is_masked_and_the_text_around_it_kept(waarde, voor, na) -> None:
    masker = "[nummer]" if waarde.isdigit() else "[iban]"
    assert maskeer(f"reden{voor}{waarde}{na}huur over mei") == f"reden{voor}{masker}{na}huur over mei"
