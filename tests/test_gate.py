"""The learned answer gate (``skill/understanding/gate.py``): shipped as what its build tool makes, scored in plain
Python, answering only where the rules say "I don't know", and never past the classifier's floor nor out of scope."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from build_tools import train_gate
from eval_tools.evaluation import _fits as fits
from eval_tools.evaluation import _label as label_of
from eval_tools.evaluation import for_ranker, load_cases
from skill.content import languages
from skill.understanding import gate
from skill.understanding.ranker import ANSWER, CLARIFY, UNKNOWN, one_per_page, ranker

CORPUS = Path(__file__).resolve().parent / "corpus"


def test_the_shipped_gate_was_trained_from_the_corpora_and_models_as_they_are():
    """Run ``python -m build_tools.train_gate`` after ``train_classifier`` and ``embed_words``, or a corpus change."""
    for language in languages():
        shipped = gate.load(language)
        assert shipped is not None
        assert shipped.digest == train_gate.digest(language)


def test_the_shipped_gate_is_what_its_build_tool_makes():
    for language in languages():
        shipped, made = gate.load(language), train_gate.build(language)
        assert shipped is not None
        assert shipped.threshold == pytest.approx(made.threshold)
        assert shipped.bias == pytest.approx(made.bias, abs=1e-4)
        assert shipped.weights == pytest.approx(made.weights, abs=1e-4)


def test_the_gate_is_a_logistic_regression_in_plain_python_and_reads_back_as_written():
    small = gate.Gate(tuple(0.5 if i % 2 else -0.25 for i in range(len(gate.NAMES))), -0.3, 0.6, "abc")
    features = [0.1 * i for i in range(len(gate.NAMES))]
    z = -0.3 + sum(w * x for w, x in zip(small.weights, features, strict=True))
    assert small.probability(features) == pytest.approx(1 / (1 + math.exp(-z)))
    assert small.answers(features) == (1 / (1 + math.exp(-z)) >= 0.6)
    back = gate.from_json(small.to_json())
    assert back is not None and back.threshold == 0.6 and back.digest == "abc"
    assert back.weights == pytest.approx(small.weights)
    # A file made for other features is not read as this gate.
    assert gate.from_json(small.to_json().replace('"near_margin"', '"other"')) is None


def _with_and_without_the_gate(files: list[Path]):
    """Each single question of ``files`` with the rules' verdict alone and with the gate."""
    bank = ranker("en-US")
    kept = bank.gate
    assert kept is not None
    for case in (c for c in load_cases(files) if for_ranker(c)):
        considered = bank.consider(case.text)
        if considered is None:
            continue
        bank.gate = None
        rules = bank.verdict(considered)
        bank.gate = kept
        yield case, rules, bank.verdict(considered)


def test_what_the_gate_answers_where_the_rules_do_not_is_mostly_right():
    """Over every labelled corpus, the questions the rules leave unanswered and the gate answers: some, and right at
    least twice as often as wrong (the point it was trained for; a retrained gate is held to the same)."""
    files = sorted(CORPUS.glob("*.toml")) + sorted((CORPUS / "blind").glob("*.toml"))
    right = wrong = 0
    for case, rules, gated in _with_and_without_the_gate(files):
        if rules.verdict == UNKNOWN and gated.verdict == ANSWER:
            got = label_of(gated.candidates[0].question.ref)
            right += any(fits(e, got) for e in case.expect)
            wrong += not any(fits(e, got) for e in case.expect)
    assert right >= 20 and right >= 2 * wrong, (right, wrong)


@pytest.mark.parametrize(
    "said",
    [
        "what's the best football team in england",
        "how do i bake sourdough bread",
        "could my grandchildren end up with mmn one day",  # the best candidate, whether it is catching, is a near twin
    ],
)
def test_the_gate_does_not_answer_everything(said: str) -> None:
    assert ranker("en-US").rank(said).verdict == UNKNOWN


def test_the_rules_answers_and_their_do_you_mean_stay_as_they_were():
    """The gate only answers where the rules say "I don't know": every single question of the corpora the rules
    answered or offered as two is ranked the same with the gate."""
    least = ranker("en-US").policy.least_chance
    for case, rules, gated in _with_and_without_the_gate(sorted(CORPUS.glob("*.toml"))):
        if rules.verdict != UNKNOWN:
            assert gated == rules, case.text
        elif gated.verdict == ANSWER:
            # Never past the classifier's floor: a page it all but rules out is no answer.
            assert gated.candidates[0].chance >= least


def test_do_you_mean_never_offers_two_questions_one_page_answers():
    """Issue 16 §1: clarify only between candidates whose answers differ; candidates that land on one page are
    one."""
    bank = ranker("en-US")
    cases = [c for c in load_cases([*sorted(CORPUS.glob("*.toml")), *sorted((CORPUS / "blind").glob("*.toml"))])]
    asked = 0
    for case in cases:
        ranking = bank.rank(case.text)
        if ranking.verdict == CLARIFY:
            asked += 1
            first, second = ranking.candidates
            assert first.question.ref != second.question.ref, case.text
            assert bank.question(first.question.id).ref != bank.question(second.question.id).ref
    assert asked > 0
    # And the collapse itself: two questions of one page are one candidate, their chances added.
    ranked = bank.consider("how much does ivig cost").ranked
    merged = one_per_page(list(ranked))
    assert len({r.question.ref for r in merged}) == len(merged)
