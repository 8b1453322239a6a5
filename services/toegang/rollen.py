"""The roles of welkom, deny by default: each command table entry and each HTTP endpoint names the roles that may use it."""

from __future__ import annotations

WOONCONSULENT = "woonconsulent"
KLANTREGISSEUR = "klantregisseur"
OPVANG_MEDEWERKER = "opvang-medewerker"
MZD_MEDEWERKER = "mzd-medewerker"
OPERATOR = "operator"
AUDITOR = "auditor"

ROLLEN: dict[str, str] = {
    WOONCONSULENT: "huisvesting: offers accepted, refused, withdrawn, moves, IBANs, and their corrections",
    KLANTREGISSEUR: ("inburgering: invitations, brede intakes (and their corrections), PIPs, route starts, "
                     "voortgangsgesprekken, PVT, MAP, Z-route, old-law requests, participatie measurements; "
                     "the attention list by persoon_id"),
    OPVANG_MEDEWERKER: "opvang: the commands of the opvang service",
    MZD_MEDEWERKER: ("mzd: BBB applications and assessments, admissions and their corrections, perspectives, "
                     "contactpersonen, zorgbehoeften, uitstroom"),
    OPERATOR: "reports and the kengetallen page on any peildatum, status, DLQ, rebuild, re-publish, the clock",
    AUDITOR: "one person's audit timeline and Logboek (with a stated purpose), reports and the page on any peildatum",
}
"""Every role, with what it may do; a token with none of an endpoint's roles gets 403."""

RAPPORT = (OPERATOR, AUDITOR)
"""The kengetallen (`/v1/rapport`, the page): figures, no person."""
KLOK = (OPERATOR,)
AUDIT = (AUDITOR,)
"""A person's cross-service timeline and Logboek: no service role may read them."""
IEDEREEN = tuple(ROLLEN)
"""Any role of welkom (the event schemas, the OpenAPI document: no personal data)."""
