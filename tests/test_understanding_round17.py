"""Understanding round 17 (issue 16, blind corpus S): kinds of words the skill did not read yet, read by kind.

A scheme that pays, said by its name (the NHS, Centrelink, employment insurance, the central government health
scheme, a bill claimed back); a sport said as the person's own ("my golf", "netball
still ok", "giving up hockey"), while a sport named alone stays a game ("who won the rugby"); asking what a thing is
("what even is it"), which is the overview, not when it is used; eating on infusion day; the treatment and the
condition by a vague name ("the blood product", "the nerve thing"). Sentences are made up, not
the corpora's; the word-level tests read the ranker's terms, the rest go through the console in full request
envelopes.
"""

from __future__ import annotations

import pytest
from spoken import answered, say

from skill.understanding.ranker import ranker


def _terms(text: str, locale: str = "en-GB") -> list[str]:
    return ranker(locale).terms(text)


# (said, a term the ranker must read in it, a term it must not).
WORDS = [
    ("can the nhs pay for my drip at home", "insur", "nhs"),
    ("does centrelink give anything to people with mmn", "disabl", "centrelink"),
    ("will employment insurance cover the weeks i miss", "disabl", "employ"),
    ("i reckon her hockey is over now her hands are weak", "living_with_mmn", "hockey"),
    ("is basketball still ok for my son with mmn", "living_with_mmn", "basketbal"),
    ("will he have to think about giving up rugby", "living_with_mmn", "rugbi"),
    ("is the gym a good idea with mmn", "living_with_mmn", "gym"),
    ("what should my wife eat or avoid the day of her drip", "food", "eat"),
    ("is a big dinner ok before my infusion", "food", "dinner"),
    ("is the blood product safe for my kidneys", "ivig", "product"),
    ("my dad has this nerve thing in his arm", "mmn", "nerv"),
    ("they want to start azathioprine, what even is that", "=what", "even"),
]


@pytest.mark.parametrize(("said", "read", "not_read"), WORDS)
def test_words_of_a_kind(said: str, read: str, not_read: str) -> None:
    terms = _terms(said)
    assert any(t.startswith(read) for t in terms), terms
    assert not_read not in terms, terms


# A sport named alone is a game, not the listener's exercise: no answer about living with MMN.
@pytest.mark.parametrize(
    "said", ["who won the rugby on saturday", "what was the golf score", "is the hockey on tonight"]
)
def test_a_sport_named_alone_is_no_exercise(said: str) -> None:
    assert "living_with_mmn" not in _terms(said)


# (locale, what was said, what answers it): the kinds through the whole skill, in made-up sentences.
ANSWERED = [
    ("en-AU", "is my lawn bowls ok now i've got mmn", ("living_with_mmn.overview",)),
    ("en-US", "my husband's doctor wants him on immunoglobulin, what exactly is that", ("ivig.overview",)),
    (
        "en-GB",
        "is there anything she should eat or avoid on the morning of her drip",
        ("q:first_infusion_bring", "q:infusion_fluids"),
    ),
    (
        "en-US",
        "are there things to eat or avoid before immunoglobulin",
        ("q:first_infusion_bring", "q:infusion_fluids"),
    ),
    ("en-CA", "how long does the blood product take to work", ("ivig.course",)),
    ("en-US", "what are the side effects of the blood product", ("ivig.side_effects",)),
]


@pytest.mark.parametrize(("locale", "said", "pages"), ANSWERED)
def test_kinds_answered(locale: str, said: str, pages: tuple[str, ...]) -> None:
    got = answered(say(locale, said))
    assert any(got == p or got.startswith(p + ".") for p in pages), got


@pytest.mark.parametrize("said", ["who won the footy on sunday", "what was the netball score last night"])
def test_a_game_watched_is_not_answered(said: str) -> None:
    assert not answered(say("en-AU", said)).startswith("living_with_mmn")
