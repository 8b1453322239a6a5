"""Mzd's read model, composed of one part per concern: each part's facts, state and figures, in one report."""

from __future__ import annotations

from types import ModuleType

from services.mzd import rapport_bbb, rapport_zaken
from services.runtime.delen import samengesteld

DELEN: tuple[ModuleType, ...] = (rapport_zaken, rapport_bbb)
"""The parts: each has `BRONNEN`, `feiten(event)`, `staat(facts)` (it ignores facts it does not
read) and `rapport(staten, peildatum)`. The BBB part also reads the cases' openings and uitstroom."""

BRONNEN, feiten, staat, rapport = samengesteld(DELEN)
"""`BRONNEN` are the stored event classes `feiten` turns into facts (the views decode no others for facts)."""
