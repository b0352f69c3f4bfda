"""The sixth clinical review's findings (docs/clinical-reviews/review-6-last-round.md), each fixed by kind and heard
as a listener reaches it, one-shot and mid-session, through full request envelopes (the console): the review's own
sentences and others of the same kind (other drugs, other people, other word forms)."""

from __future__ import annotations

import pytest
from conftest import speech_of
from test_safety_kinds import EMERGENCY, answered, say

OVERDOSE = "call your doctor or pharmacist now, even if you feel fine"


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-GB", None, "I took double my methotrexate by mistake, what should I do?"),
        ("en-GB", None, "i've been taking methotrexate every day for a week, should i stop"),
        ("en-US", "tell me about azathioprine", "i accidentally took two of my azathioprine doses, should i be worried"),
        ("en-IN", None, "I have taken extra mycophenolate tablets by mistake, can I still go to work"),
        ("en-AU", None, "my husband took his weekly methotrexate two days in a row, should i call someone"),
        ("en-CA", "tell me about other immune drugs", "i've been taking my methotrexate daily, how often should it be"),
        ("en-IN", None, "she took too much azathioprine, what happens if she took too much"),
        # Said in numbers, a wrong strength, or a dose taken again.
        ("en-US", None, "i took 8 tablets of methotrexate instead of 4"),
        ("en-GB", "tell me about azathioprine", "the chemist gave him the wrong strength of methotrexate and he took it"),
        ("en-CA", None, "i already took my methotrexate on sunday and i took it again today"),
        ("en-AU", "what is MMN", "mum has taken her cyclophosphamide twice today, could i have stopped it"),
    ],
)
def test_h1_a_dose_taken_by_mistake_is_a_call_whatever_question_ends_it(locale, context, said):
    response = say(locale, said, context)
    spoken = speech_of(response)
    assert answered(response) == "safety:call_doctor", spoken
    assert OVERDOSE in spoken and "Don't take another dose until they tell you to." in spoken
    assert "on your own" not in spoken and EMERGENCY[locale] in spoken


@pytest.mark.parametrize(
    "said",
    [
        "can i take my methotrexate every day",
        "should i take double my azathioprine if my hands are worse",
        "how often should i take methotrexate",
        "i took my methotrexate, can i take folic acid every day",
    ],
)
def test_h1_a_question_of_a_dose_to_come_or_a_vitamin_is_no_overdose(said):
    assert answered(say("en-GB", said)) != "safety:call_doctor"
