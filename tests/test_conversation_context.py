"""Context kept across turns, as caregivers and patients tell it (issue 17 §7, issue 16 §3): a statement of someone's
treatment in their own words makes it the subject; a follow-up that names no topic stays on what was said.

Each conversation goes through the console's understanding into full request envelopes, in several locales and on
every entry point (the console, the Lambda handler, the web app).
"""

from __future__ import annotations

import pytest
import test_safety_replay as replay
from test_safety_replay import said

from skill.breath import lead
from skill.content import load_content

skill, talk = replay.skill, replay.talk
CONTENT = load_content()


def first_breath(topic: str, facet: str, locale: str | None = None) -> str:
    """The page's first breath as the locale says it (SCIg's side effects open with the emergency number)."""
    return lead((load_content(locale) if locale else CONTENT).topic(topic).pages(facet)[0].text)


@pytest.mark.parametrize("locale", ["en-AU", "en-GB", "en-US"])
def test_does_that_make_her_tired_after_a_statement_says_tiredness_in_the_first_breath(talk, locale):
    """A wife on Privigen, then "does that make her tired after": the side effects of IVIg, with tiredness said before
    the first pause."""
    console = talk(locale)
    acknowledged, _ = said(console, "my wife is on privigen")
    assert acknowledged.startswith("Okay, Privigen")
    answer, ended = said(console, "does that make her tired after")
    assert not ended and answer.startswith(first_breath("ivig", "side_effects"))
    assert "tiredness" in first_breath("ivig", "side_effects")


def _asked_which_course(talk, locale: str):
    console = talk(locale)
    said(console, "tell me about mmn")
    asked, _ = said(console, "how often")
    assert asked.startswith("Do you mean") and "SCIg" in asked
    return console


@pytest.mark.parametrize("locale", ["en-AU", "en-US"])
def test_a_treatment_switched_at_a_choice_with_a_question_of_its_own_is_answered_as_asked(talk, locale):
    """ "Do you mean a course of IVIg, or of SCIg?", then "and for the one under the skin what are the side effects":
    SCIg's side effects, not its course; "how often" then is about SCIg, the treatment just named."""
    console = _asked_which_course(talk, locale)
    answer, _ = said(console, "and for the one under the skin what are the side effects")
    assert answer.startswith(first_breath("scig", "side_effects", locale))
    answer, _ = said(console, "how often")
    assert answer.startswith(first_breath("scig", "course"))


@pytest.mark.parametrize("locale", ["en-GB", "en-US"])
@pytest.mark.parametrize(("pick", "topic"), [("the one under the skin", "scig"), ("the drip one", "ivig")])
def test_a_pick_that_names_a_treatment_picks_that_one_not_the_first(talk, locale, pick, topic):
    answer, _ = said(_asked_which_course(talk, locale), pick)
    assert answer.startswith(first_breath(topic, "course"))


@pytest.mark.parametrize("locale", ["en-IN", "en-US"])
@pytest.mark.parametrize(
    ("told", "asked"),
    [
        ("my mother got her drip yesterday and today she has some rashes on the hands", "is that normal"),
        ("my wife is hooked up to her ivig right now and she's saying her head is starting to pound", "is it common"),
    ],
)
def test_is_that_normal_after_a_sign_not_understood_is_about_the_treatment_it_was_told_with(talk, locale, told, asked):
    """A sign told with IVIg that isn't understood, then "is that normal": IVIg's side effects (mild ones are common,
    serious ones rare), not the caregivers' page."""
    console = talk(locale)
    said(console, told)
    answer, ended = said(console, asked)
    assert not ended and answer.startswith(first_breath("ivig", "side_effects"))


def test_is_that_normal_after_safety_advice_is_not_answered_with_mild_side_effects(talk):
    console = talk("en-AU")
    advice, _ = said(console, "he had ivig last week and now his wee is dark like tea")
    assert "Call your doctor" in advice
    answer, _ = said(console, "is that normal with it")
    assert not answer.startswith(first_breath("ivig", "side_effects"))


@pytest.mark.parametrize("locale", ["en-GB", "en-IN", "en-US"])
@pytest.mark.parametrize(
    ("asked", "first", "second"),
    [
        ("ivig or scig", "IVIg", "SCIg"),
        ("ivig vs scig", "IVIg", "SCIg"),
        ("steroids or ivig for mmn", "steroid treatment", "IVIg"),
        ("ivig versus plasma exchange", "IVIg", "plasma exchange"),
    ],
)
def test_two_treatments_named_side_by_side_are_compared(talk, locale, asked, first, second):
    """A bare pair ("ivig or scig") reaches the catch-all now that the model has no "{topic} or {other_topic}" sample
    (it took any sentence with an "or"): it is the comparison of the two, as "compare IVIg and SCIg" is."""
    answer, _ = said(talk(locale), asked)
    assert f"how {first} and {second} compare" in answer


@pytest.mark.parametrize("asked", ["can i switch from ivig to scig", "does ivig work for mmn"])
def test_a_question_that_names_two_treatments_is_not_taken_for_a_comparison(talk, asked):
    answer, _ = said(talk("en-US"), asked)
    assert " compare" not in answer
