"""What the tests hear said, shared: each locale's numbers as the safety answers say them (the emergency call, the
crisis line), and a session through the console (full request envelopes, as Lambda) to say things in."""

from __future__ import annotations

from conftest import speech_of

from build_tools.interaction_model import model_path
from local_console.console import Console
from local_console.nlu import LocalNlu
from skill.app import build_skill

# The number a sentence names first ("If it gets worse, call 112"): India's ambulance number follows where the
# answer gives both, so tests that look for the number alone use this.
FIRST_NUMBER = {"en-US": "911", "en-CA": "911", "en-GB": "999", "en-AU": "000", "en-IN": "112"}
# The emergency numbers as a sentence says them ("call 112 or 108 now").
EMERGENCY = FIRST_NUMBER | {"en-IN": "112 or 108"}
# The emergency answer's first sentence: in India, one number first and the other after it (clinical review 4b, n21).
CALL_NOW = {locale: f"Call {number} now." for locale, number in FIRST_NUMBER.items()} | {
    "en-IN": "Call 112 now, or 108 for an ambulance."
}
CRISIS = {"en-US": "988", "en-CA": "988", "en-GB": "116 123", "en-AU": "13 11 14", "en-IN": "14416"}


def session(locale: str, context: str | None = None) -> Console:
    """A new session in the locale, after ``context`` if given."""
    console = Console(build_skill(), LocalNlu.from_file(model_path(locale)), locale)
    if context:
        console.say(context)
    return console


def say(locale: str, said: str, context: str | None = None) -> dict:
    """What the skill answers to ``said``, after ``context`` in the same session if given."""
    return session(locale, context).say(said)


def after(locale: str, *turns: str) -> tuple[str, dict]:
    """What the skill says, and its response, to the last of ``turns``, said in one session."""
    console = session(locale)
    for turn in turns[:-1]:
        console.say(turn)
    response = console.say(turns[-1])
    return speech_of(response), response


def answered(response: dict) -> str:
    """What the turn answered ("ivig.side_effects.1", "safety:emergency", "unknown"), as the dialog state keeps it."""
    return response.get("sessionAttributes", {}).get("dialog", {}).get("answered", "")


def ends(response: dict) -> bool:
    return response["response"].get("shouldEndSession") is not False
