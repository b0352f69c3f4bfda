"""Conversation round 11: what blind corpus T's first run showed a listener loses between turns."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from conftest import speech_of
from spoken import after, session

from skill import envelopes
from skill.understanding.replies import replies
from skill.understanding.words import words

SOURCE = Path(__file__).resolve().parent.parent / "interaction_models" / "source" / "en.toml"


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


@pytest.mark.parametrize("said", ["please", "yes please", "um", "hold on"])
def test_a_session_that_opens_with_nothing_asked_hears_the_welcome(said):
    # Alexa sends what follows the skill's name as the first turn: "open m m n guide please" is "please".
    text, response = after("en-AU", said)
    assert text.startswith("Welcome to MMN Guide"), text
    assert response["response"]["shouldEndSession"] is False


def test_yes_with_nothing_on_offer_mid_session_still_asks_for_the_question():
    text, _ = after("en-AU", "open m m n guide", "yes")
    assert text == "What's your question?", text


@pytest.mark.parametrize(
    "asked",
    [
        "what's the difference with the under the skin one",
        "how is scig different",
        "how does the under the skin one compare",
        "is scig any different",
    ],
)
def test_one_treatment_asked_beside_the_one_in_context_is_the_two_side_by_side(asked):
    text, _ = after("en-GB", "open m m n guide", "what is ivig", asked)
    assert text.startswith("Here's how SCIg and IVIg compare") or text.startswith("Here's how IVIg and SCIg compare"), (
        text
    )


def test_a_difference_asked_with_no_treatment_in_context_is_not_made_a_pair():
    text, _ = after("en-GB", "open m m n guide", "how is scig different")
    assert "compare" not in text.split(".")[0], text


@pytest.mark.parametrize("said", ["no worries", "no problem", "no worries mate", "no dramas thanks"])
def test_no_worries_closes_warmly(said):
    # Blind corpus R: "no worries" heard as "no" asked to remember the place; "no problem" read a page about problems.
    text, response = after("en-AU", "open m m n guide", "what is ivig", said)
    assert text.startswith("You're welcome"), text
    assert response["response"]["shouldEndSession"] is True


def _free_text(locale: str, *said: str) -> str:
    """What the skill says to the last of ``said``, each sent as the catch-all intent's words, as a simulator whose
    utterances keep the wake word sends them."""
    console = session(locale)
    response = {}
    for text in said:
        request = envelopes.intent_request(
            "QuestionIntent", {"question": envelopes.slot("question", text, slot_type="AMAZON.SearchQuery")}
        )
        if console.session is None:
            console.session = envelopes.Session(locale=locale, user_id=console.user_id)
        response = console.send(console.session.envelope(request))
        console.session.attributes = response.get("sessionAttributes") or {}
    return speech_of(response)


@pytest.mark.parametrize("said", ["alexa open m m n guide", "open mmn guide please", "can you start m m n guide"])
def test_the_skill_opened_in_words_welcomes(said):
    # "alexa open m m n guide" passed on as words read the living-with-MMN page.
    assert _free_text("en-GB", said).startswith("Welcome to MMN Guide")


@pytest.mark.parametrize(
    "said, heard",
    [
        ("alexa ask m m n guide what is ivig", "IVIg stands for intravenous immunoglobulin"),
        ("ask mmn guide about the side effects of scig", "SCIg carries a warning about rare but serious blood clots"),
    ],
)
def test_a_question_asked_of_the_skill_in_words_is_answered(said, heard):
    assert heard in _free_text("en-US", said)


def test_the_invocation_the_skill_reads_is_the_models():
    name = " ".join(words(tomllib.loads(SOURCE.read_text(encoding="utf-8"))["invocation_name"]))
    assert name.replace(" ", "") in {i.replace(" ", "") for i in replies("en-US").invocation}
