"""Mzd's closed lists, its refusals, and the rule that admits to BBB-opvang (seed 001 §4.1, seed 002)."""

from __future__ import annotations

import datetime as dt

from services.domain import Domeinfout

VERTREKTERMIJN = dt.timedelta(days=28)
"""Vreemdelingenwet (seed 001 §4.1): leave within 28 days after a definitive refusal (or a withdrawn permit)."""
VERTREK = "vertrek"
"""The soort of that term in mzd's Termijnkalender."""

AANLEIDINGEN = ("afwijzing", "intrekking")
"""What opens (or reopens) a case: a definitive refusal of an asylum application, a withdrawn permit."""
PERSPECTIEVEN = ("terugkeer", "doormigratie", "legalisering")
"""The durable perspectives staff work towards with the person (seed 001 §4.1)."""
LEGALISERING = "legalisering"
UITSTROOMREDENEN = (*PERSPECTIEVEN, "vertrokken-onbekend", "overleden", "overig")
"""Why a case closes; `legalisering` only from the IND's permit (then the person re-enters the chain)."""
BINDINGSGRONDEN = ("verblijf-in-nijmegen", "laatste-opvang-in-nijmegen", "gezin-of-netwerk", "zorg-of-behandeling")
"""Design, the closed list of grounds for binding with Nijmegen: years of living in the city, the last
COA opvang in Nijmegen or the region, family or a social network in the city, medical treatment here."""
GEEN_BINDING, VOORLIGGENDE_VOORZIENING = "geen-binding", "voorliggende-voorziening"
WEIGERREDENEN = (GEEN_BINDING, VOORLIGGENDE_VOORZIENING)
"""Why a BBB application is refused: each of the two conditions that is not met."""
ZORGBEHOEFTEN = ("somatisch", "psychisch", "mobiliteit", "cognitief", "verslaving")
"""Design, the closed list of care needs (the growing older group, seed 001 §4.1): a somatic illness,
mental-health care, reduced mobility (the locations are not built for it), memory or cognition, addiction."""
ORGANISATIES = ("snov", "stichting-gast", "wereldvrouwenhuis")
"""The BBB organisations of Nijmegen (SNOV, Stichting Gast, Wereldvrouwenhuis), as on keten.bbb."""
BBB_VERTREKREDENEN = ("terugkeer", "doormigratie", "legalisering", "andere-voorziening", "vertrokken-onbekend",
                      "overleden", "overig")
"""Why a person left an organisation's BBB-opvang, as keten.bbb names it."""


class GeslotenZaakFout(Domeinfout):
    """The case is closed (an uitstroom was recorded): nothing more happens in it until a new refusal."""


class AlInBbbFout(Domeinfout):
    """The person was admitted to BBB-opvang before (and the case has not closed since)."""


class NietInBbbFout(Domeinfout):
    """The correction names a BBB admission this case has not recorded."""


class GeenAanvraagFout(Domeinfout):
    """An assessment without an open BBB application."""


class AlAangevraagdFout(Domeinfout):
    """A BBB application while an earlier one awaits its assessment."""


class BindingsgrondFout(Domeinfout):
    """Binding with Nijmegen needs its ground from the closed list, and only binding has one."""


class NietToegelatenFout(Domeinfout):
    """A BBB organisation placed a person the gemeente has not admitted to BBB-opvang."""


class AlGeplaatstFout(Domeinfout):
    """A placement of a person who stays with a BBB organisation already."""


class NietGeplaatstFout(Domeinfout):
    """A departure from an organisation the person does not stay with."""


class OnbekendeWaardeFout(Domeinfout):
    """A value outside its closed list (perspective, uitstroom reason, care need, organisation, reason)."""


class LegaliseringViaIndFout(Domeinfout):
    """Uitstroom legalisering is recorded from the IND's permit (so the person re-enters the chain), not by staff."""


def eis_in(waarde: str | None, lijst: tuple[str, ...]) -> None:
    """A value must be one of its closed list (None passes: the field is optional)."""
    if waarde is not None and waarde not in lijst:
        raise OnbekendeWaardeFout()


def beoordeel(binding: bool, bindingsgrond: str | None, voorliggende_voorziening: bool) -> list[str]:
    """The conditions not met (empty: admitted). Binding needs its ground from BINDINGSGRONDEN."""
    if binding != (bindingsgrond is not None):
        raise BindingsgrondFout()
    eis_in(bindingsgrond, BINDINGSGRONDEN)
    redenen = [] if binding else [GEEN_BINDING]
    return redenen + ([VOORLIGGENDE_VOORZIENING] if voorliggende_voorziening else [])
