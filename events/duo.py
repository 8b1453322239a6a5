"""Inbound events of DUO (Wet inburgering 2021) on keten.duo: one signal type, its `gegevens` validated per code."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, Field, StringConstraints, ValidationInfo, WithJsonSchema, field_validator, model_validator

from events.base import Datum, Gegevens
from events.brp import Bsn

DUO_SIGNAAL_ONTVANGEN = "nl.inburgering.duo-signaal-ontvangen"

Doelgroep = Literal["asielstatushouder", "gezinsmigrant"]


def _tien_cijfers(waarde: Any) -> Any:
    """DUO keeps the vNummer as a number, so it may lack its leading zeros: back to ten digits. It travels
    as a JSON string like every field of the bus (no coercion: a JSON number is refused)."""
    if isinstance(waarde, str) and waarde.isascii() and waarde.isdigit() and 0 < len(waarde) < 10:
        return waarde.zfill(10)
    return waarde


DuoVnummer = Annotated[
    str, BeforeValidator(_tien_cijfers), StringConstraints(pattern=r"^[0-9]{10}$"),
    WithJsonSchema({"type": "string", "pattern": "^[0-9]{1,10}$"}),
]
"""A vreemdelingennummer as DUO has it: one to ten digits (leading zeros may be lost), ten digits in welkom."""


class PlichtOntstaan(Gegevens):
    """SS101 plicht ontstaan, SS128 plicht with the AOW age within 6 months, SS129 tijdelijke vrijstelling ingetrokken, SS139 plicht and the 10-week term to set a leerroute started."""

    begindatum: Datum
    doelgroep: Doelgroep


class TermijnGestart(Gegevens):
    """SS102: the 3-year inburgeringstermijn started."""

    startdatum: Datum
    einddatum: Datum


class TermijnVerlengd(Gegevens):
    """SS103, SS104: the inburgeringstermijn was extended to a new einddatum."""

    einddatum: Datum
    grond: str = Field(min_length=1, max_length=80)


class Gedateerd(Gegevens):
    """SS106 diploma, SS107 vrijstelling, SS109 tijdelijke vrijstelling, SS111 overleden, SS120/SS121 gevestigd in de gemeente (SS121 with a PIP of the previous gemeente), SS137 aangemeld voor de leerbaarheidstoets."""

    datum: Datum


class Ontheffing(Gegevens):
    """SS108: ontheffing, on grond BIO (biografisch) or MED (medisch)."""

    datum: Datum
    grond: Literal["BIO", "MED"]


class PlichtVervallen(Gegevens):
    """SS110: the plicht vervallen, with DUO's reden."""

    datum: Datum
    reden: str = Field(min_length=1, max_length=80)


class DoelgroepGewijzigd(Gegevens):
    """SS124, SS125: the doelgroep changed (asielstatushouder <-> gezinsmigrant)."""

    datum: Datum
    doelgroep: Doelgroep


class Leerbaarheidsuitslag(Gegevens):
    """SS131: the uitslag of the leerbaarheidstoets."""

    datum: Datum
    uitslag: str = Field(min_length=1, max_length=40)


class Examenresultaat(Gegevens):
    """SS199: a result of an exam onderdeel."""

    examendatum: Datum
    onderdeel: Literal["KNM", "LE", "LU", "SC", "SP", "ONA"]
    niveau: Literal["A1", "A2", "B1", "B2"]
    resultaat: Literal["geslaagd", "gezakt", "geen"]


GEGEVENS_PER_CODE: dict[str, type[Gegevens]] = {
    **dict.fromkeys(("SS101", "SS128", "SS129", "SS139"), PlichtOntstaan),
    "SS102": TermijnGestart,
    **dict.fromkeys(("SS103", "SS104"), TermijnVerlengd),
    **dict.fromkeys(("SS106", "SS107", "SS109", "SS111", "SS120", "SS121", "SS137"), Gedateerd),
    "SS108": Ontheffing,
    "SS110": PlichtVervallen,
    **dict.fromkeys(("SS124", "SS125"), DoelgroepGewijzigd),
    "SS131": Leerbaarheidsuitslag,
    "SS199": Examenresultaat,
}
"""The shape of `gegevens` for each gebeurtenisId welkom takes: the union is discriminated by the code."""

Code = Literal["SS101", "SS102", "SS103", "SS104", "SS106", "SS107", "SS108", "SS109", "SS110", "SS111",
               "SS120", "SS121", "SS124", "SS125", "SS128", "SS129", "SS131", "SS137", "SS139", "SS199"]
assert set(Code.__args__) == set(GEGEVENS_PER_CODE)  # type: ignore[attr-defined]

SignaalGegevens = Union[PlichtOntstaan, TermijnGestart, TermijnVerlengd, Gedateerd, Ontheffing, PlichtVervallen,
                        DoelgroepGewijzigd, Leerbaarheidsuitslag, Examenresultaat]


class DuoSignaalOntvangen(Gegevens):
    """A DUO signal (gebeurtenisId SS101 ...) about a person, enriched by the gemeente's raadpleging; `gegevens` has the shape of its code."""

    gebeurtenis_id: Code
    vnummer: DuoVnummer | None = None
    bsn: Bsn | None = None
    registratiedatum: Datum
    """The day DUO registered the event."""
    gegevens: SignaalGegevens = Field(description="the facts of the code: " + "; ".join(
        f"{code} {model.__name__}" for code, model in sorted(GEGEVENS_PER_CODE.items())))

    @field_validator("gegevens", mode="wrap")
    @classmethod
    def _per_code(cls, waarde: Any, handler: Any, info: ValidationInfo) -> Any:
        """Validate `gegevens` against the model of its gebeurtenis_id only (strict, as JSON when it came as JSON)."""
        model = GEGEVENS_PER_CODE.get(info.data.get("gebeurtenis_id", ""))
        if model is None:  # the code itself was refused already: that is the reason
            return waarde
        if isinstance(waarde, model):
            return waarde
        if info.mode == "json":
            return model.model_validate_json(json.dumps(waarde))
        return model.model_validate(waarde)

    @model_validator(mode="after")
    def _vnummer_of_bsn(self) -> DuoSignaalOntvangen:
        if self.vnummer is None and self.bsn is None:
            raise ValueError("vnummer or bsn is required")
        return self
