"""The conversation benchmark's own measures: pauses, lists, the labels a plain-words must becomes, and the
smoke sessions through the console path."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from eval_tools.conversation_eval import Heard, Runner, check, figures, list_items, read_corpus

ROOT = Path(__file__).resolve().parent.parent
SMOKE = ROOT / "tests" / "corpus" / "conversations" / "smoke.toml"


def _labels():
    spec = importlib.util.spec_from_file_location("conversation_labels", ROOT / "bench" / "conversation_labels.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.labels_for


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        ("Do you mean the risks of SCIg, or its side effects?", 0),
        ("Ask things like: tell me about IVIg, what are the side effects of steroids, or do I need treatment.", 3),
        ("I can tell you about MMN, symptoms, diagnosis, IVIg, and SCIg.", 5),
        ("Mild side effects, such as headache, chills or tiredness, are common.", 3),
        ("Watch for headache, chills, fever and rash.", 4),
        ("This is general information, not medical advice, so talk to your neurologist, and call 911.", 0),
        # A name in an aside is no item, nor is the thing it names; "include" starts the list.
        ("Steroids, often just called pills, include cortisone, betamethasone and dexamethasone.", 3),
        ("Polio, also called infantile paralysis, can spread fast and is serious.", 0),
        ("Water pills include furosemide, bumetanide, torasemide and indapamide.", 4),
        # An opening phrase is no item; describing words joined by "or" are one item of the list around them.
        ("Before the drip, tell the nurse about a sore, red or itchy arm, a cough, or a cold.", 3),
        ("In rare cases, it causes headache, chills, fever and rash.", 4),
    ],
)
def test_a_list_is_counted_by_its_items(sentence, items):
    assert list_items(sentence) == items


def _heard(ssml: str) -> Heard:
    return Heard("x", ssml, "", False, None, None, (), 100, False)


def test_words_before_the_first_pause_stop_at_the_first_break():
    ssml = '<speak>One two three.<break time="300ms"/>Four five.</speak>'
    assert _heard(ssml).before_pause == 3
    assert _heard("<speak>One two three. Four five.</speak>").before_pause == 5


def _said(plain: str, answered: str | None = None, paused: bool = False, paced: bool = False) -> Heard:
    return Heard("x", f"<speak>{plain}</speak>", plain, False, answered, None, (), 100, False, paused, paced)


def test_a_question_page_is_about_its_own_topic_and_the_treatment_its_subject_names():
    # "how long an IVIg infusion takes" is a question of infusion day, about IVIg.
    infusion = _said("An IVIg infusion usually takes two to eight hours.", "q:infusion_how_long.1")
    assert check("topic:ivig", [infusion], "en-US") and check("topic:infusion_day", [infusion], "en-US")
    assert not check("topic:scig", [infusion], "en-US")


def test_safety_advice_said_again_to_is_that_normal_stays_on_the_topic():
    page = _said("SCIg goes under the skin. Want to hear more?", "scig.overview.1")
    advice = _said("A swollen, painful leg needs checking today. Want me to say that again?", "safety:call_doctor")
    again = _said(f"I can't tell what's behind it. {advice.plain}", "safety:call_doctor")
    assert check("same_topic", [page, advice, again], "en-US")
    other = _said("Hives can be an allergic reaction. Call your doctor. Want me to say that again?", advice.answered)
    assert not check("same_topic", [page, advice, other], "en-US"), "other advice of the same level"


def test_go_back_to_safety_advice_said_before_the_last_answer_is_back():
    advice = _said("Please don't stop your treatment on your own. Want me to say that again?", "safety:no_change")
    page = _said("SCIg can travel with you. Want to hear more?", "q:scig_travel.1")
    assert check("back", [advice, page, advice], "en-US")
    assert not check("back", [advice, page, page], "en-US")
    command = _said("Okay.", "command:AMAZON.NoIntent")
    assert not check("back", [page, command, command], "en-US"), "a command taken from free text is no page"


def test_the_answer_said_again_after_a_change_of_pace_is_the_same_answer():
    """ "Slower" says its confirmation, then the answer; "repeat" then says the answer alone: the same answer."""
    answer = _said("SCIg goes under the skin. Want to hear more?", "scig.overview.1")
    slower = _said("Okay, I'll speak more slowly.<break/>" + answer.plain, answer.answered, paced=True)
    assert check("same_answer", [answer, slower, answer], "en-US")
    other = _said("Okay, I'll speak more slowly.<break/>IVIg goes into a vein.", "ivig.overview.1", paced=True)
    assert not check("same_answer", [answer, other, answer], "en-US")


@pytest.mark.parametrize("label", ["same_answer", "replays_safety"])
def test_a_moment_given_is_not_the_answer_said_again(label):
    advice = _said("Call your doctor today. Want me to say that again?", "safety:call_doctor")
    moment = _said("Take your time. Want me to say that again?", "safety:call_doctor", paused=True)
    assert check(label, [advice, moment, advice], "en-US")
    assert not check(label, [advice, moment, moment], "en-US")


def test_safety_advice_said_again_is_checked_against_the_advice_as_first_given():
    advice = _said("Call your doctor today. Want me to say that again?", "safety:call_doctor")
    # Said again after a preface, with a pause between: the turn's first part is the preface.
    slower = _said("Okay, I'll speak more slowly.<break/>" + advice.plain, advice.answered)
    assert check("replays_safety", [advice, slower, advice], "en-US")
    other = _said("Please don't stop your treatment. Want me to say that again?", "safety:no_change")
    assert not check("replays_safety", [advice, other, advice], "en-US"), "other advice since"


@pytest.mark.parametrize(
    ("must", "wanted"),
    [
        ("closes warmly and ends the session", {"ends", "not_miss"}),
        ("re-reads the same answer more slowly, adding nothing new", {"same_answer", "slower", "not_miss"}),
        ("stays on SCIg and says weekly is a usual schedule", {"topic:scig", "not_miss"}),
        (
            "tells them to call emergency services now, before anything else, since chest pain can mean a clot",
            {"safety:emergency", "first:911|999|000|112|emergency", "not_miss"},
        ),
        ("replays the same advice", {"replays_safety", "not_miss"}),
        (
            "tells them not to change treatment without their neurologist or consultant",
            {"safety:no_change", "says:neurologist|team|doctor", "not_miss"},
        ),
        (
            "picks out the rash first and before anything else tells them to tell the nurse on the unit now",
            {"safety:call_doctor", "says:nurse|staff|team"},
        ),
        (
            "gives another short miss with a different example question",
            {"open", "max_items:3", "new_apology", "example", "one_breath"},
        ),
    ],
)
def test_plain_words_become_the_labels_they_ask_for(must, wanted):
    assert set(_labels()(must)[0]) == wanted


def test_the_smoke_sessions_pass_through_the_console_path():
    sessions = read_corpus(SMOKE)
    runner = Runner()
    results = [checked for session in sessions for checked in runner.run(session)]
    assert [(c.session, c.index, c.failed) for c in results if c.failed] == []
    assert figures(results, len(sessions)).dead_ends == 0
