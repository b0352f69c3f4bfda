"""Every safety answer can be heard again, in every locale and on every entry point.

Each conversation goes through the console's understanding into full request envelopes, then into the skill as
the console sends it, through the Lambda handler, and through the web app. The advice ends with "Want me to say
that again?" and the session stays open, an emergency's too; a replay says it again whole; once said again, or
to "what should I do", it is said in brief (the emergency number and the one action, or "stop the infusion" and
the call) with the whole advice on offer; "is that normal?" hears that it can't be judged here, and the advice
again; "no" and "thanks" close kindly.
"""

from __future__ import annotations

import uuid

import pytest
from entry_points import ENTRY_POINTS
from spoken import CALL_NOW
from spoken import EMERGENCY as NUMBERS

from build_tools.interaction_model import model_path
from local_console.console import Console
from local_console.nlu import LocalNlu
from skill.app import build_skill
from skill.speech import to_plain

AGAIN = "Want me to say that again?"
ALL_AGAIN = "Want it all again?"
STOP = "If your infusion is still running, stop it now, or ask the nurse to stop it."
CANT_CALL = "I can't make the call for you."
ONE_SHORT_SENTENCE = 26  # words, the closing question included (India's names its second number "for an ambulance")


@pytest.fixture(scope="module")
def skill():
    return build_skill()


@pytest.fixture(scope="module", params=sorted(ENTRY_POINTS))
def talk(request, skill):
    """A new conversation in a locale, on one entry point."""
    send = ENTRY_POINTS[request.param](skill)
    nlus: dict[str, LocalNlu] = {}

    def start(locale: str) -> Console:
        nlu = nlus.setdefault(locale, LocalNlu.from_file(model_path(locale)))
        console = Console(skill, nlu, locale, send=send)
        console.user_id = f"amzn1.ask.account.safety-replay-{uuid.uuid4().hex}"
        console.say("open m m n guide")
        return console

    return start


def said(console: Console, utterance: str) -> tuple[str, bool]:
    """What the skill said to ``utterance``, and whether the session ended."""
    body = console.say(utterance)["response"]
    return to_plain(body["outputSpeech"]["ssml"]), body.get("shouldEndSession") is not False


@pytest.mark.parametrize("locale", sorted(NUMBERS))
@pytest.mark.parametrize(
    "emergency, action",
    [
        ("call an ambulance", "Don't wait to see if it passes."),  # EmergencyIntent, no slot
        ("my husband has pain in his chest during the infusion", "Stop the infusion"),  # free text
    ],
)
def test_an_emergency_stays_open_and_is_said_again_then_in_brief(talk, locale, emergency, action):
    console = talk(locale)
    advice, ended = said(console, emergency)
    number = CALL_NOW[locale]
    assert not ended and advice.startswith(f"{number} {action}") and advice.endswith(f"{CANT_CALL} {AGAIN}")
    assert said(console, "what") == (advice, False)
    brief, ended = said(console, "ok")
    assert not ended and brief.startswith(f"{number} {action}") and brief.endswith(AGAIN)
    assert CANT_CALL not in brief and len(brief.split()) <= ONE_SHORT_SENTENCE
    goodbye, ended = said(console, "thanks")
    assert ended and "make that call" in goodbye and "someone you trust" not in goodbye


@pytest.mark.parametrize("locale", sorted(NUMBERS))
def test_what_should_i_do_after_an_emergency_hears_the_number_and_the_action(talk, locale):
    console = talk(locale)
    said(console, "i'm doing my scig and i feel short of breath")
    brief, ended = said(console, "what should i do")
    action = "Stop the infusion, or ask the nurse to stop it right away."
    assert not ended and brief == f"{CALL_NOW[locale]} {action} {AGAIN}"
    assert said(console, "no") == ("Okay. Please make that call. Take care.", True)


@pytest.mark.parametrize("locale", sorted(NUMBERS))
def test_a_reaction_during_an_infusion_in_brief_is_stop_it_and_call_then_all_of_it(talk, locale):
    console = talk(locale)
    advice, ended = said(console, "i'm on the drip and i've come out in hives")
    # Stop it, then the call, then why (safety round 14).
    assert not ended and advice.startswith(f"{STOP} Call your doctor or care team right away.")
    assert f"call {NUMBERS[locale]}." in advice and advice.endswith(AGAIN)
    assert said(console, "hold on") == (f"Take your time. {AGAIN}", False)
    brief, ended = said(console, "what should i do")
    assert not ended and brief == f"{STOP} Then call your doctor now. {ALL_AGAIN}"
    assert len(brief.split()) <= ONE_SHORT_SENTENCE
    assert said(console, "yes") == (advice, False), "the whole advice, not the brief"
    again, _ = said(console, "ok")
    assert again == brief, "said again whole, the next replay is brief"


@pytest.mark.parametrize("locale", sorted(NUMBERS))
def test_a_call_to_the_doctor_with_nothing_running_is_said_again_whole(talk, locale):
    console = talk(locale)
    advice, ended = said(console, "my urine is dark")
    assert not ended and "Call your doctor or care team right away." in advice and advice.endswith(AGAIN)
    assert STOP not in advice
    assert said(console, "what should i do") == (advice, False)
    assert said(console, "is that normal") == (f"I can't tell what's behind it, so it needs checking. {advice}", False)
    assert said(console, "ok") == (advice, False)
    goodbye, ended = said(console, "thank you")
    assert ended and "contact your doctor" in goodbye


@pytest.mark.parametrize("locale", sorted(NUMBERS))
@pytest.mark.parametrize("reply", ["right", "got it", "i didn't get that", "what do i do now"])
def test_a_reply_that_asks_nothing_new_hears_the_advice_again_not_i_dont_know(talk, locale, reply):
    """A nod, a "what now" Alexa takes for help, or a miss said in other words: what to do is still the advice."""
    console = talk(locale)
    advice, _ = said(console, "i'm on the drip and i've come out in hives")
    brief, ended = said(console, reply)
    assert not ended and brief == f"{STOP} Then call your doctor now. {ALL_AGAIN}"
    assert said(console, "yes") == (advice, False)


@pytest.mark.parametrize("locale", sorted(NUMBERS))
def test_a_new_question_after_safety_advice_is_answered_not_the_advice(talk, locale):
    console = talk(locale)
    said(console, "i'm on the drip and i've come out in hives")
    answer, ended = said(console, "what is scig")
    assert not ended and answer.startswith("SCIg") and STOP not in answer


@pytest.mark.parametrize("locale", sorted(NUMBERS))
@pytest.mark.parametrize("done", ["stop", "i'm done"])
def test_stop_after_safety_advice_closes_with_its_action(talk, locale, done):
    console = talk(locale)
    said(console, "my urine is dark")
    assert said(console, done) == ("Okay. Please do contact your doctor or care team, as I said. Take care.", True)


@pytest.mark.parametrize("locale", sorted(NUMBERS))
def test_a_treatment_change_is_said_again_and_no_closes_with_its_own_action(talk, locale):
    console = talk(locale)
    advice, ended = said(console, "can i skip my next infusion, i'm going on holiday")
    assert not ended and advice.startswith("Please don't stop, skip") and advice.endswith(AGAIN)
    assert said(console, "say that again") == (advice, False)
    feel_fine = f"I can't judge that for you, and weakness can come back. {advice}"
    assert said(console, "but i feel fine now") == (feel_fine, False)
    goodbye, ended = said(console, "no")
    assert ended and goodbye == "Okay. Please talk to your neurologist before you change anything. Take care."


@pytest.mark.parametrize("locale", sorted(NUMBERS))
def test_thoughts_of_self_harm_are_said_again_whole_with_the_numbers(talk, locale):
    console = talk(locale)
    advice, ended = said(console, "i want to die")
    assert not ended and advice.startswith(f"If you might act on these thoughts, call {NUMBERS[locale].split()[0]}")
    assert advice.endswith("Want me to say the numbers again?")
    assert said(console, "what") == (advice, False)
    assert said(console, "ok") == (advice, False), "never cut short"
    asked, _ = said(console, "is that normal")
    assert asked == f"I can't answer that for you, but you deserve support now. {advice}"
    goodbye, ended = said(console, "thanks")
    assert ended and "someone you trust" in goodbye
