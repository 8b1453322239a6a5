"""Mzd's staff commands (mzd-medewerkers): BBB applications, assessments and admissions, perspective, contact person, care needs and uitstroom."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from events.base import Datum
from services.runtime.commands import Opdracht, Verzoek

ROLLEN = ("mzd-medewerker",)


class Bbb(Verzoek):
    datum: Datum


class BbbCorrectie(Verzoek):
    datum: Datum = Field(description="the right date of the admission")
    reden: str = Field(min_length=1, max_length=200, description="why the admission is corrected (no personal data)")


class BbbAanvraag(Verzoek):
    datum: Datum = Field(description="the day the person applied for BBB-opvang")


class BbbBeoordeling(Verzoek):
    datum: Datum = Field(description="the day of the assessment (and of the admission, when admitted)")
    binding: bool = Field(description="the person has binding with Nijmegen")
    bindingsgrond: Literal["verblijf-in-nijmegen", "laatste-opvang-in-nijmegen", "gezin-of-netwerk",
                           "zorg-of-behandeling"] | None = Field(
        None, description="the ground of the binding: required with `binding: true`, and only then")
    voorliggende_voorziening: bool = Field(
        description="an adequate voorliggende voorziening is available to the person (then BBB-opvang is refused)")


class Perspectief(Verzoek):
    datum: Datum = Field(description="from this day on")
    perspectief: Literal["terugkeer", "doormigratie", "legalisering"]


Medewerker = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,31}$")]
"""A staff reference (an account or personeelsnummer such as `bz-0412`), never a name."""


class Contactpersoon(Verzoek):
    datum: Datum = Field(description="from this day on")
    contactpersoon: Medewerker = Field(description="the vaste contactpersoon's staff reference (e.g. `bz-0412`), never a name")


class Zorgbehoefte(Verzoek):
    datum: Datum = Field(description="from this day on")
    zorgbehoefte: Literal["somatisch", "psychisch", "mobiliteit", "cognitief", "verslaving"] | None = Field(
        None, description="the care need from the closed list; leave out when there is none any more")


class Uitstroom(Verzoek):
    datum: Datum = Field(description="the day the person left the mzd-voorziening")
    uitstroomreden: Literal["terugkeer", "doormigratie", "legalisering", "vertrokken-onbekend", "overleden",
                            "overig"] = Field(
        description="why; `legalisering` is recorded from the IND's permit, not by this command")


COMMANDS: tuple[Opdracht[Any], ...] = (
    Opdracht(
        "mzd", "bbb", "bbb-toelatingen", Bbb, ROLLEN,
        lambda app, uow, persoon, v: app.laat_toe_tot_bbb(uow, persoon, v.datum),
        "Admit a person to BBB-opvang directly (an admission whose assessment welkom does not record).",
    ),
    Opdracht(
        "mzd", "corrigeer-bbb", "bbb-toelating-correcties", BbbCorrectie, ROLLEN,
        lambda app, uow, persoon, v: app.corrigeer_bbb_toelating(uow, persoon, v.datum, v.reden),
        "Correct the date of a recorded admission to BBB-opvang.",
    ),
    Opdracht(
        "mzd", "vraag-bbb-aan", "bbb-aanvragen", BbbAanvraag, ROLLEN,
        lambda app, uow, persoon, v: app.vraag_bbb_aan(uow, persoon, v.datum),
        "Record a person's application for BBB-opvang.",
    ),
    Opdracht(
        "mzd", "beoordeel-bbb", "bbb-beoordelingen", BbbBeoordeling, ROLLEN,
        lambda app, uow, persoon, v: app.beoordeel_bbb(uow, persoon, v.datum, v.binding, v.bindingsgrond,
                                                       v.voorliggende_voorziening),
        "Assess the open BBB application: admitted with binding and without an adequate voorliggende voorziening, "
        "else refused with the conditions not met.",
    ),
    Opdracht(
        "mzd", "perspectief", "perspectieven", Perspectief, ROLLEN,
        lambda app, uow, persoon, v: app.staf(uow, persoon, v.datum).stel_perspectief_vast(v.perspectief, v.datum),
        "Set or change the perspective the person works towards (terugkeer, doormigratie, legalisering).",
    ),
    Opdracht(
        "mzd", "contactpersoon", "contactpersonen", Contactpersoon, ROLLEN,
        lambda app, uow, persoon, v: app.staf(uow, persoon, v.datum).wijs_contactpersoon_toe(v.contactpersoon, v.datum),
        "Assign the vaste contactpersoon (a staff reference).",
    ),
    Opdracht(
        "mzd", "zorgbehoefte", "zorgbehoeften", Zorgbehoefte, ROLLEN,
        lambda app, uow, persoon, v: app.staf(uow, persoon, v.datum).stel_zorgbehoefte_vast(v.zorgbehoefte, v.datum),
        "Record the person's care need from the closed list, or that there is none any more.",
    ),
    Opdracht(
        "mzd", "uitstroom", "uitstromen", Uitstroom, ROLLEN,
        lambda app, uow, persoon, v: app.staf(uow, persoon, v.datum).stroom_uit(v.datum, v.uitstroomreden),
        "Close the case with the uitstroom and its reason.",
    ),
)
