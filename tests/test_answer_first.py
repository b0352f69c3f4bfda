"""The answer to a question of the bank comes first, from the breath of its page that says what was asked
(``skill/answer_first.py``), and nothing that tells someone what to do is passed over to get there."""

from __future__ import annotations

import pytest
from spoken import after

from skill.answer_first import answer_chunk
from skill.answers import pages_at, place_of
from skill.breath import chunks
from skill.content import load_content
from skill.understanding.replies import replies
from skill.understanding.words import words

LOCALES = ["en-US", "en-GB", "en-CA", "en-AU", "en-IN"]


@pytest.mark.parametrize(
    "asked, first",
    [
        # The kidney question has its own page since clinical review 15, W2: "what causes MMN" starts on the third
        # breath of MMN's overview.
        ("what causes mmn", "It usually starts in adults, most often between the ages of twenty and fifty"),
        ("they first told me it was carpal tunnel", "MMN can be mistaken for ALS, or for a trapped nerve"),
        ("will mmn affect my breathing or swallowing", "It usually spares speech, swallowing and breathing"),
        ("does mmn affect swallowing", "It usually spares speech, swallowing and breathing"),
    ],
)
def test_the_answer_is_the_first_thing_heard(asked, first):
    said, _ = after("en-GB", "open m m n guide", asked)
    assert first in said, said


@pytest.mark.parametrize("locale", LOCALES)
def test_no_breath_that_says_what_to_do_is_passed_over(locale):
    content = load_content(locale)
    keep = replies(locale).must_hear
    started_later = 0
    for question in content.questions:
        start = answer_chunk(content, question)
        if not start:
            continue
        started_later += 1
        said = chunks(pages_at(content, place_of(question.see))[question.see.page].text)
        for skipped in said[:start]:
            heard = f" {' '.join(words(skipped))} "
            assert not any(f" {phrase} " in heard for phrase in keep), (question.id, skipped)
        assert words(said[start])[0] not in replies(locale).leans_back, (question.id, said[start])
    assert started_later >= 10, "the rule reaches questions whose page opens on something else"


def test_a_question_whose_page_opens_with_its_answer_starts_there():
    content = load_content("en-GB")
    assert answer_chunk(content, content.question("ivig_heart_kidney")) == 0


def test_a_cancer_risk_before_the_answer_is_not_passed_over():
    # Clinical review 15, n5: "what is the TPMT test" started at TPMT, past "raises the risk of some cancers".
    content = load_content("en-AU")
    assert answer_chunk(content, content.question("azathioprine_tpmt")) == 0
