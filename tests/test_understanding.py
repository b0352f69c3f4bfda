"""Understanding people's own words: the evaluation corpora through the console and the Lambda handler.

The corpora (tests/corpus) were written apart from the question bank and the
red-flag lists, from patient forums, organisation FAQs and drug leaflets. The
floors below come from bench/understanding.py; the README reports its figures.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from test_voice_quality import heard_words

from skill.content import load_content
from skill.evaluation import URGENCY, load_cases, run_console
from skill.speech import to_plain
from skill.understanding.triage import triager

CORPUS = Path(__file__).resolve().parent / "corpus"
LAMBDA = Path(__file__).resolve().parent.parent / "lambda" / "lambda_function.py"
CASES = load_cases(sorted(CORPUS.glob("*.toml")))
QUESTION_CASES = [c for c in CASES if not c.safety and c.category != "near_miss"]

# Routing accuracy floors, set a few points under what the benchmark measures, so a real regression fails.
ACCURACY_FLOOR = 0.64
SAFETY_PRECISION_FLOOR = 0.95


@pytest.fixture(scope="module")
def report():
    return run_console(CASES)


def _lambda_handler():
    spec = importlib.util.spec_from_file_location("lambda_function_for_corpus", LAMBDA)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return lambda envelope: module.lambda_handler(envelope, None)


def test_the_corpus_is_big_enough_and_has_its_safety_cases():
    safety = [c for c in CASES if c.safety]
    assert len(CASES) >= 400
    assert len(safety) >= 60
    assert sum(c.treatment_word for c in safety) >= len(safety) / 2


def test_every_safety_case_reaches_its_safety_level(report):
    missed = [(o.case.text, o.case.expect, o.got) for o in report.outcomes if o.case.safety and not o.safe]
    assert missed == []


def test_safety_is_not_raised_for_ordinary_questions(report):
    assert report.safety_precision() >= SAFETY_PRECISION_FLOOR


def test_routing_accuracy_is_above_its_floor(report):
    questions = [o for o in report.outcomes if o.case in QUESTION_CASES]
    assert report.accuracy(questions) >= ACCURACY_FLOOR


def test_no_answer_is_a_broken_sentence_or_too_long(report):
    for outcome in report.outcomes:
        said = to_plain(outcome.speech)
        assert not re.search(r"[{}]|\s[.,?]|\.\.|\b(\w+) \1\b", said), said
        assert len(heard_words(outcome.speech)) <= 90, said


def test_the_lambda_handler_answers_the_corpus_as_the_console_does(report):
    through_lambda = run_console(CASES, send=_lambda_handler())
    # The Lambda handler has a store and the console report none, so what "remember" and "forget me" say differs.
    said_with_a_store = {"command:RememberPlaceIntent", "command:ForgetMeIntent"}
    differ = [
        (a.case.text, a.got, b.got)
        for a, b in zip(report.outcomes, through_lambda.outcomes, strict=True)
        if a.got != b.got or (a.got not in said_with_a_store and to_plain(a.speech) != to_plain(b.speech))
    ]
    assert differ == []


@pytest.mark.parametrize("locale", ["en-US", "en-GB", "en-AU", "en-IN", "en-CA"])
def test_a_red_flag_beats_a_treatment_word_in_every_locale(locale):
    report = run_console([c for c in CASES if c.safety and c.treatment_word][:40], locale)
    assert all(o.safe for o in report.outcomes)
    number = {"en-US": "911", "en-CA": "911", "en-GB": "999", "en-AU": "000", "en-IN": "112 or 108"}[locale]
    emergencies = [o for o in report.outcomes if o.got == "safety:emergency"]
    assert emergencies and all(to_plain(o.speech).startswith(f"Call {number} now.") for o in emergencies)


def test_no_bank_phrasing_raises_a_safety_level():
    """The bank's phrasings are questions; a red flag among them would make its own question unreachable."""
    content, check = load_content(), triager("en-US")
    raised = [
        (q.id, p)
        for q in content.questions
        for p in q.phrasings
        if (found := check.triage(None, [p])) and not found.asking and found.level.id != "no_change"
    ]
    assert raised == []


def test_no_bank_phrasing_raises_an_alarm_in_any_treatments_context():
    """Mid-session, the triage reads what was said with the treatment in context; a question stays a question."""
    content, check = load_content(), triager("en-US")
    raised = [
        (topic, p)
        for topic in [None, *content.red_flags.treatment_words]
        for q in content.questions
        for p in q.phrasings
        if check.triage(None, [p]) is None and check.triage(None, [p], topic) is not None
    ]
    assert raised == []


def test_safety_levels_are_ordered_from_most_urgent():
    levels = [f"safety:{level.id}" for level in load_content().red_flags.levels]
    assert levels == sorted(URGENCY, key=URGENCY.get, reverse=True)
