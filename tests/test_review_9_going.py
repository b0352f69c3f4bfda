"""After safety advice, asking whether to go to hospital (the ER, A and E, casualty, emerg) hears an answer for the
level just given, then the advice again; driving there after an emergency answer hears that an ambulance is safer
(clinical review 9, H5 and n6). Through full request envelopes, in every locale."""

from __future__ import annotations

import pytest
from spoken import FIRST_NUMBER as EMERGENCY
from spoken import after


@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        ("en-US", "my chest is crushing and i'm sweating", "do i need to go to the e r"),
        ("en-GB", "her face is drooping on one side", "should i go to a and e"),
        (
            "en-AU",
            "my husband's face has dropped on one side and he can't lift his arm",
            "should i take him to the hospital",
        ),
        ("en-CA", "she can't breathe properly", "can i just drive her there"),
        ("en-IN", "my father has chest pain going down his left arm", "should we take him to casualty"),
        ("en-GB", "my toddler swallowed some of my azathioprine", "should i take him to a and e"),
    ],
)
def test_asking_whether_to_go_after_an_emergency_hears_yes_and_the_number_rather_than_the_car(locale, advice, reply):
    heard, response = after(locale, advice, reply)
    assert heard.startswith("Yes, this needs emergency care now."), heard
    assert f"Calling {EMERGENCY[locale]}" in heard and "safer than driving" in heard
    assert response["response"].get("shouldEndSession") is False


@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        ("en-GB", "she's got a fever after her drip", "should i go to a and e"),
        ("en-US", "he's got a fever since his infusion yesterday", "do i need to go to the er"),
        ("en-AU", "my leg is swollen and hot since my ivig", "should i go to the hospital"),
        ("en-CA", "i've got a fever the day after my ivig", "should i go to emerg"),
        ("en-IN", "i have fever after my ivig yesterday", "should i go to the hospital"),
    ],
)
def test_asking_whether_to_go_after_a_call_to_the_doctor_hears_call_them_first(locale, advice, reply):
    heard, response = after(locale, advice, reply)
    assert heard.startswith("Call your doctor or care team first."), heard
    assert f"go to the emergency department or call {EMERGENCY[locale]}" in heard
    assert response["response"].get("shouldEndSession") is False


@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        ("en-GB", "i've been cutting myself again", "should i go to a and e"),
        ("en-US", "i took an overdose", "do i need to go to the er"),
    ],
)
def test_asking_whether_to_go_after_self_harm_hears_yes_and_the_numbers(locale, advice, reply):
    heard, _ = after(locale, advice, reply)
    assert heard.startswith("Yes, if you're hurt, have taken an overdose"), heard
    assert EMERGENCY[locale] in heard


@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        ("en-GB", "her face is drooping", "we're driving her to a and e now"),
        ("en-CA", "my dad's face is drooping", "i'll drive him to emerg myself"),
        ("en-AU", "my chest is crushing", "we're taking him in the car now"),
        ("en-IN", "my father has chest pain going down his left arm", "we are taking him to casualty"),
        ("en-US", "my wife's speech is slurred and her arm is weak", "i'm driving her to the er"),
    ],
)
def test_driving_there_after_an_emergency_hears_an_ambulance_is_safer(locale, advice, reply):
    heard, _ = after(locale, advice, reply)
    assert heard.startswith("An ambulance is safer for this"), heard
    assert f"Call {EMERGENCY[locale]}" in heard and "now if you can." in heard
    assert "call handler" not in heard


@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        ("en-GB", "her face is drooping", "i've rung 999 and we're driving her to a and e"),
        ("en-US", "my chest is crushing and i'm sweating", "the ambulance is taking him to the er now"),
    ],
)
def test_the_call_made_or_the_ambulance_taking_them_is_acting_on_it(locale, advice, reply):
    heard, _ = after(locale, advice, reply)
    assert heard.startswith("Good, you're doing the right thing."), heard
