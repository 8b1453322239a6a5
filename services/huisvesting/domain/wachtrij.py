"""Wachtrij: the gemeente's queue of waiting households and the homes available to them."""

from __future__ import annotations

import datetime as dt
import uuid

from eventsourcing.domain import Aggregate, event

from services.domain import Domeinfout
from services.identity import afgeleid_id


class WoningAlGemeldFout(Domeinfout):
    """A corporation reported a home that is already available or on offer."""


class Wachtrij(Aggregate):
    """One per gemeente. Decides which household is offered which home (the matching rule).

    Rule: a home goes to the household that has waited longest since koppeling among those
    that fit it (`max_bewoners` >= household size), have no open offer and did not refuse this
    home before; ties by dossier id. A home that nobody fits stays available and is matched
    again when a new household joins the queue.
    """

    @staticmethod
    def create_id(gemeentecode: str) -> uuid.UUID:
        return afgeleid_id("huisvesting", "wachtrij", gemeentecode)

    def __init__(self, gemeentecode: str) -> None:
        self.gemeentecode = gemeentecode
        self.wachtenden: dict[str, dict] = {}
        self.woningen: dict[str, dict] = {}

    @event("DossierIngeschreven")
    def schrijf_in(self, dossier_id: uuid.UUID, koppeldatum: dt.date, grootte: int) -> None:
        self.wachtenden[str(dossier_id)] = {
            "koppeldatum": koppeldatum,
            "grootte": grootte,
            "aanbod": None,
        }

    @event("DossierUitgeschreven")
    def schrijf_uit(self, dossier_id: uuid.UUID) -> None:
        self.wachtenden.pop(str(dossier_id), None)

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

    def kandidaat(self, woning_id: str) -> uuid.UUID | None:
        """The dossier that gets this home under the matching rule, or None."""
        woning = self.woningen[woning_id]
        passend = [
            (d["koppeldatum"], dossier_id)
            for dossier_id, d in self.wachtenden.items()
            if d["aanbod"] is None
            and d["grootte"] <= woning["max_bewoners"]
            and dossier_id not in woning["geweigerd_door"]
        ]
        return uuid.UUID(min(passend)[1]) if passend else None

    @event("WoningToegewezen")
    def wijs_toe(self, woning_id: str, dossier_id: uuid.UUID) -> None:
        self.woningen[woning_id]["dossier"] = str(dossier_id)
        self.wachtenden[str(dossier_id)]["aanbod"] = woning_id

    @event("WoningVrijgegeven")
    def geef_vrij(self, woning_id: str, dossier_id: uuid.UUID) -> None:
        """A refusal: the home is free for the next candidate, the household waits again."""
        woning = self.woningen[woning_id]
        woning["dossier"] = None
        woning["geweigerd_door"].append(str(dossier_id))
        if str(dossier_id) in self.wachtenden:
            self.wachtenden[str(dossier_id)]["aanbod"] = None

    @event("WoningVerhuurd")
    def verhuur(self, woning_id: str, dossier_id: uuid.UUID) -> None:
        self.woningen.pop(woning_id, None)
        self.wachtenden.pop(str(dossier_id), None)
