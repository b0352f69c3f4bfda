"""Names Alexa does not resolve: a recogniser that spells "i v i g" and "s c i g" letter by letter (as the shared
simulator and blind corpus U do) fills the comparison's slots with values no slot type holds."""

from __future__ import annotations

import pytest
from conftest import speech_of
from spoken import after, session

from skill.handlers.compare import COMPARE_INTENT


@pytest.mark.parametrize(
    ("locale", "said", "heard"),
    [
        ("en-AU", "what's the difference between i v i g and s c i g", "Here's how IVIg and SCIg compare"),
        ("en-IN", "compare i v i g and steroids", "Here's how IVIg and steroid treatment compare"),
        ("en-US", "which is better s c i g or i v i g", "Here's how SCIg and IVIg compare"),
    ],
)
def test_two_treatments_spelled_out_are_compared(locale, said, heard):
    console = session(locale)
    response = console.say(said)
    assert console.last_request["intent"]["name"] == COMPARE_INTENT
    assert heard in speech_of(response), speech_of(response)


def test_a_comparison_of_what_is_no_treatment_is_still_asked_as_a_question():
    text, _ = after("en-GB", "what's the difference between m m n and a l s")
    assert "ALS" in text and "compare" not in text, text
