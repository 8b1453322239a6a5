"""Mzd (opgave 4): mensen zonder documenten, so that nobody sleeps on the street."""
