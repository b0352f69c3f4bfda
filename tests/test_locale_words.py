"""Each locale's everyday words read as the bank's (issue 16): `[fold]` and the stopwords of understanding.toml.

Questions in the words of the US, Canada, the UK, Australia and India (money and insurance, services, medicine
brands, tiredness, travel, Indian English) are answered by the page that answers them in the bank's words, in full
request envelopes. A word that means something else elsewhere is folded only where it is plain, and a locale word
said with a sign of danger still hears the safety advice first.
"""

from __future__ import annotations

import pytest
from conftest import speech_of
from spoken import CALL_NOW, answered, say

from skill.understanding.ranker import ranker

COST = "q:cost_and_funding.1"


@pytest.mark.parametrize(
    "locale, said, page",
    [
        # Indian English: addresses and fillers, insurance and rupees, other systems of medicine, yoga.
        ("en-IN", "kindly tell me will mediclaim cover the ivig sir", COST),
        ("en-IN", "how much it will cost in rupees for one cycle of scig", COST),
        ("en-IN", "is there any government scheme for ivig", COST),
        ("en-IN", "can we take ayurvedic medicine for this", "q:diet_supplements.1"),
        ("en-IN", "can he do yoga with this disease", "living_with_mmn.overview.1"),
        # The US: copays, denials and appeals, prior authorization, its medicine brands.
        ("en-US", "is there copay assistance for ivig", COST),
        ("en-US", "my insurance denied my ivig, how do i appeal", COST),
        ("en-US", "what does prior auth mean for my ivig", COST),
        # Canada: the provincial drug plans.
        ("en-CA", "will the trillium drug program pay for ivig", COST),
        ("en-CA", "does my provincial drug plan cover hizentra", COST),
        # The UK: prescription charges, its medicine brands, a holiday.
        ("en-GB", "is immunoglobulin free on the nhs or do i pay prescription charges", COST),
        ("en-GB", "can i take piriton and calpol before my infusion", "q:ivig_painkillers.1"),
        ("en-GB", "we're going on holiday to spain, what do i do about my infusions", "q:travel_with_treatment.1"),
        # Australia: the PBS and out of pocket, the kitchen bench, a few beers.
        ("en-AU", "does the pbs cover ivig or do i pay out of pocket", COST),
        ("en-AU", "can i leave my hizentra out on the bench", "q:ig_storage.1"),
        ("en-AU", "can i have a few beers after my infusion", "q:alcohol.1"),
    ],
)
def test_a_question_in_the_locales_own_words_is_answered_by_its_page(locale, said, page):
    response = say(locale, said)
    assert answered(response) == page, (locale, said, speech_of(response))


@pytest.mark.parametrize(
    "locale, said",
    [
        # Sport is not exercise: a score or a match is nothing the skill knows.
        ("en-AU", "who won the footy last night"),
        ("en-IN", "tell me the cricket score"),
        ("en-CA", "what time does the hockey game start"),
    ],
)
def test_a_locale_word_with_another_meaning_is_not_read_as_a_question_of_the_bank(locale, said):
    response = say(locale, said)
    assert answered(response) == "unknown", (said, speech_of(response))


@pytest.mark.parametrize(
    "said, heard, not_heard",
    [
        # Indian English "sugar" is diabetes; the blood sugar that steroids raise stays blood sugar.
        ("he has sugar", "diabetes", "sugar"),
        ("do steroids raise your blood sugar", "sugar", "diabetes"),
        # "Power" in the hand is strength; a power cut is the fridge's.
        ("no power in her right hand", "weak", "power"),
        ("what if there is a power cut", "power", "strength"),
        # "So dear" is expensive; "oh dear" is nothing.
        ("ivig is so dear", "expensive", "dear"),
        # A locale's name for where infusions are given is the infusion day's topic, as "infusion clinic" is.
        ("parking at the infusion centre", "infusion_day", "ivig"),
        # A mother in law is a relative, not a law at work.
        ("my mother in law has mmn", "mmn", "law"),
        # Fillers and addresses of each locale carry nothing.
        ("kindly tell me sir what all side effects", "side", "sir"),
    ],
)
def test_a_fold_reads_a_word_only_where_its_meaning_is_plain(said, heard, not_heard):
    folded = ranker("en-US").folded(said)
    assert heard in folded and not_heard not in folded, folded


@pytest.mark.parametrize(
    "locale, said, plain, level, page",
    [
        # Insurance words fold to the cost question, but stopping the treatment is a change of treatment.
        (
            "en-IN",
            "mediclaim rejected the ivig so i am going to stop it",
            "mediclaim rejected the ivig",
            "safety:no_change",
            COST,
        ),
        (
            "en-US",
            "my copay went up so i'm going to skip my next infusion",
            "my copay went up",
            "safety:no_change",
            COST,
        ),
        # Tiredness in British words, with a tight chest during the drip, is an emergency.
        (
            "en-GB",
            "i'm shattered and my chest has gone tight during the drip",
            "i'm shattered after the drip, is that normal",
            "safety:emergency",
            None,
        ),
        # Feeling crook with a fever after an infusion is a call today.
        (
            "en-AU",
            "i'm crook and i've got a fever since my infusion yesterday",
            "i'm feeling crook after my infusion",
            "safety:call_doctor",
            None,
        ),
    ],
)
def test_a_locale_word_said_with_a_sign_still_hears_the_safety_advice(locale, said, plain, level, page):
    response = say(locale, said)
    assert answered(response) == level, (said, speech_of(response))
    if level == "safety:emergency":
        assert speech_of(response).startswith(CALL_NOW[locale])
    # The same words without the sign are no safety matter: the fold is at work, the triage came first.
    calm = answered(say(locale, plain))
    assert not calm.startswith("safety:"), (plain, calm)
    if page:
        assert calm == page, (plain, calm)
