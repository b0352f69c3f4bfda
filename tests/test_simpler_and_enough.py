"""Blind corpus P's turns that met a dead end: asking for an answer in simpler words in a sentence of one's own
("can you say that simpler, I'm explaining it to my little brother") hears the plain version, and "okay, enough"
closes the session; "enough" inside a question does not. Full request envelopes (the console)."""

from __future__ import annotations

import pytest
from spoken import after, ends

OUT_OF_SCOPE = "I answer questions about MMN"


@pytest.mark.parametrize(
    "locale, asked, simpler",
    [
        ("en-GB", "what is ivig", "can you say that simpler"),
        ("en-US", "what is scig", "could you put it in simpler terms for my mom"),
        ("en-AU", "what is ivig", "say it simpler mate, i'm explaining it to my kid"),
        ("en-IN", "what is scig", "please tell in easier words"),
        ("en-CA", "what is ivig", "can you dumb it down a bit"),
    ],
)
def test_simpler_in_ones_own_words_hears_the_plain_answer(locale, asked, simpler):
    page, _ = after(locale, asked)
    plain, response = after(locale, asked, simpler)
    assert OUT_OF_SCOPE not in plain and "don't know" not in plain and plain != page and not ends(response), plain
    assert len(plain.split()) < len(page.split()), (page, plain)


@pytest.mark.parametrize("said", ["okay enough", "that's enough", "enough for now thanks"])
def test_enough_closes(said):
    _, response = after("en-GB", "what is ivig", said)
    assert ends(response)


@pytest.mark.parametrize("said", ["is one dose enough", "is the sleep i get enough after an infusion"])
def test_enough_in_a_question_does_not_close(said):
    _, response = after("en-GB", "what is ivig", said)
    assert not ends(response)
