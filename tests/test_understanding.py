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

from eval_tools.evaluation import URGENCY, load_cases, run_console
from skill.content import languages, load_content, supported_locales
from skill.speech import to_plain
from skill.understanding import classifier
from skill.understanding.ranker import ANSWER, CLARIFY, Considered, Ranked, one_per_page, ranker
from skill.understanding.triage import triager

CORPUS = Path(__file__).resolve().parent / "corpus"
LAMBDA = Path(__file__).resolve().parent.parent / "lambda" / "lambda_function.py"
CASES = load_cases(sorted(CORPUS.glob("*.toml")))
QUESTION_CASES = [c for c in CASES if not c.safety and c.category != "near_miss"]

# Routing accuracy floors, set a few points under what the benchmark measures, so a real regression fails.
ACCURACY_FLOOR = 0.69
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
    # The Lambda handler has a store and the console report none, so what "remember" and "forget me" say differs,
    # and so does the welcome of a session opened with nothing asked ("yes please"): a store knows the listener.
    said_with_a_store = {"command:RememberPlaceIntent", "command:ForgetMeIntent"}
    welcome = load_content().prompts["welcome"]
    differ = [
        (a.case.text, a.got, b.got)
        for a, b in zip(report.outcomes, through_lambda.outcomes, strict=True)
        if a.got != b.got
        or (
            a.got not in said_with_a_store
            and not to_plain(a.speech).startswith(welcome)
            and to_plain(a.speech) != to_plain(b.speech)
        )
    ]
    assert differ == []


@pytest.mark.parametrize("locale", ["en-US", "en-GB", "en-AU", "en-IN", "en-CA"])
def test_a_red_flag_beats_a_treatment_word_in_every_locale(locale):
    report = run_console([c for c in CASES if c.safety and c.treatment_word][:40], locale)
    assert all(o.safe for o in report.outcomes)
    number = {"en-US": "911", "en-CA": "911", "en-GB": "999", "en-AU": "000", "en-IN": "112"}[locale]
    call = f"Call {number} now." if locale != "en-IN" else "Call 112 now, or 108 for an ambulance."
    emergencies = [o for o in report.outcomes if o.got == "safety:emergency"]
    assert emergencies and all(to_plain(o.speech).startswith(call) for o in emergencies)


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


def test_the_shipped_classifier_was_trained_on_the_bank_as_it_is():
    """Run ``python -m build_tools.train_classifier`` after changing the bank or how text is read."""
    for language in languages():
        learned = classifier.load(language)
        assert learned is not None
        assert learned.digest == classifier.digest(ranker(supported_locales(language)[0]).examples())


def test_the_classifier_scores_text_as_the_model_it_was_exported_from():
    from scipy.sparse import hstack

    from build_tools.train_classifier import export, fit

    examples = [
        ("dose", ["ivig", "dose", "much"]),
        ("dose", ["much", "ivig", "get"]),
        ("side", ["ivig", "side", "effect"]),
        ("side", ["headach", "after", "ivig"]),
        ("cost", ["ivig", "cost", "much"]),
        ("cost", ["pay", "ivig"]),
    ]
    model, vectorisers = fit(examples)
    learned = classifier.unpack(*classifier.pack(*export(model, vectorisers, "test", keep=1.0)))
    for terms in (["much", "ivig", "cost"], ["headach", "ivig", "ivig"], ["infus", "side"]):
        features = hstack([v.transform([terms]) for v in vectorisers.values()])
        expected = dict(zip(model.classes_, model.decision_function(features)[0], strict=True))
        got = learned.scores(terms)
        assert got.keys() == expected.keys()
        assert all(abs(got[q] - expected[q]) < 1e-3 for q in got)


def test_the_classifier_is_fitted_to_convergence_or_not_shipped(monkeypatch):
    """A fit stopped before its optimum lands wherever its steps ran out, so each retrain moved near-threshold
    answers: one that runs out of steps stops the build, and one that converges gives the same weights each time."""
    from sklearn.exceptions import ConvergenceWarning

    from build_tools import train_classifier

    examples = [
        ("dose", ["ivig", "dose", "much"]),
        ("dose", ["much", "ivig", "get"]),
        ("side", ["ivig", "side", "effect"]),
        ("side", ["headach", "after", "ivig"]),
        ("cost", ["ivig", "cost", "much"]),
        ("cost", ["pay", "ivig"]),
    ]
    first, again = (classifier.pack(*train_classifier.export(*train_classifier.fit(examples), "t")) for _ in "12")
    assert first == again
    monkeypatch.setattr(train_classifier, "STEPS", 1)
    with pytest.raises(ConvergenceWarning):
        train_classifier.fit(examples)


def test_a_question_asked_in_the_words_of_its_phrasing_is_answered_not_offered_back():
    bank, content = ranker("en-US"), load_content()
    offered = [(q.id, p) for q in content.questions for p in q.phrasings if bank.rank(p).verdict == CLARIFY]
    assert offered == []
    ranking = bank.rank("is MMN the same as ALS")
    # Either question answers it: both are read by the same page.
    assert ranking.verdict == ANSWER
    assert ranking.candidates[0].question.ref == content.question("mmn_als_same").ref


def test_questions_answered_by_one_page_are_one_candidate_and_their_chances_add_up():
    bank = ranker("en-US")
    by_page: dict = {}
    for question in bank.questions:
        by_page.setdefault(question.ref, []).append(question)
    first, second = next(qs for qs in by_page.values() if len(qs) > 1)[:2]
    other = next(q for q in bank.questions if q.ref != first.ref)
    merged = one_per_page([Ranked(first, 2.0, 1.0, 0.25), Ranked(other, 1.5, 1.0, 0.3), Ranked(second, 1.0, 1.0, 0.2)])
    assert [(r.question.id, r.chance) for r in merged] == [(first.id, 0.45), (other.id, 0.3)]


def test_a_topic_named_in_passing_does_not_rule_out_the_question_the_classifier_is_sure_of():
    """ "Diagnosis" names a topic, yet the feeling is what is asked; a topic named still rules out the rest."""
    bank = ranker("en-US")
    anxious = bank.rank("i can't stop panicking since my mmn diagnosis")
    assert anxious.verdict == ANSWER
    assert anxious.candidates[0].question.id == "anxiety_after_diagnosis"
    assert bank.about["anxiety_after_diagnosis"].isdisjoint({"diagnosis"})
    scig = bank.rank("the dose of scig")
    assert all("scig" in bank.about[r.question.id] for r in scig.candidates)


def test_a_question_the_classifier_all_but_rules_out_does_not_jump_ahead_on_covered_words():
    """ "Is physiotherapy useful for this disease": every word of it is in a phrasing of "feeling low", which the
    classifier gives nothing; the page it is sure of, which the embeddings find the closest too, answers."""
    bank = ranker("en-US")
    sure, covered = bank.question("living_with_mmn.overview"), bank.question("support_feeling_low")
    assert "living_with_mmn" in bank.about[covered.id]
    considered = Considered(
        ranked=(Ranked(sure, 1.0, 0.6, 0.95, agreed=True), Ranked(covered, 0.01, 1.0, 0.0)),
        asked=("living_with_mmn", "use", "diseas"),
        among=(),
        preferred=frozenset({"living_with_mmn"}),
        facet=None,
        in_context=False,
        said=frozenset({"living_with_mmn", "use", "diseas"}),
    )
    ranking = bank.verdict(considered)
    assert (ranking.verdict, ranking.candidates[0].question.id) == (ANSWER, sure.id)
