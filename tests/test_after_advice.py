"""What people say after safety advice, and how a session ends, in their own words: in every locale, on every
entry point (the console's envelopes, the Lambda handler, the web app).

Saying they are acting on the advice closes warmly; putting it off hears the advice again, firmly and kindly; a
turn not understood in between does not lose the advice; an infusion said earlier to be running keeps "stop the
infusion" in an emergency said later; and a sentence that ends in a closing ("... thanks pet, that's all") ends
the session, unless it asks something first.
"""

from __future__ import annotations

import pytest
import test_safety_replay as replay
from test_safety_replay import AGAIN, NUMBERS, said

# The same conversations as the replay tests: the skill, and a new one in a locale on each entry point.
skill, talk = replay.skill, replay.talk
LOCALES = sorted(NUMBERS)
STOP_NOW = "Stop the infusion, or ask the nurse to stop it right away."
STAY = "Good, you're doing the right thing. Stay with them until help comes, and do what the call handler says."


def calls_first(advice: str, locale: str) -> str:
    """The emergency answer's first sentence, checked to call the locale's (first) number; what follows it."""
    first, rest = advice.split(". ", 1)
    assert first.startswith(f"Call {NUMBERS[locale].split()[0]} "), advice
    return rest


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    "acting",
    [
        "right, i'm phoning them now",
        "the paramedics are on their way",
        "the ambulance is taking him to the hospital now",
    ],
)
def test_acting_on_an_emergency_closes_with_one_last_thing_to_do(talk, locale, acting):
    console = talk(locale)
    advice, ended = said(console, "my dad's lips and tongue are swelling up")
    assert not ended and calls_first(advice, locale)
    symptom, ended = said(console, "he keeps calling out in pain")
    assert not ended and STAY not in symptom, "calling out is no call"
    assert said(console, acting) == (f"{STAY} Take care.", True)


@pytest.mark.parametrize("locale", LOCALES)
def test_acting_on_a_call_to_the_doctor_or_a_treatment_change_closes_with_its_own_words(talk, locale):
    console = talk(locale)
    said(console, "my urine is dark")
    closing = f"Good, that's the right thing to do. If it gets worse before you reach them, call {NUMBERS[locale]}."
    assert said(console, "okay, ringing the surgery now") == (f"{closing} Take care.", True)
    console = talk(locale)
    said(console, "i'm going to stop my azathioprine")
    closing = "Good. Talk it through with them before you change anything. Take care."
    assert said(console, "fine, i'll ring my neurologist") == (closing, True)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("putting_off", ["she says it's nothing, she'll sleep it off", "i don't want to bother them"])
def test_putting_off_an_emergency_hears_it_again_firmly(talk, locale, putting_off):
    console = talk(locale)
    advice, _ = said(console, "she's got a crushing pain in her chest")
    again, ended = said(console, putting_off)
    assert not ended and again == f"I understand, but this can't wait, and it isn't making a fuss. {advice}"


@pytest.mark.parametrize("locale", LOCALES)
def test_putting_off_a_call_to_the_doctor_hears_it_again_but_not_wanting_it_again_is_no_putting_off(talk, locale):
    console = talk(locale)
    advice, _ = said(console, "my urine is dark")
    preface = "I understand, but this needs checking, and your care team would rather hear about it."
    assert said(console, "he won't go, he hates a fuss") == (f"{preface} {advice}", False)
    refused, _ = said(console, "no i don't want to hear it again")
    assert not refused.startswith("I understand"), "a no to hearing it again, not to the advice"


@pytest.mark.parametrize("locale", LOCALES)
def test_a_turn_not_understood_after_advice_does_not_lose_it(talk, locale):
    console = talk(locale)
    advice, _ = said(console, "he collapsed and he won't wake up")
    missed, _ = said(console, "can the ivig nurse walk my dog")
    assert missed.startswith("Sorry, I don't know that one yet.")
    brief, ended = said(console, "what should i do")
    assert not ended and calls_first(brief, locale) and brief.endswith(AGAIN)
    console = talk(locale)
    advice, _ = said(console, "my urine is dark")
    said(console, "can the ivig nurse walk my dog")
    assert said(console, "say that again") == (advice, False)
    console = talk(locale)
    said(console, "my urine is dark")
    said(console, "can the ivig nurse walk my dog")
    offered, _ = said(console, "yes")
    assert "Call your doctor" not in offered, "yes takes what the miss offered"


@pytest.mark.parametrize("locale", LOCALES)
def test_an_emergency_during_an_infusion_said_earlier_says_to_stop_it(talk, locale):
    console = talk(locale)
    said(console, "my mum is having her privigen at home right now")
    advice, _ = said(console, "she says her chest feels tight and she can't get her breath")
    assert calls_first(advice, locale).startswith(STOP_NOW)
    brief, _ = said(console, "what should i do")
    assert calls_first(brief, locale) == f"{STOP_NOW} {AGAIN}"
    for earlier in (
        ["my mum had her privigen yesterday"],
        ["mum's on her drip right now", "it finished and we got home"],
    ):
        console = talk(locale)
        for sentence in earlier:
            said(console, sentence)
        advice, _ = said(console, "she says her chest feels tight and she can't get her breath")
        assert calls_first(advice, locale) and "Stop the infusion" not in advice, earlier
    # An infusion over earlier in the session does not outweigh one said to be running in the same sentence.
    console = talk(locale)
    said(console, "my mum had her privigen yesterday")
    advice, _ = said(console, "now her lips are swelling up during the infusion at the clinic")
    assert calls_first(advice, locale).startswith(STOP_NOW)


@pytest.mark.parametrize("locale", LOCALES)
def test_new_weakness_in_another_place_over_days_is_a_call_today(talk, locale):
    console = talk(locale)
    advice, _ = said(console, "she's had weak hands for years but this week her left foot has started to drag")
    # The call first, then why (safety round 14).
    assert advice.startswith("Ask your neurologist to check it today.")
    assert "Weakness that gets worse over days can be the treatment wearing off" in advice


@pytest.mark.parametrize("locale", LOCALES)
def test_a_fever_the_day_after_an_infusion_hears_the_advice_for_after_it(talk, locale):
    console = talk(locale)
    advice, _ = said(console, "she got her ivig yesterday and today she's got a fever and aches all over")
    assert advice.startswith("Call your doctor or care team today about a fever after an infusion.")
    assert "before your dose" not in advice


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    "closing",
    [
        "the nurse has slowed it down now, cheers mate bye",
        "thank you ji that's all",
        "oh that's a relief, ta ta",
        "that's lovely, ta pet",
    ],
)
def test_a_sentence_that_ends_in_a_closing_closes(talk, locale, closing):
    console = talk(locale)
    said(console, "how does ivig work")
    goodbye, ended = said(console, closing)
    assert ended and goodbye.startswith("You're welcome.")
    console = talk(locale)
    said(console, "how does ivig work")
    for question in ("is it safe to fly after my ivig, thanks bye", "so then what about scig, cheers bye"):
        answer, ended = said(console, question)
        assert not ended and not answer.startswith("You're welcome."), "a question is answered"
