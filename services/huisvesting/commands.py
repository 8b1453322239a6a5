"""Huisvesting's staff commands (woonconsulenten): offers, moves and IBANs, and corrections of each."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from events.base import Datum, Vnummer
from services.runtime.commands import Opdracht, Verzoek

ROLLEN = ("woonconsulent",)


class Aanbod(Verzoek):
    vnummer: Vnummer = Field(description="V-nummer of the household's main person")
    woning_id: str = Field(description="the offered home")
    datum: Datum


class AanbodMetReden(Aanbod):
    reden: str = Field(min_length=1, max_length=200, description="why (no personal data)")


class Iban(Verzoek):
    vnummer: Vnummer = Field(description="V-nummer of the person (the household's main person unblocks it)")
    iban: str = Field(min_length=15, max_length=40, description="checked (ISO 13616), never stored")
    datum: Datum


def _reden() -> Any:
    return Field(min_length=1, max_length=200, description="why the fact is corrected (no personal data)")


class IbanCorrectie(Verzoek):
    vnummer: Vnummer = Field(description="V-nummer of the person whose IBAN registration is corrected")
    datum: Datum = Field(description="the right date on which the IBAN became known")
    reden: str = _reden()


class AanbodCorrectie(Aanbod):
    datum: Datum = Field(description="the right date of the step")
    reden: str = _reden()


class WeigeringCorrectie(AanbodCorrectie):
    weigerreden: str = Field(min_length=1, max_length=200, description="the right reason of the refusal")


class IntrekkingCorrectie(AanbodCorrectie):
    intrekreden: str = Field(min_length=1, max_length=200, description="the right reason of the withdrawal")


COMMANDS = (
    Opdracht(
        "huisvesting", "accepteer", "aanbod-acceptaties", Aanbod, ROLLEN,
        lambda app, uow, persoon, v: app.accepteer(uow, persoon, v.woning_id, v.datum),
        "Record that the household accepted the offered home.",
        cli_namen={"woning_id": "woning"},
    ),
    Opdracht(
        "huisvesting", "weiger", "aanbod-weigeringen", AanbodMetReden, ROLLEN,
        lambda app, uow, persoon, v: app.weiger(uow, persoon, v.woning_id, v.datum, v.reden),
        "Record that the household refused the offered home (it goes to the next household).",
        cli_namen={"woning_id": "woning"},
    ),
    Opdracht(
        "huisvesting", "verhuis", "verhuizingen", Aanbod, ROLLEN,
        lambda app, uow, persoon, v: app.verhuis(uow, persoon, v.woning_id, v.datum),
        "Record that the household moved into its home.",
        cli_namen={"woning_id": "woning"},
    ),
    Opdracht(
        "huisvesting", "trek-in", "aanbod-intrekkingen", AanbodMetReden, ROLLEN,
        lambda app, uow, persoon, v: app.trek_in(uow, persoon, v.woning_id, v.datum, v.reden),
        "Withdraw an offer whose 2-week move term expired (the home goes to the next household).",
        cli_namen={"woning_id": "woning"},
    ),
    Opdracht(
        "huisvesting", "iban", "ibans", Iban, ROLLEN,
        lambda app, uow, persoon, v: app.registreer_iban(uow, persoon, v.iban, v.datum),
        "Register that a person has a valid IBAN (checked, then only its existence is recorded; "
        "a missing IBAN of the main person blocks housing).",
    ),
    Opdracht(
        "huisvesting", "corrigeer-iban", "iban-correcties", IbanCorrectie, ROLLEN,
        lambda app, uow, persoon, v: app.corrigeer_iban(uow, persoon, v.datum, v.reden),
        "Correct the date of an IBAN registration; a dossier it unblocked then counts as blocked until the "
        "corrected date (the old and new date and the reason are recorded).",
    ),
    Opdracht(
        "huisvesting", "corrigeer-acceptatie", "aanbod-acceptatie-correcties", AanbodCorrectie, ROLLEN,
        lambda app, uow, persoon, v: app.corrigeer_acceptatie(uow, persoon, v.woning_id, v.datum, v.reden),
        "Correct the date of a recorded acceptance.",
        cli_namen={"woning_id": "woning"},
    ),
    Opdracht(
        "huisvesting", "corrigeer-weigering", "aanbod-weigering-correcties", WeigeringCorrectie, ROLLEN,
        lambda app, uow, persoon, v: app.corrigeer_weigering(uow, persoon, v.woning_id, v.datum, v.weigerreden,
                                                             v.reden),
        "Correct the date and reason of a recorded refusal (the home's next offer keeps its date).",
        cli_namen={"woning_id": "woning"},
    ),
    Opdracht(
        "huisvesting", "corrigeer-intrekking", "aanbod-intrekking-correcties", IntrekkingCorrectie, ROLLEN,
        lambda app, uow, persoon, v: app.corrigeer_intrekking(uow, persoon, v.woning_id, v.datum, v.intrekreden,
                                                              v.reden),
        "Correct the date and reason of a recorded withdrawal (still after the move term).",
        cli_namen={"woning_id": "woning"},
    ),
    Opdracht(
        "huisvesting", "corrigeer-verhuizing", "verhuizing-correcties", AanbodCorrectie, ROLLEN,
        lambda app, uow, persoon, v: app.corrigeer_verhuizing(uow, persoon, v.woning_id, v.datum, v.reden),
        "Correct the date of a recorded move: the move term, the taakstelling and the opvang's uitstroom follow.",
        cli_namen={"woning_id": "woning"},
    ),
)
