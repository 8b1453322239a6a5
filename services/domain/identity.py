"""Pseudonymous person ids: a keyed HMAC of the vnummer, so no vnummer travels inside welkom."""

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


def afgeleid_id(*delen: object) -> uuid.UUID:
    """A deterministic id for an aggregate or event, from its natural key."""
    return uuid.uuid5(NAMESPACE, "/".join(str(d) for d in delen))
