"""Outbound events of the inburgering service on gemeente.inburgering."""

from __future__ import annotations

import uuid
from typing import Literal

from events.base import Datum, Gegevens

INBURGERINGSTRAJECT_GESTART = "nl.inburgeraars.inburgeringstraject-gestart"
BREDE_INTAKE_AFGEROND = "nl.inburgeraars.brede-intake-afgerond"
INTAKETERMIJN_VERSTREKEN = "nl.inburgeraars.intaketermijn-verstreken"
INTAKETERMIJN_HERZIEN = "nl.inburgeraars.intaketermijn-herzien"
BREDE_INTAKE_GECORRIGEERD = "nl.inburgeraars.brede-intake-gecorrigeerd"

Leerroute = Literal["B1", "onderwijsroute", "z-route"]


class InburgeringstrajectGestart(Gegevens):
    """An adult's inburgeringstraject started (koppeling, nareis permit, legalisering, 18th birthday or DUO's plicht for a gezinsmigrant); the brede intake is due within 10 weeks of its start."""

    traject_id: uuid.UUID
    persoon_id: uuid.UUID
    koppeldatum: Datum
    """The koppeldatum; for a traject without koppeling, the day it started."""
    intaketermijn_verloopt_op: Datum
    startdatum: Datum | None = None
    """The day the traject counts from (a minor's 18th birthday); absent in events before it was recorded: the koppeldatum."""
    doelgroep: Literal["asielstatushouder", "nareiziger", "gezinsmigrant"] | None = None
    aanleiding: Literal["koppeling", "nareis", "legalisering", "meerderjarig", "duo"] | None = None


class BredeIntakeAfgerond(Gegevens):
    """The brede intake was held and a leerroute chosen (design: IntakeAfgerond)."""

    traject_id: uuid.UUID
    persoon_id: uuid.UUID
    datum: Datum
    leerroute: Leerroute
    binnen_termijn: bool


class IntaketermijnVerstreken(Gegevens):
    """Ten weeks passed since koppeling without a brede intake."""

    traject_id: uuid.UUID
    persoon_id: uuid.UUID
    verlopen_op: Datum


class IntaketermijnHerzien(Gegevens):
    """An intake dated within the 10-week term arrived (or was corrected into it) after that term was recorded as expired: the term was met."""

    traject_id: uuid.UUID
    persoon_id: uuid.UUID
    verlopen_op: Datum
    """The term's last day, as in the `intaketermijn-verstreken` this revises."""
    gehaald_op: Datum
    """The date of the brede intake."""
    reden: Literal["brede-intake-afgerond", "brede-intake-gecorrigeerd"]


class BredeIntakeGecorrigeerd(Gegevens):
    """Staff corrected the date and/or leerroute of a brede intake they recorded."""

    traject_id: uuid.UUID
    persoon_id: uuid.UUID
    datum: Datum
    oude_datum: Datum
    leerroute: Leerroute
    oude_leerroute: Leerroute
    binnen_termijn: bool
    reden: str


# -- the PIP and what the gemeente reports to DUO ----------------------------------------------

INTAKE_UITNODIGING_VERSTUURD = "nl.inburgeraars.intake-uitnodiging-verstuurd"
PIP_VASTGESTELD = "nl.inburgeraars.pip-vastgesteld"
PIP_GEWIJZIGD = "nl.inburgeraars.pip-gewijzigd"
LEERROUTE_GESTART = "nl.inburgeraars.leerroute-gestart"
VOORTGANGSGESPREK_GEVOERD = "nl.inburgeraars.voortgangsgesprek-gevoerd"
VOORTGANGSTERMIJN_VERSTREKEN = "nl.inburgeraars.voortgangstermijn-verstreken"
PVT_ONDERTEKEND = "nl.inburgeraars.pvt-ondertekend"
MAP_EINDGESPREK_GEVOERD = "nl.inburgeraars.map-eindgesprek-gevoerd"
Z_ROUTE_AFGEROND = "nl.inburgeraars.z-route-afgerond"
IN_WIJK_GEVESTIGD = "nl.inburgeraars.in-wijk-gevestigd"


class Gedateerd(Gegevens):
    """A fact of one person's inburgering on a date."""

    persoon_id: uuid.UUID
    datum: Datum


class IntakeUitnodigingVerstuurd(Gedateerd):
    """The klantregisseur sent the invitation for the brede intake."""


class Pip(Gegevens):
    """A persoonlijk plan inburgering en participatie, as the gemeente reports it to DUO."""

    persoon_id: uuid.UUID
    dagtekening: Datum
    leerroute: Leerroute
    niveau: Literal["A1", "A2", "B1", "B2"]
    alfabetisering: Literal["A", "AA", "NVT"]
    aanbieder: str | None


class PipVastgesteld(Pip):
    """The persoonlijk plan inburgering en participatie was set (what the gemeente reports to DUO); `gefinancierd` false for a gezinsmigrant, who pays their own route."""

    gefinancierd: bool
    voortgangsgesprek_uiterlijk: Datum


class PipGewijzigd(Pip):
    """The PIP was changed (reported to DUO again)."""

    vorige_leerroute: Leerroute


class LeerrouteGestart(Gedateerd):
    """The PIP's leerroute started with its aanbieder."""

    leerroute: Leerroute
    aanbieder: str | None


class VoortgangsgesprekGevoerd(Gedateerd):
    """A voortgangsgesprek on the PIP was held; the next is due by `volgende_uiterlijk`."""

    volgende_uiterlijk: Datum


class VoortgangstermijnVerstreken(Gegevens):
    """A voortgangsgesprek was not held by its due date."""

    persoon_id: uuid.UUID
    verlopen_op: Datum


class PvtOndertekend(Gedateerd):
    """The participatieverklaring was signed (reported to DUO); `verwijtbaar`: the person is to blame for a delay."""

    verwijtbaar: bool


class MapEindgesprekGevoerd(Gedateerd):
    """The final interview of the module arbeidsmarkt en participatie was held (reported to DUO)."""


class ZrouteAfgerond(Gedateerd):
    """The Z-route was completed (reported to DUO)."""


class InWijkGevestigd(Gedateerd):
    """Welkom in de wijk: the person moved into a home in this wijk (never an address)."""

    wijk: str


# -- the plicht, as DUO signals it -----------------------------------------------------------

INBURGERINGSPLICHT_ONTSTAAN = "nl.inburgeraars.inburgeringsplicht-ontstaan"
INBURGERINGSPLICHT_GESCHORST = "nl.inburgeraars.inburgeringsplicht-geschorst"
INBURGERINGSPLICHT_HERVAT = "nl.inburgeraars.inburgeringsplicht-hervat"
INBURGERINGSPLICHT_BEEINDIGD = "nl.inburgeraars.inburgeringsplicht-beeindigd"
DOELGROEP_GEWIJZIGD = "nl.inburgeraars.doelgroep-gewijzigd"
INBURGERINGSTERMIJN_VASTGESTELD = "nl.inburgeraars.inburgeringstermijn-vastgesteld"
INBURGERINGSTERMIJN_VERSTREKEN = "nl.inburgeraars.inburgeringstermijn-verstreken"


class InburgeringsplichtOntstaan(Gegevens):
    """DUO signalled the inburgeringsplicht (SS101, SS128, SS129, SS139); `regime` oude-wet for a plicht before 1 July 2021."""

    persoon_id: uuid.UUID
    code: str
    begindatum: Datum
    doelgroep: Literal["asielstatushouder", "gezinsmigrant"]
    regime: Literal["wi2021", "oude-wet"]


class InburgeringsplichtGeschorst(Gedateerd):
    """DUO granted a tijdelijke vrijstelling (SS109): the plicht is suspended."""


class InburgeringsplichtHervat(Gedateerd):
    """A plicht signal after a tijdelijke vrijstelling: the plicht runs again."""


class InburgeringsplichtBeeindigd(Gedateerd):
    """The plicht ended: diploma (SS106), vrijstelling (SS107), ontheffing (SS108, BIO or MED), vervallen (SS110), overleden (SS111)."""

    uitkomst: Literal["diploma", "vrijstelling", "ontheffing", "vervallen", "overleden"]


class DoelgroepGewijzigdDoorDuo(Gedateerd):
    """DUO changed the person's doelgroep (SS124, SS125)."""

    doelgroep: Literal["asielstatushouder", "gezinsmigrant"]


class InburgeringstermijnVastgesteld(Gegevens):
    """The 3-year inburgeringstermijn started (SS102) or was extended (SS103, SS104) to `einddatum`."""

    persoon_id: uuid.UUID
    code: str
    einddatum: Datum


class InburgeringstermijnVerstreken(Gegevens):
    """The inburgeringstermijn passed while the plicht ran (recorded by the clock)."""

    persoon_id: uuid.UUID
    verlopen_op: Datum
