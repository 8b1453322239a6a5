"""Spreidingstaakstelling: the reception places a gemeente must offer COA in one cyclus of the Spreidingswet, and what counts towards it."""

from __future__ import annotations

import datetime as dt
import uuid

from eventsourcing.domain import Aggregate, event

from services.domain import Domeinfout
from services.domain.identity import afgeleid_id
from services.opvang.domain.locatie import COA

INDICATIEF, VERDEELBESLUIT = "indicatief", "verdeelbesluit"

SOORTEN_DIE_MEETELLEN = frozenset({"azc", "amv", "noodopvang"})
AMV_SOORTEN = frozenset({"amv"})


def telt_mee(soort: str, beheerder: str) -> bool:
    """The one rule of what counts towards the taakstelling: a location COA runs, of soort azc, amv
    or noodopvang, with its capacity on the peildatum (so only while it is open: opened on or before
    the peildatum and not closed on it; a planned closing counts only once it happened).

    The gemeente's own locations (TGO, Oekraïne) and zorglocaties do not count: the Spreidingswet
    asks for places offered to COA for asylum seekers (seed 001 §1.1: 520 = 400 at Dommer van
    Poldersveldtweg + 120 at Stieltjesstraat, both COA). The AMV part counts the soort amv."""
    return beheerder == COA and soort in SOORTEN_DIE_MEETELLEN


def telt_mee_voor_amv(soort: str, beheerder: str) -> bool:
    """The AMV part of the same rule: the counted locations of soort amv."""
    return telt_mee(soort, beheerder) and soort in AMV_SOORTEN


class AmvBovenTaakstellingFout(Domeinfout):
    """More AMV places than places in the whole taakstelling."""


class RealiserenVoorBesluitFout(Domeinfout):
    """A taakstelling to be realised before the date it was decided."""


class IndicatiefNaVerdeelbesluitFout(Domeinfout):
    """An indicative figure dated on or after the verdeelbesluit of the same cyclus."""


class Spreidingstaakstelling(Aggregate):
    """One per gemeente and cyclus (`2024-2026`). Every decision is kept with its besluitdatum: a
    later decision replaces the earlier one from its besluitdatum on, so a report on an earlier
    peildatum keeps the earlier figure. Every event names the gemeente and the cyclus."""

    @staticmethod
    def create_id(gemeentecode: str, cyclus: str) -> uuid.UUID:
        return afgeleid_id("opvang", "spreidingstaakstelling", gemeentecode, cyclus)

    @classmethod
    def stel_in(cls, gemeentecode: str, cyclus: str, fase: str, plekken: int, amv_plekken: int | None,
                realiseren_per: dt.date, besluitdatum: dt.date) -> Spreidingstaakstelling:
        """The first decision known for this gemeente and cyclus."""
        _eis_besluit(plekken, amv_plekken, realiseren_per, besluitdatum)
        return cls(gemeentecode=gemeentecode, cyclus=cyclus, fase=fase, plekken=plekken, amv_plekken=amv_plekken,
                   realiseren_per=realiseren_per, besluitdatum=besluitdatum)

    @event("Vastgesteld")
    def __init__(self, gemeentecode: str, cyclus: str, fase: str, plekken: int, amv_plekken: int | None,
                 realiseren_per: dt.date, besluitdatum: dt.date) -> None:
        self.gemeentecode = gemeentecode
        self.cyclus = cyclus
        self.besluiten: list[Besluit] = []
        self._neem_op(fase, plekken, amv_plekken, realiseren_per, besluitdatum)

    def stel_vast(self, fase: str, plekken: int, amv_plekken: int | None, realiseren_per: dt.date,
                  besluitdatum: dt.date) -> None:
        """Another decision for this cyclus; nothing is recorded when it is one known already."""
        _eis_besluit(plekken, amv_plekken, realiseren_per, besluitdatum)
        if (besluitdatum, fase, plekken, amv_plekken, realiseren_per) in self.besluiten:
            return
        if fase == INDICATIEF and any(f == VERDEELBESLUIT and d <= besluitdatum for d, f, *_ in self.besluiten):
            raise IndicatiefNaVerdeelbesluitFout()
        self._bijgesteld(gemeentecode=self.gemeentecode, cyclus=self.cyclus, fase=fase, plekken=plekken,
                         amv_plekken=amv_plekken, realiseren_per=realiseren_per, besluitdatum=besluitdatum)

    @event("Bijgesteld")
    def _bijgesteld(self, gemeentecode: str, cyclus: str, fase: str, plekken: int, amv_plekken: int | None,
                    realiseren_per: dt.date, besluitdatum: dt.date) -> None:
        self._neem_op(fase, plekken, amv_plekken, realiseren_per, besluitdatum)

    def _neem_op(self, fase: str, plekken: int, amv_plekken: int | None, realiseren_per: dt.date,
                 besluitdatum: dt.date) -> None:
        self.besluiten.append((besluitdatum, fase, plekken, amv_plekken, realiseren_per))

    def geldend_op(self, peildatum: dt.date) -> Besluit | None:
        return geldend(self.besluiten, peildatum)


Besluit = tuple[dt.date, str, int, int | None, dt.date]
"""(besluitdatum, fase, plekken, amv_plekken, realiseren_per) of one decision."""


def geldend(besluiten: list[Besluit], peildatum: dt.date) -> Besluit | None:
    """The decision that holds on the peildatum, of those recorded (in this order) for one cyclus:
    the latest besluitdatum on or before it (of two on one day, the one recorded last); None before
    the first. The aggregate and the read model both ask this."""
    geldig = [b for b in besluiten if b[0] <= peildatum]
    return sorted(geldig, key=lambda b: b[0])[-1] if geldig else None


def _eis_besluit(plekken: int, amv_plekken: int | None, realiseren_per: dt.date, besluitdatum: dt.date) -> None:
    if amv_plekken is not None and amv_plekken > plekken:
        raise AmvBovenTaakstellingFout()
    if realiseren_per < besluitdatum:
        raise RealiserenVoorBesluitFout()
