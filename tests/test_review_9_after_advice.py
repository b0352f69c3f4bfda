"""Clinical review 9, what is said after safety advice: feeling fine is no reason not to go (H5), asking for the
number again is the number (H7), not wanting to call them again refuses help (H8), and the nurse at the drip is
who the emergency answer said to ask (W1). New sentences of each kind, through full request envelopes."""

from __future__ import annotations

import pytest
from spoken import FIRST_NUMBER as EMERGENCY
from spoken import after


@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        ("en-US", "i swallowed a whole strip of my methotrexate", "honestly i feel okay though"),
        ("en-GB", "my toddler swallowed some of my azathioprine", "he seems fine, he's watching telly"),
        ("en-CA", "i took all of my prednisone at once", "i'm feeling fine right now"),
        ("en-IN", "my son has swallowed my methotrexate tablets", "he looks fine only"),
    ],
)
def test_feeling_fine_after_an_overdose_or_a_swallow_hears_it_cant_wait_and_the_number(locale, advice, reply):
    heard, response = after(locale, advice, reply)
    assert heard.startswith("I understand"), heard
    assert EMERGENCY[locale] in heard
    assert response["response"].get("shouldEndSession") is False


@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        (
            "en-AU",
            "my husband's face has dropped on one side and he can't lift his arm",
            "sorry what's the number again",
        ),
        ("en-US", "my chest is crushing and i'm sweating", "which number do i call"),
        ("en-IN", "she has collapsed and is not breathing properly", "what is the number again please"),
        ("en-GB", "i want to end my life", "what's that number again"),
    ],
)
def test_asking_for_the_number_again_hears_the_number_not_a_page(locale, advice, reply):
    heard, _ = after(locale, advice, reply)
    assert EMERGENCY[locale] in heard, heard
    assert "MRC" not in heard and "zero to five" not in heard


@pytest.mark.parametrize(
    "locale, advice, reply, opens",
    [
        ("en-GB", "i keep thinking about ending my life", "i don't want to ring them again", "I understand it's hard"),
        ("en-US", "he's got a fever since his infusion yesterday", "i don't want to call them again", "I understand"),
    ],
)
def test_not_wanting_to_call_them_again_is_refusing_help_and_hears_the_advice(locale, advice, reply, opens):
    heard, _ = after(locale, advice, reply)
    assert heard.startswith(opens), heard
    assert "Do you mean" not in heard


@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        ("en-GB", "i'm on the drip now and my tongue is swelling up", "ok i'm telling the nurse"),
        ("en-US", "my wife is halfway through her ivig and her lips are puffing up", "i've buzzed for the nurse"),
        (
            "en-AU",
            "he's hooked up to his infusion and he can't breathe properly",
            "the nurse is here and has stopped it",
        ),
    ],
)
def test_telling_the_nurse_during_a_reaction_is_doing_what_was_said_and_the_call_still_stands(locale, advice, reply):
    heard, _ = after(locale, advice, reply)
    # Worded since by clinical review 11, n1: the number first if the nurse isn't there.
    assert heard.startswith("Good. If the nurse isn't with you, call"), heard
    assert EMERGENCY[locale] in heard
    assert "can't help fast enough" not in heard


def test_a_nurse_line_after_an_emergency_is_still_too_slow():
    heard, _ = after("en-GB", "my dad's face has dropped and his speech is slurred", "i'll call the nurse line")
    assert heard.startswith("Your doctor, a clinic or an advice line can't help fast enough with this."), heard


@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        ("en-GB", "my toddler swallowed some of my azathioprine", "should i make him sick"),
        ("en-US", "i took double my methotrexate this morning", "should i make myself throw up"),
        ("en-IN", "my daughter swallowed some of my methotrexate", "can i give her some milk"),
    ],
)
def test_asking_to_make_them_sick_hears_no_then_the_advice(locale, advice, reply):
    heard, _ = after(locale, advice, reply)
    assert heard.startswith("No. Don't try to make anyone sick, and don't give them anything to eat or drink."), heard
    assert "now" in heard


@pytest.mark.parametrize(
    "locale, running, sign, reply",
    [
        (
            "en-GB",
            "my son is on his drip right now at the day unit",
            "he feels shivery and his head is pounding",
            "ok i have told the nurse",
        ),
        (
            "en-US",
            "she is hooked up to her infusion at the moment",
            "now she's got the chills",
            "i'm getting the nurse",
        ),
    ],
)
def test_telling_the_nurse_after_a_call_today_during_the_drip_is_acting_on_it(locale, running, sign, reply):
    heard, response = after(locale, running, sign, reply)
    assert heard.startswith("Good, that's the right thing to do."), heard
    assert response["response"].get("shouldEndSession") is not False


@pytest.mark.parametrize("said", ["thanks that is all", "thank you that is everything"])
def test_thanks_that_is_all_closes_the_session(said: str) -> None:
    heard, response = after("en-AU", "what is scig", said)
    assert heard.startswith("You're welcome."), heard
    assert response["response"].get("shouldEndSession") is not False
