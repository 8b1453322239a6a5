"""Opvang (opgave 1): reception of asylum seekers and statushouders in the municipality's locations."""
