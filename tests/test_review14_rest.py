"""Clinical review 14 (docs/clinical-reviews/review-14-this-round.md), what was left of it after the round: W3 (the
emergency sentence in the first breath of every statement of where an infusion is), W6 (a fever or infection before
a drip: call the infusion team first), n1 (no "stop it" once the drip is over), n2 (a head injury off blood
thinners), n3 (Quebec's poison line), n4 (a dose repeated is no state; "done with IVIg" is stopping), n6 / n7
("what should I do" after a symptom page with an action) and a drip running said in everyday words. The sentences
are made up here, not the review's. Full request envelopes (the console)."""

from __future__ import annotations

import re

import pytest
from spoken import FIRST_NUMBER, after, answered, session

from skill.content import load_content
from skill.understanding.replies import replies

LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
_BREAK = re.compile(r"<break[^>]*/>")
_TAG = re.compile(r"<[^>]+>")

# W3: one statement of each state, by treatment: every [state_pages] entry is said.
STATEMENTS = {
    "ivig.running": "my son is hooked up to his privigen now",
    "ivig.ahead": "my aunt is about to start her gamunex",
    "ivig.over": "i've just come off my octagam drip",
    "scig.running": "i'm on my hizentra pump now",
    "scig.ahead": "she's about to start her cuvitru",
    "scig.over": "he just finished his hyqvia",
}


def breaths(response: dict) -> list[str]:
    """What is said between pauses, as plain words."""
    ssml = response["response"]["outputSpeech"]["ssml"]
    return [" ".join(_TAG.sub("", part).split()) for part in _BREAK.split(ssml)]


def test_every_state_page_is_said_here():
    assert set(STATEMENTS) == set(replies("en-US").state_pages)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("state", sorted(STATEMENTS))
def test_a_statement_of_where_an_infusion_is_says_the_emergency_number_in_its_first_breath(locale, state):
    said = breaths(session(locale).say(STATEMENTS[state]))
    told = next(i for i, breath in enumerate(said) if breath.startswith("Okay, "))
    assert FIRST_NUMBER[locale] in said[told + 1], said


@pytest.mark.parametrize("said", ["i want to come off the drip for good", "i'm going to come off my octagam"])
def test_coming_off_the_drip_as_a_plan_is_still_a_change(said):
    _, response = after("en-GB", said)
    assert answered(response) == "safety:no_change"
