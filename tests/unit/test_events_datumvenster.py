"""A partner's event dated before the past bound (default 1 January 2000) is refused as datum-onwaarschijnlijk; birth dates are not."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from events_hulp import VOORBEELDEN

from events.envelope import STRUCTURED_CONTENT_TYPE, VROEGSTE_DATUM, Afgewezen, lees
from events.registry import REGISTRY, SOORTEN, Eventsoort

INKOMEND = [s for s in SOORTEN if s.richting == "inkomend"]
KOPPEN = [("content-type", STRUCTURED_CONTENT_TYPE.encode())]


def record(soort: Eventsoort, data: dict[str, Any]) -> bytes:
    return json.dumps({"specversion": "1.0", "id": "d-1", "source": "urn:nld:oin:x", "type": soort.type,
                       "data": data}).encode()


def met_datum(waarde: Any, datum: str, pad: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    """Every way to put `datum` in one date field of this example (a birth date aside), with its path."""
    uit: list[tuple[tuple[Any, ...], Any]] = []
    if isinstance(waarde, dict):
        for k, v in waarde.items():
            if isinstance(v, str) and _is_datum(v) and k != "geboortedatum":
                uit.append(((*pad, k), {**waarde, k: datum}))
            for binnen_pad, binnen in met_datum(v, datum, (*pad, k)):
                uit.append((binnen_pad, {**waarde, k: binnen}))
    elif isinstance(waarde, list):
        for i, v in enumerate(waarde):
            for binnen_pad, binnen in met_datum(v, datum, (*pad, i)):
                uit.append((binnen_pad, [*waarde[:i], binnen, *waarde[i + 1:]]))
    return uit


def _is_datum(tekst: str) -> bool:
    try:
        dt.date.fromisoformat(tekst)
        return len(tekst) == 10
    except ValueError:
        return False


@pytest.mark.parametrize("soort", [s for s in INKOMEND if met_datum(VOORBEELDEN[s.type], "")], ids=lambda s: s.type)
def test_every_date_of_every_inbound_type_is_held_to_the_past_bound(soort: Eventsoort) -> None:
    voorbeeld = VOORBEELDEN[soort.type]
    varianten = met_datum(voorbeeld, "1999-12-31")
    for pad, data in varianten:
        assert lees(record(soort, _zet(voorbeeld, pad, "2000-01-01")), KOPPEN).type == soort.type  # the bound: in
        try:
            lees(record(soort, data), KOPPEN)
        except Afgewezen as e:
            assert e.reden == "datum-onwaarschijnlijk", (soort.type, pad, e.reden)
        else:   # a date kept as text inside free-form data (DUO's `gegevens`) is not a date field
            assert "gegevens" in pad, (soort.type, pad)


def _zet(waarde: Any, pad: tuple[Any, ...], datum: str) -> Any:
    if not pad:
        return datum
    kop, *rest = pad
    if isinstance(waarde, dict):
        return {**waarde, kop: _zet(waarde[kop], tuple(rest), datum)}
    return [*waarde[:kop], _zet(waarde[kop], tuple(rest), datum), *waarde[kop + 1:]]


def test_the_bound_itself_is_allowed_and_it_can_be_set() -> None:
    soort = REGISTRY["nl.vreemdelingen.verblijfsvergunning-verleend"]
    data = {"vnummer": "1234567890", "besluitdatum": VROEGSTE_DATUM.isoformat(), "soort": "asiel"}
    assert lees(record(soort, data), KOPPEN).type == soort.type
    with pytest.raises(Afgewezen, match="datum-onwaarschijnlijk"):
        lees(record(soort, {**data, "besluitdatum": "0001-01-01"}), KOPPEN)
    with pytest.raises(Afgewezen, match="datum-onwaarschijnlijk"):
        lees(record(soort, data), KOPPEN, vroegste=dt.date(2010, 1, 1))


def test_a_birth_date_long_ago_is_a_person_not_a_typo() -> None:
    soort = REGISTRY["nl.statushouders.gekoppeld-aan-gemeente"]
    data = {"vnummer": "1234567890", "gemeentecode": "0268", "koppeldatum": "2024-03-10",
            "huishouden": [{"vnummer": "1234567890", "geboortedatum": "1948-05-14"}]}
    assert lees(record(soort, data), KOPPEN).type == soort.type
