"""The domain errors of a huisvestingsdossier (its reason on the DLQ or in a 422 is the class name)."""

from __future__ import annotations

from services.domain import Domeinfout


class HoofdpersoonOntbreektFout(Domeinfout):
    """The household of a koppeling does not contain the main person."""


class AlGekoppeldFout(Domeinfout):
    """The household already has a dossier."""


class GeenOpenAanbodFout(Domeinfout):
    """The command names an offer this dossier does not have open."""


class NogNietGeaccepteerdFout(Domeinfout):
    """Moving in requires an accepted offer."""


class VerhuistermijnLooptNogFout(Domeinfout):
    """Staff may withdraw an offer only once its 2-week move term has expired."""


class StapOntbreektFout(Domeinfout):
    """The correction names a step (acceptance, refusal, withdrawal, move) the dossier's offer of that home did not take."""


class VoorHetAanbodFout(Domeinfout):
    """A step of an offer cannot be dated before the offer itself."""
