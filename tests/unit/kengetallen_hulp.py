"""An opvang history with a figure for every panel of the kengetallen page and every line of `welkom rapport`."""

from __future__ import annotations

import datetime as dt

import ontheemden_hulp as ontheemden
from application_hulp import afwijzing
from bewoners_hulp import geplaatst, verplaatst, vertrokken
from locaties_hulp import geopend, spreiding

from services.opvang.application import Opvang

PEILDATUM = dt.date(2024, 10, 1)


def opvang_met_alles() -> Opvang:
    """COA's locations and the Spreidingswet (817, 69 amv), the gemeente's TGO and the Oekraïne-locaties
    to replace, bewoners with bijzondere behoeften (7 psychisch, 2 medisch), a child moved twice within
    weeks, departures, a refusal whose term ended, ontheemden in a location and in private shelter, an
    eigen bijdrage, and the protection extended to 4 March 2027."""
    D = dt.date
    app = ontheemden.opvang()
    app.verwerk_batch([spreiding(817, D(2024, 2, 1), amv=69), geopend("azc", "azc", 400, D(2021, 1, 1), naam="AZC"),
                       geopend("stieltjes", "noodopvang", 120, D(2021, 1, 1), geplande_sluiting=D(2027, 9, 30))])
    ontheemden.oekraine_locatie(app, "tgo", 50, soort="tgo")
    ontheemden.waalhaven_en_tarweweg(app)
    bewoners = [geplaatst(f"70000000{i:02d}", "azc", D(2024, 1, 10), D(1990, 1, 1), "psychisch") for i in range(7)]
    bewoners += [geplaatst(f"71000000{i:02d}", "tgo", D(2024, 2, 1), D(1985, 5, 5), "medisch") for i in range(2)]
    bewoners += [geplaatst("7200000001", "azc", D(2024, 3, 1), D(2015, 4, 1)),  # a child, moved twice in weeks
                 verplaatst("7200000001", "azc", "stieltjes", D(2024, 4, 1)),
                 verplaatst("7200000001", "stieltjes", "azc", D(2024, 5, 1)),
                 vertrokken("7100000001", "tgo", D(2024, 9, 3), "zelfstandig-vertrokken"),
                 geplaatst("7300000001", "stieltjes", D(2024, 1, 5), D(1980, 1, 1)),
                 afwijzing("7300000001", D(2024, 6, 3)),
                 vertrokken("7300000001", "stieltjes", D(2024, 7, 10), "einde-recht-op-opvang")]
    app.verwerk_batch(bewoners)
    ontheemden.geplaatst(app, ontheemden.OLENA, "waalhaven", D(2024, 3, 1))
    ontheemden.geplaatst(app, ontheemden.TARAS, "tarweweg", D(2024, 3, 1))
    ontheemden.geplaatst(app, ontheemden.IRYNA, "particulier", D(2024, 3, 1))
    ontheemden.geef(app, "eigen-bijdrage", bsn=ontheemden.OLENA, datum="2024-07-01", besluit="vrijgesteld",
                    vrijstellingsgrond="geen-inkomen")
    ontheemden.geef(app, "vertrek-ontheemde", bsn=ontheemden.TARAS, datum="2024-08-01", vertrekreden="terugkeer")
    app.verwerk_batch([ontheemden.verlengd(D(2027, 3, 4), D(2024, 6, 25))])
    return app
