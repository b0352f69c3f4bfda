"""Safety kinds found by blind corpus G, each in the locales' words, one-shot and mid-session, through full request
envelopes (the console): a change of how much is taken, said without the usual verbs (a dose raised to match
someone else's, a supply mixed, halved or stretched to make it last, a missed dose caught up); and the sentences
beside them that must be answered, not alarmed."""

from __future__ import annotations

import pytest
from conftest import speech_of
from test_safety_kinds import ANY, IG, answered, ends, say
from test_safety_precision import assert_answered_not_alarmed


@pytest.mark.parametrize(
    "locale, context, said, starts",
    [
        # A dose raised to match someone else's.
        ("en-AU", None, "my mate's got the same brand as me but a higher dose so i'm gonna bump mine up to match him", IG),
        ("en-AU", "tell me about IVIG", "i'm gonna bump mine up to match him", IG),
        ("en-GB", "what is SCIG", "i'm going to bump mine up to match hers", IG),
        ("en-IN", "tell me about IVIG", "my neighbour takes more so i will increase mine also", IG),
        ("en-US", None, "i'm going to bump up my ivig dose because it's wearing off", IG),
        ("en-CA", None, "i'm gonna bump mine up to match my brother's", ANY),
        # A supply mixed, halved or stretched to make it last.
        (
            "en-CA",
            None,
            "the pharmacy gave us a different brand of i g this time so i'm thinking i'll just use the rest of the old"
            " one first and then half of the new one to save it",
            IG,
        ),
        ("en-GB", "tell me about IVIG", "i'll use the rest of the old one then half of the new one", IG),
        ("en-US", "what is SCIG", "i'll just do half of each to make them last", IG),
        ("en-IN", "tell me about IVIG", "i'll stretch what's left over two months", IG),
        ("en-GB", None, "i'll stretch what's left over two months", ANY),
        ("en-AU", None, "we will stretch what is left until the new script comes", ANY),
        # A missed dose caught up.
        ("en-US", "tell me about IVIG", "i'll just double up next time to catch up", IG),
        ("en-GB", None, "i'll just double up next time to catch up", ANY),
    ],
)
def test_a_change_of_how_much_said_without_the_usual_verbs_is_a_change_of_treatment(locale, context, said, starts):
    response = say(locale, said, context)
    assert answered(response) == "safety:no_change", speech_of(response)
    assert speech_of(response).startswith(starts) and not ends(response)


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "i'm gonna bump into my neurologist at the clinic tomorrow"),
        ("en-GB", "tell me about IVIG", "my neurologist is going to bump my dose up next month"),
        ("en-US", "tell me about IVIG", "will my dose go up if i gain weight"),
        ("en-AU", None, "we'll make it last the whole trip, what should we pack"),
        ("en-IN", "tell me about IVIG", "i'll have the rest of my questions later"),
        ("en-CA", "what is SCIG", "i'm going to ask the nurse if i can bump it up"),
        ("en-GB", None, "i'll stretch my fingers before the drip"),
    ],
)
def test_a_dose_raised_by_the_doctor_asked_about_or_words_of_everyday_plans_are_no_change(locale, context, said):
    assert_answered_not_alarmed(say(locale, said, context))
