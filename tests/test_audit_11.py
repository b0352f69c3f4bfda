"""Audit 11's findings on how an answer is said, as tired listeners say things: asking for it again slower or
louder in their own words (F16), changing a choice just made or saying what they meant (F15), and closing kindly,
after an answer or after safety advice (F14, F5's "ok we'll go").

Each conversation goes through the console's understanding into full request envelopes, in several locales and on
every entry point (the console, the Lambda handler, the web app).
"""

from __future__ import annotations

import re

import pytest
import test_safety_replay as replay
from test_safety_replay import NUMBERS, said

skill, talk = replay.skill, replay.talk
LOCALES = ["en-AU", "en-GB", "en-IN", "en-US"]
SLOWER = "Okay, I'll speak more slowly."
LOUDER = "I can't turn myself up, but you can"
GOODBYE = "You're welcome. Take care, and keep in touch with your neurologist."
STAY = "Good, you're doing the right thing. Stay with them until help comes, and do what the call handler says."


def rate_of(console) -> int:
    """The speech rate of the last reply, in percent of the normal rate."""
    ssml = console.say("what")["response"]["outputSpeech"]["ssml"]
    found = re.search(r'<prosody rate="(\d+)%">', ssml)
    return int(found.group(1)) if found else 100


# Audit 11, F16: each landed on a page, an off-topic refusal or the next part.
SLOWER_AGAIN = [
    "can you say it again but slower",
    "could you repeat that a bit slower please",
    "you'll have to say it again slowly love",
    "i still didn't catch it can you go slower",
]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("asked", SLOWER_AGAIN)
def test_asking_for_it_again_slower_in_your_own_words_says_the_same_answer_slower(talk, locale, asked):
    console = talk(locale)
    answer, _ = said(console, "what are the side effects of ivig")
    again, ended = said(console, asked)
    assert not ended and again == f"{SLOWER} {answer}"
    assert rate_of(console) < 100, "slower from now on"


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    "asked, slower", [("louder please", False), ("i can't hear you", False), ("louder and slowly please", True)]
)
def test_asking_louder_says_it_again_and_how_to_turn_the_device_up(talk, locale, asked, slower):
    console = talk(locale)
    answer, _ = said(console, "what is ivig")
    again, ended = said(console, asked)
    assert not ended and again.endswith(answer) and LOUDER in again and "Sorry" not in again
    assert again.startswith(SLOWER) == slower
    assert (rate_of(console) < 100) == slower


@pytest.mark.parametrize("locale", LOCALES)
def test_louder_after_an_emergency_says_the_number_first(talk, locale):
    console = talk(locale)
    advice, _ = said(console, "his chest feels tight")
    assert said(console, "louder please") == (advice, False)


@pytest.mark.parametrize("locale", ["en-GB", "en-US"])
def test_a_question_about_slowness_is_still_a_question(talk, locale):
    console = talk(locale)
    answer, _ = said(console, "what are the side effects of ivig")
    reply, _ = said(console, "does the weakness come on slowly")
    assert SLOWER not in reply and answer not in reply


def _clarified(talk, locale: str):
    console = talk(locale)
    asked, ended = said(console, "side effects")
    assert not ended and asked.startswith("Do you mean")
    return console


@pytest.mark.parametrize("locale", LOCALES)
def test_the_second_one_right_after_the_first_changes_the_choice(talk, locale):
    first, second = _clarified(talk, locale), _clarified(talk, locale)
    ivig, _ = said(first, "the first one")
    scig, _ = said(second, "the second one")
    assert said(first, "the second one i mean") == (scig, False)
    assert said(first, "actually the first one") == (ivig, False)
    assert said(first, "both") == (scig, False), "both, after picking one, reads the other"


@pytest.mark.parametrize("locale", LOCALES)
def test_neither_right_after_a_pick_asks_what_they_meant_but_no_declines_the_offer(talk, locale):
    console = _clarified(talk, locale)
    said(console, "the first one")
    reply, ended = said(console, "neither")
    assert not ended and reply.startswith("Okay, not those.")
    console = _clarified(talk, locale)
    said(console, "number one")
    reply, ended = said(console, "no")
    assert not ended and "not those" not in reply


@pytest.mark.parametrize("locale", LOCALES)
def test_a_choice_in_your_own_words_answers_what_it_names(talk, locale):
    console = _clarified(talk, locale)
    reply, ended = said(console, "um the one about cost")
    assert not ended and "pays" in reply and "side effects" not in reply.split("Want")[0]
    console = _clarified(talk, locale)
    scig, _ = said(console, "the second one")
    assert said(_clarified(talk, locale), "the one about scig") == (scig, False)


@pytest.mark.parametrize("locale", LOCALES)
def test_no_i_meant_is_not_read_against_the_wrong_answer(talk, locale):
    console = talk(locale)
    said(console, "my wife gets her infusion next week")
    assert said(console, "no i meant for my wife") == ("Sorry, I got that wrong. What's your question?", False)
    fresh = talk(locale)
    ivig, _ = said(fresh, "what is ivig")
    console = talk(locale)
    said(console, "what is scig")
    assert said(console, "no i meant ivig") == (ivig, False)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    "closing", ["ok done", "thank you madam", "thanks that helps a lot", "cheers that's all", "that's all ta"]
)
def test_kind_closings_after_an_answer_end_the_session(talk, locale, closing):
    console = talk(locale)
    said(console, "what is ivig")
    assert said(console, closing) == (GOODBYE, True)


@pytest.mark.parametrize("locale", LOCALES)
def test_neither_im_fine_at_a_clarification_closes(talk, locale):
    assert said(_clarified(talk, locale), "neither i'm fine") == (GOODBYE, True)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("acting", ["ok we'll go", "no thanks love i'll ring now"])
def test_going_after_a_call_to_the_doctor_closes_warmly(talk, locale, acting):
    console = talk(locale)
    said(console, "his leg is swollen and sore since yesterday")
    closing = f"Good, that's the right thing to do. If it gets worse before you reach them, call {NUMBERS[locale]}."
    assert said(console, acting) == (f"{closing} Take care.", True)


@pytest.mark.parametrize("locale", LOCALES)
def test_help_with_them_after_an_emergency_closes(talk, locale):
    console = talk(locale)
    said(console, "now her lips look puffy")
    assert said(console, "they're with her now") == (f"{STAY} Take care.", True)


@pytest.mark.parametrize("locale", ["en-CA", "en-GB"])
def test_going_away_instead_of_a_dose_is_not_acting_on_the_advice(talk, locale):
    console = talk(locale)
    advice, _ = said(console, "what happens if you miss an ivig")
    reply, ended = said(console, "we'll go to the cottage for three weeks so i'm just going to skip the next one")
    assert not ended and "Good." not in reply
