"""The local console: understanding typed utterances, and whole conversations as a user would have them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.interaction_model import model_path
from local_console.console import Console, render_response
from local_console.nlu import LocalNlu
from skill.app import build_skill
from skill.content import load_content

ROOT = Path(__file__).resolve().parent.parent
CONTENT = load_content()


@pytest.fixture(scope="module")
def nlu():
    return LocalNlu.from_file(model_path("en-US"))


@pytest.mark.parametrize(
    "utterance, intent, topic",
    [
        ("tell me about IVIG", "TopicIntent", "ivig"),
        # Letters typed one by one are no listed value to virtual-alexa either: passed on as words, which the skill
        # reads (tests/test_interaction_model.py).
        ("Tell me about I. V. I. G.", "TopicIntent", None),
        ("what is MMN", "TopicIntent", "mmn"),
        ("what is m. m. n.", "TopicIntent", None),
        ("what are the side effects of cyclophosphamide", "SideEffectsIntent", "cyclophosphamide"),
        ("Cytoxan side effects", "SideEffectsIntent", "cyclophosphamide"),
        ("is gammagard safe?", "SideEffectsIntent", "ivig"),
        ("can prednisone help", "EffectivenessIntent", "corticosteroids"),
        ("does imuran work", "EffectivenessIntent", "azathioprine"),
        ("how does IVIG work", "HowItWorksIntent", "ivig"),
        ("how often do I need IVIG", "CourseIntent", "ivig"),
        ("when do doctors use steroids", "WhenUsedIntent", "corticosteroids"),
        ("what about azathioprine", "SwitchTopicIntent", "azathioprine"),
        ("steroids", "SwitchTopicIntent", "corticosteroids"),
        ("tell me about watchful waiting", "TopicIntent", "monitoring"),
        ("what are its side effects", "SideEffectsIntent", None),
        ("do I need treatment", "NeedTreatmentIntent", None),
        ("what if I don't get treated?", "NeedTreatmentIntent", None),
        ("it's an emergency", "EmergencyIntent", None),
        ("call an ambulance", "EmergencyIntent", None),
        # A sentence naming a sign goes through the catch-all, so the triage reads every word of it.
        ("I have chest pain", "QuestionIntent", None),
        ("my lips are swelling during the infusion", "QuestionIntent", None),
        ("help", "AMAZON.HelpIntent", None),
        ("stop", "AMAZON.StopIntent", None),
        ("say that again", "AMAZON.RepeatIntent", None),
        ("yes please", "AMAZON.YesIntent", None),
        ("more", "AMAZON.NextIntent", None),
        ("start over", "AMAZON.StartOverIntent", None),
        ("order me a large pizza", "QuestionIntent", None),
    ],
)
def test_utterances_resolve_to_the_intended_intent_and_slot(nlu, utterance, intent, topic):
    understood = nlu.understand(utterance)
    assert understood.intent == intent
    resolved = understood.slots.get("topic")
    assert (resolved.resolved[0] if resolved and resolved.resolved else None) == topic


@pytest.mark.parametrize(
    "utterance, answered",
    [
        ("my mother just got diagnosed, what is multifocal motor neuropathy", "mmn.overview.1"),
        ("will gammagard make her stronger", "ivig.effectiveness.1"),
        ("she has chest pain during the drip", "safety:emergency"),
        ("my dad can't breathe", "safety:emergency"),
        ("her lips are swelling up", "safety:emergency"),
        ("tight chest while the Privigen is running", "safety:emergency"),
        ("my husband's leg is swollen and hot since his IVIG yesterday", "safety:call_doctor"),
        ("can I skip my next infusion, I'm going on holiday", "safety:no_change"),
        ("my GP wants to put me on prednisone", "safety:no_change"),
        ("my daughter keeps dropping her cup, is that the MMN?", "symptoms.overview.1"),
        ("is it hereditary", "q:mmn_inherited.1"),
        ("what's the weather like tomorrow", "unknown"),
        ("what is the capital of france", "unknown"),
        ("I would like to order a pizza please", "unknown"),
    ],
)
def test_sentences_in_peoples_own_words_reach_the_right_answer(nlu, utterance, answered):
    """Nothing close to a sample is guessed at: what no sample takes goes to the catch-all and its ranker."""
    response = Console(build_skill(), nlu).say(utterance)
    assert response["sessionAttributes"]["dialog"]["answered"] == answered


def test_unknown_topic_is_passed_on_unresolved(nlu):
    understood = nlu.understand("tell me about aspirin")
    assert understood.intent == "TopicIntent"
    assert understood.slots["topic"].value == "aspirin" and understood.slots["topic"].resolved is None


def test_the_conversation_from_the_readme(nlu):
    console = Console(build_skill(), nlu)
    replies = [
        render_response(console.say(u))
        for u in (
            "open m. m. n. guide",
            "tell me about IVIG",
            "what are the side effects of cyclophosphamide",
            "can prednisone help",
            "do I need treatment",
        )
    ]
    assert replies[0].startswith(CONTENT.prompts["welcome"])
    assert CONTENT.topic("ivig").pages("overview")[0].text in replies[1]
    assert CONTENT.topic("cyclophosphamide").pages("side_effects")[0].text in replies[2]
    assert CONTENT.topic("corticosteroids").pages("effectiveness")[0].text in replies[3]
    assert CONTENT.topic("monitoring").pages("overview")[0].text in replies[4]
    assert "[card]" in replies[1] and CONTENT.prompts["card_disclaimer"] in replies[1]
    assert console.in_session
    assert render_response(console.say("stop")).startswith(CONTENT.prompts["goodbye"])
    assert not console.in_session


def test_the_session_is_kept_between_turns(nlu):
    console = Console(build_skill(), nlu)
    console.say("tell me about azathioprine")
    reply = render_response(console.say("what are its side effects"))
    assert CONTENT.topic("azathioprine").pages("side_effects")[0].text in reply


def run_console(*args: str, stdin: str = "") -> str:
    result = subprocess.run(
        [sys.executable, "-m", "local_console.console", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    return result.stdout


@pytest.mark.parametrize(
    "opening",
    [
        "open m. m. n. guide",
        "open m m n guide",
        "Alexa, open MMN guide",
        "launch mmn guide",
        "mmn guide",
        # Alexa opens a skill however politely it is asked (blind corpus T: "alexa open m m n guide please").
        "alexa open m m n guide please",
        "can you open mmn guide for me",
        "please start m m n guide",
        "open up m m n guide now",
    ],
)
def test_the_invocation_opens_the_skill(nlu, opening):
    console = Console(build_skill(), nlu)
    assert render_response(console.say(opening)).startswith(CONTENT.prompts["welcome"])


def test_piped_input_is_one_utterance_per_line():
    out = run_console(stdin="open mmn guide\ntell me about IVIG\nwhat are its side effects\nfoo bar baz\nstop\n")
    assert out.count("you> ") == 5 and out.count("alexa> ") == 5
    assert CONTENT.topic("ivig").pages("side_effects")[0].text in out
    assert CONTENT.prompts["dont_know"] in out or CONTENT.prompts["out_of_scope"] in out, "a miss, of either kind"
    assert out.rstrip().endswith("(session ended)")


def test_one_shot_question():
    out = run_console("ask", "mmn", "guide", "about", "cytoxan", "side", "effects")
    assert CONTENT.topic("cyclophosphamide").pages("side_effects")[0].text in out
    assert "you>" not in out
