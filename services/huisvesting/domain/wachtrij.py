"""Wachtrij: the gemeente's queue of waiting households and the homes available to them."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from eventsourcing.domain import Aggregate, event

from services.domain import Domeinfout
from services.domain.identity import afgeleid_id

REGULIER, FLEX, DOORSTROOM, AMV = "regulier", "flex", "doorstroom", "amv"


class WoningAlGemeldFout(Domeinfout):
    """A corporation reported a home that is already available or on offer."""


class Wachtrij(Aggregate):
    """One per gemeente. Decides which household is offered which home (the matching rule).

    Candidates for a home are the dossiers that are not blocked (BSN and IBAN known), have no open
    offer, did not refuse this home before, and fit it: `max_bewoners` >= household size; an `amv`
    home only for an AMV dossier and an AMV dossier only in an `amv` home; a `doorstroom` home only
    for a single person, who keeps their place in the queue for a regular home (and is then a
    candidate for `regulier` homes only). Order: dossiers past their 10-week term first (the term
    ran out before any offer), then the longest waiting since koppeling, then persoon_id. A home
    nobody fits stays available and is matched again whenever a dossier becomes a candidate.
    """

    @staticmethod
    def create_id(gemeentecode: str) -> uuid.UUID:
        return afgeleid_id("huisvesting", "wachtrij", gemeentecode)

    def __init__(self, gemeentecode: str) -> None:
        self.gemeentecode = gemeentecode
        self.wachtenden: dict[str, dict[str, Any]] = {}
        self.woningen: dict[str, dict[str, Any]] = {}

    # -- households ----------------------------------------------------------------------------

    @event("DossierIngeschreven")
    def schrijf_in(
        self,
        dossier_id: uuid.UUID,
        koppeldatum: dt.date,
        grootte: int,
        persoon_id: uuid.UUID | None = None,
        termijn_verloopt_op: dt.date | None = None,
        amv: bool = False,
        geblokkeerd: bool = False,
    ) -> None:
        self.wachtenden[str(dossier_id)] = {
            "koppeldatum": koppeldatum,
            "grootte": grootte,
            "persoon_id": str(persoon_id or dossier_id),
            "termijn_verloopt_op": termijn_verloopt_op or koppeldatum,
            "eerste_aanbod_op": None,
            "amv": amv,
            "geblokkeerd": geblokkeerd,
            "doorstroom": False,
            "aanbod": None,
        }

    @event("DossierUitgeschreven")
    def schrijf_uit(self, dossier_id: uuid.UUID) -> None:
        self.wachtenden.pop(str(dossier_id), None)

    def zet_blokkade(self, dossier_id: uuid.UUID, geblokkeerd: bool) -> None:
        wachtend = self.wachtenden.get(str(dossier_id))
        if wachtend is not None and wachtend["geblokkeerd"] != geblokkeerd:
            self._blokkade_gewijzigd(dossier_id=dossier_id, geblokkeerd=geblokkeerd)

    @event("BlokkadeGewijzigd")
    def _blokkade_gewijzigd(self, dossier_id: uuid.UUID, geblokkeerd: bool) -> None:
        self.wachtenden[str(dossier_id)]["geblokkeerd"] = geblokkeerd

    def wijzig_huishouden(self, dossier_id: uuid.UUID, grootte: int, amv: bool) -> None:
        if str(dossier_id) in self.wachtenden:
            self._huishouden_gewijzigd(dossier_id=dossier_id, grootte=grootte, amv=amv)

    @event("HuishoudenGewijzigd")
    def _huishouden_gewijzigd(self, dossier_id: uuid.UUID, grootte: int, amv: bool) -> None:
        wachtend = self.wachtenden[str(dossier_id)]
        wachtend["grootte"] = grootte
        wachtend["amv"] = amv

    # -- homes ---------------------------------------------------------------------------------

    def meld_woning(
        self, woning_id: str, wijk: str, soort: str, max_bewoners: int, beschikbaar_per: dt.date
    ) -> None:
        if woning_id in self.woningen:
            raise WoningAlGemeldFout()
        self._woning_gemeld(
            woning_id=woning_id,
            wijk=wijk,
            soort=soort,
            max_bewoners=max_bewoners,
            beschikbaar_per=beschikbaar_per,
        )

    @event("WoningGemeld")
    def _woning_gemeld(
        self, woning_id: str, wijk: str, soort: str, max_bewoners: int, beschikbaar_per: dt.date
    ) -> None:
        self.woningen[woning_id] = {
            "wijk": wijk,
            "soort": soort,
            "max_bewoners": max_bewoners,
            "beschikbaar_per": beschikbaar_per,
            "dossier": None,
            "geweigerd_door": [],
        }

    def beschikbare_woningen(self) -> list[str]:
        vrij = [w for w, d in self.woningen.items() if d["dossier"] is None]
        return sorted(vrij, key=lambda w: (self.woningen[w]["beschikbaar_per"], w))

    # -- the matching rule ---------------------------------------------------------------------

    @staticmethod
    def past(woning: dict[str, Any], wachtend: dict[str, Any]) -> bool:
        """Does this household fit this home (size and soort)?"""
        if wachtend["grootte"] > woning["max_bewoners"]:
            return False
        if (woning["soort"] == AMV) != bool(wachtend["amv"]):
            return False
        if woning["soort"] == DOORSTROOM:
            return wachtend["grootte"] == 1 and not wachtend["doorstroom"]
        return woning["soort"] == REGULIER or not wachtend["doorstroom"]

    @staticmethod
    def over_termijn(wachtend: dict[str, Any], datum: dt.date) -> bool:
        """The 10-week term ran out before any offer (a fact that stays true)."""
        eerste = wachtend["eerste_aanbod_op"]
        if eerste is None:
            return datum > wachtend["termijn_verloopt_op"]
        return eerste > wachtend["termijn_verloopt_op"]

    def volgorde(self, datum: dt.date) -> list[str]:
        """Every dossier in the queue, in the order the rule gives them a home on this date."""
        return sorted(
            self.wachtenden,
            key=lambda d: (
                not self.over_termijn(self.wachtenden[d], datum),
                self.wachtenden[d]["koppeldatum"],
                self.wachtenden[d]["persoon_id"],
            ),
        )

    def kandidaat(self, woning_id: str, datum: dt.date | None = None) -> uuid.UUID | None:
        """The dossier that gets this home under the matching rule on this date, or None."""
        woning = self.woningen[woning_id]
        datum = datum or woning["beschikbaar_per"]
        for dossier_id in self.volgorde(datum):
            wachtend = self.wachtenden[dossier_id]
            if (
                wachtend["aanbod"] is None
                and not wachtend["geblokkeerd"]
                and dossier_id not in woning["geweigerd_door"]
                and self.past(woning, wachtend)
            ):
                return uuid.UUID(dossier_id)
        return None

    @event("WoningToegewezen")
    def wijs_toe(self, woning_id: str, dossier_id: uuid.UUID, datum: dt.date | None = None) -> None:
        self.woningen[woning_id]["dossier"] = str(dossier_id)
        wachtend = self.wachtenden[str(dossier_id)]
        wachtend["aanbod"] = woning_id
        wachtend["eerste_aanbod_op"] = wachtend["eerste_aanbod_op"] or datum

    @event("WoningVrijgegeven")
    def geef_vrij(self, woning_id: str, dossier_id: uuid.UUID) -> None:
        """A refusal or a withdrawn offer: the home is free for the next candidate, the household
        waits again (and is never offered this home again)."""
        woning = self.woningen[woning_id]
        woning["dossier"] = None
        woning["geweigerd_door"].append(str(dossier_id))
        if str(dossier_id) in self.wachtenden:
            self.wachtenden[str(dossier_id)]["aanbod"] = None

    @event("WoningVerhuurd")
    def verhuur(self, woning_id: str, dossier_id: uuid.UUID) -> None:
        """The household moved in. From a doorstroom home it keeps its place for a regular one."""
        woning = self.woningen.pop(woning_id, None)
        if woning is not None and woning["soort"] == DOORSTROOM and str(dossier_id) in self.wachtenden:
            wachtend = self.wachtenden[str(dossier_id)]
            wachtend["aanbod"] = None
            wachtend["doorstroom"] = True
        else:
            self.wachtenden.pop(str(dossier_id), None)
