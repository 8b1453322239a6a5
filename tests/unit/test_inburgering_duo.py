"""DUO's signals on the in-memory store: each code family changes the plicht; unknown persons, gezinsmigranten, nareizigers, legalisering and the attention list."""

from __future__ import annotations

import uuid

import pytest
from application_hulp import COA, IND, D, bericht, historie, koppeling
from inburgering_hulp import app, rapport, signaal, staten

from events import brp, ind, mzd
from services.domain.identity import persoon_id_van_bsn
from services.inburgering.domain.inburgeringsplicht import Inburgeringsplicht
from services.inburgering.domain.inburgeringstraject import Inburgeringstraject
from services.inburgering.rapport_plicht import aandachtslijst

AMIR, NOOR, SARA, KIND, ZAID = "6000000001", "6000000002", "6000000003", "6000000004", "0060000005"
BSN = "999990019"


def plicht(dienst, vnummer: str) -> list[str]:
    return historie(dienst, Inburgeringsplicht.create_id(dienst.persoon(vnummer)))


def test_each_code_family_changes_the_plicht_and_the_clock_records_the_termijn():
    dienst = app(vandaag=D(2027, 8, 1))
    assert dienst.verwerk_batch([koppeling(AMIR, D(2024, 1, 8)), koppeling(ZAID, D(2024, 1, 8))]) == []
    # DUO keeps the vNummer as a number: Zaid's "0060000005" comes as "60000005", and is padded back.
    assert dienst.verwerk_batch([signaal("SS139", D(2024, 1, 20), vnummer="60000005", begindatum=D(2024, 1, 15),
                                         doelgroep="asielstatushouder")]) == []
    assert plicht(dienst, ZAID) == ["Geopend", "PlichtOntstaan"]
    signalen = [
        signaal("SS101", D(2024, 1, 20), vnummer=AMIR, begindatum=D(2024, 1, 15), doelgroep="asielstatushouder"),
        signaal("SS102", D(2024, 2, 1), vnummer=AMIR, startdatum=D(2024, 1, 15), einddatum=D(2027, 1, 15)),
        signaal("SS137", D(2024, 2, 5), vnummer=AMIR, datum=D(2024, 2, 5)),
        signaal("SS131", D(2024, 3, 1), vnummer=AMIR, datum=D(2024, 3, 1), uitslag="voldoende"),
        signaal("SS109", D(2024, 4, 1), vnummer=AMIR, datum=D(2024, 4, 1)),
        signaal("SS129", D(2024, 9, 1), vnummer=AMIR, begindatum=D(2024, 9, 1), doelgroep="asielstatushouder"),
        signaal("SS124", D(2024, 10, 1), vnummer=AMIR, datum=D(2024, 10, 1), doelgroep="asielstatushouder"),
        signaal("SS120", D(2024, 10, 2), vnummer=AMIR, datum=D(2024, 10, 2)),
        signaal("SS103", D(2026, 12, 1), vnummer=AMIR, einddatum=D(2027, 7, 15), grond="ziekte"),
        signaal("SS199", D(2027, 3, 1), vnummer=AMIR, examendatum=D(2027, 3, 1), onderdeel="KNM", niveau="A2",
                resultaat="gezakt"),
    ]
    assert dienst.verwerk_batch(signalen) == []
    assert plicht(dienst, AMIR) == ["Geopend", "PlichtOntstaan", "TermijnGestart", "Leerbaarheidstoets",
                                    "Leerbaarheidstoets", "PlichtGeschorst", "PlichtHervat", "DoelgroepGewijzigd",
                                    "Gevestigd", "TermijnVerlengd", "Examenresultaat"]
    assert dienst.verloop_tijd(D(2027, 7, 15)) == 2  # the intake terms only: the termijn was extended
    assert dienst.verloop_tijd(D(2027, 7, 16)) == 1
    assert plicht(dienst, AMIR)[-1] == "TermijnVerstreken"
    cijfers = rapport(dienst, D(2027, 8, 1))
    assert cijfers["termijnen"] == {"lopend": 0, "verstreken": 1}
    assert cijfers["examens"] == {"KNM:gezakt": 1}
    assert rapport(dienst, D(2024, 5, 1))["plicht"]["geschorst"] == 1  # as known then
    assert rapport(dienst, D(2024, 12, 1))["plicht"]["geschorst"] == 0


def test_a_missing_plicht_signal_is_on_the_list_until_it_arrives_and_an_unknown_person_until_a_traject_starts():
    dienst = app()
    assert dienst.verwerk_batch([koppeling(AMIR, D(2024, 1, 8)),
                                 signaal("SS106", D(2024, 2, 1), vnummer=NOOR, datum=D(2024, 2, 1))]) == []
    amir, noor = str(dienst.persoon(AMIR)), str(dienst.persoon(NOOR))
    # Eight weeks after the koppeling (the default window): 4 March is the last day.
    assert [r["persoon_id"] for r in aandachtslijst(staten(dienst, D(2024, 3, 4)), D(2024, 3, 4))] == [noor]
    lijst = aandachtslijst(staten(dienst, D(2024, 3, 5)), D(2024, 3, 5))
    assert [(r["persoon_id"], r["reden"]) for r in lijst] == [(amir, "geen-duo-signaal"), (noor, "onbekend-bij-duo")]
    assert rapport(dienst, D(2024, 3, 5))["aandachtslijst"] == {"zonder_duo_signaal": 1, "onbekend_bij_duo": 1,
                                                                 "totaal": 2}

    assert dienst.verwerk_batch([signaal("SS101", D(2024, 3, 20), vnummer=AMIR, begindatum=D(2024, 3, 1),
                                         doelgroep="asielstatushouder")]) == []
    assert rapport(dienst, D(2024, 3, 19))["aandachtslijst"]["zonder_duo_signaal"] == 1  # the same, asked again
    assert rapport(dienst, D(2024, 3, 20))["aandachtslijst"]["zonder_duo_signaal"] == 0


def test_a_gezinsmigrant_gets_a_traject_of_their_own_kind_whose_pip_finances_no_route():
    dienst = app()
    assert dienst.verwerk_batch([signaal("SS101", D(2024, 5, 2), vnummer=SARA, begindatum=D(2024, 5, 1),
                                         doelgroep="gezinsmigrant")]) == []
    traject = dienst.repository.get(Inburgeringstraject.create_id(dienst.persoon(SARA)))
    assert (traject.doelgroep, traject.aanleiding, traject.startdatum) == ("gezinsmigrant", "duo", D(2024, 5, 1))
    persoon = dienst.persoon(SARA)
    dienst.voer_uit(lambda uow: dienst.stel_pip_vast(uow, persoon, D(2024, 6, 1), "B1", "B1", "NVT", None))
    from services.inburgering.domain.inburgeringsplan import GeenGefinancierdeLeerrouteFout
    with pytest.raises(GeenGefinancierdeLeerrouteFout):
        dienst.voer_uit(lambda uow: dienst.start_leerroute(uow, persoon, D(2024, 7, 1), "ROC"))
    dienst.voer_uit(lambda uow: dienst.onderteken_pvt(uow, persoon, D(2024, 7, 1), False))  # PVT and MAP free
    dienst.voer_uit(lambda uow: dienst.rond_map_af(uow, persoon, D(2025, 1, 10)))
    cijfers = rapport(dienst, D(2025, 2, 1))
    assert cijfers["caseload"]["gezinsmigrant"] == 1
    assert cijfers["plan"]["route_gestart"] == 0 and cijfers["plan"]["map_eindgesprek"] == 1
    assert cijfers["aandachtslijst"]["totaal"] == 0
    # Under the old law (a plicht before 1 July 2021) a gezinsmigrant is only registered.
    assert dienst.verwerk_batch([signaal("SS101", D(2021, 3, 2), vnummer=NOOR, begindatum=D(2021, 3, 1),
                                         doelgroep="gezinsmigrant")]) == []
    assert Inburgeringstraject.create_id(dienst.persoon(NOOR)) not in dienst.repository
    assert rapport(dienst, D(2025, 2, 1))["caseload"]["oude-wet"] == 1


def test_a_nareiziger_a_legalised_person_and_a_minor_at_18_start_trajecten_an_ontheemde_none():
    dienst = app()
    nareis = bericht(ind.VERBLIJFSVERGUNNING_VERLEEND, {"vnummer": NOOR, "besluitdatum": "2024-04-01",
                                                        "soort": "nareis", "referent_vnummer": AMIR}, source=IND)
    gelegaliseerd = bericht(mzd.PERSOON_GELEGALISEERD, {
        "zaak_id": str(uuid.uuid4()), "persoon_id": str(dienst.persoon(SARA)), "besluitdatum": "2024-05-01",
        "soort": "asiel"}, source="urn:nld:gemeente-nijmegen:welkom:mzd")
    gezin = bericht("nl.statushouders.gekoppeld-aan-gemeente", {
        "vnummer": AMIR, "gemeentecode": "0268", "koppeldatum": "2024-01-08",
        "huishouden": [{"vnummer": AMIR, "geboortedatum": "1990-01-01"}, {"vnummer": KIND, "geboortedatum": "2007-06-30"}]},
        source=COA)
    assert dienst.verwerk_batch([gezin, nareis, gelegaliseerd, gelegaliseerd]) == []
    assert dienst.verwerk_batch([bericht(mzd.PERSOON_GELEGALISEERD, {**gelegaliseerd.data.model_dump(mode="json")},
                                         source="urn:nld:gemeente-nijmegen:welkom:mzd")]) == []  # idempotent
    soort = {v: (t.doelgroep, t.aanleiding, t.startdatum) for v in (AMIR, NOOR, KIND)
             if (t := dienst.repository.get(Inburgeringstraject.create_id(dienst.persoon(v))))}
    soort["sara"] = (lambda t: (t.doelgroep, t.aanleiding, t.startdatum))(
        dienst.repository.get(Inburgeringstraject.create_id(dienst.persoon(SARA))))
    assert soort == {AMIR: ("asielstatushouder", "koppeling", D(2024, 1, 8)),
                     NOOR: ("nareiziger", "nareis", D(2024, 4, 1)),
                     KIND: ("asielstatushouder", "meerderjarig", D(2025, 6, 30)),
                     "sara": ("asielstatushouder", "legalisering", D(2024, 5, 1))}
    assert historie(dienst, Inburgeringstraject.create_id(dienst.persoon(SARA))) == ["Gestart"]
    assert rapport(dienst, D(2025, 6, 29))["trajecten"] == 3 and rapport(dienst, D(2025, 6, 30))["trajecten"] == 4
    assert rapport(dienst, D(2024, 6, 1))["caseload"]["nareiziger"] == 1
    # An ontheemde is known only by BSN, in opvang: DUO's SS107 for that BSN names a person without a traject.
    assert dienst.verwerk_batch([signaal("SS107", D(2024, 6, 1), bsn=BSN, datum=D(2024, 6, 1))]) == []
    ontheemde = persoon_id_van_bsn(BSN, "test")
    assert Inburgeringstraject.create_id(ontheemde) not in dienst.repository
    lijst = aandachtslijst(staten(dienst, D(2024, 6, 2)), D(2024, 6, 2))
    assert [r["persoon_id"] for r in lijst if r["reden"] == "onbekend-bij-duo"] == [str(ontheemde)]
    assert {r["persoon_id"] for r in lijst if r["reden"] == "geen-duo-signaal"} == {
        str(dienst.persoon(AMIR)), str(dienst.persoon(NOOR))}  # Sara's window runs until 26 June


def test_a_signal_with_only_a_bsn_finds_the_person_the_brp_registered():
    dienst = app()
    inschrijving = bericht(brp.INGESCHREVEN_IMMIGRATIE, {"vnummer": AMIR, "bsn": BSN, "datum": "2024-01-20"},
                           source="urn:nld:brp")
    assert dienst.verwerk_batch([koppeling(AMIR, D(2024, 1, 8)), inschrijving,
                                 signaal("SS101", D(2024, 2, 1), bsn=BSN, begindatum=D(2024, 1, 25),
                                         doelgroep="asielstatushouder")]) == []
    assert plicht(dienst, AMIR) == ["Geopend", "PlichtOntstaan"]
    assert rapport(dienst, D(2024, 6, 1))["aandachtslijst"]["totaal"] == 0
