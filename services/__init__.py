"""The four welkom services (opvang, huisvesting, inburgering, mzd) and the runtime they share."""
