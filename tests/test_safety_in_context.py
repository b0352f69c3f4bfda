"""Safety said the way a tired listener says it mid-session (blind corpus R's kinds, in sentences written here):
a sign told over two turns; a mild reaction while the drip runs, which the nurse must hear of now; being sick and
a stiff neck in everyday and past-tense words; after emergency advice, what is told and asks nothing, and
stopping the drip as the advice said, which is never "don't stop your treatment". Full request envelopes (the
console)."""

from __future__ import annotations

import pytest
from spoken import CALL_NOW, after, answered

NURSE_NOW = "Tell the nurse or your care team now."
DONT_STOP = "don't stop"


@pytest.mark.parametrize(
    "locale, turns",
    [
        ("en-GB", ["can ivig turn your wee dark", "mine's been like strong tea since tuesday"]),
        ("en-US", ["i've had a headache since my infusion", "and the light is bothering my eyes now"]),
        ("en-CA", ["can ivig make your pee dark", "yeah it's kind of brown today"]),
    ],
)
def test_a_sign_told_over_two_turns_is_heard(locale, turns):
    spoken, response = after(locale, *turns)
    assert answered(response) == "safety:call_doctor", spoken


@pytest.mark.parametrize(
    "locale, turns",
    [
        # The last turn's sign was advice already: what follows is the advice's to answer, not a sign again.
        ("en-IN", ["he has fever after the ivig", "we will show the doctor at the next visit only"]),
        # A question about signs, then thanks, then a word of another sign: no sign is told.
        ("en-US", ["what are the side effects of ivig like headache", "thanks", "does it affect the neck"]),
        # Words of a sign said long ago in the session, two turns back, are not carried.
        ("en-GB", ["is dark urine a side effect of ivig", "what is scig", "is it a dark red colour bottle"]),
    ],
)
def test_words_of_a_sign_are_carried_one_turn_and_only_when_no_sign_was_told(locale, turns):
    spoken, response = after(locale, *turns)
    assert answered(response) not in ("safety:call_doctor", "safety:emergency") or "again" in spoken, spoken


@pytest.mark.parametrize(
    "locale, turns",
    [
        ("en-US", ["my mom's hooked up to her ivig right now and her face has gone bright red"]),
        ("en-GB", ["i'm on the drip at the moment and i feel a bit queasy"]),
        ("en-AU", ["i'm in the chair now and my head is banging"]),
        ("en-CA", ["my husband is getting his ivig at home right now", "he says his head hurts, is that normal"]),
        ("en-IN", ["my father's drip is going on now", "he is saying he is feeling sick"]),
    ],
)
def test_a_mild_reaction_while_the_drip_runs_tells_the_nurse_now(locale, turns):
    spoken, response = after(locale, *turns)
    assert NURSE_NOW in spoken and answered(response) == "safety:call_doctor", spoken


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "what can i take for an ivig headache"),
        ("en-GB", "i usually feel a bit sick the day after my drip"),
        ("en-AU", "i go a bit red in the face during the infusion"),
        ("en-CA", "does ivig give you a headache"),
    ],
)
def test_the_same_words_with_no_drip_running_now_are_no_reaction(locale, said):
    spoken, _ = after(locale, said)
    assert NURSE_NOW not in spoken, spoken


@pytest.mark.parametrize(
    "locale, turns, sign",
    [
        ("en-GB", ["she banged her head on the door frame and she spewed twice"], "safety:call_doctor"),
        ("en-AU", ["i spewed this morning and the light is killing my eyes since the drip"], "safety:call_doctor"),
        ("en-US", ["three days after my ivig my neck went stiff and the light hurt"], "safety:call_doctor"),
        ("en-CA", ["he's had a horrendous headache since his infusion yesterday"], "safety:call_doctor"),
    ],
)
def test_being_sick_a_stiff_neck_and_a_bad_headache_in_everyday_words(locale, turns, sign):
    spoken, response = after(locale, *turns)
    assert answered(response) == sign, spoken


@pytest.mark.parametrize(
    "locale, sign, told",
    [
        (
            "en-US",
            "my wife is on her drip and her throat feels like it's closing",
            "the home nurse popped out to the store",
        ),
        ("en-GB", "my dad's face has dropped on one side and he can't lift his arm", "my brother lives next door"),
        ("en-IN", "my husband's drip is going on and he cannot breathe properly", "nurse has gone for lunch"),
    ],
)
def test_after_emergency_advice_what_is_told_and_asks_nothing_hears_the_advice(locale, sign, told):
    spoken, _ = after(locale, sign, told)
    assert spoken.startswith(CALL_NOW[locale]), spoken


@pytest.mark.parametrize(
    "locale, sign, stopping",
    [
        ("en-IN", "my husband's drip is going on and he is saying he cannot breathe properly", "how to stop the drip"),
        ("en-AU", "mum's on her ivig and her lips are swelling up", "how do i turn the pump off"),
        ("en-US", "he's on his infusion and he's wheezing and can't get his breath", "should i stop the ivig"),
    ],
)
def test_stopping_the_drip_after_advice_to_stop_it_is_never_dont_stop(locale, sign, stopping):
    spoken, response = after(locale, sign, stopping)
    assert DONT_STOP not in spoken.lower() and CALL_NOW[locale] in spoken, spoken
    spoken, _ = after(locale, sign, stopping, "what should i do")
    assert DONT_STOP not in spoken.lower() and CALL_NOW[locale] in spoken, spoken


@pytest.mark.parametrize(
    "locale, turns",
    [
        ("en-CA", ["is dark pee a side effect of ivig", "i had my drip three days ago and it's kind of cola coloured"]),
        ("en-GB", ["my wee has gone really dark since the ivig", "it's been like strong tea since tuesday's infusion"]),
    ],
)
def test_more_of_the_sign_told_after_its_advice_hears_the_advice_not_i_dont_know(locale, turns):
    spoken, _ = after(locale, *turns)
    assert "don't know" not in spoken and "call your doctor" in spoken.lower(), spoken
