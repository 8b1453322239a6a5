"""Opvang's staff commands for ontheemden from Ukraine: named by BSN (checked, pseudonymised, never stored or echoed)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, StringConstraints, model_validator
from stdnum.nl import bsn as _bsn

from services.runtime.commands import Basisverzoek, Opdracht

ROLLEN = ("opvang-medewerker",)


def _elfproef(waarde: str) -> str:
    if not _bsn.is_valid(waarde):
        raise ValueError("not a valid BSN (nine digits passing the elfproef)")
    return waarde


Bsn = Annotated[str, StringConstraints(pattern=r"^[0-9]{9}$"), AfterValidator(_elfproef)]
"""A burgerservicenummer: nine digits that pass the elfproef."""


class OntheemdeVerzoek(Basisverzoek):
    """The body of a command about an ontheemde: known by BSN (an ontheemde has no V-nummer)."""

    bsn: Bsn = Field(description="BSN of the ontheemde; in the body, never in a URL; never stored or echoed")


class Registratie(OntheemdeVerzoek):
    datum: dt.date = Field(description="the day the gemeente registered the ontheemde")


class Plaatsing(OntheemdeVerzoek):
    locatie_id: str = Field(min_length=1, max_length=64, description=(
        "an Oekraïne-locatie of the gemeente (registered with `open-locatie`, soort `oekraine`), "
        "or `particulier` for private shelter (no address is recorded)"))
    datum: dt.date


class Vertrek(OntheemdeVerzoek):
    datum: dt.date = Field(description="the last day of the stay")
    vertrekreden: Literal["terugkeer", "ander-land", "andere-gemeente", "eigen-woonruimte", "overleden", "onbekend"]


class EigenBijdrage(OntheemdeVerzoek):
    datum: dt.date = Field(description="from this day on (not before 2024-07-01, when the TWOO introduced it)")
    besluit: Literal["plichtig", "vrijgesteld"]
    vrijstellingsgrond: Literal["geen-inkomen", "inkomen-onder-norm", "minderjarig", "hardheidsclausule"] | None = (
        Field(None, description="why the ontheemde is exempt: only, and then required, with `vrijgesteld`"))

    @model_validator(mode="after")
    def _grond_bij_vrijstelling(self) -> EigenBijdrage:
        if (self.besluit == "vrijgesteld") != (self.vrijstellingsgrond is not None):
            raise ValueError("vrijstellingsgrond is required with vrijgesteld, and only then")
        return self


def _per_bsn(app: Any, verzoek: Any) -> Any:
    """The person of a command: the persoon_id of the ontheemde's BSN."""
    return app.persoon_van_bsn(verzoek.bsn)


_OPTIES: dict[str, Any] = {"cli_namen": {"locatie_id": "locatie"}, "persoon": _per_bsn}

COMMANDS_ONTHEEMDEN: tuple[Opdracht[Any], ...] = (
    Opdracht(
        "opvang", "registreer-ontheemde", "ontheemden", Registratie, ROLLEN,
        lambda app, uow, persoon, v: app.registreer_ontheemde(uow, persoon, v.datum),
        "Register an ontheemde from Ukraine (temporary protection), by BSN, while the protection holds.",
        **_OPTIES,
    ),
    Opdracht(
        "opvang", "plaats-ontheemde", "ontheemde-plaatsingen", Plaatsing, ROLLEN,
        lambda app, uow, persoon, v: app.plaats_ontheemde(uow, persoon, v.locatie_id, v.datum),
        "Place a registered ontheemde in an Oekraïne-locatie of the gemeente, or in particuliere opvang.",
        **_OPTIES,
    ),
    Opdracht(
        "opvang", "verplaats-ontheemde", "ontheemde-verplaatsingen", Plaatsing, ROLLEN,
        lambda app, uow, persoon, v: app.verplaats_ontheemde(uow, persoon, v.locatie_id, v.datum),
        "Move an ontheemde to another Oekraïne-locatie, or to or from particuliere opvang (every move counts).",
        **_OPTIES,
    ),
    Opdracht(
        "opvang", "vertrek-ontheemde", "ontheemde-vertrekken", Vertrek, ROLLEN,
        lambda app, uow, persoon, v: app.laat_ontheemde_vertrekken(uow, persoon, v.datum, v.vertrekreden),
        "End an ontheemde's stay, with the reason (the registration stays).",
        **_OPTIES,
    ),
    Opdracht(
        "opvang", "eigen-bijdrage", "eigen-bijdragen", EigenBijdrage, ROLLEN,
        lambda app, uow, persoon, v: app.stel_eigen_bijdrage_vast(
            uow, persoon, v.datum, v.besluit == "plichtig", v.vrijstellingsgrond),
        "Record from a date on whether an ontheemde owes the eigen bijdrage (TWOO) or is exempt, and on which ground.",
        **_OPTIES,
    ),
)
