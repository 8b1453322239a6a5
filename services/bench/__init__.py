"""`welkom bench`: raw broker and store limits, chain throughput and quiet latency, as ratios."""
