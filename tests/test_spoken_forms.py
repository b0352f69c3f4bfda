"""How spoken forms are read (issue 16): letters said one by one are the initialism they spell, and a word that
changes what is asked without naming anything ("doesn't", "the same as") still tells near-twin questions apart.

Speech recognition writes "ALS" said letter by letter as "a l s", whatever the initialism; the text normaliser
(``words.py``) joins every run of single letters, and leaves "a" and "i" beside one as the words they are. The
ranker reads negations and "same" as marks (``[marks]`` in understanding.toml): ranked, never words an answer must
hold, so "what if IVIg doesn't work" is not "how does IVIg work".
"""

from __future__ import annotations

import pytest
from conftest import speech_of
from spoken import answered, say

from skill.understanding.ranker import ranker
from skill.understanding.words import Phrase, Text, words


@pytest.mark.parametrize(
    "said, heard",
    [
        ("is a l s the same as m m n", ["is", "als", "the", "same", "as", "mmn"]),
        ("what is c i d p", ["what", "is", "cidp"]),
        ("my g p said e m g", ["my", "gp", "said", "emg"]),
        ("the i g and s c i g", ["the", "ig", "and", "scig"]),
        # "a" and "i" beside a spelled initialism are words: last in a run, or first before another of them.
        ("m m n a lot worse", ["mmn", "a", "lot", "worse"]),
        ("on i v i g i think", ["on", "ivig", "i", "think"]),
        ("i a m", ["i", "am"]),
        ("can i a", ["can", "i", "a"]),
        # One letter alone is not spelled out.
        ("vitamin b twelve", ["vitamin", "b", "twelve"]),
    ],
)
def test_letters_said_one_by_one_are_read_as_the_word_they_spell(said, heard):
    assert words(said) == heard


@pytest.mark.parametrize(
    "locale, said, page",
    [
        ("en-GB", "is m m n a kind of c i d p", "q:mmn_vs_cidp.1"),
        ("en-US", "is m m n the same as a l s", "q:mmn_als_same.1"),
        ("en-US", "is a l s the same as m m n", "q:mmn_als_same.1"),
        ("en-AU", "does the e m g hurt", "q:nerve_test_hurt.1"),
        # A negation tells a question from its twin.
        ("en-US", "what if ivig doesn't work", "q:ivig_not_working.1"),
        ("en-IN", "what if i v i g is not working for my father", "q:ivig_not_working.1"),
        ("en-US", "how does ivig work", "ivig.how_it_works.1"),
    ],
)
def test_a_spoken_form_is_answered_by_its_page(locale, said, page):
    response = say(locale, said)
    assert answered(response) == page, (said, speech_of(response))


def test_a_mark_is_ranked_but_is_no_word_an_answer_must_cover():
    bank = ranker("en-US")
    assert "=not" in bank.terms("what if ivig doesn't work")
    assert bank.consider("what if ivig doesn't work").asked == ("ivig", "work")


@pytest.mark.parametrize(
    "phrase, said", [("i g", "a new brand of i g"), ("i v i g", "her i v i g drip"), ("s c i g", "my s c i g pump")]
)
def test_a_content_phrase_spelled_letter_by_letter_finds_the_same_letters_said(phrase: str, said: str) -> None:
    assert Phrase(phrase).positions(Text(said))
