"""Pseudonymous person ids: a keyed HMAC of the vnummer (or, for a person without one, of the BSN), so neither travels inside welkom."""

from __future__ import annotations

import hashlib
import hmac
import uuid

NAMESPACE = uuid.UUID("6f1d3c1e-7a52-4f0b-9c43-0268a11e0268")


def persoon_id(vnummer: str, secret: str) -> uuid.UUID:
    """The `persoon_id` of a vnummer: a UUID (version 8) made from HMAC-SHA256(secret, vnummer)."""
    digest = hmac.new(secret.encode(), vnummer.encode(), hashlib.sha256).digest()
    raw = bytearray(digest[:16])
    raw[6] = (raw[6] & 0x0F) | 0x80  # version 8: custom
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    return uuid.UUID(bytes=bytes(raw))


BSN_NAAMRUIMTE = "bsn:"
"""What the HMAC of a BSN is taken over, before the BSN: a namespace of its own, so no BSN gives
the persoon_id of a V-nummer (ten digits, never this prefix)."""


def persoon_id_van_bsn(bsn: str, secret: str) -> uuid.UUID:
    """The `persoon_id` of a person known only by BSN (an ontheemde from Ukraine has no V-nummer):
    the same keyed HMAC, over `bsn:<BSN>`. The BSN itself is never stored."""
    return persoon_id(BSN_NAAMRUIMTE + bsn, secret)


def afgeleid_id(*delen: object) -> uuid.UUID:
    """A deterministic id for an aggregate or event, from its natural key."""
    return uuid.uuid5(NAMESPACE, "/".join(str(d) for d in delen))
