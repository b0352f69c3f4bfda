"""Two signs of a stroke told together in a carer's words that no single sign knew (blind corpus O: "my mom just got
confused and she can't lift her right arm and her face looks weird"): a face that looks wrong, or confusion, with an
arm, hand or leg that can't be lifted or moved, is an emergency; MMN's slow weakness, or confusion about the
treatment, is not. Full request envelopes (the console)."""

from __future__ import annotations

import pytest
from conftest import speech_of
from spoken import CALL_NOW, answered, say


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "grandad's face looks all wrong and he can't lift his right arm off the table"),
        ("en-US", "my wife is suddenly muddled and she can't move her left leg"),
        ("en-AU", "mum's face has gone strange on one side and she can't hold up her arm"),
        ("en-IN", "my father is not making sense and he is unable to lift his left hand"),
        ("en-CA", "he got confused after lunch and now he can't raise his arm"),
    ],
)
def test_two_stroke_signs_together_are_an_emergency(locale, said):
    response = say(locale, said)
    assert answered(response) == "safety:emergency" and speech_of(response).startswith(CALL_NOW[locale])


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "my arm has been slowly getting weaker for years and i can't lift it above my shoulder"),
        ("en-US", "i'm confused about which brand is best, i can't lift my arm as high as before"),
        ("en-AU", "can mmn make you unable to lift your arm and does it make you confused"),
    ],
)
def test_mmns_slow_weakness_or_confusion_about_treatment_is_no_stroke(locale, said):
    response = say(locale, said)
    assert answered(response) != "safety:emergency", speech_of(response)
