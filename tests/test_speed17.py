"""Speed work, seventh round (issue 18, section 4): the ranker's per-candidate work done once, scored the same.

Behaviour only, never timings: each quicker way equals the plain definition it replaces (the pages' nearness, one
candidate per page, the best candidates), the skill's rankings are the same with the plain ways put back, and each
test fails if its change is undone (the plain way is the one the test forbids).
"""

from __future__ import annotations

import dataclasses
import heapq
import random
import tomllib

import pytest

from eval_tools.answer_set import CORPUS
from eval_tools.evaluation import load_cases
from skill.content.model import PageRef
from skill.understanding import embeddings
from skill.understanding import ranker as ranking


@pytest.fixture(scope="module")
def bank() -> ranking.Ranker:
    return ranking.ranker("en-US")


@pytest.fixture(scope="module")
def said() -> list[str]:
    """Every top-level utterance of the question corpora, a third of them (a fixed choice)."""
    corpora = [path for path in sorted(CORPUS.rglob("*.toml")) if "cases" in tomllib.loads(path.read_text())]
    texts = sorted({case.text for case in load_cases(corpora) if not case.before})
    return texts[::3]


def _plain_one_per_page(ranked: list[ranking.Ranked]) -> list[ranking.Ranked]:
    first: dict[PageRef, ranking.Ranked] = {}
    chance: dict[PageRef, float] = {}
    for r in ranked:
        first.setdefault(r.question.ref, r)
        chance[r.question.ref] = chance.get(r.question.ref, 0.0) + r.chance
    return [dataclasses.replace(r, chance=chance[ref]) for ref, r in first.items()]


def _plain_best(scores: dict[int, float], count: int) -> list[tuple[int, float]]:
    return heapq.nlargest(count, scores.items(), key=lambda item: (item[1], -item[0]))


def test_nearness_equals_the_plain_definition_without_asking_each_question(bank, said, monkeypatch):
    folded = [bank.folded(text) for text in said] + [[], ["zzzqx"], ["ivig", "ivig", "tired"]]
    expected = [list(bank.plain_nearness(words).items()) for words in folded]
    # The pages' nearness reads the cosines in the questions' order: no dict by question id, no question's page
    # asked for on a turn.
    monkeypatch.setattr(embeddings.Embeddings, "similarities", _refuse)
    got = [list(bank._nearness(words).items()) for words in folded]
    assert got == expected
    assert any(expected) and not expected[len(said)]


def test_a_page_takes_its_best_question_and_minus_one_at_least(bank):
    meant = bank._pages_meant()
    pages = [bank.by_id[question].ref for question in bank.meanings.questions]
    assert [ref for ref, _ in meant] == list(dict.fromkeys(pages))
    values = [random.Random(7).uniform(-1.5, 1.0) for _ in pages] + [-1.0]
    for ref, cosines in meant:
        mine = [v for v, page in zip(values, pages, strict=False) if page == ref]
        assert max(cosines(values)) == max([-1.0, *mine])


def test_cosines_are_the_similarities_in_the_questions_order(bank, said):
    for text in said[:200]:
        words = bank.folded(text)
        values = bank.meanings.cosines(words)
        assert (values is None) == (not bank.meanings.similarities(words))
        if values is not None:
            assert dict(zip(bank.meanings.questions, values, strict=True)) == bank.meanings.similarities(words)


def test_one_per_page_equals_the_plain_definition_and_keeps_a_lone_candidate(bank, said):
    lists = [list(considered.ranked) for considered in map(bank.consider, said) if considered]
    pairs = 0
    for ranked in lists:
        assert ranking.one_per_page(ranked) == _plain_one_per_page(ranked)
        pages = [r.question.ref for r in ranked]
        for kept in ranking.one_per_page(ranked):
            if pages.count(kept.question.ref) == 1:
                # Not copied: the candidate itself, its chance its own.
                assert any(kept is r for r in ranked)
        pairs += len(ranked) > len(set(pages))
    assert pairs, "no ranking had two questions of one page: the sum of chances was not tried"


def test_best_of_equals_nlargest_with_ties():
    draw = random.Random(18)
    for _ in range(300):
        scores = {i: draw.choice([0.5, 1.0, draw.random()]) for i in draw.sample(range(400), draw.randint(0, 350))}
        for count in (0, 1, 40, 500):
            assert ranking.best_of(scores, count) == _plain_best(scores, count)


def test_a_ranking_needs_no_heap_with_a_key_function(bank, monkeypatch):
    monkeypatch.setattr(heapq, "nlargest", _refuse)
    assert bank.rank("can I drink alcohol after my IVIg infusion").verdict == ranking.ANSWER


def test_each_questions_page_is_made_once(bank):
    assert bank.refs == [question.ref for question in bank.questions]
    assert bank.refs is bank.refs


def test_rankings_are_the_same_with_the_plain_ways(bank, said, monkeypatch):
    quick = [_described(bank.rank(text)) for text in said]
    plain = ranking.Ranker.__new__(ranking.Ranker)
    plain.__dict__.update(bank.__dict__)
    plain.__dict__.pop("refs", None)
    monkeypatch.setattr(ranking.Ranker, "_nearness", ranking.Ranker.plain_nearness)
    monkeypatch.setattr(ranking, "one_per_page", _plain_one_per_page)
    monkeypatch.setattr(ranking, "best_of", _plain_best)
    assert [_described(plain.rank(text)) for text in said] == quick


def _described(result: ranking.Ranking) -> tuple:
    return result.verdict, [(r.question.id, r.score, r.coverage, r.chance, r.agreed) for r in result.candidates]


def _refuse(*args, **kwargs):
    raise AssertionError("the plain way was taken")
