"""The registry of every event type on the bus: its topic, its schema and who produces it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from events import brp, coa, corporaties, duo, huisvesting, inburgering, ind, mzd, opvang, rijk, topics
from events import bbb
from events import inburgering_begeleiding, vwn
from events.base import Gegevens
from events.sleutels import LOCATIE, PERSOON, PERSOON_UIT, TIJDELIJKE_BESCHERMING, WONING, Sleutel


@dataclass(frozen=True)
class Eventsoort:
    """One CloudEvent `type`: where it travels, what its `data` must look like, and who sends it."""

    type: str
    topic: str
    schema: type[Gegevens]
    producent: str
    richting: Literal["inkomend", "uitgaand"]
    sleutel: Sleutel
    """The aggregate its records concern: their Kafka key keeps its events in one partition, in order."""

    @property
    def beschrijving(self) -> str:
        return (self.schema.__doc__ or "").strip().splitlines()[0]

    @property
    def dataschema(self) -> str:
        """The URI that names the JSON schema of `data` (served at /v1/schemas/<type>)."""
        return f"urn:nld:gemeente-nijmegen:welkom:schema:{self.type}:v1"


def _in(type_: str, topic: str, schema: type[Gegevens], producent: str, sleutel: Sleutel) -> Eventsoort:
    return Eventsoort(type_, topic, schema, producent, "inkomend", sleutel)


def _uit(type_: str, schema: type[Gegevens], service: str, sleutel: Sleutel = PERSOON_UIT) -> Eventsoort:
    return Eventsoort(type_, topics.gemeente(service), schema, service, "uitgaand", sleutel)


DUO_PERSOON = Sleutel("persoon", ("vnummer", "bsn"))
"""A DUO signal names its person by vnummer, or (not yet enriched) by BSN alone: as inburgering matches it."""
TAAKSTELLING = Sleutel("taakstelling", ("gemeentecode", "periode"))
SPREIDINGSTAAKSTELLING = Sleutel("spreidingstaakstelling", ("gemeentecode", "cyclus"))
"""One gemeente's Spreidingswet taakstelling of one cyclus: the indicative one and the verdeelbesluit in order."""


SOORTEN: tuple[Eventsoort, ...] = (
    _in(ind.VERBLIJFSVERGUNNING_VERLEEND, topics.KETEN_IND, ind.VerblijfsvergunningVerleend, "IND", PERSOON),
    _in(ind.ASIELAANVRAAG_AFGEWEZEN, topics.KETEN_IND, ind.AsielaanvraagAfgewezen, "IND", PERSOON),
    _in(ind.ASIELAANVRAAG_INGEDIEND, topics.KETEN_IND, ind.AsielaanvraagIngediend, "IND", PERSOON),
    _in(ind.VERBLIJFSVERGUNNING_INGETROKKEN, topics.KETEN_IND, ind.VerblijfsvergunningIngetrokken, "IND", PERSOON),
    _in(bbb.PERSOON_GEPLAATST, topics.KETEN_BBB, bbb.PersoonGeplaatst, "BBB-organisaties", PERSOON),
    _in(bbb.PERSOON_VERTROKKEN, topics.KETEN_BBB, bbb.PersoonVertrokken, "BBB-organisaties", PERSOON),
    _in(coa.ASIELZOEKER_GEPLAATST, topics.KETEN_COA, coa.AsielzoekerGeplaatst, "COA", PERSOON),
    _in(coa.ASIELZOEKER_VERPLAATST, topics.KETEN_COA, coa.AsielzoekerVerplaatst, "COA", PERSOON),
    _in(coa.ASIELZOEKER_VERTROKKEN, topics.KETEN_COA, coa.AsielzoekerVertrokken, "COA", PERSOON),
    _in(coa.GEKOPPELD_AAN_GEMEENTE, topics.KETEN_COA, coa.GekoppeldAanGemeente, "COA", PERSOON),
    _in(brp.INGESCHREVEN_IMMIGRATIE, topics.KETEN_BRP, brp.IngeschrevenImmigratie, "BRP", PERSOON),
    _in(duo.DUO_SIGNAAL_ONTVANGEN, topics.KETEN_DUO, duo.DuoSignaalOntvangen, "DUO", DUO_PERSOON),
    _in(rijk.TAAKSTELLING_VASTGESTELD, topics.KETEN_RIJK, rijk.TaakstellingVastgesteld, "Rijk", TAAKSTELLING),
    _in(rijk.TIJDELIJKE_BESCHERMING_VERLENGD, topics.KETEN_RIJK, rijk.TijdelijkeBeschermingVerlengd, "Rijk",
        TIJDELIJKE_BESCHERMING),
    _in(rijk.SPREIDINGSTAAKSTELLING_VASTGESTELD, topics.KETEN_RIJK, rijk.SpreidingstaakstellingVastgesteld, "Rijk",
        SPREIDINGSTAAKSTELLING),
    _in(coa.LOCATIE_GEOPEND, topics.KETEN_COA, coa.LocatieGeopend, "COA", LOCATIE),
    _in(coa.LOCATIE_CAPACITEIT_GEWIJZIGD, topics.KETEN_COA, coa.LocatieCapaciteitGewijzigd, "COA", LOCATIE),
    _in(coa.LOCATIE_GESLOTEN, topics.KETEN_COA, coa.LocatieGesloten, "COA", LOCATIE),
    _in(
        corporaties.WONING_BESCHIKBAAR_GESTELD,
        topics.KETEN_CORPORATIES,
        corporaties.WoningBeschikbaarGesteld,
        "woningcorporaties",
        WONING,
    ),
    _uit(opvang.BEWONER_GEPLAATST, opvang.BewonerGeplaatst, "opvang"),
    _uit(opvang.BEWONER_VERPLAATST, opvang.BewonerVerplaatst, "opvang"),
    _uit(opvang.BEWONER_STATUSHOUDER_GEWORDEN, opvang.BewonerStatushouderGeworden, "opvang"),
    _uit(opvang.BEWONER_UITGESTROOMD, opvang.BewonerUitgestroomd, "opvang"),
    _uit(opvang.BEWONER_UITSTROOM_GECORRIGEERD, opvang.BewonerUitstroomGecorrigeerd, "opvang"),
    _uit(opvang.BEWONER_VERTREKTERMIJN_GESTART, opvang.BewonerVertrektermijnGestart, "opvang"),
    _uit(opvang.BEWONER_RECHT_OP_OPVANG_BEEINDIGD, opvang.BewonerRechtOpOpvangBeeindigd, "opvang"),
    _uit(opvang.ONTHEEMDE_GEREGISTREERD, opvang.OntheemdeGeregistreerd, "opvang"),
    _uit(opvang.ONTHEEMDE_GEPLAATST, opvang.OntheemdeGeplaatst, "opvang"),
    _uit(opvang.ONTHEEMDE_VERPLAATST, opvang.OntheemdeVerplaatst, "opvang"),
    _uit(opvang.ONTHEEMDE_VERTROKKEN, opvang.OntheemdeVertrokken, "opvang"),
    _uit(opvang.EIGEN_BIJDRAGE_VASTGESTELD, opvang.EigenBijdrageVastgesteld, "opvang"),
    _uit(opvang.TIJDELIJKE_BESCHERMING_BEEINDIGD, opvang.TijdelijkeBeschermingBeeindigd, "opvang",
         TIJDELIJKE_BESCHERMING),
    _uit(opvang.TIJDELIJKE_BESCHERMING_VERSCHOVEN, opvang.TijdelijkeBeschermingVerschoven, "opvang",
         TIJDELIJKE_BESCHERMING),
    _uit(opvang.LOCATIE_GEREGISTREERD, opvang.LocatieGeregistreerd, "opvang", LOCATIE),
    _uit(opvang.LOCATIE_CAPACITEIT_GEREGISTREERD, opvang.LocatieCapaciteitGeregistreerd, "opvang", LOCATIE),
    _uit(opvang.LOCATIE_SLUITING_GEREGISTREERD, opvang.LocatieSluitingGeregistreerd, "opvang", LOCATIE),
    _uit(opvang.SPREIDINGSTAAKSTELLING_GEREGISTREERD, opvang.SpreidingstaakstellingGeregistreerd, "opvang",
         Sleutel("spreidingstaakstelling", ("cyclus",))),
    _uit(huisvesting.HUISVESTINGSDOSSIER_GEOPEND, huisvesting.HuisvestingsdossierGeopend, "huisvesting"),
    _uit(huisvesting.TAAKSTELLING_GEREGISTREERD, huisvesting.TaakstellingGeregistreerd, "huisvesting",
         Sleutel("taakstelling", ("periode",))),
    _uit(huisvesting.WONING_AANGEBODEN, huisvesting.WoningAangeboden, "huisvesting"),
    _uit(huisvesting.AANBOD_GEACCEPTEERD, huisvesting.AanbodGeaccepteerd, "huisvesting"),
    _uit(huisvesting.AANBOD_GEWEIGERD, huisvesting.AanbodGeweigerd, "huisvesting"),
    _uit(huisvesting.VERHUISD, huisvesting.Verhuisd, "huisvesting"),
    _uit(
        huisvesting.HUISVESTINGSTERMIJN_VERSTREKEN,
        huisvesting.HuisvestingstermijnVerstreken,
        "huisvesting",
    ),
    _uit(huisvesting.VERHUISTERMIJN_VERSTREKEN, huisvesting.VerhuistermijnVerstreken, "huisvesting"),
    _uit(huisvesting.AANBOD_INGETROKKEN, huisvesting.AanbodIngetrokken, "huisvesting"),
    _uit(
        huisvesting.HUISVESTINGSDOSSIER_GEBLOKKEERD,
        huisvesting.HuisvestingsdossierGeblokkeerd,
        "huisvesting",
    ),
    _uit(
        huisvesting.HUISVESTINGSDOSSIER_GEDEBLOKKEERD,
        huisvesting.HuisvestingsdossierGedeblokkeerd,
        "huisvesting",
    ),
    _uit(huisvesting.NAREIZIGER_TOEGEVOEGD, huisvesting.NareizigerToegevoegd, "huisvesting"),
    _uit(huisvesting.HUISVESTINGSTERMIJN_HERZIEN, huisvesting.HuisvestingstermijnHerzien, "huisvesting"),
    _uit(huisvesting.VERHUISTERMIJN_HERZIEN, huisvesting.VerhuistermijnHerzien, "huisvesting"),
    _uit(huisvesting.IBAN_REGISTRATIE_GECORRIGEERD, huisvesting.IbanRegistratieGecorrigeerd, "huisvesting"),
    _uit(
        huisvesting.DEBLOKKERING_GECORRIGEERD,
        huisvesting.HuisvestingsdossierDeblokkeringGecorrigeerd,
        "huisvesting",
    ),
    _uit(huisvesting.AANBOD_ACCEPTATIE_GECORRIGEERD, huisvesting.AanbodAcceptatieGecorrigeerd, "huisvesting"),
    _uit(huisvesting.AANBOD_WEIGERING_GECORRIGEERD, huisvesting.AanbodWeigeringGecorrigeerd, "huisvesting"),
    _uit(huisvesting.AANBOD_INTREKKING_GECORRIGEERD, huisvesting.AanbodIntrekkingGecorrigeerd, "huisvesting"),
    _uit(huisvesting.VERHUIZING_GECORRIGEERD, huisvesting.VerhuizingGecorrigeerd, "huisvesting"),
    _uit(inburgering.INBURGERINGSTRAJECT_GESTART, inburgering.InburgeringstrajectGestart, "inburgering"),
    _uit(inburgering.BREDE_INTAKE_AFGEROND, inburgering.BredeIntakeAfgerond, "inburgering"),
    _uit(inburgering.INTAKETERMIJN_VERSTREKEN, inburgering.IntaketermijnVerstreken, "inburgering"),
    _uit(inburgering.INTAKETERMIJN_HERZIEN, inburgering.IntaketermijnHerzien, "inburgering"),
    _uit(inburgering.BREDE_INTAKE_GECORRIGEERD, inburgering.BredeIntakeGecorrigeerd, "inburgering"),
    _uit(inburgering.INTAKE_UITNODIGING_VERSTUURD, inburgering.IntakeUitnodigingVerstuurd, "inburgering"),
    _uit(inburgering.PIP_VASTGESTELD, inburgering.PipVastgesteld, "inburgering"),
    _uit(inburgering.PIP_GEWIJZIGD, inburgering.PipGewijzigd, "inburgering"),
    _uit(inburgering.LEERROUTE_GESTART, inburgering.LeerrouteGestart, "inburgering"),
    _uit(inburgering.VOORTGANGSGESPREK_GEVOERD, inburgering.VoortgangsgesprekGevoerd, "inburgering"),
    _uit(inburgering.VOORTGANGSTERMIJN_VERSTREKEN, inburgering.VoortgangstermijnVerstreken, "inburgering"),
    _uit(inburgering.PVT_ONDERTEKEND, inburgering.PvtOndertekend, "inburgering"),
    _uit(inburgering.MAP_EINDGESPREK_GEVOERD, inburgering.MapEindgesprekGevoerd, "inburgering"),
    _uit(inburgering.Z_ROUTE_AFGEROND, inburgering.ZrouteAfgerond, "inburgering"),
    _uit(inburgering.IN_WIJK_GEVESTIGD, inburgering.InWijkGevestigd, "inburgering"),
    _uit(inburgering.INBURGERINGSPLICHT_ONTSTAAN, inburgering.InburgeringsplichtOntstaan, "inburgering"),
    _uit(inburgering.INBURGERINGSPLICHT_GESCHORST, inburgering.InburgeringsplichtGeschorst, "inburgering"),
    _uit(inburgering.INBURGERINGSPLICHT_HERVAT, inburgering.InburgeringsplichtHervat, "inburgering"),
    _uit(inburgering.INBURGERINGSPLICHT_BEEINDIGD, inburgering.InburgeringsplichtBeeindigd, "inburgering"),
    _uit(inburgering.DOELGROEP_GEWIJZIGD, inburgering.DoelgroepGewijzigdDoorDuo, "inburgering"),
    _uit(inburgering.INBURGERINGSTERMIJN_VASTGESTELD, inburgering.InburgeringstermijnVastgesteld, "inburgering"),
    _uit(inburgering.INBURGERINGSTERMIJN_VERSTREKEN, inburgering.InburgeringstermijnVerstreken, "inburgering"),
    _in(vwn.MAATSCHAPPELIJKE_BEGELEIDING_GESTART, topics.KETEN_VWN, vwn.MaatschappelijkeBegeleidingGestart,
        "VluchtelingenWerk", PERSOON),
    _in(vwn.MAATSCHAPPELIJKE_BEGELEIDING_VERLENGD, topics.KETEN_VWN, vwn.MaatschappelijkeBegeleidingVerlengd,
        "VluchtelingenWerk", PERSOON),
    _in(vwn.MAATSCHAPPELIJKE_BEGELEIDING_BEEINDIGD, topics.KETEN_VWN, vwn.MaatschappelijkeBegeleidingBeeindigd,
        "VluchtelingenWerk", PERSOON),
    _uit(inburgering_begeleiding.MAATSCHAPPELIJKE_BEGELEIDING_GESTART,
         inburgering_begeleiding.BegeleidingGestart, "inburgering"),
    _uit(inburgering_begeleiding.MAATSCHAPPELIJKE_BEGELEIDING_VERLENGD,
         inburgering_begeleiding.BegeleidingVerlengd, "inburgering"),
    _uit(inburgering_begeleiding.MAATSCHAPPELIJKE_BEGELEIDING_BEEINDIGD,
         inburgering_begeleiding.BegeleidingBeeindigd, "inburgering"),
    _uit(inburgering_begeleiding.PARTICIPATIETREDE_GEMETEN, inburgering_begeleiding.ParticipatietredeGemeten,
         "inburgering"),
    _uit(mzd.ZAAK_GEOPEND, mzd.ZaakGeopend, "mzd"),
    _uit(mzd.TOEGELATEN_TOT_BBB, mzd.ToegelatenTotBbb, "mzd"),
    _uit(mzd.VERTREKTERMIJN_VERSTREKEN, mzd.VertrektermijnVerstreken, "mzd"),
    _uit(mzd.BBB_TOELATING_GECORRIGEERD, mzd.BbbToelatingGecorrigeerd, "mzd"),
    _uit(mzd.PERSOON_GELEGALISEERD, mzd.PersoonGelegaliseerd, "mzd"),
    _uit(mzd.ZAAK_HEROPEND, mzd.ZaakHeropend, "mzd"),
    _uit(mzd.PROCEDURE_GESTART, mzd.ProcedureGestart, "mzd"),
    _uit(mzd.BBB_AANGEVRAAGD, mzd.BbbAangevraagd, "mzd"),
    _uit(mzd.BBB_BEOORDEELD, mzd.BbbBeoordeeld, "mzd"),
    _uit(mzd.BBB_GEPLAATST, mzd.BbbGeplaatst, "mzd"),
    _uit(mzd.BBB_VERTROKKEN, mzd.BbbVertrokken, "mzd"),
    _uit(mzd.PERSPECTIEF_VASTGESTELD, mzd.PerspectiefVastgesteld, "mzd"),
    _uit(mzd.UITGESTROOMD, mzd.Uitgestroomd, "mzd"),
)

REGISTRY: dict[str, Eventsoort] = {s.type: s for s in SOORTEN}


def soort(type_: str) -> Eventsoort | None:
    """The registered event type, or None when welkom does not know it."""
    return REGISTRY.get(type_)
