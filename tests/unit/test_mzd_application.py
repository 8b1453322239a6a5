"""Mzd on the in-memory store: the case follows the person through the IND's decisions, the BBB organisations' events need an admitted case, staff's commands go through the command table, and a permit hands the person over."""

from __future__ import annotations

import pytest
from application_hulp import D
from mzd_hulp import (
    afwijzing, geplaatst, historie, ingediend, ingetrokken, mzd, opdracht, rapport, vergunning, vertrokken,
)
from pydantic import ValidationError

from events import mzd as bus
from services.mzd import translation
from services.mzd.application import ZaakOnbekendFout
from services.mzd.domain.regels import LegaliseringViaIndFout
from services.mzd.domain.zaak import AlInBbbFout, Zaak
from services.runtime.application import AlVerwerkt

AMIR, BETTY, CHEN = "2000000001", "2000000002", "2000000003"


@pytest.fixture
def app():
    return mzd()


def gepubliceerd(app) -> list[tuple[str, object]]:
    return [(t, d) for n in app.recorder.select_notifications(1, 10_000)
            for t, _, d in translation.vertaal(app.mapper.to_domain_event(n))]


def test_a_definitive_refusal_opens_a_zaak_whose_28_days_the_clock_expires_once(app):
    assert app.verwerk_batch([afwijzing(AMIR, D(2024, 5, 1)), afwijzing(BETTY, D(2024, 5, 20)),
                              afwijzing(CHEN, D(2024, 5, 1), definitief=False)]) == []

    assert Zaak.create_id(app.persoon(CHEN)) not in app.repository
    assert app.verloop_tijd(D(2024, 5, 29)) == 0
    assert app.verloop_tijd(D(2024, 5, 30)) == 1
    assert app.verloop_tijd(D(2024, 5, 30)) == 0
    assert historie(app, AMIR) == ["Geopend", "VertrektermijnVerstreken"]
    assert historie(app, BETTY) == ["Geopend"]


def test_a_refusal_a_repeat_application_and_a_second_refusal_are_one_case_with_two_vertrektermijnen(app):
    eerste = afwijzing(AMIR, D(2024, 2, 1))
    assert app.verwerk_batch([eerste, eerste, ingediend(AMIR, D(2024, 2, 20)),
                              ingediend(BETTY, D(2024, 2, 20)), ingediend(AMIR, D(2024, 3, 1), herhaald=False)]) == []
    assert app.verloop_tijd(D(2024, 6, 1)) == 0, "the procedure stopped the first term"
    assert app.verwerk_batch([afwijzing(AMIR, D(2024, 9, 2))]) == [], "never the DLQ any more"
    assert app.verloop_tijd(D(2024, 10, 1)) == 1

    assert historie(app, AMIR) == ["Geopend", "ProcedureGestart", "Heropend", "VertrektermijnVerstreken"]
    assert Zaak.create_id(app.persoon(BETTY)) not in app.repository, "an application of someone without a case"
    r = rapport(app, D(2024, 2, 10), D(2024, 3, 31), D(2024, 9, 10), D(2024, 10, 31))
    assert [(r[d]["zaken_per_status"], r[d]["vertrektermijnen"]) for d in r] == [
        ({"vertrektermijn": 1, "na-vertrektermijn": 0, "procedure-loopt": 0}, {"lopend": 1, "verstreken": 0}),
        ({"vertrektermijn": 0, "na-vertrektermijn": 0, "procedure-loopt": 1}, {"lopend": 0, "verstreken": 0}),
        ({"vertrektermijn": 1, "na-vertrektermijn": 0, "procedure-loopt": 0}, {"lopend": 1, "verstreken": 0}),
        ({"vertrektermijn": 0, "na-vertrektermijn": 1, "procedure-loopt": 0}, {"lopend": 0, "verstreken": 1}),
    ]
    assert [t for t, _ in gepubliceerd(app)] == [bus.ZAAK_GEOPEND, bus.PROCEDURE_GESTART, bus.ZAAK_HEROPEND,
                                                 bus.VERTREKTERMIJN_VERSTREKEN]


def test_a_withdrawn_permit_opens_a_case_that_says_so_on_the_bus(app):
    assert app.verwerk_batch([ingetrokken(AMIR, D(2024, 6, 3))]) == []

    [(type_, geopend)] = gepubliceerd(app)
    assert (type_, geopend.aanleiding, geopend.vertrektermijn_verloopt_op) == (bus.ZAAK_GEOPEND, "intrekking",
                                                                             D(2024, 7, 1))


def test_the_direct_bbb_admission_by_command_happens_once(app):
    app.verwerk_batch([afwijzing(AMIR, D(2024, 5, 1))])
    persoon = app.persoon(AMIR)

    def toelaten(uow):
        app.laat_toe_tot_bbb(uow, persoon, D(2024, 6, 1))

    app.voer_uit(toelaten, sleutel="bbb-1")
    with pytest.raises(AlVerwerkt):
        app.voer_uit(toelaten, sleutel="bbb-1")
    with pytest.raises(AlInBbbFout):
        app.voer_uit(toelaten, sleutel="bbb-2")
    with pytest.raises(ZaakOnbekendFout):
        app.voer_uit(lambda uow: app.laat_toe_tot_bbb(uow, app.persoon("2000000009"), D(2024, 6, 1)))

    assert historie(app, AMIR) == ["Geopend", "ToegelatenTotBbb"]


def test_an_organisation_places_only_an_admitted_person_with_a_case(app):
    app.verwerk_batch([afwijzing(AMIR, D(2024, 5, 1)), afwijzing(BETTY, D(2024, 5, 1))])
    opdracht(app, "vraag-bbb-aan", AMIR, datum=D(2024, 5, 2))
    opdracht(app, "beoordeel-bbb", AMIR, datum=D(2024, 5, 6), binding=True, bindingsgrond="gezin-of-netwerk",
             voorliggende_voorziening=False)
    vreemde, niet_toegelaten = geplaatst(CHEN, "snov", D(2024, 5, 7)), geplaatst(BETTY, "snov", D(2024, 5, 7))

    assert app.verwerk_batch([geplaatst(AMIR, "wereldvrouwenhuis", D(2024, 5, 7)), vreemde, niet_toegelaten,
                              vertrokken(AMIR, "wereldvrouwenhuis", D(2024, 8, 1), "andere-voorziening")]) == [
        (vreemde, "domeinregel:ZaakOnbekendFout"), (niet_toegelaten, "domeinregel:NietToegelatenFout")]
    assert historie(app, AMIR)[-2:] == ["BbbGeplaatst", "BbbVertrokken"]


def test_staff_commands_are_validated_by_their_request_models(app):
    app.verwerk_batch([afwijzing(AMIR, D(2024, 5, 1))])
    for naam, velden in (("contactpersoon", {"contactpersoon": "Jan de Vries"}),
                         ("zorgbehoefte", {"zorgbehoefte": "dakloos"}),
                         ("beoordeel-bbb", {"binding": True, "voorliggende_voorziening": False,
                                            "bindingsgrond": "familie"})):
        with pytest.raises(ValidationError):
            opdracht(app, naam, AMIR, datum=D(2024, 5, 2), **velden)
    with pytest.raises(LegaliseringViaIndFout):
        opdracht(app, "uitstroom", AMIR, datum=D(2024, 9, 1), uitstroomreden="legalisering")

    opdracht(app, "contactpersoon", AMIR, datum=D(2024, 5, 2), contactpersoon="bz-0412")
    opdracht(app, "perspectief", AMIR, datum=D(2024, 5, 2), perspectief="terugkeer")
    opdracht(app, "zorgbehoefte", AMIR, datum=D(2024, 5, 2), zorgbehoefte="psychisch")
    opdracht(app, "uitstroom", AMIR, datum=D(2024, 9, 1), uitstroomreden="terugkeer")

    assert historie(app, AMIR)[1:] == ["ContactpersoonToegewezen", "PerspectiefVastgesteld",
                                       "ZorgbehoefteVastgesteld", "Uitgestroomd"]
    gedeeld = [t for t, _ in gepubliceerd(app)]
    assert gedeeld == [bus.ZAAK_GEOPEND, bus.PERSPECTIEF_VASTGESTELD, bus.UITGESTROOMD], (
        "neither the contact person nor the care need is published")


def test_a_permit_for_a_person_with_an_open_case_hands_them_over_and_for_anyone_else_does_nothing(app):
    app.verwerk_batch([afwijzing(AMIR, D(2024, 2, 1)), afwijzing(BETTY, D(2024, 2, 1))])
    opdracht(app, "uitstroom", BETTY, datum=D(2024, 5, 1), uitstroomreden="vertrokken-onbekend")

    assert app.verwerk_batch([vergunning(AMIR, D(2024, 9, 2)), vergunning(BETTY, D(2024, 9, 2)),
                              vergunning(CHEN, D(2024, 9, 2))]) == []

    assert historie(app, AMIR)[-1] == "Gelegaliseerd" and historie(app, BETTY)[-1] == "Uitgestroomd"
    overgedragen = [(t, d) for t, d in gepubliceerd(app) if t in (bus.PERSOON_GELEGALISEERD, bus.UITGESTROOMD)]
    assert [(t, getattr(d, "reden", None)) for t, d in overgedragen] == [
        (bus.UITGESTROOMD, "vertrokken-onbekend"), (bus.PERSOON_GELEGALISEERD, None),
        (bus.UITGESTROOMD, "legalisering")]
    assert overgedragen[1][1].persoon_id == app.persoon(AMIR) and overgedragen[1][1].soort == "asiel"
    assert rapport(app, D(2024, 9, 30))[D(2024, 9, 30)]["uitstroom"]["jaar"]["per_reden"] == {
        "terugkeer": 0, "doormigratie": 0, "legalisering": 1, "vertrokken-onbekend": 1, "overleden": 0, "overig": 0}
