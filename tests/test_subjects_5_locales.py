"""Per-locale truth (issue 15): each country's facts, as its own sources give them, are what that locale's pages say,
every one of them, and each page that says one cites that country's source. The words below are typed from the
sources (911 and 988; NHS 111 and the DVLA; Lifeline and healthdirect; Tele MANAS and 104), not read from locales.toml.
Full request envelopes check that a fact of one country is not read to another: Gammagard Liquid under the skin is
the US label's, and India's out-of-hours line and IVIg brands come from Indian sources."""

from __future__ import annotations

import pytest
from test_new_subjects import LOCALES, ask

from skill.app import build_skill
from skill.content import load_content

# Fact -> words that only that country's value says, per locale; and a source each locale must cite for it.
VALUES = {
    "en-US": {
        "emergency_number": ("911", "us-911"),
        "crisis_line": ("988, the Suicide and Crisis Lifeline", "lifeline-988"),
        "funding": ("Medicare", "cms-home-ivig"),
        "ivig_licensing": ("Gammagard Liquid is the IVIg approved for MMN", "gammagard-label"),
        "ivig_under_skin": ("For MMN, Gammagard Liquid is approved only as a drip into a vein.", "gammagard-label"),
        "driving_rule": ("motor vehicle department", "nhtsa-driver-fitness"),
        "cyclophosphamide_brand": ("Cytoxan", "medscape-cytoxan"),
        "after_hours": ("after-hours line", "legacy-when-to-call"),
        "patient_group": ("GBS CIDP Foundation International", "gbs-cidp"),
    },
    "en-CA": {
        "emergency_number": ("911", "crtc-911"),
        "crisis_line": ("988, the Suicide Crisis Helpline", "988-canada"),
        "funding": ("Canadian Blood Services, or Héma-Québec", "cbs-vein-to-vein"),
        "ivig_licensing": ("your treatment centre chooses the brand", "cbs-vein-to-vein"),
        "ivig_under_skin": ("For MMN, IVIg is given only as a drip into a vein.", "cbs-vein-to-vein"),
        "driving_rule": ("province or territory's licensing office", "ccmta-driver-fitness"),
        "cyclophosphamide_brand": ("Procytox", "health-canada-procytox"),
        "after_hours": ("811 for a nurse", "healthlinkbc-811"),
        "patient_group": ("GBS CIDP Foundation of Canada", "gbs-cidp-canada"),
    },
    "en-GB": {
        "emergency_number": ("999", "nhs-999"),
        "crisis_line": ("Samaritans free on 116 123", "samaritans"),
        "funding": ("the NHS funds immunoglobulin", "nhs-england-ig-2021"),
        "ivig_licensing": (
            "most IVIg brands, such as Kiovig, Privigen and Octagam, are licensed for MMN",
            "kiovig-epar",
        ),
        "ivig_under_skin": ("For MMN, IVIg is given only as a drip into a vein.", "kiovig-epar"),
        "driving_rule": ("tell the DVLA", "gov-uk-dvla"),
        "cyclophosphamide_brand": ("sold under its own name", "smpc-cyclophosphamide"),
        "after_hours": ("Call NHS 111", "nhs-111"),
        "patient_group": ("Inflammatory Neuropathies UK", "in-uk"),
    },
    "en-AU": {
        "emergency_number": ("000", "triple-zero"),
        "crisis_line": ("Lifeline on 13 11 14", "lifeline-au"),
        "funding": ("governments fund immunoglobulin for MMN", "blood-au-criteria"),
        "ivig_licensing": ("your treatment centre chooses the brand", "blood-au-criteria"),
        "ivig_under_skin": ("For MMN, IVIg is given only as a drip into a vein.", "blood-au-criteria"),
        "driving_rule": ("using national standards", "austroads-fitness"),
        "cyclophosphamide_brand": ("Cyclonex", "healthdirect-cyclonex"),
        "after_hours": ("healthdirect on 1800 022 222", "healthdirect-care"),
        "patient_group": ("GBS CIDP Foundation of New South Wales", "gbs-cidp-nsw"),
    },
    "en-IN": {
        "emergency_number": ("112 or 108", "erss-112"),
        "crisis_line": ("Tele MANAS on 14416", "tele-manas"),
        "funding": ("government health schemes", "pmjay"),
        "ivig_licensing": ("several IVIg brands are sold, and your neurologist chooses", "gopinath-2018"),
        "ivig_under_skin": ("For MMN, IVIg is given only as a drip into a vein.", "gopinath-2018"),
        "driving_rule": ("regional transport office", "parivahan"),
        "cyclophosphamide_brand": ("sold under several brand names", "smpc-cyclophosphamide"),
        "after_hours": ("in many states 104, a government health helpline", "assam-104"),
        "patient_group": ("GBS CIDP Foundation International", "gbs-cidp"),
    },
}


def spoken(locale: str) -> list[tuple[str, tuple[str, ...]]]:
    """Every page this locale speaks, with its sources: topic pages, then the bank's."""
    content = load_content(locale)
    pages = [p for topic in content.topics for facet in topic.facets.values() for p in facet]
    pages += [p for question in content.questions for p in question.pages]
    return [(p.text, tuple(p.sources)) for p in pages]


def test_every_locale_is_checked_for_the_same_facts():
    assert set(VALUES) == {"en-US", "en-CA", "en-GB", "en-AU", "en-IN"}
    assert len({frozenset(facts) for facts in VALUES.values()}) == 1


@pytest.mark.parametrize("locale", sorted(VALUES))
def test_each_locale_says_each_of_its_countrys_values_citing_its_source(locale):
    pages = spoken(locale)
    for fact, (words, source) in VALUES[locale].items():
        saying = [sources for text, sources in pages if words in text]
        assert saying, (locale, fact, words)
        assert all(source in sources for sources in saying), (locale, fact, source)


@pytest.fixture(scope="module")
def built():
    return build_skill()


@pytest.mark.parametrize("locale", LOCALES)
def test_an_ivig_brand_under_the_skin_is_named_only_where_its_label_says_so(built, locale):
    """Gammagard Liquid's approval under the skin, for immune deficiency, is its US label's; elsewhere the page says
    how IVIg is given for MMN, and that no SCIg is licensed for it."""
    said = ask(built, "can gammagard be given under the skin", locale)
    assert "No immunoglobulin under the skin, called SCIg, is licensed for MMN" in said
    if locale == "en-US":
        assert "It's approved under the skin only for immune deficiency." in said
    else:
        assert "Gammagard" not in said, said
        assert "For MMN, IVIg is given only as a drip into a vein." in said


@pytest.mark.parametrize("locale", LOCALES)
def test_the_out_of_hours_line_and_the_ivig_brands_are_each_countrys_own(built, locale):
    """India's out-of-hours line is 104 in many states and the hospital's own number; its IVIg brands are those sold
    in India. No other locale hears India's."""
    after_hours = ask(built, "who do i call out of hours", locale)
    brands = ask(built, "which ivig brand will the hospital give me", locale)
    india = locale == "en-IN"
    assert ("in many states 104, a government health helpline" in after_hours) is india, after_hours
    assert ("In India, several IVIg brands are sold, and your neurologist chooses one with you." in brands) is india
    if india:
        assert "Ask your treating hospital now for a number to use out of hours" in after_hours


def test_indias_out_of_hours_line_and_the_us_under_the_skin_answer_come_in_the_first_reply(built):
    """Review 11, n10 and n13: asked at night in India, the first reply names the hospital's number and 104 (it said the
    emergency number alone, 104 two "yes" away), and never that 104 runs day or night everywhere; asked in the US, the
    first reply answers for MMN (only a drip into a vein) before Gammagard Liquid's other licence."""
    from test_subjects_5 import first_reply

    night = first_reply(built, "who do i call out of hours", "en-IN")
    assert "call 112 or 108 now" in night
    assert "Call your hospital's number, or in many states 104, a government health helpline." in night
    assert "free" not in night
    skin = first_reply(built, "can gammagard be given under the skin", "en-US")
    assert "For MMN, Gammagard Liquid is approved only as a drip into a vein." in skin
