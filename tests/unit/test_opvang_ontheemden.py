"""Ontheemden from Ukraine in the gemeente's opvang: registered and named by BSN, known only by a pseudonym; placed, moved, departed; the eigen bijdrage; the figures against the 785 places."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from http_hulp import Stack
from ontheemden_hulp import (IRYNA, OLENA, TARAS, D, geef, geplaatst, oekraine_locatie, opgeslagen_tekst, opvang,
                             rapport, waalhaven_en_tarweweg)
from pydantic import ValidationError
from toegang_hulp import kop

from events.registry import REGISTRY
from services.domain import Domeinfout
from services.domain.identity import persoon_id, persoon_id_van_bsn
from services.entrypoints.http import maak_app
from services.logboek import register
from services.opvang import metrics, translation
from services.domain.verwerkingslog import Verwerkingslog
from services.opvang.domain.ontheemde import Ontheemde
from services.toegang.rollen import OPVANG_MEDEWERKER, WOONCONSULENT


def reden(fout: pytest.ExceptionInfo[Domeinfout]) -> str:
    return fout.value.reden


def test_an_ontheemde_is_registered_by_bsn_and_placed_under_a_pseudonym_no_bsn_is_stored_or_published():
    app = opvang()
    waalhaven_en_tarweweg(app)

    geplaatst(app, OLENA, "waalhaven", D(2024, 3, 1))

    persoon = persoon_id_van_bsn(OLENA, "test")
    assert app.persoon_van_bsn(OLENA) == persoon
    ontheemde = app.repository.get(Ontheemde.create_id(persoon))
    assert (ontheemde.persoon_id, ontheemde.opvang, ontheemde.geregistreerd_op) == (
        persoon, ("gemeentelijk", "waalhaven"), D(2024, 3, 1))
    assert persoon.hex in opgeslagen_tekst(app) and OLENA not in opgeslagen_tekst(app)
    bus = [u for n in app.recorder.select_notifications(1, 1000) for u in translation.vertaal(app.mapper.to_domain_event(n))]
    assert [(t, s) for t, s, _ in bus if s is not None] == [
        ("nl.opvang.ontheemde-geregistreerd", persoon), ("nl.opvang.ontheemde-geplaatst", persoon)]
    for type_, _, data in bus:
        REGISTRY[type_].schema.model_validate(data.model_dump())
        assert OLENA not in data.model_dump_json()


def test_the_pseudonym_of_a_bsn_is_keyed_and_in_a_namespace_of_its_own():
    assert persoon_id_van_bsn(OLENA, "test") == persoon_id_van_bsn(OLENA, "test")
    assert persoon_id_van_bsn(OLENA, "test") != persoon_id_van_bsn(OLENA, "andere-sleutel")
    assert persoon_id_van_bsn(OLENA, "test") != persoon_id(OLENA, "test")
    assert persoon_id_van_bsn(OLENA, "test") != persoon_id_van_bsn(TARAS, "test")


def test_a_bsn_of_another_shape_is_refused_by_the_request_model_and_one_failing_the_elfproef_by_the_command():
    """Nine digits is what the schema says (400 when broken); the elfproef is the command's rule
    (422 `OngeldigBsnFout`), as a checksum cannot be said in a schema. Neither repeats the BSN."""
    for fout in ("12345678", "9999900190", "99999001x", "٩٩٩٩٩٠٠١٩"):
        with pytest.raises(ValidationError) as e:
            geef(opvang(), "registreer-ontheemde", bsn=fout, datum="2024-03-01")
        assert fout not in str(e.value)
    with pytest.raises(Domeinfout) as fout:
        geef(opvang(), "registreer-ontheemde", bsn="999990018", datum="2024-03-01")
    assert fout.value.reden == "domeinregel:OngeldigBsnFout" and "999990018" not in str(fout.value)


def test_moving_to_private_shelter_counts_a_move_and_the_report_splits_gemeentelijk_and_particulier():
    app = opvang()
    waalhaven_en_tarweweg(app)
    geplaatst(app, OLENA, "waalhaven", D(2024, 3, 1))
    geplaatst(app, TARAS, "tarweweg", D(2024, 3, 1))

    geef(app, "verplaats-ontheemde", bsn=OLENA, locatie_id="particulier", datum="2024-09-01")

    assert app.repository.get(Ontheemde.create_id(app.persoon_van_bsn(OLENA))).opvang == ("particulier", None)
    voor, na = rapport(app, D(2024, 8, 31)), rapport(app, D(2024, 9, 1))
    assert (voor["in_gemeentelijke_opvang"], voor["in_particuliere_opvang"], voor["verplaatsingen"]) == (2, 0, 0)
    assert (na["in_gemeentelijke_opvang"], na["in_particuliere_opvang"], na["verplaatsingen"]) == (1, 1, 1)
    assert na["per_locatie"] == {"tarweweg": 1}
    assert na["plekken"] == {"afspraak": 785, "capaciteit": 550, "bezet": 1, "beschikbaar": 549,
                             "tekort_op_afspraak": 235}


def test_a_placement_only_in_an_open_oekraine_locatie_of_the_gemeente_and_a_move_only_to_somewhere_else():
    app = opvang()
    waalhaven_en_tarweweg(app)
    oekraine_locatie(app, "tgo-noord", 100, soort="tgo")
    geef(app, "sluit-locatie", locatie_id="tarweweg", datum="2025-12-31")
    geef(app, "registreer-ontheemde", bsn=OLENA, datum="2024-03-01")

    for locatie, datum, fout in (("nergens", "2024-03-01", "LocatieOnbekendFout"),
                                 ("tgo-noord", "2024-03-01", "GeenOekraineLocatieFout"),
                                 ("tarweweg", "2026-01-02", "LocatieNietOpenFout"),
                                 ("waalhaven", "2022-03-31", "LocatieNietOpenFout")):
        with pytest.raises(Domeinfout) as e:
            geef(app, "plaats-ontheemde", bsn=OLENA, locatie_id=locatie, datum=datum)
        assert reden(e) == f"domeinregel:{fout}"
    geef(app, "plaats-ontheemde", bsn=OLENA, locatie_id="waalhaven", datum="2024-03-01")
    for locatie, datum, fout in (("waalhaven", "2024-04-01", "ZelfdeOpvangFout"),
                                 ("tarweweg", "2024-02-01", "DatumVoorVorigeStapFout")):
        with pytest.raises(Domeinfout) as e:
            geef(app, "verplaats-ontheemde", bsn=OLENA, locatie_id=locatie, datum=datum)
        assert reden(e) == f"domeinregel:{fout}"
    with pytest.raises(Domeinfout) as e:
        geef(app, "plaats-ontheemde", bsn=OLENA, locatie_id="tarweweg", datum="2024-04-01")
    assert reden(e) == "domeinregel:AlInOpvangFout"


def test_a_departure_ends_the_stay_with_its_reason_and_a_later_placement_starts_a_new_one():
    app = opvang()
    waalhaven_en_tarweweg(app)
    geplaatst(app, OLENA, "waalhaven", D(2024, 3, 1))

    geef(app, "vertrek-ontheemde", bsn=OLENA, datum="2024-10-31", vertrekreden="eigen-woonruimte")

    na = rapport(app, D(2024, 11, 1))
    assert (na["geregistreerd"], na["in_gemeentelijke_opvang"], na["vertrekken"]) == (1, 0, {"eigen-woonruimte": 1})
    with pytest.raises(Domeinfout) as e:
        geef(app, "vertrek-ontheemde", bsn=OLENA, datum="2024-11-01", vertrekreden="terugkeer")
    assert reden(e) == "domeinregel:NietInOpvangFout"
    geef(app, "plaats-ontheemde", bsn=OLENA, locatie_id="particulier", datum="2025-02-01")
    assert rapport(app, D(2025, 2, 1))["in_particuliere_opvang"] == 1


def test_the_eigen_bijdrage_from_1_july_2024_liable_or_exempt_on_a_ground_counted_for_the_persons_in_gemeentelijke_opvang():
    app = opvang()
    waalhaven_en_tarweweg(app)
    for bsn in (OLENA, TARAS, IRYNA):
        geplaatst(app, bsn, "waalhaven", D(2024, 3, 1))

    with pytest.raises(Domeinfout) as e:
        geef(app, "eigen-bijdrage", bsn=OLENA, datum="2024-06-30", besluit="plichtig")
    assert reden(e) == "domeinregel:BijdrageVoorTwooFout"
    with pytest.raises(ValidationError):
        geef(app, "eigen-bijdrage", bsn=OLENA, datum="2024-07-01", besluit="vrijgesteld")
    with pytest.raises(ValidationError):
        geef(app, "eigen-bijdrage", bsn=OLENA, datum="2024-07-01", besluit="plichtig", vrijstellingsgrond="minderjarig")
    geef(app, "eigen-bijdrage", bsn=OLENA, datum="2024-07-01", besluit="plichtig")
    geef(app, "eigen-bijdrage", bsn=TARAS, datum="2024-07-01", besluit="vrijgesteld", vrijstellingsgrond="geen-inkomen")
    geef(app, "eigen-bijdrage", bsn=TARAS, datum="2025-01-01", besluit="plichtig")  # found work

    juli, januari = rapport(app, D(2024, 7, 1))["eigen_bijdrage"], rapport(app, D(2025, 1, 1))["eigen_bijdrage"]
    assert (juli["plichtig"], juli["vrijgesteld"], juli["onbekend"], juli["per_grond"]["geen-inkomen"]) == (1, 1, 1, 1)
    assert (januari["plichtig"], januari["vrijgesteld"], januari["onbekend"]) == (2, 0, 1)
    geef(app, "verplaats-ontheemde", bsn=OLENA, locatie_id="particulier", datum="2025-02-01")
    assert rapport(app, D(2025, 2, 1))["eigen_bijdrage"]["plichtig"] == 1, "private shelter: no bijdrage to the gemeente"


def test_the_locations_to_replace_are_late_when_still_open_or_inhabited_after_their_date():
    app = opvang()
    waalhaven_en_tarweweg(app)
    geplaatst(app, OLENA, "waalhaven", D(2024, 3, 1))

    voor, na = rapport(app, D(2025, 3, 1))["te_vervangen"], rapport(app, D(2025, 3, 2))["te_vervangen"]
    assert voor["waalhaven"] == {"naam": "Waalhaven", "vervangen_per": "2025-03-01", "geplande_sluiting": "2025-03-01",
                                 "gesloten_op": None, "capaciteit": 300, "bewoners": 1, "te_laat": False}
    assert na["waalhaven"]["te_laat"] and not na["tarweweg"]["te_laat"]
    geef(app, "verplaats-ontheemde", bsn=OLENA, locatie_id="tarweweg", datum="2025-02-20")
    geef(app, "sluit-locatie", locatie_id="waalhaven", datum="2025-02-28")
    assert rapport(app, D(2025, 3, 2))["te_vervangen"]["waalhaven"] | {"naam": None} == {
        "naam": None, "vervangen_per": "2025-03-01", "geplande_sluiting": "2025-03-01", "gesloten_op": "2025-02-28",
        "capaciteit": None, "bewoners": 0, "te_laat": False}


def test_without_oekraine_locaties_the_places_are_the_785_agreed():
    app = opvang()
    geplaatst(app, OLENA, "particulier", D(2024, 3, 1))

    assert rapport(app, D(2024, 3, 1))["plekken"] == {"afspraak": 785, "capaciteit": None, "bezet": 0,
                                                       "beschikbaar": 785, "tekort_op_afspraak": None}


def test_the_gauges_show_the_ontheemden_the_places_the_bijdrage_and_the_end_of_protection():
    app = opvang()
    waalhaven_en_tarweweg(app)
    geplaatst(app, OLENA, "waalhaven", D(2024, 3, 1))
    geplaatst(app, TARAS, "particulier", D(2024, 3, 1))

    metrics.werk_bij({"ontheemden": rapport(app, D(2024, 3, 1))})

    assert metrics.ONTHEEMDEN.labels("gemeentelijk")._value.get() == 1
    assert metrics.ONTHEEMDEN.labels("particulier")._value.get() == 1
    assert metrics.OEKRAINE_PLEKKEN.labels("capaciteit")._value.get() == 550
    assert metrics.EIGEN_BIJDRAGE.labels("onbekend")._value.get() == 1
    assert metrics.BESCHERMING_EINDE._value.get() == 1772582400  # 2026-03-04T00:00:00Z


def test_each_processing_of_an_ontheemde_is_logged_under_the_twoo_with_the_pseudonym():
    app = opvang()
    geplaatst(app, OLENA, "particulier", D(2024, 3, 1))

    log = Verwerkingslog.create_id(app.persoon_van_bsn(OLENA), "opvang")
    records = [e for e in app.events.get(log) if isinstance(e, Verwerkingslog.Verwerkt)]
    assert len(records) == 2, "registered, placed"
    assert {r.activiteit for r in records} == {register.activiteit("opvang-ontheemden").uri}
    assert "TWOO" in register.activiteit("opvang-ontheemden").grondslag
    assert all(e.herkomst["grondslag"] == register.activiteit("opvang-ontheemden").grondslag
               for e in app.events.get(Ontheemde.create_id(app.persoon_van_bsn(OLENA))))


def test_over_http_the_staff_give_the_commands_with_their_role_and_no_answer_repeats_the_bsn():
    stack = Stack()
    http = TestClient(maak_app(stack), raise_server_exceptions=False)
    medewerker = kop(OPVANG_MEDEWERKER)

    goed = http.post("/v1/opvang/ontheemden", json={"bsn": OLENA, "datum": "2024-03-01"},
                     headers={**medewerker, "Idempotency-Key": "registratie-1"})
    onbekend = http.post("/v1/opvang/ontheemde-plaatsingen", json={"bsn": TARAS, "locatie_id": "particulier",
                                                                   "datum": "2024-03-01"}, headers=medewerker)
    ongeldig = http.post("/v1/opvang/ontheemden", json={"bsn": "999990018", "datum": "2024-03-01"}, headers=medewerker)
    andere_rol = http.post("/v1/opvang/ontheemden", json={"bsn": IRYNA, "datum": "2024-03-01"},
                           headers=kop(WOONCONSULENT))

    assert goed.json() == {"status": "verwerkt"}
    assert (onbekend.status_code, onbekend.json()["title"]) == (422, "domeinregel:OntheemdeOnbekendFout")
    assert (ongeldig.status_code, ongeldig.json()["title"]) == (422, "domeinregel:OngeldigBsnFout")
    assert andere_rol.status_code == 403
    for antwoord, bsn in ((goed, OLENA), (onbekend, TARAS), (ongeldig, "999990018"), (andere_rol, IRYNA)):
        assert bsn not in antwoord.text
    opgeslagen = opgeslagen_tekst(stack.apps["opvang"]) + opgeslagen_tekst(stack.logboek)
    assert "Ontvangst" in opgeslagen and stack.apps["opvang"].persoon_van_bsn(TARAS).hex in opgeslagen
    assert OLENA not in opgeslagen and TARAS not in opgeslagen
