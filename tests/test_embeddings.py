"""The ranker's word embeddings: the file format and the scoring on small data made here, the shipped file against
the bank, and paraphrases in words the bank never uses that they bring to the right page, in full request
envelopes through the console, in every locale."""

from __future__ import annotations

import math

import pytest
from conftest import speech_of

from build_tools.interaction_model import model_path
from local_console.console import Console
from local_console.nlu import LocalNlu
from skill.app import build_skill
from skill.content import languages, supported_locales
from skill.understanding import classifier, embeddings
from skill.understanding.ranker import ranker

WORDS = ["needle", "scared", "cost", "the"]
VECTORS = [[1.0, 0.0, 0.2], [0.1, 1.0, 0.0], [0.0, 0.1, -1.0], [0.5, 0.5, 0.5]]
WEIGHTS = [1.0, 0.5, 1.0, 0.01]


def _cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True)) / math.hypot(*a) / math.hypot(*b)


def _small() -> embeddings.Embeddings:
    words = embeddings.Embeddings.of("test", WORDS, VECTORS, WEIGHTS)
    return words.with_questions(["needles", "costs"], [[0.9, 0.6, 0.1], [0.0, 0.0, -1.0]])


def test_a_packed_table_reads_back_the_same():
    table = _small()
    read = embeddings.unpack(embeddings.pack(table))
    assert (read.digest, read.dim, read.words, read.questions) == ("test", 3, WORDS, ["needles", "costs"])
    assert read.similarities(["scared", "needle"]) == table.similarities(["scared", "needle"])


def test_the_words_are_weighted_summed_and_compared_by_cosine():
    got = _small().similarities(["scared", "needle", "unheard", "the"])
    known = [WORDS.index(w) for w in ("scared", "needle", "the")]
    said = [sum(WEIGHTS[k] * VECTORS[k][i] for k in known) for i in range(3)]
    expected = {"needles": _cosine(said, [0.9, 0.6, 0.1]), "costs": _cosine(said, [0.0, 0.0, -1.0])}
    # Bytes, not floats: a small rounding error.
    assert got.keys() == expected.keys()
    assert all(abs(got[q] - expected[q]) < 0.02 for q in got)
    assert max(got, key=got.get) == "needles"


def test_words_it_does_not_know_say_nothing():
    assert _small().similarities(["unheard", "words"]) == {}
    assert _small().vector([]) is None


def test_the_shipped_embeddings_were_made_from_the_bank_as_it_is():
    """Run ``python -m build_tools.embed_words`` after changing the bank or how text is read."""
    for language in languages():
        table = embeddings.load(language)
        bank = ranker(supported_locales(language)[0])
        assert table is not None
        assert table.digest == classifier.digest(bank.examples())
        assert table.questions == [q.id for q in bank.questions]
        # Every word of the bank has a vector, so the bank's own words are never read as unknown.
        missing = {w for asked in bank.asked_as for p in asked for w in bank.folded(p)} - set(table.row_of)
        assert missing == set()


LOCALES = ("en-US", "en-CA", "en-GB", "en-AU", "en-IN")
# Paraphrases in the listener's own words ("doohickey" and "contraption" are in no phrasing of the bank), and
# what the right page says first.
# ("are scientists close to a cure" and "i'm petrified about the future with mmn" were answered this way too, until
# the bank grew by five subjects: the classifier's chance for their pages fell below the operating point; and
# "i missed a jab of scig what now" is now answered by the classifier alone, as is "is there a gizmo for doing
# buttons" since the classifier is trained to convergence. The embeddings' gain is that small, and lies that near the
# point; README, "Static word embeddings".)
UNSEEN = [
    ("is there a doohickey for doing buttons", "physical and occupational therapists"),
    ("any contraption for opening jars", "physical and occupational therapists"),
]
# Questions the classifier alone is not sure enough of, answered because the embeddings find the same page closest
# ("gizmo" was one until the fifth writer round's phrasings made the classifier sure of the aids page: 0.95).
AGREED = [
    ("does mmn give you cramps", "Other signs of MMN include cramps"),
]


@pytest.fixture(scope="module")
def built():
    return build_skill()


def _ask(built, question: str, locale: str) -> str:
    """A one-shot question from a fresh session, in full request envelopes through the console."""
    return speech_of(Console(built, LocalNlu.from_file(model_path(locale)), locale).say(question))


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("question, heard", UNSEEN)
def test_words_the_bank_never_uses_reach_the_right_page(built, locale, question, heard):
    assert heard in _ask(built, question, locale)


@pytest.mark.parametrize("question, heard", AGREED)
def test_without_the_embeddings_those_words_are_not_understood(built, monkeypatch, question, heard):
    """The embeddings' doing: with them the question is answered, without them it is not."""
    assert heard in _ask(built, question, "en-GB")
    monkeypatch.setattr(ranker("en-US"), "meanings", None)
    said = _ask(built, question, "en-GB")
    assert heard not in said
    assert "don't know" in said


def test_the_build_averages_each_questions_phrasings_as_the_skill_reads_them(monkeypatch):
    """``build_tools.embed_words`` on a bank of two questions and a stand-in for WordLlama (a fixed random vector a
    word): each question's vector is its phrasings' mean, so its own words find it."""
    import zlib
    from types import SimpleNamespace

    import numpy as np

    from build_tools import embed_words

    monkeypatch.setattr(embed_words, "FREQUENT", 200)

    class Model:
        def embed(self, texts: list[str], norm: bool) -> np.ndarray:
            return np.array([np.random.default_rng(zlib.crc32(t.encode())).normal(size=256) for t in texts])

    bank = SimpleNamespace(
        asked_as=[("needle fear", "scared of needles"), ("what does it cost", "the price")],
        folded=lambda text, spoken=True: text.split(),
        examples=lambda: [("a", ["needl"]), ("b", ["cost"])],
        questions=[SimpleNamespace(id="a"), SimpleNamespace(id="b")],
    )
    table = embeddings.unpack(embeddings.pack(embed_words.build(bank, "en", Model())))
    assert table.questions == ["a", "b"]
    assert {"needle", "fear", "scared", "needles", "price"} <= set(table.row_of)
    for said, question in ((["scared", "needles"], "a"), (["price"], "b"), (["cost"], "b")):
        close = table.similarities(said)
        assert max(close, key=close.get) == question
