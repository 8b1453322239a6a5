"""Begeleiding and participatie on the kengetallen page, in `welkom rapport` and in the gauges: every figure the report's, small matrix cells as <5."""

from __future__ import annotations

import json
import re
from html import unescape

from application_hulp import koppeling
from begeleiding_hulp import AMAL, BILAL, CELAL, D, geef, geweigerd, gestart, inburgering, matrix, verlengd
from metriek import waarde
from prometheus_client import REGISTRY

from services.inburgering import metrics
from services.rapportage import pagina, tekst
from services.rapportage.projectie import herbouw

KENGETAL = re.compile(r'data-kengetal="([^"]+)" data-waarde="([^"]*)">([^<]*)<')
PEILDATUM = D(2024, 10, 1)


def projectie():
    """Three linked in 2021 (so their three years have passed), two begeleid by VWN (one extended),
    treden and matrices measured."""
    app = inburgering()
    geweigerd(app, koppeling(AMAL, D(2021, 3, 1), (BILAL, CELAL)), gestart(AMAL, D(2024, 5, 1)),
              gestart("4010000009", D(2024, 6, 1)), verlengd(AMAL, D(2024, 12, 1)))
    for vnummer, trede in ((AMAL, 5), (BILAL, 4), (CELAL, 2)):
        geef(app, "trede", vnummer=vnummer, datum="2023-06-01", trede=trede)
        matrix(app, vnummer, D(2021, 6, 1))
        matrix(app, vnummer, D(2023, 6, 1), financien=4, huisvesting=5)
    return herbouw({"inburgering": app})


def bladeren(cijfers, voor=""):
    return {p for k, v in cijfers.items() for p in (bladeren(v, f"{voor}{k}.") if isinstance(v, dict) else {f"{voor}{k}"})}


def test_every_begeleiding_and_participatie_figure_is_on_the_page_as_the_report_has_it():
    p = projectie()
    html = pagina.html(p.rapport, PEILDATUM)
    rapport = p.rapport(PEILDATUM)["inburgering"]
    getoond = {pad: (json.loads(unescape(w)), unescape(t)) for pad, w, t in KENGETAL.findall(html)}

    for sleutel in ("begeleiding", "participatie"):
        paden = {f"inburgering.{sleutel}.{pad}" for pad in bladeren(rapport[sleutel])}
        assert paden <= set(getoond), paden - set(getoond)
    for pad, (w, _) in getoond.items():
        deel = rapport
        for sleutel in pad.split(".")[1:]:
            deel = deel[sleutel]
        assert w == deel, pad
    assert getoond["inburgering.begeleiding.lopend"][1] == "2"
    assert getoond["inburgering.participatie.na_drie_jaar.aandeel_trede_4_plus"][1] == "66,7%"
    assert getoond["inburgering.participatie.na_drie_jaar.doelen.aandeel_trede_4_plus"][1] == "80%"
    assert getoond["inburgering.participatie.zelfredzaamheid.per_levensgebied.financien.4"][1] == "<5"
    assert "Maatschappelijke begeleiding (VluchtelingenWerk)" in html and "Participatie na drie jaar" in html


def test_welkom_rapport_gives_the_begeleiding_and_participatie_as_dutch_lines():
    regels = tekst.tekst(projectie().rapport(PEILDATUM)).splitlines()
    inburgering_ = regels[regels.index("inburgering") + 1:]

    assert any(r.split()[:3] == ["begeleiding", "(VWN)", "lopend"] and "zonder traject 1" in r for r in inburgering_)
    assert any(r.split()[:3] == ["na", "drie", "jaar"] and "trede 4+ 67% (doel 80%)" in r for r in inburgering_)
    assert not any("{" in r for r in inburgering_)


def test_the_gauges_follow_the_report_and_have_no_series_of_a_suppressed_cell():
    metrics.werk_bij(projectie().rapport(PEILDATUM)["inburgering"])

    assert waarde("welkom_inburgering_begeleiding_personen", stand="lopend") == 2
    assert waarde("welkom_inburgering_begeleiding_personen", stand="zonder_traject") == 1
    assert waarde("welkom_inburgering_participatie_trede_personen", trede="5") == 1
    assert waarde("welkom_inburgering_participatie_na_drie_jaar_personen") == 3
    assert round(waarde("welkom_inburgering_participatie_na_drie_jaar_ratio", maat="trede_4_plus"), 3) == 0.667
    assert not [f.name for f in REGISTRY.collect() if "zelfredzaam" in f.name or "levensgebied" in f.name]
