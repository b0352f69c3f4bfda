"""False alarms by kind, and the alarms beside them that must stay: money or stress said in body words ("this bill is
giving me chest pain"), a past sign asked about in words of the past the triage once missed ("long back", "back in
the nineties", "twenty eighteen", "it's been fine since"), and "stop" said of a symptom or of something that stops
by itself ("how do I stop the headache", "when it'll stop"), not of a treatment. Each in the locales' words, one-shot
and mid-session, through full request envelopes (the console)."""

from __future__ import annotations

import pytest
from conftest import speech_of
from spoken import answered, ends, say


def assert_answered_not_alarmed(response: dict) -> None:
    spoken = speech_of(response)
    assert not answered(response).startswith("safety:") and not ends(response), spoken
    assert not spoken.startswith("Call ") and "on your own" not in spoken and "If you might act" not in spoken


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "this insurance paperwork is gonna give me a heart attack"),
        ("en-CA", None, "I nearly had a heart attack when I saw the bill for my ivig"),
        ("en-AU", "tell me about SCIG", "this paperwork is gonna give me a stroke"),
        ("en-AU", None, "my heart sank when I saw the cost"),
        ("en-GB", "tell me about IVIG", "the waiting is killing me"),
        ("en-CA", None, "I nearly died when I saw the price"),
    ],
)
def test_money_or_stress_said_in_body_words_is_answered_not_alarmed(locale, context, said):
    assert_answered_not_alarmed(say(locale, said, context))


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-IN", None, "long back my grandmother had paralysis on one side, is it related to this"),
        ("en-IN", "tell me about IVIG", "I had a stroke long back, can I take IVIG"),
        (
            "en-GB",
            None,
            "my grandad had a funny turn with his heart back in the nineties, could that be why I've got mmn",
        ),
        ("en-US", None, "I had hives from ivig back in twenty eighteen, should I still worry"),
        (
            "en-AU",
            "tell me about IVIG",
            "I had a rash from the drip years back and it's been fine since, should I worry",
        ),
        ("en-GB", "tell me about IVIG", "when I was a kid I had fits, does that matter for ivig"),
        ("en-US", None, "once, ages ago, I fainted during an infusion, will it happen again"),
        ("en-CA", None, "I had a heart attack some years ago, can I still have IVIG"),
        ("en-AU", None, "a while ago I had a seizure, is IVIG ok for me"),
    ],
)
def test_a_past_sign_asked_about_in_other_words_of_the_past_is_answered_not_alarmed(locale, context, said):
    assert_answered_not_alarmed(say(locale, said, context))


@pytest.mark.parametrize(
    "locale, context, said",
    [
        ("en-US", None, "can I stop the scig needle hurting"),
        ("en-US", "what is SCIG", "can I stop it hurting"),
        ("en-GB", "tell me about IVIG", "how do I stop the headache after ivig"),
        ("en-AU", "what is SCIG", "what stops the itching at the site"),
        ("en-IN", None, "how to stop the burning when the scig goes in"),
        ("en-CA", None, "is there a way to stop the bruising from my subcut needles"),
        ("en-US", None, "the pain from my infusion won't stop"),
        ("en-GB", None, "will the tiredness after ivig ever stop"),
        ("en-CA", "tell me about IVIG", "when will the tiredness stop"),
        ("en-IN", "tell me about IVIG", "my manager keeps asking when it'll stop"),
        ("en-GB", None, "I have my immunoglobulin every four weeks and my manager keeps asking when it'll stop"),
    ],
)
def test_stop_said_of_a_symptom_or_of_something_else_is_no_change_of_treatment(locale, context, said):
    assert_answered_not_alarmed(say(locale, said, context))


@pytest.mark.parametrize(
    "locale, context, said, level",
    [
        # A sign said by the treatment or by stress, or said again outside the figure, is a sign.
        ("en-US", None, "the ivig is giving me chest pain", "safety:emergency"),
        ("en-GB", "tell me about IVIG", "the stress is giving me chest pain", "safety:emergency"),
        ("en-IN", None, "the bill is giving me chest pain and now I can't breathe", "safety:emergency"),
        ("en-AU", None, "the bills are too much, I'm thinking of taking all my pills", "safety:emergency"),
        # A new event beside the history.
        ("en-AU", None, "I had a stroke long back and now my face is drooping again", "safety:emergency"),
        ("en-US", None, "I had a seizure a while ago and I'm having one now", "safety:emergency"),
        ("en-CA", None, "back in the nineties I had a clot, now my calf hurts, should I worry", "safety:call_doctor"),
        # A symptom given as the reason for one's own stop.
        ("en-US", None, "the itching makes me want to stop the scig", "safety:no_change"),
        ("en-GB", "what is SCIG", "the itching is bad so I'll stop it", "safety:no_change"),
        ("en-AU", None, "I keep getting headaches so I'm going to stop the ivig", "safety:no_change"),
        ("en-IN", "tell me about IVIG", "it hurts too much, I will stop it", "safety:no_change"),
        ("en-CA", "tell me about IVIG", "the headaches are so bad I'm stopping my infusions", "safety:no_change"),
    ],
)
def test_beside_them_a_sign_now_or_a_real_stop_stays_an_alarm(locale, context, said, level):
    assert answered(say(locale, said, context)) == level
