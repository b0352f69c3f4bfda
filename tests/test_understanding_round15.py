"""Understanding round 15 (issue 16, blind corpus Q): kinds of words the skill did not read yet, read by kind.

Hearsay around a question (who said it, that they reckon it) names nothing an answer holds; hot drinks and meals
around an infusion are drink and food; a sport played is exercise, a sport named alone is not; heredity said as
"passed on" or "the kids get it"; an insurance plan's part, its criteria and "liquid gold" are money; a hospital or
a doctor to ask is finding a specialist; "overnight" is out of hours. Sentences are made up, not the corpus's;
the word-level tests read the ranker's terms, the rest go through the console in full request envelopes.
"""

from __future__ import annotations

import pytest
from spoken import answered, say

from skill.understanding.ranker import ranker


def _terms(text: str, locale: str = "en-GB") -> list[str]:
    return ranker(locale).terms(text)


# (a question with hearsay around it, the question alone): the hearsay adds no word to rank on.
HEARSAY = [
    ("does ivig cure mmn my neighbour reckons it does", "does ivig cure mmn"),
    ("my brother in law swears it is catching, is mmn contagious", "is mmn contagious"),
    ("is mmn a kind of als, my cousin reckoned so", "is mmn a kind of als"),
    ("apparently you can't have the flu jab on ivig", "you can't have the flu jab on ivig"),
]


@pytest.mark.parametrize(("said", "question"), HEARSAY)
def test_hearsay_adds_no_word(said: str, question: str) -> None:
    assert set(_terms(said)) == set(_terms(question))


# (said, a word the ranker must read in it, a word it must not): exercise reads as its topic, living with MMN.
WORDS = [
    ("can i sip a cuppa on the ward during my drip", "drink", "alcohol"),
    ("is a flat white ok before the infusion, i need my coffee", "drink", "alcohol"),
    ("do i skip brekky on infusion day", "food", "brekki"),
    ("is it nil by mouth for the drip", "food", "nil"),
    ("can my daughter keep playing netball with mmn", "living_with_mmn", "netbal"),
    ("he loves bushwalking, will mmn stop that", "living_with_mmn", "bushwalk"),
    ("could my kids get it from me", "inherit", "chanc"),
    ("can this be passed on to a grandchild", "inherit", "pass"),
    ("will medicare part d pay for the drip", "insur", "d"),
    ("the nurse called it liquid gold", "expens", "gold"),
    ("what are the criteria to get immunoglobulin", "fund", "criteria"),
    ("which hospital in leeds knows about mmn", "expert", "hospit"),
    ("is there a nerve doctor who does telehealth", "expert", "telehealth"),
    ("who do i phone overnight if the drip site swells", "hour", "overnight"),
]


@pytest.mark.parametrize(("said", "read", "not_read"), WORDS)
def test_words_of_a_kind(said: str, read: str, not_read: str) -> None:
    terms = _terms(said)
    assert any(t.startswith(read) for t in terms), terms
    assert not_read not in terms, terms


# (locale, what was said, what answers it): the kinds through the whole skill, in made-up sentences.
ANSWERED = [
    ("en-GB", "can i have a cuppa while the immunoglobulin goes in", ("q:infusion_fluids", "q:first_infusion_bring")),
    ("en-AU", "do i need to skip brekky before my drip", ("q:first_infusion_bring", "q:infusion_fluids")),
    ("en-CA", "am i still ok to play ice hockey on weekends with mmn", ("living_with_mmn.overview",)),
    ("en-US", "my kids might get it too, is that likely with mmn", ("q:mmn_inherited",)),
    ("en-CA", "my dad plays golf every week, will mmn stop him", ("living_with_mmn.overview",)),
    ("en-IN", "which hospital in pune is good for this nerve disease mmn", ("q:finding_specialist",)),
]


@pytest.mark.parametrize(("locale", "said", "pages"), ANSWERED)
def test_kinds_answered(locale: str, said: str, pages: tuple[str, ...]) -> None:
    got = answered(say(locale, said))
    assert any(got == p or got.startswith(p + ".") for p in pages), got
