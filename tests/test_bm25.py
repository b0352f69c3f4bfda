"""The BM25 index: its fast scoring and ranking give what the plain definitions give, and the skill reads the
index the build wrote instead of building it."""

from __future__ import annotations

import heapq
import random

import pytest

from skill.understanding import bm25, ranker, snapshot
from skill.understanding.bm25 import Bm25


def plain_scores(index: Bm25, query: list[str]) -> dict[int, float]:
    """BM25 by its definition: each document's weights added in the query's order."""
    scores: dict[int, float] = {}
    for term in query:
        for doc, weight in index.postings.get(term, {}).items():
            scores[doc] = scores.get(doc, 0.0) + weight
    return scores


def random_documents(seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(30)]
    # Few words, often repeated in a document, so that scores tie and terms recur.
    return [[rng.choice(vocabulary[: rng.randint(2, 30)]) for _ in range(rng.randint(1, 8))] for _ in range(300)]


@pytest.mark.parametrize("seed", range(20))
def test_scores_and_top_documents_are_those_of_the_plain_definitions(seed):
    rng = random.Random(seed)
    index = Bm25(random_documents(seed))
    for _ in range(20):
        query = [f"w{rng.randrange(32)}" for _ in range(rng.randint(1, 6))]
        plain = plain_scores(index, query)
        assert index.scores(query) == plain
        for count in (1, 5, 40, 1000):
            best = heapq.nlargest(count, plain.items(), key=lambda item: (item[1], -item[0]))
            assert index.top(query, count) == best


def test_the_bank_index_ranks_the_corpus_words_as_the_plain_definitions_do():
    bank = ranker.ranker("en-US")
    for query in (["drop", "grip", "cup", "mmn"], ["mmn"], ["ivig", "side", "effect"], ["unknownword"]):
        query = [t for t in query if t in bank.idf]
        plain = plain_scores(bank.index, query)
        best = heapq.nlargest(160, plain.items(), key=lambda item: (item[1], -item[0]))
        assert bank.index.top(query, 160) == best


def test_a_packed_index_reads_back_the_same_weights():
    documents = random_documents(1)
    built = Bm25(documents)
    read = bm25.unpack(built.pack(documents), documents)
    assert read is not None
    assert read.idf == built.idf and read.postings == built.postings


def test_a_read_index_makes_a_terms_postings_only_when_a_query_asks_for_them():
    """A cold start's first question asks for a few of the bank's thousands of terms: the rest stay packed."""
    documents = random_documents(4)
    built = Bm25(documents)
    read = bm25.unpack(built.pack(documents), documents)
    assert read is not None and not read.postings._made
    query = ["w1", "w3", "absent", "w1"]
    assert read.scores(query) == built.scores(query) and read.top(query, 5) == built.top(query, 5)
    assert set(read.postings._made) == {"w1", "w3"}
    assert read.postings.get("absent") is None and "absent" not in read.postings and "w2" in read.postings


def test_an_index_packed_from_other_documents_is_not_used():
    documents = random_documents(2)
    packed = Bm25(documents).pack(documents)
    changed = [*documents[:-1], [*documents[-1], "w0"]]
    assert bm25.unpack(packed, changed) is None
    assert bm25.unpack(packed, documents[1:]) is None


def test_the_skill_reads_the_index_the_build_wrote_instead_of_building_it(monkeypatch):
    def no_build(self, documents):
        raise AssertionError("the BM25 index was built at start-up")

    monkeypatch.setattr(Bm25, "__init__", no_build)
    bank = ranker._ranker.__wrapped__("en")
    assert bank.index.postings and bank.rank("what are the side effects of IVIG").verdict == ranker.ANSWER


def test_the_written_index_is_the_one_built_from_the_bank():
    bank = ranker.ranker("en-US")
    built = Bm25(bank.documents)
    assert bank.index.idf == built.idf and bank.index.postings == built.postings


def test_an_index_written_for_another_bank_is_built_afresh(monkeypatch, tmp_path):
    documents = random_documents(3)
    monkeypatch.setattr(snapshot, "FOLDER", tmp_path)
    snapshot.index_path_for("xx").write_text(Bm25(documents).pack(documents[1:]), encoding="utf-8")
    assert snapshot.index("xx", documents).postings == Bm25(documents).postings
