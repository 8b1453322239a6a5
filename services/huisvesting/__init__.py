"""Huisvesting (opgave 2): housing statushouders within the taakstelling and the 10-week term."""
