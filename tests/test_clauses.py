"""Finding the question in what was said (issue 16): a long spoken turn split into clauses, and the question
asked in it answered in full request envelopes, in every locale, with the triage still reading the whole turn."""

from __future__ import annotations

import pytest
from conftest import fixture, speech_of

from skill.answer_first import answer_chunk
from skill.breath import chunks
from skill.content import load_content
from skill.gateway import handle_event
from skill.understanding.clauses import Splitter


@pytest.fixture(scope="module")
def splitter() -> Splitter:
    clauses = load_content().vocabulary.clauses
    return Splitter(clauses["breaks"], clauses["questions"], clauses["not_after"])


def asked(splitter: Splitter, text: str) -> list[str]:
    return [clause.text for clause in splitter.clauses(text) if clause.question]


def test_a_question_after_a_story_is_its_own_clause(splitter):
    said = "so um my husband was diagnosed last spring and honestly we're both scared um what causes m m n"
    assert asked(splitter, said) == ["what causes mmn"]  # letters said one by one are read as the word
    assert [c.text for c in splitter.clauses(said)][:2] == ["my husband was diagnosed last spring", "were both scared"]


def test_two_questions_in_one_are_two_clauses(splitter):
    assert asked(splitter, "how long does it take and will it hurt") == ["how long does it take", "will it hurt"]
    # A question said straight after another, with no "and" between.
    assert asked(splitter, "is it safe for the baby can i breastfeed on it") == [
        "is it safe for the baby",
        "can i breastfeed on it",
    ]


def test_a_question_word_inside_a_statement_starts_no_question(splitter):
    assert asked(splitter, "my husband has had m m n for six years and it is costly") == []
    # Nor inside a question's own first words ("how long does").
    assert asked(splitter, "how long does the tiredness last after ivig") == [
        "how long does the tiredness last after ivig"
    ]


def ask(skill, text: str, locale: str) -> tuple[str, str | None]:
    """What the skill says to ``text`` heard by the catch-all, in a full request envelope, and what it answered."""
    envelope = fixture("question_free_text")
    envelope["request"]["locale"] = locale
    slot = envelope["request"]["intent"]["slots"]["question"]
    slot["value"] = slot["slotValue"]["value"] = text
    response = handle_event(skill, envelope)
    return speech_of(response), ((response.get("sessionAttributes") or {}).get("dialog") or {}).get("answered")


def first_sentence(locale: str, question_id: str) -> str:
    """The first sentence said in answer to the question: of the breath of its page that says what it asks."""
    content = load_content(locale)
    question = content.question(question_id)
    said = chunks(content.pages_of(question.ref)[question.ref.page].text)
    return said[answer_chunk(content, question)].split(". ")[0]


# Each was "I don't know" while the whole turn alone was ranked: the story's words weighed in what must be covered.
@pytest.mark.parametrize(
    "locale, said, question_id, label",
    [
        # the question first, the story after
        (
            "en-US",
            "can i drive with m m n because my grip on the wheel isn't great lately and i'm scared to tell anyone",
            "living_driving",
            "q:living_driving.1",
        ),
        # the question in the middle
        (
            "en-CA",
            "so i drive two hours to the hospital in the winter and the roads are brutal um what causes m m n in the "
            "first place and my family doctor doesn't know",
            "mmn_cause",
            "mmn.overview.3",
        ),
        (
            "en-IN",
            "doctor has told my father to take the injection every month and we are coming from far so um how long "
            "does the tiredness last after ivig because he is sleeping all day",
            "day_after_infusion",
            "q:day_after_infusion.1",
        ),
        # the question at the end
        (
            "en-GB",
            "we've just moved house and the new hospital is miles away um and my wife had her first drip there last "
            "week and she was wiped out for days after honestly how long does the tiredness last after ivig",
            "day_after_infusion",
            "q:day_after_infusion.1",
        ),
        (
            "en-AU",
            "my daughter is only twelve and she has been having trouble with her hands at school and the GP said it "
            "could be m m n um can children get m m n",
            "mmn_children",
            "q:mmn_children.1",
        ),
    ],
)
def test_a_question_told_inside_a_story_is_answered(skill, locale, said, question_id, label):
    speech, answered = ask(skill, said, locale)
    assert answered == label
    assert first_sentence(locale, question_id) in speech


@pytest.mark.parametrize(
    "locale, call", [("en-US", "Call 911 now"), ("en-GB", "Call 999 now"), ("en-AU", "Call 000 now")]
)
def test_a_long_turn_naming_a_red_flag_still_alarms(skill, locale, call):
    # The question at its end alone would be answered (above); the triage reads the whole turn first.
    said = (
        "so um my husband has had m m n for years and he's on the drip right now and honestly his lips are "
        "swelling up um how long does the tiredness last after ivig"
    )
    speech, answered = ask(skill, said, locale)
    assert answered == "safety:emergency"
    assert speech.startswith(call)


@pytest.mark.parametrize(
    "said",
    [
        # a clause alone would be answered ("the drip on tuesday": a session), but it asks nothing the classifier
        # finds in the whole turn (told with a weak grip, "i can't open tins or do my buttons anymore", the whole
        # turn is the therapists' page on daily life, which answers it)
        "we went to the shops on saturday after the drip on tuesday and honestly the queue was awful and the car "
        "park was full so my daughter drove us home",
        "my wife has m m n and we went to the garden centre on sunday and honestly it was lovely um what should i "
        "plant in the shade this spring",
    ],
)
def test_a_long_turn_asking_nothing_the_bank_answers_stays_unknown(skill, said):
    _, answered = ask(skill, said, "en-US")
    assert answered == "unknown"
