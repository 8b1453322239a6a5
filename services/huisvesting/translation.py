"""The one bridge from huisvesting's stored domain events to its published bus events."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from events import huisvesting as bus
from services.huisvesting.domain.huisvestingsdossier import Huisvestingsdossier as D
from services.huisvesting.domain.persoonsgegevens import IBAN
from services.huisvesting.domain.persoonsgegevens import Persoonsgegevens as P
from services.huisvesting.domain.taakstelling import Taakstelling as T
from services.runtime.translation import Uitgaand


def vertaal(e: Any) -> Iterator[Uitgaand]:
    """The bus events for one stored event; none for internal bookkeeping (queue, calendar,
    persoonsgegevens), except a corrected IBAN registration date."""
    if isinstance(e, D.Geopend):
        yield bus.HUISVESTINGSDOSSIER_GEOPEND, e.persoon_id, bus.HuisvestingsdossierGeopend(
            dossier_id=e.originator_id,
            persoon_id=e.persoon_id,
            personen=e.personen,
            koppeldatum=e.koppeldatum,
            termijn_verloopt_op=e.termijn_verloopt_op,
            amv=e.amv,
        )
    elif isinstance(e, (T.Vastgesteld, T.Gewijzigd)):
        yield bus.TAAKSTELLING_GEREGISTREERD, None, bus.TaakstellingGeregistreerd(
            periode=e.periode, aantal=e.aantal, amv_aantal=e.amv_aantal
        )
    elif isinstance(e, P.RegistratieGecorrigeerd) and e.gegeven == IBAN:
        yield bus.IBAN_REGISTRATIE_GECORRIGEERD, e.persoon_id, bus.IbanRegistratieGecorrigeerd(
            persoon_id=e.persoon_id, datum=e.datum, oude_datum=e.oude_datum, reden=e.reden
        )
    elif isinstance(e, D.Event):
        yield from _dossier(e, e.persoon_id)
        yield from _herzien_of_gecorrigeerd(e, e.persoon_id)


def _dossier(e: Any, persoon_id: Any) -> Iterator[Uitgaand]:
    ids = {"dossier_id": e.originator_id, "persoon_id": persoon_id}
    if isinstance(e, D.WoningAangeboden):
        yield bus.WONING_AANGEBODEN, persoon_id, bus.WoningAangeboden(
            **ids,
            woning_id=e.woning_id,
            wijk=e.wijk,
            soort=e.soort,
            max_bewoners=e.max_bewoners,
            huishoudgrootte=e.huishoudgrootte,
            datum=e.datum,
            verhuistermijn_verloopt_op=e.verhuistermijn_verloopt_op,
        )
    elif isinstance(e, D.AanbodGeaccepteerd):
        yield bus.AANBOD_GEACCEPTEERD, persoon_id, bus.AanbodGeaccepteerd(
            **ids, woning_id=e.woning_id, datum=e.datum
        )
    elif isinstance(e, D.AanbodGeweigerd):
        yield bus.AANBOD_GEWEIGERD, persoon_id, bus.AanbodGeweigerd(
            **ids, woning_id=e.woning_id, datum=e.datum, reden=e.reden
        )
    elif isinstance(e, D.Verhuisd):
        yield bus.VERHUISD, persoon_id, bus.Verhuisd(
            **ids,
            personen=e.personen,
            woning_id=e.woning_id,
            woningsoort=e.woningsoort,
            datum=e.datum,
            verhuistermijn_gehaald=e.verhuistermijn_gehaald,
            eerste_huisvesting=e.eerste_huisvesting,
        )
    elif isinstance(e, D.AanbodIngetrokken):
        yield bus.AANBOD_INGETROKKEN, persoon_id, bus.AanbodIngetrokken(
            **ids, woning_id=e.woning_id, datum=e.datum, reden=e.reden
        )
    elif isinstance(e, D.Geblokkeerd):
        yield bus.HUISVESTINGSDOSSIER_GEBLOKKEERD, persoon_id, bus.HuisvestingsdossierGeblokkeerd(
            **ids, ontbreekt=e.ontbreekt, datum=e.datum
        )
    elif isinstance(e, D.Gedeblokkeerd):
        yield bus.HUISVESTINGSDOSSIER_GEDEBLOKKEERD, persoon_id, bus.HuisvestingsdossierGedeblokkeerd(
            **ids, datum=e.datum, geblokkeerd_sinds=e.geblokkeerd_sinds
        )
    elif isinstance(e, D.NareizigerToegevoegd):
        yield bus.NAREIZIGER_TOEGEVOEGD, persoon_id, bus.NareizigerToegevoegd(
            **ids, nareiziger_id=e.nareiziger_id, huishoudgrootte=e.huishoudgrootte, datum=e.datum,
            vervolgbehoefte=e.vervolgbehoefte,
        )
    elif isinstance(e, D.HuisvestingstermijnVerstreken):
        yield bus.HUISVESTINGSTERMIJN_VERSTREKEN, persoon_id, bus.HuisvestingstermijnVerstreken(
            **ids, verlopen_op=e.verlopen_op
        )
    elif isinstance(e, D.VerhuistermijnVerstreken):
        yield bus.VERHUISTERMIJN_VERSTREKEN, persoon_id, bus.VerhuistermijnVerstreken(
            **ids, woning_id=e.woning_id or "", verlopen_op=e.verlopen_op
        )


def _herzien_of_gecorrigeerd(e: Any, persoon_id: Any) -> Iterator[Uitgaand]:
    """A term revised by a late fact, and the corrections of staff-entered facts."""
    ids = {"dossier_id": e.originator_id, "persoon_id": persoon_id}
    gecorrigeerd = {"datum": getattr(e, "datum", None), "oude_datum": getattr(e, "oude_datum", None),
                    "reden": getattr(e, "reden", None)}
    if isinstance(e, D.HuisvestingstermijnHerzien):
        yield bus.HUISVESTINGSTERMIJN_HERZIEN, persoon_id, bus.HuisvestingstermijnHerzien(
            **ids, verlopen_op=e.verlopen_op, gehaald_op=e.gehaald_op, reden=e.reden
        )
    elif isinstance(e, D.VerhuistermijnHerzien):
        yield bus.VERHUISTERMIJN_HERZIEN, persoon_id, bus.VerhuistermijnHerzien(
            **ids, woning_id=e.woning_id, verlopen_op=e.verlopen_op, gehaald_op=e.gehaald_op, reden=e.reden
        )
    elif isinstance(e, D.DeblokkeringGecorrigeerd):
        yield bus.DEBLOKKERING_GECORRIGEERD, persoon_id, bus.HuisvestingsdossierDeblokkeringGecorrigeerd(
            **ids, **gecorrigeerd, geblokkeerd_sinds=e.geblokkeerd_sinds
        )
    elif isinstance(e, D.AcceptatieGecorrigeerd):
        yield bus.AANBOD_ACCEPTATIE_GECORRIGEERD, persoon_id, bus.AanbodAcceptatieGecorrigeerd(
            **ids, woning_id=e.woning_id, **gecorrigeerd
        )
    elif isinstance(e, D.WeigeringGecorrigeerd):
        yield bus.AANBOD_WEIGERING_GECORRIGEERD, persoon_id, bus.AanbodWeigeringGecorrigeerd(
            **ids, woning_id=e.woning_id, **gecorrigeerd, weigerreden=e.weigerreden,
            oude_weigerreden=e.oude_weigerreden,
        )
    elif isinstance(e, D.IntrekkingGecorrigeerd):
        yield bus.AANBOD_INTREKKING_GECORRIGEERD, persoon_id, bus.AanbodIntrekkingGecorrigeerd(
            **ids, woning_id=e.woning_id, **gecorrigeerd, intrekreden=e.intrekreden,
            oude_intrekreden=e.oude_intrekreden,
        )
    elif isinstance(e, D.VerhuizingGecorrigeerd):
        yield bus.VERHUIZING_GECORRIGEERD, persoon_id, bus.VerhuizingGecorrigeerd(
            **ids, personen=e.personen, woning_id=e.woning_id, woningsoort=e.woningsoort, **gecorrigeerd,
            verhuistermijn_gehaald=e.verhuistermijn_gehaald, eerste_huisvesting=e.eerste_huisvesting,
        )
