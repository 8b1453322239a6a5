"""Opvang's staff commands for ontheemden from Ukraine: named by BSN (checked, pseudonymised, never stored or echoed)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from events.base import Datum
from services.runtime.commands import Basisverzoek, Opdracht

ROLLEN = ("opvang-medewerker",)

ELFPROEF = ("BSN of the ontheemde: nine digits that pass the elfproef (9×d1 + 8×d2 + … + 2×d8 − d9 is a "
            "multiple of 11); other digits answer 422 `domeinregel:OngeldigBsnFout`, like every value a rule "
            "refuses. In the body, never in a URL; never stored or echoed.")

Bsn = Annotated[str, StringConstraints(pattern=r"^[0-9]{9}$")]
"""A burgerservicenummer as the request models read it: nine digits. The elfproef is a rule of the
command (`Ontheemden.persoon_van_bsn`: 422 `OngeldigBsnFout`), as a checksum cannot be said in a schema."""


class OntheemdeVerzoek(Basisverzoek):
    """The body of a command about an ontheemde: known by BSN (an ontheemde has no V-nummer)."""

    bsn: Bsn = Field(description=ELFPROEF)


class Registratie(OntheemdeVerzoek):
    datum: Datum = Field(description="the day the gemeente registered the ontheemde")


class Plaatsing(OntheemdeVerzoek):
    locatie_id: str = Field(min_length=1, max_length=64, description=(
        "an Oekraïne-locatie of the gemeente (registered with `open-locatie`, soort `oekraine`), "
        "or `particulier` for private shelter (no address is recorded)"))
    datum: Datum


class Vertrek(OntheemdeVerzoek):
    datum: Datum = Field(description="the last day of the stay")
    vertrekreden: Literal["terugkeer", "ander-land", "andere-gemeente", "eigen-woonruimte", "overleden", "onbekend"]


class EigenBijdrage(OntheemdeVerzoek):
    model_config = ConfigDict(json_schema_extra={  # the rule of `_grond_bij_vrijstelling`, said in the schema
        "if": {"properties": {"besluit": {"const": "vrijgesteld"}}, "required": ["besluit"]},
        "then": {"required": ["vrijstellingsgrond"], "properties": {"vrijstellingsgrond": {"type": "string"}}},
        "else": {"properties": {"vrijstellingsgrond": {"type": "null"}}},
    })

    datum: Datum = Field(description="from this day on (not before 2024-07-01, when the TWOO introduced it)")
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
