"""Understanding round 9: meanings the ranker read apart, heard as one (README, "Understanding round 9").

Each kind is a way of saying something the bank asks in other words: how often a treatment is given ("how far
apart", "every how many", "repeat"); how soon it helps ("feel any better"); alcohol as a number of drinks; the office
that licenses drivers by each country's name; disability money by each country's scheme names. And one rule: a topic
named rules pages in or out, not questions, so a question answered by the page a question about that topic leads to
is not left out. The sentences are made up for these tests (no corpus's, no training phrasing's) and said in full
request envelopes, in several locales; each fails on the code before this round. The guards keep what must not move
(they pass before and after): "repeat" alone is still the command, a drink of water is still drinking around an
infusion, and how fast MMN itself gets worse is not how soon a treatment helps.
"""

from __future__ import annotations

import pytest
from conftest import speech_of
from spoken import answered, say, session

HOW_OFTEN = "ivig.course.1"
HOW_SOON = "ivig.course.2"


@pytest.mark.parametrize(
    "locale, said, page",
    [
        # How often, however asked: how far apart, every how many, repeat.
        ("en-GB", "how far apart are the drips usually for someone with mmn", HOW_OFTEN),
        ("en-IN", "every how many days they repeat the immunoglobulin drip", HOW_OFTEN),
        ("en-AU", "do they repeat the ivig every few weeks or is it once only", HOW_OFTEN),
        # How soon it helps: the strength felt again ("feel any better"), not the side effects eased.
        ("en-CA", "when will she feel any better from the ivig", HOW_SOON),
        # Alcohol said as drinks, on the page a question about IVIg leads to (the topic named rules pages, not
        # questions, in or out).
        ("en-GB", "is a couple of drinks alright the evening after my ivig", "q:alcohol.1"),
        # Who licenses drivers, by its name; "must" is a modal like "should".
        ("en-US", "do i need to let the dmv know i have mmn", "q:living_driving.1"),
        ("en-AU", "must i tell the department of transport that i've got mmn", "q:living_driving.1"),
        # Disability money by scheme name.
        ("en-GB", "could my dad claim attendance allowance because of his mmn", "q:disability_benefits.1"),
        ("en-GB", "will i qualify for pip with weak hands", "q:disability_benefits.1"),
    ],
)
def test_a_meaning_said_in_other_words_is_answered_by_its_page(locale, said, page):
    response = say(locale, said)
    assert answered(response) == page, (said, speech_of(response))


def test_repeat_alone_is_still_the_command():
    console = session("en-GB")
    first = answered(console.say("how often is ivig given"))
    assert answered(console.say("repeat that please")) == first


@pytest.mark.parametrize(
    "said, page",
    [
        # Water around an infusion is still drinking, not alcohol.
        ("should i drink lots of water before my ivig", "q:infusion_fluids.1"),
    ],
)
def test_words_kept_in_their_own_sense(said, page):
    response = say("en-US", said)
    assert answered(response) == page, (said, speech_of(response))


def test_how_fast_mmn_itself_worsens_is_not_how_soon_a_treatment_helps():
    got = answered(say("en-US", "how fast does multifocal motor neuropathy get worse without treatment"))
    assert got not in (HOW_SOON, HOW_OFTEN), got
