"""Mzd's Zaak on its own: a case that follows the person through refusals, procedures and uitstroom, and BBB-opvang under its two conditions."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from services.mzd.domain.regels import (
    AlAangevraagdFout, AlGeplaatstFout, BindingsgrondFout, GeenAanvraagFout, GeslotenZaakFout,
    LegaliseringViaIndFout, NietGeplaatstFout, NietToegelatenFout, OnbekendeWaardeFout,
)
from services.mzd.domain.zaak import AlInBbbFout, Zaak

D = dt.date
PERSOON = uuid.UUID(int=0x28)
BESLUITDATUM = D(2024, 5, 1)
LAATSTE_DAG = D(2024, 5, 29)  # besluitdatum + 28 days


def namen(aggregate) -> list[str]:
    return [type(e).__name__ for e in aggregate.pending_events]


def zaak() -> Zaak:
    return Zaak.open(persoon_id=PERSOON, besluitdatum=BESLUITDATUM)


def toegelaten() -> Zaak:
    z = zaak()
    z.vraag_bbb_aan(D(2024, 5, 3))
    z.beoordeel_bbb(D(2024, 5, 6), True, "verblijf-in-nijmegen", False)
    return z


def test_a_definitive_refusal_opens_a_zaak_with_28_days_to_leave():
    z = zaak()

    assert namen(z) == ["Geopend"]
    assert z.id == Zaak.create_id(PERSOON)
    assert z.pending_events[0].aanleiding == "afwijzing"
    assert z.vertrektermijn_verloopt_op == BESLUITDATUM + dt.timedelta(days=28) == LAATSTE_DAG
    assert z.open_termijnen() == {"vertrek": LAATSTE_DAG}
    assert z.bbb_sinds is None


def test_the_clock_expiring_the_vertrektermijn_closes_it_and_ignores_other_terms():
    z = zaak()
    z.verstrijk_termijn("intake", LAATSTE_DAG)
    z.verstrijk_termijn("vertrek", LAATSTE_DAG)

    assert namen(z) == ["Geopend", "VertrektermijnVerstreken"]
    assert z.pending_events[-1].verlopen_op == LAATSTE_DAG
    assert z.open_termijnen() == {}


def test_a_repeat_application_stops_the_term_and_a_new_refusal_reopens_the_case_with_a_new_one():
    z = zaak()
    z.start_procedure(D(2024, 5, 20))
    assert z.procedure_loopt and z.open_termijnen() == {}
    z.start_procedure(D(2024, 5, 21))  # it runs already

    z.wijs_af(D(2024, 11, 4))

    assert namen(z) == ["Geopend", "ProcedureGestart", "Heropend"]
    assert z.open_termijnen() == {"vertrek": D(2024, 12, 2)}
    assert not z.procedure_loopt


def test_the_same_refusal_again_or_an_earlier_one_arriving_late_changes_nothing():
    z = zaak()
    z.wijs_af(BESLUITDATUM)
    z.wijs_af(D(2024, 4, 1))

    assert namen(z) == ["Geopend"]


def test_a_withdrawn_permit_opens_a_case_as_a_refusal_does_and_names_its_cause():
    z = Zaak.open(persoon_id=PERSOON, besluitdatum=D(2024, 6, 3), aanleiding="intrekking")

    assert z.pending_events[0].aanleiding == "intrekking"
    assert z.open_termijnen() == {"vertrek": D(2024, 7, 1)}


def test_bbb_is_admitted_only_with_binding_and_without_a_voorliggende_voorziening():
    z = zaak()
    with pytest.raises(GeenAanvraagFout):
        z.beoordeel_bbb(D(2024, 5, 2), True, "gezin-of-netwerk", False)
    z.vraag_bbb_aan(D(2024, 5, 3))
    with pytest.raises(AlAangevraagdFout):
        z.vraag_bbb_aan(D(2024, 5, 4))
    with pytest.raises(BindingsgrondFout):
        z.beoordeel_bbb(D(2024, 5, 6), True, None, False)
    with pytest.raises(BindingsgrondFout):
        z.beoordeel_bbb(D(2024, 5, 6), False, "gezin-of-netwerk", False)

    z.beoordeel_bbb(D(2024, 5, 6), False, None, True)
    geweigerd = z.pending_events[-1]
    assert (geweigerd.toegelaten, geweigerd.weigerredenen) == (False, ["geen-binding", "voorliggende-voorziening"])
    assert z.bbb_sinds is None

    z.vraag_bbb_aan(D(2024, 6, 1))
    z.beoordeel_bbb(D(2024, 6, 5), True, "laatste-opvang-in-nijmegen", False)

    assert namen(z)[-3:] == ["BbbAangevraagd", "BbbBeoordeeld", "ToegelatenTotBbb"]
    assert z.pending_events[-1].na_beoordeling is True and z.bbb_sinds == D(2024, 6, 5)
    with pytest.raises(AlInBbbFout):
        z.vraag_bbb_aan(D(2024, 6, 9))


def test_the_direct_admission_still_admits_once_and_says_no_assessment_was_recorded():
    z = zaak()
    z.laat_toe_tot_bbb(datum=D(2024, 6, 2))

    with pytest.raises(AlInBbbFout) as fout:
        z.laat_toe_tot_bbb(datum=D(2024, 6, 9))

    assert fout.value.reden == "domeinregel:AlInBbbFout"
    assert namen(z) == ["Geopend", "ToegelatenTotBbb"]
    assert z.pending_events[-1].na_beoordeling is False
    assert z.open_termijnen() == {"vertrek": LAATSTE_DAG}, "admission does not stop the vertrektermijn"


def test_only_an_admitted_person_is_placed_by_an_organisation_and_leaves_it_once():
    z = zaak()
    with pytest.raises(NietToegelatenFout):
        z.plaats_in_bbb("snov", D(2024, 5, 7))
    z = toegelaten()
    with pytest.raises(OnbekendeWaardeFout):
        z.plaats_in_bbb("leger-des-heils", D(2024, 5, 7))
    z.plaats_in_bbb("snov", D(2024, 5, 7))
    z.plaats_in_bbb("snov", D(2024, 5, 7))  # the same placement again
    with pytest.raises(AlGeplaatstFout):
        z.plaats_in_bbb("stichting-gast", D(2024, 5, 8))
    with pytest.raises(NietGeplaatstFout):
        z.vertrek_uit_bbb("stichting-gast", D(2024, 9, 1), "terugkeer")

    z.vertrek_uit_bbb("snov", D(2024, 9, 1), "doormigratie")
    z.vertrek_uit_bbb("snov", D(2024, 9, 1), "doormigratie")  # and the same departure

    assert namen(z)[-2:] == ["BbbGeplaatst", "BbbVertrokken"]
    assert z.organisatie is None


def test_perspective_contact_person_and_care_need_come_from_their_closed_lists():
    z = zaak()
    z.stel_perspectief_vast("terugkeer", D(2024, 5, 10))
    z.stel_perspectief_vast("legalisering", D(2024, 7, 1))
    z.wijs_contactpersoon_toe("bz-0412", D(2024, 5, 10))
    z.stel_zorgbehoefte_vast("mobiliteit", D(2024, 5, 10))
    z.stel_zorgbehoefte_vast(None, D(2024, 8, 1))
    for onbekend in (lambda: z.stel_perspectief_vast("onderduiken", D(2024, 8, 1)),
                     lambda: z.stel_zorgbehoefte_vast("dakloos", D(2024, 8, 1))):
        with pytest.raises(OnbekendeWaardeFout):
            onbekend()

    assert z.perspectief == "legalisering"
    assert namen(z)[1:] == ["PerspectiefVastgesteld", "PerspectiefVastgesteld", "ContactpersoonToegewezen",
                            "ZorgbehoefteVastgesteld", "ZorgbehoefteVastgesteld"]


def test_uitstroom_closes_the_case_and_legalisering_is_left_to_the_ind():
    z = toegelaten()
    with pytest.raises(LegaliseringViaIndFout):
        z.stroom_uit(D(2024, 9, 1), "legalisering")
    z.stroom_uit(D(2024, 9, 1), "vertrokken-onbekend")

    assert z.gesloten and z.open_termijnen() == {}
    with pytest.raises(GeslotenZaakFout):
        z.stel_perspectief_vast("terugkeer", D(2024, 9, 2))
    with pytest.raises(GeslotenZaakFout):
        z.stroom_uit(D(2024, 9, 2), "overig")


def test_a_closed_case_reopens_afresh_on_a_new_refusal():
    z = toegelaten()
    z.stel_perspectief_vast("doormigratie", D(2024, 6, 1))
    z.stroom_uit(D(2024, 9, 1), "vertrokken-onbekend")

    z.wijs_af(D(2025, 2, 3))

    assert not z.gesloten and z.bbb_sinds is None and z.perspectief is None
    assert z.open_termijnen() == {"vertrek": D(2025, 3, 3)}


def test_a_permit_closes_an_open_case_with_legalisering_and_nothing_else():
    z = zaak()
    z.start_procedure(D(2024, 6, 1))
    z.legaliseer(D(2024, 9, 2), "asiel")
    z.legaliseer(D(2024, 9, 3), "asiel")

    assert namen(z)[-1] == "Gelegaliseerd" and namen(z).count("Gelegaliseerd") == 1
    assert z.gesloten and z.open_termijnen() == {}


def test_a_case_stored_before_aanleiding_and_na_beoordeling_existed_replays_as_a_refusal_and_a_direct_admission():
    geopend = {"besluitdatum": BESLUITDATUM, "vertrektermijn_verloopt_op": LAATSTE_DAG}
    Zaak.Geopend.upcast_v2_v3(geopend)
    toelating = {"datum": D(2024, 6, 1)}
    Zaak.ToegelatenTotBbb.upcast_v2_v3(toelating)

    assert geopend["aanleiding"] == "afwijzing" and toelating["na_beoordeling"] is False
