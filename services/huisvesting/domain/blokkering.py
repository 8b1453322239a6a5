"""A dossier blocked while its main person lacks a BSN or IBAN: the commands (their events live on the dossier)."""

from __future__ import annotations

import datetime as dt
from typing import Any


class Blokkering:
    """Mixin of Huisvestingsdossier: blocked at koppeling while persoonsgegevens of the main person
    are missing, unblocked when the last one arrives, and a corrected registration date moves the
    end of the block."""

    ontbreekt: list[str]
    geblokkeerd_sinds: dt.date | None
    aangevuld: dict[str, dt.date]
    blokkade: tuple[dt.date, dt.date] | None
    definitief_gehuisvest: bool
    _geblokkeerd: Any
    _gedeblokkeerd: Any
    _deblokkering_gecorrigeerd: Any

    def blokkeer(self, ontbreekt: list[str], datum: dt.date) -> None:
        """The main person lacks these persoonsgegevens (bsn, iban): not matched until they arrive."""
        ontbreekt = sorted(set(ontbreekt))
        if ontbreekt and ontbreekt != self.ontbreekt and not self.definitief_gehuisvest:
            self._geblokkeerd(ontbreekt=ontbreekt, datum=datum)

    def vul_aan(self, gegeven: str, datum: dt.date) -> bool:
        """A missing persoonsgegeven arrived. True when that lifts the block."""
        if gegeven not in self.ontbreekt:
            return False
        assert self.geblokkeerd_sinds is not None
        datum = max(datum, self.geblokkeerd_sinds)  # known before the block began: lifted as it began
        rest = [g for g in self.ontbreekt if g != gegeven]
        if rest:
            self._geblokkeerd(ontbreekt=rest, datum=datum)
            return False
        self._gedeblokkeerd(datum=datum, geblokkeerd_sinds=self.geblokkeerd_sinds)
        return True

    def corrigeer_aanvulling(self, gegeven: str, datum: dt.date, reden: str) -> None:
        """Staff corrected the date a persoonsgegeven became known. When it lifted this dossier's
        block, the block ends when the last missing item arrived by the corrected dates (never
        before it began); steps while other items were still missing keep their dates."""
        if self.blokkade is None or gegeven not in self.aangevuld:
            return
        sinds, oud = self.blokkade
        aangevuld = max(datum, sinds)
        nieuw = max({**self.aangevuld, gegeven: aangevuld}.values())
        if nieuw != oud:
            self._deblokkering_gecorrigeerd(gegeven=gegeven, aangevuld_op=aangevuld, datum=nieuw,
                                            oude_datum=oud, geblokkeerd_sinds=sinds, reden=reden)
