"""Conversation round 11: what blind corpus T's first run showed a listener loses between turns."""

from __future__ import annotations

import pytest

from spoken import after


@pytest.mark.parametrize("locale", ["en-US", "en-IN"])
@pytest.mark.parametrize("before", ["my hands keep getting weaker", "is mmn the same as als", "what causes mmn"])
@pytest.mark.parametrize("asked", ["what is the treatment", "what's the treatment"])
def test_what_is_the_treatment_answers_the_treatments_whatever_came_before(locale, before, asked):
    # "what is {topic} treatment" took "the" for a topic and read the overview of the topic in context again.
    said, _ = after(locale, "open m m n guide", before, asked)
    assert "Immunoglobulin is the one established treatment" in said, said


@pytest.mark.parametrize(
    "said",
    [
        "what questions should i ask at my first neuromuscular appointment i always forget everything",
        "i get so flustered i forget everything the doctor says so what should i ask at my appointment",
    ],
)
def test_a_question_whose_story_says_forget_everything_is_answered_not_an_erasure(said):
    text, response = after("en-GB", "open m m n guide", said)
    assert "Write your questions down" in text, text
    assert "deleted" not in text


@pytest.mark.parametrize("said", ["forget everything you know about me", "can you please wipe everything about me"])
def test_a_request_to_forget_still_erases(said):
    text, _ = after("en-GB", "open m m n guide", said)
    assert "deleted everything" in text, text
