"""The pure domain of opvang: residents and their stays."""
