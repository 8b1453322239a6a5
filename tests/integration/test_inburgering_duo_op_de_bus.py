"""DUO's signals on the real bus and stores: each code family changes the plicht and welkom publishes it; an unknown code and a wrong payload land in the DLQ; a missing plicht signal is on the attention list until it arrives; a nareiziger and a gezinsmigrant get their own kind of traject; an ontheemde none."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from typing import Any

import pytest

from events import coa, duo, ind, inburgering, topics
from keten import Keten, cloudevent, van_type
from services.domain.identity import persoon_id_van_bsn
from services.inburgering import projections
from services.inburgering.rapport_plicht import aandachtslijst
from services.stack import Stack

pytestmark = pytest.mark.integration

AMIR, NOOR, SARA = "7000000001", "7000000002", "7000000003"
"""Amir is linked to Nijmegen; Noor, his wife, follows him with a nareis permit; Sara is a gezinsmigrant."""
BSN = "999990019"
"""An ontheemde's BSN: DUO writes about her, inburgering gives her no traject."""
D = dt.date


def signaal(code: str, registratiedatum: str, gegevens: dict[str, Any], **wie: str) -> dict[str, Any]:
    return cloudevent(duo.DUO_SIGNAAL_ONTVANGEN, {"gebeurtenis_id": code, "registratiedatum": registratiedatum,
                                                   "gegevens": gegevens, **wie})


async def gepubliceerd(keten: Keten, type_: str, aantal: int) -> list[Any]:
    return van_type(await keten.wacht_op(topics.GEMEENTE_INBURGERING,
                                         lambda es: len(van_type(es, type_)) >= aantal), type_)


async def lijst(stack: Stack, peildatum: dt.date) -> list[tuple[str, str]]:
    """The attention list on the peildatum, from the running stack's views: (persoon_id, reden)."""
    assert stack.projectie is not None
    await asyncio.to_thread(stack.projectie.bij)
    feiten = stack.projectie.views["inburgering"].feiten("0268", peildatum)
    return [(r["persoon_id"], r["reden"]) for r in aandachtslijst(projections.staat(feiten), peildatum)]


async def test_duo_signals_change_the_plicht_and_bad_ones_land_in_the_dlq(stack: Stack, keten: Keten) -> None:
    amir, noor, sara = keten.persoon(AMIR), keten.persoon(NOOR), keten.persoon(SARA)
    await keten.stuur(cloudevent(coa.GEKOPPELD_AAN_GEMEENTE, {
        "vnummer": AMIR, "gemeentecode": "0268", "koppeldatum": "2024-01-08",
        "huishouden": [{"vnummer": AMIR, "geboortedatum": "1990-04-01"}]}))
    [gestart] = await gepubliceerd(keten, inburgering.INBURGERINGSTRAJECT_GESTART, 1)
    assert (gestart.data.persoon_id, gestart.data.doelgroep, gestart.data.aanleiding) == (
        amir, "asielstatushouder", "koppeling")

    # Eight weeks later no plicht signal has come: Amir is on the attention list, by persoon_id.
    assert await lijst(stack, D(2024, 3, 5)) == [(str(amir), "geen-duo-signaal")]

    # A nareis permit for Noor (keten.ind is not ordered with keten.coa: Amir's traject is there).
    await keten.stuur(cloudevent(ind.VERBLIJFSVERGUNNING_VERLEEND, {
        "vnummer": NOOR, "besluitdatum": "2024-04-02", "soort": "nareis", "referent_vnummer": AMIR}))
    # DUO: Amir's plicht (vNummer without its leading zeros is padded back), termijn, suspension and resumption,
    # a leerbaarheidstoets, an exam, settled; Sara a gezinsmigrant; an ontheemde's vrijstelling by BSN only.
    await keten.stuur(
        signaal("SS101", "2024-03-20", {"begindatum": "2024-03-15", "doelgroep": "asielstatushouder"}, vnummer=AMIR),
        signaal("SS102", "2024-03-21", {"startdatum": "2024-03-15", "einddatum": "2027-03-15"}, vnummer=AMIR),
        signaal("SS137", "2024-04-01", {"datum": "2024-04-01"}, vnummer=AMIR),
        signaal("SS109", "2024-05-01", {"datum": "2024-05-01"}, vnummer=AMIR),
        signaal("SS129", "2024-08-01", {"begindatum": "2024-08-01", "doelgroep": "asielstatushouder"}, vnummer=AMIR),
        signaal("SS104", "2024-08-02", {"einddatum": "2027-06-15", "grond": "tijdelijke vrijstelling"}, vnummer=AMIR),
        signaal("SS199", "2024-09-10", {"examendatum": "2024-09-09", "onderdeel": "KNM", "niveau": "A2",
                                        "resultaat": "geslaagd"}, vnummer=AMIR),
        signaal("SS121", "2024-10-01", {"datum": "2024-10-01"}, vnummer=AMIR),
        signaal("SS101", "2024-05-03", {"begindatum": "2024-05-01", "doelgroep": "gezinsmigrant"}, vnummer=SARA),
        signaal("SS107", "2024-06-01", {"datum": "2024-06-01"}, bsn=BSN),
        signaal("SS999", "2024-06-01", {"datum": "2024-06-01"}, vnummer=AMIR),               # unknown code
        signaal("SS108", "2024-06-01", {"datum": "2024-06-01", "grond": "ARM"}, vnummer=AMIR),  # wrong payload
        signaal("SS102", "2024-06-01", {"datum": "2024-06-01"}, vnummer=AMIR),              # another code's shape
    )
    dood = await keten.wacht_op(topics.dlq(topics.KETEN_DUO), lambda rs: len(rs) >= 3, rauw=True)
    redenen = [dict(r.headers)["dlq_reason"].decode() for r in dood]
    assert redenen == ["ongeldige-data:literal_error:gebeurtenis_id", "ongeldige-data:literal_error:gegevens.grond",
                       "ongeldige-data:veld-ontbreekt:gegevens.startdatum,veld-ontbreekt:gegevens.einddatum,"
                       "extra_forbidden"]
    assert not any(AMIR in reden or BSN in reden for reden in redenen)

    [plicht_amir, plicht_sara] = await gepubliceerd(keten, inburgering.INBURGERINGSPLICHT_ONTSTAAN, 2)
    assert {plicht_amir.data.persoon_id, plicht_sara.data.persoon_id} == {amir, sara}
    termijnen = await gepubliceerd(keten, inburgering.INBURGERINGSTERMIJN_VASTGESTELD, 2)
    assert [e.data.einddatum for e in termijnen] == [D(2027, 3, 15), D(2027, 6, 15)]
    await gepubliceerd(keten, inburgering.INBURGERINGSPLICHT_GESCHORST, 1)
    await gepubliceerd(keten, inburgering.INBURGERINGSPLICHT_HERVAT, 1)
    # Noor and Sara have trajecten of their own kind; the ontheemde none.
    trajecten = await gepubliceerd(keten, inburgering.INBURGERINGSTRAJECT_GESTART, 3)
    soort = {e.data.persoon_id: (e.data.doelgroep, e.data.aanleiding, e.data.startdatum) for e in trajecten}
    assert soort[noor] == ("nareiziger", "nareis", D(2024, 4, 2))
    assert soort[sara] == ("gezinsmigrant", "duo", D(2024, 5, 1))
    ontheemde = persoon_id_van_bsn(BSN, stack.settings.pseudonym_secret.get_secret_value())
    assert ontheemde not in soort

    # Amir's plicht signal took him off the list; the ontheemde's signal names a person without a traject.
    verwacht = [(str(ontheemde), "onbekend-bij-duo"), (str(noor), "geen-duo-signaal")]
    assert sorted(await lijst(stack, D(2024, 6, 2)), key=lambda r: r[1]) == sorted(verwacht, key=lambda r: r[1])
    assert (str(amir), "geen-duo-signaal") in await lijst(stack, D(2024, 3, 19))  # the same list as before

    # The diploma ends the plicht; the report tells the status, the plicht and the attention counts.
    await keten.stuur(signaal("SS106", "2025-11-01", {"datum": "2025-10-30"}, vnummer=AMIR))
    eindes = await gepubliceerd(keten, inburgering.INBURGERINGSPLICHT_BEEINDIGD, 2)
    assert {(e.data.persoon_id, e.data.uitkomst) for e in eindes} == {(amir, "diploma"), (ontheemde, "vrijstelling")}
    assert stack.projectie is not None
    await asyncio.to_thread(stack.projectie.bij)
    rapport = (await asyncio.to_thread(stack.projectie.rapport, D(2025, 11, 2)))["inburgering"]
    assert rapport["plicht"]["beeindigd"] == {"diploma": 1, "vrijstelling": 1}
    assert rapport["caseload"] == {"asielstatushouder": 0, "nareiziger": 1, "gezinsmigrant": 1, "oude-wet": 0}
    assert rapport["examens"] == {"KNM:geslaagd": 1}
    assert rapport["aandachtslijst"] == {"zonder_duo_signaal": 1, "onbekend_bij_duo": 1, "totaal": 2}
    assert BSN not in json.dumps(rapport, default=str) and AMIR not in json.dumps(rapport, default=str)
