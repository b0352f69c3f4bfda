"""The training phrasings (``bank/training/``): more ways people ask the bank's questions, which the ranker learns
from and the interaction model does not carry."""

from __future__ import annotations

import json

from build_tools.interaction_model import model_path
from skill.content import load_content
from skill.understanding.ranker import ranker


def test_every_training_phrasing_is_for_a_question_the_ranker_has():
    bank = ranker("en-US")
    training = load_content().training
    assert sum(len(p) for p in training.values()) >= 4000
    assert sorted(set(training) - set(bank.by_id)) == []


def test_the_ranker_reads_a_training_phrasing_as_one_of_its_questions():
    bank = ranker("en-US")
    question_id, phrasings = next(iter(load_content().training.items()))
    said = phrasings[0]
    assert said not in bank.question(question_id).phrasings
    examples = bank.examples()
    assert (question_id, bank.terms(said)) in examples


def test_training_phrasings_are_not_values_of_the_catch_all():
    model = json.loads(model_path("en-US").read_text(encoding="utf-8"))
    types = model["interactionModel"]["languageModel"]["types"]
    values = {v["name"]["value"].lower() for t in types if t["name"] == "QUESTION" for v in t["values"]}
    bank = {p.lower() for q in load_content().questions for p in q.phrasings}
    training = {p.lower() for phrasings in load_content().training.values() for p in phrasings}
    assert len(training - bank) > 3000
    assert (training - bank) & values == set()
