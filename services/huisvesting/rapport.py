"""Huisvesting's report: its kengetallen as known on a peildatum, a pure function of the fold.

The fold (`services.huisvesting.projections`) keeps huisvesting's stored events as dated facts;
`rapport` counts only the facts dated on or before the peildatum ("as known on the peildatum"),
so a rebuild gives the live figures and the same peildatum gives the same answer. Taakstellingen
carry no date of decision: the latest decision for a period counts.

`rapport(staat, peildatum)` returns (dates as ISO strings, None where a figure is unknown):

- `periode`, `taakstelling`, `gerealiseerd`, `nog_te_gaan_taakstelling`, `dossiers_open`,
  `personen_wachtend`, `dossiers_over_termijn`: the headline figures of the peildatum's half-year
  period, as before: the period's own taakstelling (no achterstand), persons housed in it so far,
  their difference (at least 0); open dossiers, their persons, and those past the 10-week term.
- `taakstelling_periode` / `taakstelling_jaar`: the opgave of the half-year period resp. the
  calendar year (which the provincie judges), each with `periode` / `jaar` and:
  `taakstelling` (persons; periods between known ones count 0; None outside them),
  `achterstand` (carried over from earlier periods: opgave minus gerealiseerd of the period
  before, from 0 before the first period with a taakstelling; negative is a head start; for the
  year the carry into its H1), `opgave` (taakstelling + achterstand), `gerealiseerd` (persons
  housed from the start of the period/year up to and including the peildatum, each once, on
  their first move-in), `nog_te_gaan_opgave` (max(opgave - gerealiseerd, 0)), `aandeel_gerealiseerd`
  (gerealiseerd / opgave, 3 decimals; None when the opgave is 0 or unknown),
  `amv_taakstelling` (the indicative AMV part, when the Rijk gave one) and `amv_gerealiseerd`
  (persons housed from dossiers opened as AMV).
- `dossiers_per_status`: open dossiers (from koppeldatum until the final, non-doorstroom
  move-in) by state: `aangeboden`, `geaccepteerd` (an open offer), else `geblokkeerd` (BSN or
  IBAN missing), else `doorstroom` (housed in a doorstroom home, waiting for a regular one),
  else `wachtend`. They add up to `dossiers_open`.
- `over_termijn`: `aantal` open dossiers whose 10-week term (koppeldatum + 10 weeks) passed
  before the peildatum without an offer on or before its last day; the oldest of them:
  `oudste_koppeldatum` and `oudste_dagen_wachtend` (days since koppeling).
- `doorlooptijd`: days from koppeling to the first move-in, of the moves in the period up to
  the peildatum: `verhuizingen` (count), `mediaan_dagen`, `p90_dagen`. Percentiles by linear
  interpolation between the sorted values (position q·(n-1); numpy's default, Excel
  PERCENTILE.INC), one decimal.
- `doorlooptijd_verdeling`: the same days of the same moves as `doorlooptijd`, counted in buckets
  of 10 weeks (the huisvestingstermijn): a list of `{"van", "tot", "verhuizingen"}` for
  van <= days < tot: 0-70, 70-140, ..., 490-560 and 560 onwards (`tot` None); always all nine.
- `geblokkeerd`: open dossiers blocked on the peildatum, `dossiers` and by missing item
  `ontbreekt_bsn`, `ontbreekt_iban` (a dossier missing both counts in both); blocked time of
  every dossier blocked at some time up to the peildatum (still blocked: up to the peildatum):
  `ooit_geblokkeerd` (dossiers), `dagen_totaal`, `dagen_mediaan`.
- `huishoudens`: household mismatch: `eenpersoons_wachtend` / `meerpersoons_wachtend` (open
  dossiers without a home or offer, i.e. wachtend or geblokkeerd, by household size on the
  peildatum) and `eenpersoonswoningen_aangeboden` (offers in the period of homes for at most
  one person).
- `aanbiedingen`: offers (WoningAangeboden) dated in the period up to the peildatum: `totaal`,
  `per_wijk`, `per_soort`, and `per_wijk_soort` (rows of wijk, soort, aantal).
- `nareizigers`: up to the peildatum, `toegevoegd` (nareizigers added to a household) and
  `vervolgbehoeften` (added after the household was housed: it needs a bigger home).

`nog_te_gaan` is kept for compatibility (keys are added, never renamed) but named two figures:
at the top it equals `nog_te_gaan_taakstelling` (the period's taakstelling minus gerealiseerd,
without achterstand); in `taakstelling_periode` and `taakstelling_jaar` it equals that block's
`nog_te_gaan_opgave` (its opgave, so with achterstand, minus gerealiseerd). Read the new names.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from services.rapportage.statistiek import kwantiel
from services.huisvesting.domain import periode as halfjaar
from services.huisvesting.domain.huisvestingsdossier import DOORSTROOM, HUISVESTINGSTERMIJN

WACHTEND, GEBLOKKEERD, AANGEBODEN, GEACCEPTEERD = "wachtend", "geblokkeerd", "aangeboden", "geaccepteerd"
"""A dossier's states in the report; the fold records its facts in these words too."""
STATUSSEN = (WACHTEND, GEBLOKKEERD, AANGEBODEN, GEACCEPTEERD, DOORSTROOM)
ONTBREKEND = ("bsn", "iban")
VERDELING_DAGEN, VERDELING_BAKKEN = HUISVESTINGSTERMIJN.days, 9
"""The doorlooptijd distribution: buckets of 10 weeks, the last one open-ended."""


def rapport(staat: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """Huisvesting's kengetallen as known on the peildatum (keys: see the module docstring)."""
    periode, begin = halfjaar.periode_van(peildatum)
    dossiers = [d for d in (_op(d, peildatum) for d in staat["dossiers"].values()) if d is not None]
    open_ = [d for d in dossiers if d["open"]]
    over_termijn = sorted(
        (d["koppeldatum"] for d in open_ if d["over_termijn"]),
    )
    huisvestingen = [h for h in staat["huisvestingen"] if h[0] <= peildatum]
    in_periode = [h for h in huisvestingen if h[0] >= begin]
    gerealiseerd = sum(h[1] for h in in_periode)
    taakstelling = staat["taakstellingen"].get(periode)
    aanbiedingen = [a for a in staat["aanbiedingen"] if begin <= a[0] <= peildatum]
    nog_te_gaan = None if taakstelling is None else max(taakstelling - gerealiseerd, 0)
    return {
        "periode": periode,
        "taakstelling": taakstelling,
        "gerealiseerd": gerealiseerd,
        "nog_te_gaan": nog_te_gaan,
        "nog_te_gaan_taakstelling": nog_te_gaan,
        "dossiers_open": len(open_),
        "personen_wachtend": sum(d["personen"] for d in open_),
        "dossiers_over_termijn": len(over_termijn),
        **_opgaven(staat, peildatum, huisvestingen),
        "dossiers_per_status": {s: sum(1 for d in open_ if d["status"] == s) for s in STATUSSEN},
        "over_termijn": {
            "aantal": len(over_termijn),
            "oudste_koppeldatum": over_termijn[0].isoformat() if over_termijn else None,
            "oudste_dagen_wachtend": (peildatum - over_termijn[0]).days if over_termijn else None,
        },
        "doorlooptijd": _doorlooptijd(in_periode),
        "doorlooptijd_verdeling": _verdeling(in_periode),
        "geblokkeerd": _geblokkeerd(dossiers),
        "huishoudens": {
            "eenpersoons_wachtend": sum(
                1 for d in open_ if d["status"] in (WACHTEND, GEBLOKKEERD) and d["personen"] == 1
            ),
            "meerpersoons_wachtend": sum(
                1 for d in open_ if d["status"] in (WACHTEND, GEBLOKKEERD) and d["personen"] > 1
            ),
            "eenpersoonswoningen_aangeboden": sum(1 for a in aanbiedingen if a[3] == 1),
        },
        "aanbiedingen": _aanbiedingen(aanbiedingen),
        "nareizigers": {
            "toegevoegd": sum(d["nareizigers"] for d in dossiers),
            "vervolgbehoeften": sum(d["vervolgbehoeften"] for d in dossiers),
        },
    }


def _op(dossier: dict[str, Any], peildatum: dt.date) -> dict[str, Any] | None:
    """A dossier's state on the peildatum, replayed from its facts dated up to then; None when it
    was not yet linked."""
    koppeldatum = dossier["koppeldatum"]
    if koppeldatum > peildatum:
        return None
    status, open_, doorstroom = WACHTEND, True, False
    personen, nareizigers, vervolgbehoeften = dossier["personen"], 0, 0
    ontbreekt: tuple[str, ...] = ()
    geblokkeerd_sinds: dt.date | None = None
    geblokkeerde_dagen: int | None = None
    eerste_aanbod_op: dt.date | None = None
    for datum, soort, waarde in dossier["feiten"]:
        if datum > peildatum:
            continue
        if soort == GEBLOKKEERD:
            ontbreekt = waarde
            if geblokkeerd_sinds is None:
                geblokkeerd_sinds = datum
        elif soort == "gedeblokkeerd":
            ontbreekt = ()
            if geblokkeerd_sinds is not None:
                geblokkeerde_dagen = (geblokkeerde_dagen or 0) + (datum - geblokkeerd_sinds).days
            geblokkeerd_sinds = None
        elif soort == "nareiziger":
            personen += 1
            nareizigers += 1
            vervolgbehoeften += waarde
        elif soort == AANGEBODEN:
            status = AANGEBODEN
            eerste_aanbod_op = eerste_aanbod_op or datum
        elif soort in (GEACCEPTEERD, WACHTEND):
            status = soort
        elif soort == "verhuisd":
            status, doorstroom = WACHTEND, waarde
            open_ = open_ and waarde
    if geblokkeerd_sinds is not None:
        geblokkeerde_dagen = (geblokkeerde_dagen or 0) + (peildatum - geblokkeerd_sinds).days
    if status == WACHTEND and ontbreekt:
        status = GEBLOKKEERD
    elif status == WACHTEND and doorstroom:
        status = DOORSTROOM
    termijn = koppeldatum + HUISVESTINGSTERMIJN
    return {
        "koppeldatum": koppeldatum,
        "open": open_,
        "status": status,
        "personen": personen,
        "ontbreekt": ontbreekt if open_ else (),
        "geblokkeerde_dagen": geblokkeerde_dagen,
        "over_termijn": termijn < peildatum and (eerste_aanbod_op is None or eerste_aanbod_op > termijn),
        "nareizigers": nareizigers,
        "vervolgbehoeften": vervolgbehoeften,
    }


def _opgaven(
    staat: dict[str, Any], peildatum: dt.date, huisvestingen: list[tuple[dt.date, int, bool, dt.date]]
) -> dict[str, Any]:
    """The opgave of the peildatum's half-year period and of its calendar year, with the
    achterstand carried over from period to period."""
    taak = {halfjaar.ontleed(p): n for p, n in staat["taakstellingen"].items()}
    amv_taak = {halfjaar.ontleed(p): n for p, n in staat["amv_taakstellingen"].items()}
    nu = halfjaar.periode(peildatum)
    per_periode: Counter[halfjaar.Periode] = Counter()
    amv_per_periode: Counter[halfjaar.Periode] = Counter()
    for datum, personen, amv, _ in huisvestingen:
        per_periode[halfjaar.periode(datum)] += personen
        amv_per_periode[halfjaar.periode(datum)] += personen if amv else 0

    def taakstelling(p: halfjaar.Periode) -> int | None:
        """Known periods, and 0 for those between them; None before the first or after the last."""
        if not taak or not min(taak) <= p <= max(taak):
            return None
        return taak.get(p, 0)

    achterstand: dict[halfjaar.Periode, int] = {}
    carry, p = 0, min(taak) if taak else nu
    while p <= nu:
        achterstand[p] = carry
        carry += (taakstelling(p) or 0) - per_periode[p]
        p = halfjaar.volgende(p)

    h1, h2 = (peildatum.year, 1), (peildatum.year, 2)
    jaar_taak = [t for t in (taakstelling(h1), taakstelling(h2)) if t is not None]
    jaar_amv = [a for a in (amv_taak.get(h1), amv_taak.get(h2)) if a is not None]
    return {
        "taakstelling_periode": {
            "periode": halfjaar.naam(nu),
            **_cijfers(
                taakstelling(nu), achterstand.get(nu, 0), per_periode[nu], amv_taak.get(nu), amv_per_periode[nu]
            ),
        },
        "taakstelling_jaar": {
            "jaar": peildatum.year,
            **_cijfers(
                sum(jaar_taak) if jaar_taak else None,
                achterstand.get(h1, 0),
                per_periode[h1] + per_periode[h2],
                sum(jaar_amv) if jaar_amv else None,
                amv_per_periode[h1] + amv_per_periode[h2],
            ),
        },
    }


def _cijfers(
    taakstelling: int | None, achterstand: int, gerealiseerd: int, amv_taakstelling: int | None, amv_gerealiseerd: int
) -> dict[str, Any]:
    opgave = None if taakstelling is None else taakstelling + achterstand
    nog_te_gaan = None if opgave is None else max(opgave - gerealiseerd, 0)
    return {
        "taakstelling": taakstelling,
        "achterstand": achterstand,
        "opgave": opgave,
        "gerealiseerd": gerealiseerd,
        "nog_te_gaan": nog_te_gaan,
        "nog_te_gaan_opgave": nog_te_gaan,
        "aandeel_gerealiseerd": round(gerealiseerd / opgave, 3) if opgave else None,
        "amv_taakstelling": amv_taakstelling,
        "amv_gerealiseerd": amv_gerealiseerd,
    }




def _doorlooptijd(huisvestingen: list[tuple[dt.date, int, bool, dt.date]]) -> dict[str, Any]:
    dagen = [(datum - koppeldatum).days for datum, _, _, koppeldatum in huisvestingen]
    return {"verhuizingen": len(dagen), "mediaan_dagen": kwantiel(dagen, 0.5), "p90_dagen": kwantiel(dagen, 0.9)}


def _verdeling(huisvestingen: list[tuple[dt.date, int, bool, dt.date]]) -> list[dict[str, Any]]:
    """The days of `_doorlooptijd` per bucket of VERDELING_DAGEN; the last bucket has no end."""
    telling = Counter(min(max((datum - koppeldatum).days, 0) // VERDELING_DAGEN, VERDELING_BAKKEN - 1)
                      for datum, _, _, koppeldatum in huisvestingen)
    return [
        {"van": i * VERDELING_DAGEN, "tot": None if i == VERDELING_BAKKEN - 1 else (i + 1) * VERDELING_DAGEN,
         "verhuizingen": telling[i]}
        for i in range(VERDELING_BAKKEN)
    ]


def _geblokkeerd(dossiers: list[dict[str, Any]]) -> dict[str, Any]:
    nu = [d for d in dossiers if d["open"] and d["ontbreekt"]]
    ooit = [d["geblokkeerde_dagen"] for d in dossiers if d["geblokkeerde_dagen"] is not None]
    return {
        "dossiers": len(nu),
        **{f"ontbreekt_{g}": sum(1 for d in nu if g in d["ontbreekt"]) for g in ONTBREKEND},
        "ooit_geblokkeerd": len(ooit),
        "dagen_totaal": sum(ooit),
        "dagen_mediaan": kwantiel(ooit, 0.5),
    }


def _aanbiedingen(aanbiedingen: list[tuple[dt.date, str, str, int]]) -> dict[str, Any]:
    per_wijk_soort = Counter((wijk, soort) for _, wijk, soort, _ in aanbiedingen)
    return {
        "totaal": len(aanbiedingen),
        "per_wijk": dict(sorted(Counter(a[1] for a in aanbiedingen).items())),
        "per_soort": dict(sorted(Counter(a[2] for a in aanbiedingen).items())),
        "per_wijk_soort": [
            {"wijk": wijk, "soort": soort, "aantal": n} for (wijk, soort), n in sorted(per_wijk_soort.items())
        ],
    }
