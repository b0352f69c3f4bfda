"""Context kept across turns, by kind (conversation round 10):

- whether it is normal, asked after safety advice in any of the ways the free text reads it ("does that happen to a
  lot of people", "is it common with it", "is that to be expected"), hears that it can't be judged here and the
  advice again, not a page the words happen to rank (the caregivers' page, MMN's, pregnancy's);
- "which is better" with one treatment in context and no other named weighs it against the same treatment given
  another way (IVIg and SCIg), after its own page or a page about its day; a treatment with no other form still
  hears which two.

The sentences are made up, not the corpora's. Each conversation goes through the console's understanding into full
request envelopes, on every entry point (the console, Lambda, the web app).
"""

from __future__ import annotations

import pytest
import test_safety_replay as replay
from test_safety_replay import said

from skill.content import load_content

skill, talk = replay.skill, replay.talk
FOLLOW_UP = load_content().red_flags.follow_up
COMPARING = "Here's how IVIg and SCIg compare."


@pytest.mark.parametrize(
    ("locale", "sign", "asked", "key"),
    [
        (
            "en-GB",
            "her wee has gone dark brown since her drip yesterday",
            "does that happen to a lot of people",
            "about_it",
        ),
        ("en-US", "he's got chest pain and he's sweating", "is it common with it", "about_it_emergency"),
        ("en-CA", "i have a fever since my infusion", "is that to be expected", "about_it"),
    ],
)
def test_whether_it_is_normal_after_advice_hears_the_advice_again(talk, locale, sign, asked, key):
    console = talk(locale)
    advice, _ = said(console, sign)
    answer, ended = said(console, asked)
    assert not ended
    opening = FOLLOW_UP.get(key) or FOLLOW_UP["about_it"]
    assert answer.startswith(opening)
    assert advice.split(". ")[0] in answer


@pytest.mark.parametrize(
    ("locale", "before", "asked"),
    [
        ("en-US", "how does ivig work", "which works better"),
        ("en-AU", "what happens on an infusion day", "which one is best"),
    ],
)
def test_which_is_better_with_one_immunoglobulin_in_context_weighs_it_against_the_other_form(
    talk, locale, before, asked
):
    console = talk(locale)
    said(console, before)
    answer, _ = said(console, asked)
    assert answer.startswith(COMPARING)


def test_which_is_better_with_a_treatment_of_no_other_form_still_asks_which_two(talk):
    """A guard (it passes on main too)."""
    console = talk("en-IN")
    said(console, "what is plasma exchange")
    answer, _ = said(console, "which is better")
    assert answer.startswith("Which two treatments?")
