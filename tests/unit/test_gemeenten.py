"""The read side serves more than one gemeente: facts carry their gemeentecode, and a report is for one."""

from __future__ import annotations

from pathlib import Path

from huisvesting_rapport_hulp import D, bericht, ontvang, taakstelling
from events import coa
from services.huisvesting.application import Huisvesting
from services.rapportage.projectie import Projectie


def koppeling_in(gemeentecode: str, vnummer: str, grootte: int) -> object:
    leden = [f"{int(vnummer) + i:010d}" for i in range(grootte)]
    return bericht(coa.GEKOPPELD_AAN_GEMEENTE, {
        "vnummer": leden[0], "gemeentecode": gemeentecode, "koppeldatum": "2024-02-01",
        "huishouden": [{"vnummer": v, "geboortedatum": "1990-01-01"} for v in leden]}, "urn:nld:coa")


def test_two_gemeenten_in_one_store_each_get_their_own_report(tmp_path: Path):
    env = {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(tmp_path / "huisvesting.sqlite"),
           "CREATE_TABLE": "y"}
    nijmegen = Huisvesting(env=env, pseudoniem_sleutel="t", gemeentecode="0268", vereist=())
    arnhem = Huisvesting(env=env, pseudoniem_sleutel="t", gemeentecode="0202", vereist=())
    ontvang(nijmegen, taakstelling("2024-H1", 182), koppeling_in("0268", "1000000001", 3))
    arnhem_taak = bericht(taakstelling("2024-H1", 0).type,
                          {"gemeentecode": "0202", "periode": "2024-H1", "aantal": 150}, "urn:nld:rijk")
    ontvang(arnhem, arnhem_taak, koppeling_in("0202", "2000000001", 1), koppeling_in("0202", "2000000005", 2))

    projectie = Projectie({"huisvesting": nijmegen})
    projectie.bij()
    eigen = projectie.rapport(D(2024, 3, 1))["huisvesting"]
    andere = projectie.rapport(D(2024, 3, 1), gemeentecode="0202")["huisvesting"]

    assert (eigen["taakstelling"], eigen["dossiers_open"], eigen["personen_wachtend"]) == (182, 1, 3)
    assert (andere["taakstelling"], andere["dossiers_open"], andere["personen_wachtend"]) == (150, 2, 3)
    assert projectie.rapport(D(2024, 3, 1), gemeentecode="0344")["huisvesting"]["dossiers_open"] == 0
    nijmegen.close()
    arnhem.close()
