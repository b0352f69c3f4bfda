"""Content round 14: what the first breath says for the units quick review 13 left (n4 rituximab in pregnancy and its
skin warning, n5 water pills with heart or kidney disease, n6 trimethoprim with methotrexate and alcohol, n7 vaccines
not called "shots", n9 "weakens" for "damps"), review 12's India and children questions (n7, n10), and breastfeeding
drug by drug (issue 15). Sentences are made up, not the bank's phrasings; full request envelopes (the console)."""

from __future__ import annotations

import re

import pytest
from conftest import speech_of
from spoken import after, answered, say

from skill.content import load_content, supported_locales

RITUXIMAB_PREGNANCY = "Rituximab can affect an unborn baby's immune system"
WATER_PILLS = "Ask them before you skip a water pill or drink extra."
TRIMETHOPRIM = "it's a dangerous pair: together they can badly lower your blood counts. Don't take it unless"
ALCOHOL = "Keep alcohol low on methotrexate, because both can harm your liver."
FUNDING_IN = "In India, ask your hospital about the costs, your insurance, and government health schemes."
SCIG_WHERE = "Ask your neurologist whether SCIg is an option where you live."
CHILD = "Children can have IVIg, and a children's neurologist would decide"
HEART_KIDNEY = "q:ivig_heart_kidney.1"
OTHER_MEDICINES = "q:methotrexate_other_medicines.1"
BREASTFEEDING = "Don't stop a medicine on your own: ask your doctor or midwife first. Azathioprine and prednisolone"

# (locale, what was said, the page that answers, what its first breath says)
FIRST_BREATHS = [
    # n4: rituximab and pregnancy
    ("en-US", "i'm pregnant and i had rituximab two months ago", "q:rituximab_pregnancy.1", RITUXIMAB_PREGNANCY),
    ("en-GB", "we're trying for a baby, i had rituximab in the spring", "q:rituximab_pregnancy.1", RITUXIMAB_PREGNANCY),
    ("en-AU", "is it safe to fall pregnant after rituxan", "q:rituximab_pregnancy.1", "speak to your doctor today"),
    ("en-CA", "what are the risks of rituximab", "other_immune_drugs.side_effects.1", "All three can harm an unborn"),
    # n5: water pills with heart or kidney disease
    ("en-GB", "should i take my water tablets on drip day, i have heart failure", HEART_KIDNEY, WATER_PILLS),
    ("en-US", "my mom has kidney disease and takes a water pill, what about her ivig", HEART_KIDNEY, WATER_PILLS),
    # n6: trimethoprim and alcohol with methotrexate
    ("en-CA", "can i take septra with methotrexate", OTHER_MEDICINES, TRIMETHOPRIM),
    ("en-GB", "the gp wants me on trimethoprim, is that ok with my methotrexate", OTHER_MEDICINES, TRIMETHOPRIM),
    ("en-GB", "can my husband have a pint while he's on methotrexate", "q:methotrexate_alcohol.1", ALCOHOL),
    ("en-AU", "is it ok to drink wine with methotrexate", "q:methotrexate_alcohol.1", ALCOHOL),
    # n9
    ("en-US", "what is azathioprine", "azathioprine.overview.1", "It weakens the immune system."),
    # review 12 n7: India's funding and SCIg
    ("en-IN", "is there any government scheme for poor patients", "q:cost_and_funding.1", FUNDING_IN),
    ("en-IN", "we are very poor, does the government help with the cost of ivig", "q:cost_and_funding.1", FUNDING_IN),
    ("en-IN", "can we get hyqvia in india", "q:scig_availability.1", SCIG_WHERE),
    ("en-IN", "is subcutaneous immunoglobulin available in india", "q:scig_availability.1", SCIG_WHERE),
    # review 12 n10: a child with MMN and IVIg
    ("en-US", "my 11 year old son has mmn, is ivig ok for him", "q:ivig_children.1", CHILD),
    ("en-GB", "my son is 9 and has mmn, can they give him immunoglobulin", "q:ivig_children.1", CHILD),
    # issue 15: breastfeeding, drug by drug
    ("en-GB", "can i breastfeed my baby while taking azathioprine", "q:immune_drugs_breastfeeding.1", BREASTFEEDING),
    ("en-US", "is it ok to nurse my baby while taking cellcept", "q:immune_drugs_breastfeeding.1", BREASTFEEDING),
    ("en-AU", "can i keep breastfeeding on prednisolone", "q:immune_drugs_breastfeeding.1", BREASTFEEDING),
]


def _spoken_pages(locale: str) -> dict[str, str]:
    """Every page the locale can speak, topic or question, by where it is ("ivig.overview.1", "q:alcohol.1")."""
    content = load_content(locale)
    pages = {
        f"{topic.id}.{facet}.{n}": page.text
        for topic in content.topics
        for facet, facet_pages in topic.facets.items()
        for n, page in enumerate(facet_pages, 1)
    }
    return pages | {f"q:{q.id}.{n}": page.text for q in content.questions for n, page in enumerate(q.pages, 1)}


@pytest.mark.parametrize("locale, said, page, first_breath", FIRST_BREATHS)
def test_the_first_breath_answers_what_was_asked(locale, said, page, first_breath):
    response = say(locale, said)
    spoken = speech_of(response)
    assert answered(response) == page and first_breath in spoken, spoken


def test_n4_rituximabs_severe_skin_and_mouth_reactions_are_said_with_what_to_do():
    text = _spoken_pages("en-US")["other_immune_drugs.side_effects.2"]
    assert "skin or mouth reactions" in text and "Call your doctor right away" in text


def test_n5_usual_medicines_no_longer_say_only_that_hydration_protects_the_kidneys():
    text = _spoken_pages("en-GB")["q:usual_medicines_infusion_day.1"]
    assert "heart or kidney disease" in text and "let your team decide about your water pills" in text


@pytest.mark.parametrize("locale", ["en-GB", "en-IN", "en-AU"])
def test_n7_no_page_calls_a_vaccine_or_an_injection_a_shot_outside_north_america(locale):
    assert not [where for where, text in _spoken_pages(locale).items() if re.search(r"\bshots?\b", text)]


def test_n7_the_flu_vaccine_not_live_is_the_injection():
    pages = _spoken_pages("en-GB")
    assert "like the flu injection" in pages["q:immune_drugs_live_vaccines.1"]
    assert "the flu injection" in pages["q:ivig_live_vaccines.1"]


def test_n9_pages_say_a_drug_weakens_the_immune_system_not_damps_it():
    assert not [where for where, text in _spoken_pages("en-US").items() if re.search(r"\bdamp", text)]


def test_r12_n7_the_cost_asked_after_the_brands_is_the_cost():
    spoken, response = after("en-IN", "which ivig brands are available in india", "how much does it cost")
    assert answered(response) == "q:cost_and_funding.1" and FUNDING_IN in spoken, spoken


def test_every_locale_speaks_the_new_units():
    for locale in supported_locales("en"):
        new = {"q:rituximab_pregnancy.1", "q:methotrexate_alcohol.1", "q:ivig_children.1"}
        assert new <= _spoken_pages(locale).keys()
