"""`welkom demo`: a deterministic scenario for Nijmegen, simulated staff who act over HTTP, and the runner."""
