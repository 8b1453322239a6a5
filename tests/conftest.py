"""Test-wide setup: in-memory stores are allowed in tests only (WELKOM_TESTING=1)."""

import os

os.environ["WELKOM_TESTING"] = "1"
