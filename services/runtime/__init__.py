"""The shared machinery of every service: unit of work, inbox, relay, bus, stores, settings, clock, local broker."""
