"""A treatment's name as speech recognition writes it (``near_names.py``), and words whose sense the words after
them tell ("hurt" is pain, "hurt the baby" harm; "a few goes" are sessions).

Recognition splits a brand it does not know into common words ("high zentra", "octa gram") or spells it near
("hisentra"); the ranker reads two or three words joined, or one word no English word it knows, as the treatment's
name when spelled within a quarter of its letters of it. Common words are never such names ("wait in" is not
"waiting").
"""

from __future__ import annotations

import pytest
from conftest import speech_of
from spoken import answered, say

from skill.understanding.near_names import NearNames, distance
from skill.understanding.ranker import ranker


def test_distance_counts_insertions_deletions_and_substitutions():
    assert distance("octagram", "octagam", 3) == 1
    assert distance("highzentra", "hizentra", 3) == 2
    assert distance("kitten", "sitting", 5) == 3
    # Once over the most allowed, it stops counting.
    assert distance("privigen", "steroids", 2) == 3


def test_a_near_spelling_must_keep_the_first_letter_and_most_of_the_name():
    names = NearNames(["hizentra", "octagam", "imuran"])
    assert names.nearest("hisentra") == "hizentra"
    assert names.nearest("zentra") is None  # the first letter is kept by recognition
    assert names.nearest("octopus") is None
    assert names.nearest("octagon") is None  # two slips in seven letters: too far


@pytest.mark.parametrize(
    "said, topic",
    [
        ("is there any copay help for high zentra", "scig"),
        ("they switched me to something called octa gram", "ivig"),
        ("can the hisentra go in my thighs", "scig"),
        ("what's the gamma god thing my neurologist mentioned", "ivig"),
        ("can my brother take predni zone tablets", "corticosteroids"),
    ],
)
def test_a_name_in_pieces_or_spelled_near_is_read_as_the_treatment(said, topic):
    assert topic in ranker("en-US").terms(said)


@pytest.mark.parametrize(
    "said",
    ["do i have to wait in the hospital after my infusion", "does it interfere with my blood pressure pills"],
)
def test_common_words_are_never_read_as_a_name(said):
    terms = ranker("en-US").terms(said)
    assert "monitoring" not in terms and "other_immune_drugs" not in terms


def test_hurt_with_no_one_after_it_is_pain_and_with_an_object_harm():
    bank = ranker("en-US")
    assert "pain" in bank.terms("and does the drip hurt")
    assert "harm" in bank.terms("i don't want to hurt the baby")
    assert "harm" not in bank.terms("why do my hands hurt")


@pytest.mark.parametrize(
    "locale, said, page",
    [
        ("en-GB", "what is octa gram", "ivig.overview.1"),
        ("en-US", "is there any copay help for high zentra", "q:cost_and_funding.1"),
        ("en-US", "and does the drip hurt", "infusion_day.overview.1"),
        ("en-US", "can imuran hurt the liver", "azathioprine.side_effects.1"),
    ],
)
def test_a_name_in_pieces_and_hurt_in_its_sense_are_answered_by_their_page(locale, said, page):
    response = say(locale, said)
    assert answered(response) == page, (said, speech_of(response))


def test_a_few_goes_are_sessions_naming_no_treatment():
    bank = ranker("en-GB")
    assert bank.terms("will it get easier after a few goes") == bank.terms("will it get easier after a few sessions")
    assert "session" in bank.terms("will it get easier after a few goes")
    assert "ivig" not in bank.terms("will it get easier after a few goes")
