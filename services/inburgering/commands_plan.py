"""Inburgering's staff commands after the koppeling (klantregisseurs): invitation, PIP, route, voortgang, PVT, MAP, Z-route; the old law's request."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from events.base import Datum
from services.runtime.commands import Opdracht, Verzoek

ROLLEN = ("klantregisseur",)

Leerroute = Literal["B1", "onderwijsroute", "z-route"]


class Gedateerd(Verzoek):
    datum: Datum


Aanbieder = Annotated[str, StringConstraints(min_length=1, max_length=80)]


class Pip(Verzoek):
    datum: Datum = Field(description="the dagtekening of the PIP (as reported to DUO)")
    leerroute: Leerroute = Field(description="B1, onderwijsroute or z-route")
    niveau: Literal["A1", "A2", "B1", "B2"] | None = Field(
        None, description="the language level the route aims at; default B1 (A1 for the z-route)")
    alfabetisering: Literal["A", "AA", "NVT"] = Field("NVT", description="DUO's alfabetiseringsindicator")
    aanbieder: Aanbieder | None = Field(None, description="the provider of the route (an organisation), when known")


class Routestart(Verzoek):
    datum: Datum
    aanbieder: Aanbieder | None = Field(None, description="the provider that started the route; default the PIP's")


class Pvt(Verzoek):
    datum: Datum = Field(description="the day the participatieverklaring was signed")
    verwijtbaar: bool = Field(False, description="the person is to blame for a delay of the PVT")


def _gedateerd(naam: str, pad: str, methode: str, doc: str) -> Opdracht[Any]:
    return Opdracht("inburgering", naam, pad, Gedateerd, ROLLEN,
                    lambda app, uow, persoon, v: getattr(app, methode)(uow, persoon, v.datum), doc)


def _pip(app: Any, uow: Any, persoon: Any, v: Pip, methode: str) -> None:
    niveau = v.niveau or ("A1" if v.leerroute == "z-route" else "B1")
    getattr(app, methode)(uow, persoon, v.datum, v.leerroute, niveau, v.alfabetisering, v.aanbieder)


COMMANDS_PLAN: tuple[Opdracht[Any], ...] = (
    _gedateerd("nodig-uit", "intake-uitnodigingen", "nodig_uit", "Record that the invitation for the brede intake was sent."),
    Opdracht("inburgering", "pip", "pips", Pip, ROLLEN, lambda app, uow, persoon, v: _pip(app, uow, persoon, v, "stel_pip_vast"),
             "Set the PIP (reported to DUO); a gezinsmigrant's PIP finances no leerroute."),
    Opdracht("inburgering", "wijzig-pip", "pip-wijzigingen", Pip, ROLLEN,
             lambda app, uow, persoon, v: _pip(app, uow, persoon, v, "wijzig_pip"), "Change the PIP (reported to DUO)."),
    _gedateerd("voortgangsgesprek", "voortgangsgesprekken", "voer_voortgangsgesprek",
               "Record a held voortgangsgesprek; the next one is due within the configured months."),
    Opdracht("inburgering", "start-route", "leerroute-starts", Routestart, ROLLEN,
             lambda app, uow, persoon, v: app.start_leerroute(uow, persoon, v.datum, v.aanbieder),
             "Record that the PIP's leerroute started with its aanbieder (not for a gezinsmigrant)."),
    Opdracht("inburgering", "pvt", "pvt-ondertekeningen", Pvt, ROLLEN,
             lambda app, uow, persoon, v: app.onderteken_pvt(uow, persoon, v.datum, v.verwijtbaar),
             "Record the signed participatieverklaring, and whether a delay was verwijtbaar (reported to DUO)."),
    _gedateerd("map", "map-eindgesprekken", "rond_map_af", "Record the MAP's final interview (reported to DUO)."),
    _gedateerd("z-route", "z-route-afrondingen", "rond_zroute_af", "Record the completed Z-route (reported to DUO)."),
    _gedateerd("oude-wet-verzoek", "oude-wet-verzoeken", "registreer_verzoek",
               "Record that a person under the old law asked for guidance (the old law guides only on request)."),
)
