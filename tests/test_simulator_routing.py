"""The console routes as the shared simulator (virtual-alexa) does, and no sentence that names a sign is cut by a
sample whose only words are a joining word."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from build_tools.interaction_model import model_path
from local_console.console import Console
from local_console.nlu import LocalNlu
from skill.app import build_skill
from skill.speech import to_plain

ROOT = Path(__file__).resolve().parent.parent

# Sentences a sample with a slot beside one joining word used to take ("{topic} or {other_topic}", "now {topic}",
# "then {topic}", "{topic} please"): each must reach the catch-all whole, and the triage must hear its sign.
WHOLE = [
    (
        "en-CA",
        "over the last week or so my left hand's gotten a lot weaker i can't even turn the key in the ignition now",
        "ask your neurologist to check it today",
    ),
    ("en-US", "now my left calf is all swollen and hurts when i walk", "call your doctor or care team right away"),
    (
        "en-GB",
        "now he can't lift his left arm at all and his speech is slurred and his face looks lopsided",
        "call 999 now",
    ),
    (
        "en-AU",
        "the insurance hasn't come through so we're gonna push dad's infusion back a month or two",
        "talk to your neurologist first",
    ),
    ("en-IN", "then we will stop the drip after this cycle he is feeling better now", "talk to your neurologist first"),
    ("en-US", "could you go a bit slower please my chest feels tight", "call 911 now"),
]


@pytest.mark.parametrize("locale, said, advice", WHOLE)
def test_a_sentence_with_a_joining_word_reaches_the_triage_whole(locale: str, said: str, advice: str) -> None:
    console = Console(build_skill(), LocalNlu.from_file(model_path(locale)), locale)
    response = console.say(said)
    intent = console.last_request["intent"]
    assert intent["name"] == "QuestionIntent"
    assert intent["slots"]["question"]["value"] == said
    assert advice in to_plain(response["response"]["outputSpeech"]["ssml"]).lower()


# virtual-alexa's own rules: a slot takes the longest run (greedy), may start inside a word if it ends at a space,
# the most literal characters win, and a sample's "m. m. n." is "m m n".
ROUTES = [
    (
        "en-US",
        "what is the difference between ivig and scig and which one is cheaper",
        "CompareIntent",
        {"topic": "ivig and scig", "other_topic": "which one is cheaper"},
    ),
    ("en-GB", "does the cold weather make the weakness worse", "MakeWorseIntent", {"topic": "es the cold weather"}),
    (
        "en-US",
        "should i take my metformin with food for my type two diabetes",
        "CompareIntent",
        {"topic": "my metformin with food f", "other_topic": "my type two diabetes"},
    ),
    ("en-IN", "is m m n the same as a l s", "MmnAlsSameIntent", {}),
    ("en-AU", "what is i v i g", "TopicIntent", {"topic": "i v i g"}),
    ("en-CA", "Is IVIG safe?", "SideEffectsIntent", {"topic": "ivig"}),
]


@pytest.mark.parametrize("locale, said, intent, slots", ROUTES)
def test_the_console_routes_as_virtual_alexa_does(locale: str, said: str, intent: str, slots: dict) -> None:
    understood = LocalNlu.from_file(model_path(locale)).understand(said)
    assert (understood.intent, {n: s.value for n, s in understood.slots.items()}) == (intent, slots)


def _virtual_alexa():
    sys.path.insert(0, str(ROOT))
    from bench import simulator_gap

    try:
        sim = simulator_gap.simulator_dir()
    except SystemExit:
        pytest.skip("no shared simulator beside this checkout")
    sys.path.insert(0, str(sim))
    import simulate

    if not shutil.which("node") or not (Path(simulate.TOOLS) / "node" / "node_modules" / "virtual-alexa").exists():
        pytest.skip("virtual-alexa is not installed (the shared simulator installs it on first use)")
    return simulator_gap, simulate


@pytest.mark.parametrize("locale", ["en-US", "en-GB"])
def test_the_console_and_virtual_alexa_choose_the_same_intent_and_slots(locale: str) -> None:
    simulator_gap, simulate = _virtual_alexa()
    said = [text for where, text, *_ in WHOLE + ROUTES] + [
        "tell me about I. V. I. G.",
        "what's the difference between gamma guard and privigen",
        "ivig or scig",
        "which is better ivig or scig",
        "is ivig covered by ohip or do i have to pay for it",
        "stop",
        "can ayurveda or homeopathy cure mmn",
        "what about for my foot",
        "my neurologist mentioned rituximab",
    ]
    entries = [{"id": str(n), "turns": [text]} for n, text in enumerate(said)]
    theirs = simulator_gap.routes(simulate, entries, locale)
    nlu = LocalNlu.from_file(model_path(locale))
    for entry in entries:
        ours = nlu.understand(entry["turns"][0])
        route = {"intent": ours.intent, "slots": {n: s.value for n, s in ours.slots.items()}}
        va = theirs[entry["id"]]
        assert simulator_gap.route_text(route).lower() == simulator_gap.route_text(va).lower(), entry["turns"][0]
