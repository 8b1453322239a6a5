"""Opvang's read model, composed of one part per concern: each part's facts, state and figures, in one report."""

from __future__ import annotations

from types import ModuleType

from services.opvang import rapport_bewoners, rapport_locaties, rapport_ontheemden
from services.runtime.delen import samengesteld

DELEN: tuple[ModuleType, ...] = (rapport_bewoners, rapport_locaties, rapport_ontheemden)
"""The parts: each has `BRONNEN`, `feiten(event)`, `staat(facts)` (it ignores facts of other parts)
and `rapport(staten, peildatum)`, which may read every part's state (occupancy needs stays and capacity)."""

BRONNEN, feiten, staat, rapport = samengesteld(DELEN)
"""`BRONNEN` are the stored event classes `feiten` turns into facts (the views decode no others for facts)."""
