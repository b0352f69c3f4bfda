"""How free text is read fast changes nothing the triage finds, and each saving stays in place (issue 18, section 4).

The fast paths: a text's words read once (``words._read``), a phrase said in many places of the content made once
(``words.phrases``), a word's beginnings found by one table (``Text.starting``), a figure of speech's words found
once per text (``triage._CompiledFigure.covers``), a group of phrases compared only where its first words are
(``words.Phrases``, by whole words and by beginnings), a level's signs tried only where their first words are
(``triage._BySaid``), and the embeddings' question rows kept as floats. Each is checked against the plain definition
it replaces, and for its saving. No timing is asserted.
"""

from __future__ import annotations

import math
import operator
import random

from eval_tools.answer_set import CORPUS
from eval_tools.evaluation import load_cases
from skill.content import load_content
from skill.understanding import embeddings, triage, words
from skill.understanding.triage import Triager, triager
from skill.understanding.words import Phrase, Phrases, Text, phrases

SAID = [(case.locale, case.text) for case in load_cases(sorted(CORPUS.glob("*.toml")))]


def plain_positions(phrase: Phrase, text: Text) -> list[int]:
    """Where the phrase starts in the text, by the definition, in the order its first word is first said."""
    size, tokens = len(phrase.parts), text.tokens
    found = [
        i
        for i in range(len(tokens) - size + 1)
        if size
        and all(
            tokens[i + k].startswith(word) if prefix else tokens[i + k] == word
            for k, (word, prefix) in enumerate(phrase.parts)
        )
    ]
    first_said = {token: n for n, token in enumerate(text.where)}
    return sorted(found, key=lambda i: (first_said[tokens[i]], i))


def plain_starts(found: Phrases, text: Text) -> set[int]:
    return {i for phrase in found for i in plain_positions(phrase, text)}


def _triaged() -> dict[tuple[str, str, str | None], triage.Triage | None]:
    return {
        (locale, text, topic): triager(locale).triage("QuestionIntent", [text], topic)
        for locale, text in SAID
        for topic in (None, "ivig")
    }


def test_the_triage_finds_what_the_plain_reading_finds(monkeypatch):
    fast = _triaged()
    # The plain reading: every phrase compared word by word, every figure of speech looked for each time it is asked.
    monkeypatch.setattr(Phrase, "positions", plain_positions)
    monkeypatch.setattr(Phrases, "starts", plain_starts)
    monkeypatch.setattr(triage._CompiledFigure, "covers", triage._CompiledFigure._covers)
    monkeypatch.setattr(Phrases, "said_in", lambda found, text: list(found))
    monkeypatch.setattr(triage._BySaid, "tried", lambda by_said, texts: list(by_said.signs))
    assert _triaged() == fast
    assert len(SAID) > 500 and sum(found is not None for found in fast.values()) > 100  # signs among them


def test_a_words_beginnings_are_found_as_by_looking_at_every_word():
    letters = "abcs"
    rng = random.Random(18)
    for _ in range(300):
        said = " ".join("".join(rng.choices(letters, k=rng.randint(1, 22))) for _ in range(rng.randint(0, 9)))
        text = Text(said)
        for prefix in {*("".join(rng.choices(letters, k=n)) for n in (1, 2, 3, 17, 20)), *text.tokens}:
            expected = [i for token, at in text.where.items() if token.startswith(prefix) for i in at]
            assert list(text.starting(prefix)) == expected, (said, prefix)


def test_a_phrase_is_read_by_the_definition():
    rng = random.Random(4)
    vocabulary = ["a", "ab", "abc", "b", "cant", "dont"]
    for _ in range(500):
        text = Text(" ".join(rng.choices(vocabulary, k=rng.randint(0, 8))))
        phrase = Phrase(" ".join(rng.choice(vocabulary) + rng.choice(["", "*"]) for _ in range(rng.randint(1, 3))))
        assert list(phrase.positions(text)) == plain_positions(phrase, text)


def test_phrases_together_start_where_each_starts():
    rng = random.Random(7)
    vocabulary = ["a", "ab", "abc", "b", "cant", "dont"]
    for _ in range(500):
        text = Text(" ".join(rng.choices(vocabulary, k=rng.randint(0, 8))))
        found = phrases(
            " ".join(rng.choice(vocabulary) + rng.choice(["", "*"]) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(0, 6))
        )
        assert found.starts(text) == plain_starts(found, text)


def test_each_phrase_and_each_piece_of_the_content_is_read_once(monkeypatch):
    made: list[str] = []
    real = Phrase.__init__

    def counted(self: Phrase, phrase: str, parts=None) -> None:
        made.append(phrase)
        real(self, phrase, parts)

    words._made.clear()
    words._read.cache_clear()
    monkeypatch.setattr(Phrase, "__init__", counted)
    Triager(load_content("en-US"))
    assert made and len(made) == len(set(made))  # the same phrase in two signs is one phrase
    pieces = {piece for phrase in made for piece in phrase.split()}
    assert words._read.cache_info().misses <= len(pieces) + len(set(made))
    assert phrases(["chest pain"])[0] is phrases(["chest pain"])[0]


def test_a_text_is_compared_only_with_the_signs_and_phrases_whose_first_words_it_says(monkeypatch):
    signs: list[str] = []
    compared: list[tuple[tuple[str, bool], ...]] = []
    real_where, real_positions = triage._CompiledSign.where, Phrase.positions

    def where(self, text, excused=frozenset()):
        signs.append(self.sign.id)
        return real_where(self, text, excused)

    def positions(self, text):
        compared.append(self.parts)
        return real_positions(self, text)

    monkeypatch.setattr(triage._CompiledSign, "where", where)
    monkeypatch.setattr(Phrase, "positions", positions)
    read = triager("en-US")
    assert read.triage("QuestionIntent", ["zzz qqq"], None) is None
    # Only the plans said without a change word ("I'll only go every other time"), read with the word for any
    # treatment added, are tried (and passed over at once); no phrase is compared with the words.
    assert set(signs) <= {c.sign.id for c in read.planned}
    assert compared == []
    signs.clear()
    found = read.triage("QuestionIntent", ["he has chest pain"], None)
    assert found is not None and found.level.id == triage.EMERGENCY
    every = {c.sign.id for _, level in read.levels for c in level}
    assert 0 < len(every & set(signs)) < len(every) / 4


def test_a_turns_text_is_read_once_and_each_figure_found_once(monkeypatch):
    looked: list[tuple[int, int]] = []
    real = triage._CompiledFigure._covers

    def counted(self, text):
        looked.append((id(self), id(text)))
        return real(self, text)

    monkeypatch.setattr(triage._CompiledFigure, "_covers", counted)
    said = "my chest pain is killing me since his ivig, this bill is giving me a heart attack"
    triager("en-US").triage("QuestionIntent", [said], None)
    assert looked and len(looked) == len(set(looked))
    before = words._read.cache_info().misses
    assert words.words(said) == words.words(said) == words.words(said)
    assert words._read.cache_info().misses == before + 1


def test_the_embeddings_rows_are_floats_and_score_as_the_stored_bytes_do():
    table = embeddings.load("en")
    assert all(type(x) is float for row in table.rows for x in row)
    terms = ["ivig", "tired", "headache", "terrified", "drive"]
    plain_rows = [
        tuple(table.question_vectors[i : i + table.dim]) for i in range(0, len(table.question_vectors), table.dim)
    ]
    said = table.vector(terms)
    length = math.sqrt(sum(x * x for x in said)) or 1.0
    plain = {
        question: sum(map(operator.mul, said, row)) / (length * (math.sqrt(sum(x * x for x in row)) or 1.0))
        for question, row in zip(table.questions, plain_rows, strict=True)
    }
    assert table.similarities(terms) == plain
