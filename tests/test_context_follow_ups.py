"""Follow-ups that name no topic stay on the treatment in context (issue 17 §7, "Lost context"), by kind:

- "is that normal", "is it common with it" right after a page of a treatment is about that treatment's side effects
  (not the caregivers' page, nor "Do you mean"); after its side effects, it goes on with them;
- a facet asked with no treatment ("and the side effects") after a page of another topic that spoke of one treatment
  (helping on IVIg days) is about that treatment, a miss in between or not;
- how long someone stays on the treatment ("will she have to stay on it forever", "how long will he need it") is
  the page that says how long people stay on it, not how long a course or a session takes, and the treatment stays
  the subject;
- a statement told by the one who helps ("I help my dad get his Cuvitru pump ready") is acknowledged as other
  statements are, and its treatment becomes the subject.

The sentences are made up, not the corpora's. Each conversation goes through the console's understanding into full
request envelopes, in several locales, on every entry point (the console, the Lambda handler, the web app).
"""

from __future__ import annotations

import pytest
import test_safety_replay as replay
from test_safety_replay import said

from skill.answers import place_of
from skill.breath import chunks, lead
from skill.content import load_content
from skill.understanding.ranker import ranker

skill, talk = replay.skill, replay.talk
CONTENT = load_content()
# The questions that say how long people stay on IVIg, and on immunoglobulin (SCIg's answer).
IVIG_FOR_LIFE, LONG_TERM = "ivig_for_life", "outlook_treatment_for_life"


def first_breath(topic: str, facet: str, locale: str | None = None) -> str:
    """The page's first breath as the locale says it (its emergency number: SCIg's side effects open with it)."""
    content = load_content(locale) if locale else CONTENT
    return lead(content.topic(topic).pages(facet)[0].text)


def first_words_of(question: str) -> str:
    """The first chunk of the page the bank answers ``question`` with (after any "Part two of two.")."""
    ref = ranker("en-US").question(question).ref
    place = place_of(ref)
    topic = CONTENT.topic(place.topic)
    pages = CONTENT.question(place.question).pages if place.question else topic.pages(place.facet)
    return chunks(pages[ref.page].text)[0]


@pytest.mark.parametrize(
    ("locale", "asked", "normal", "topic"),
    [
        ("en-GB", "how does scig work", "is that to be expected", "scig"),
        ("en-US", "how is ivig given", "is it common with it", "ivig"),
        ("en-AU", "what is privigen", "does that happen to a lot of people", "ivig"),
    ],
)
def test_is_that_normal_after_a_page_of_a_treatment_is_its_side_effects(talk, locale, asked, normal, topic):
    console = talk(locale)
    said(console, asked)
    answer, ended = said(console, normal)
    assert not ended and answer.startswith(first_breath(topic, "side_effects", locale))


def test_is_that_normal_after_the_side_effects_goes_on_with_them(talk):
    """A guard (it passes on main too): right after the side effects, the rest of them, not the same words again."""
    console = talk("en-US")
    first, _ = said(console, "what are the side effects of scig")
    assert first.startswith(first_breath("scig", "side_effects"))
    answer, _ = said(console, "is that normal")
    assert "side effects" in answer and not answer.startswith(first_breath("scig", "side_effects"))


@pytest.mark.parametrize("locale", ["en-CA", "en-IN"])
@pytest.mark.parametrize("between", [None, "what should he eat beforehand"])
def test_a_facet_asked_after_a_page_that_spoke_of_one_treatment_is_about_it(talk, locale, between):
    """Helping on IVIg days, then (after a question not understood, or not) "and the side effects": IVIg's."""
    console = talk(locale)
    helping, _ = said(console, "how can i help my husband on his ivig days")
    assert "IVIg" in helping and "caregivers" in helping
    if between:
        said(console, between)
    answer, _ = said(console, "and what about side effects")
    assert answer.startswith(first_breath("ivig", "side_effects"))


@pytest.mark.parametrize(
    ("locale", "told", "asked", "question"),
    [
        ("en-US", "my son is on gamunex", "how long will he need it", IVIG_FOR_LIFE),
        ("en-GB", "what is ivig", "does she have to keep having them for good", IVIG_FOR_LIFE),
        ("en-IN", "my mother takes ivig every month", "how long does he have to carry on with it", IVIG_FOR_LIFE),
        # In the words the course intent had as samples ("how long will i need {topic}", "is {topic} for life"):
        # these reach the free text now, and its reading of how long people stay on a treatment.
        ("en-US", "what are the side effects of hyqvia", "how long will i need it", LONG_TERM),
        ("en-CA", "how does ivig work", "is it for life", IVIG_FOR_LIFE),
        ("en-GB", "hello", "do i need hizentra forever", LONG_TERM),
    ],
)
def test_how_long_they_stay_on_a_treatment_is_its_long_term_page(talk, locale, told, asked, question):
    """Not how long a course or a session takes."""
    console = talk(locale)
    said(console, told)
    answer, _ = said(console, asked)
    assert first_words_of(question) in answer
    assert not answer.startswith((first_breath("ivig", "course"), first_breath("scig", "course")))


@pytest.mark.parametrize("locale", ["en-AU", "en-US"])
def test_how_long_they_stay_on_scig_is_the_long_term_page_and_scig_stays_the_subject(talk, locale):
    console = talk(locale)
    said(console, "what is scig")
    answer, _ = said(console, "will she have to stay on it forever")
    assert first_words_of(LONG_TERM) in answer
    session, _ = said(console, "and how long does each one take")
    assert first_words_of("scig_how_long") in session


@pytest.mark.parametrize(
    "asked", ["how long does it take", "will the lumps last forever", "how long does it take to work"]
)
def test_how_long_something_else_takes_is_not_the_long_term_page(talk, asked):
    """Guards (they pass on main too): a session's length, a side effect's, or the time to work."""
    console = talk("en-US")
    said(console, "what is scig")
    answer, _ = said(console, asked)
    assert first_words_of(LONG_TERM) not in answer


@pytest.mark.parametrize(
    ("locale", "told", "name"),
    [
        ("en-US", "i help my dad get his cuvitru pump ready on sunday mornings", "Cuvitru"),
        ("en-AU", "we bring her to her privigen every other tuesday", "Privigen"),
        ("en-GB", "i sit with my husband while his gammagard runs", "Gammagard"),
    ],
)
def test_a_statement_told_by_the_one_who_helps_is_acknowledged(talk, locale, told, name):
    console = talk(locale)
    acknowledged, ended = said(console, told)
    assert not ended and acknowledged.startswith(f"Okay, {name}")
    topic = "scig" if name == "Cuvitru" else "ivig"
    answer, _ = said(console, "what are the side effects")
    assert answer.startswith(first_breath(topic, "side_effects", locale))


@pytest.mark.parametrize(
    "told",
    [
        "i help him with his hizentra but the pump keeps beeping",
        "i'm on ivig will it help",
        "my wife can't get up after her ivig",
    ],
)
def test_a_concern_or_question_said_with_a_treatment_is_no_statement(talk, told):
    """Guards (they pass on main too): a second thing of its own, a question, or the person's own trouble."""
    answer, _ = said(talk("en-US"), told)
    assert not answer.startswith("Okay, ")
