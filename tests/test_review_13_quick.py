"""The quick clinical review of this round's new units (review 13, heard live; in the closing note): chickenpox or
shingles said as "I have" on an immune drug or steroids calls the doctor today (H1); confusion after a drip that is
over hears why, and no "stop the infusion" (W1); two stroke signs hear that it can be a stroke, not a drip reaction
(W2); the nurse's own plan to raise the rate is no change (W3); and an emergency sign with its own words, said while
the drip runs, still says to stop it. Full request envelopes (the console)."""

from __future__ import annotations

import pytest
from conftest import speech_of
from spoken import CALL_NOW, answered, say

STOP = "Stop the infusion, or ask the nurse to stop it right away."


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-IN", "i have shingles and i'm on prednisolone"),
        ("en-US", "i have chickenpox and i take prednisone"),
        ("en-GB", "we have chickenpox in the house and i'm on azathioprine"),
    ],
)
def test_h1_chickenpox_or_shingles_had_on_an_immune_drug_calls_the_doctor_today(locale, said):
    response = say(locale, said)
    assert answered(response) == "safety:call_doctor" and "call your doctor today" in speech_of(response)


@pytest.mark.parametrize("said", ["can i have the chickenpox vaccine on azathioprine", "i have had chickenpox before"])
def test_h1_a_vaccine_or_chickenpox_long_ago_is_no_sign(said):
    assert answered(say("en-GB", said)) != "safety:call_doctor"


@pytest.mark.parametrize("said", ["my mother is confused after ivig", "dad's been confused since the drip"])
def test_w1_confusion_after_a_drip_hears_why_and_no_stop(said):
    spoken = speech_of(say("en-GB", said))
    assert spoken.startswith(CALL_NOW["en-GB"]) and "New confusion can be serious" in spoken and STOP not in spoken


def test_w2_two_stroke_signs_hear_it_can_be_a_stroke():
    spoken = speech_of(say("en-AU", "she just got confused and she can't lift her right arm and her face looks weird"))
    assert spoken.startswith(CALL_NOW["en-AU"]) and "can be a stroke" in spoken and "drip" not in spoken


@pytest.mark.parametrize(
    "said", ["the nurse said she'll speed up the drip next time", "they said they will speed up the infusion"]
)
def test_w3_the_teams_plan_to_raise_the_rate_is_no_change(said):
    assert answered(say("en-US", said)) != "safety:no_change"


def test_w3_ones_own_plan_still_hears_not_to():
    assert answered(say("en-CA", "my wife says she'll speed up the drip to finish early")) == "safety:no_change"


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "my husband is on his drip now and he's gone all muddled"),
        ("en-GB", "she's halfway through her ivig and her arm went weak in the last hour"),
    ],
)
def test_an_emergency_with_its_own_words_during_a_drip_still_says_stop(locale, said):
    spoken = speech_of(say(locale, said))
    assert spoken.startswith(CALL_NOW[locale]) and STOP in spoken
