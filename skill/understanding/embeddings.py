"""Static word embeddings, worked out at build time (``build_tools/embed_words.py``) and shipped as data.

Words the bank never uses ("terrified", "chemist", "jabs") still mean
something close to words it does: each of English's frequent words, and each
word of the bank, has a short vector (bytes, one per dimension, and a weight
that makes frequent words count less). What was said is read as the ranker
reads it (folded, not stemmed), its known words' vectors are added up, and
the cosine with each question's vector (the mean of its phrasings', read the
same way) says how close in meaning the question is. Plain Python: the file
is read once, the first time a question is ranked, and scoring is a few
thousand multiplications.
"""

from __future__ import annotations

import json
import math
import operator
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

FOLDER = Path(__file__).with_name("snapshots")


def quantised(rows: Sequence[Sequence[float]]) -> tuple[array, list[float]]:
    """Rows as bytes (each scaled so its largest value is 127) and each row's scale back."""
    values, scales = array("b"), []
    for row in rows:
        largest = max((abs(x) for x in row), default=0.0) or 1.0
        values.extend(round(x * 127 / largest) for x in row)
        scales.append(largest / 127)
    return values, scales


@dataclass
class Embeddings:
    """Word -> vector (bytes times the word's factor), and each question's vector."""

    digest: str
    dim: int
    words: list[str]
    factors: array  # per word: its weight times its scale back from bytes
    vectors: array  # the words' rows, ``dim`` bytes each
    questions: list[str]
    question_vectors: array  # the questions' rows, ``dim`` bytes each
    row_of: dict[str, int] = field(init=False)
    rows: list[tuple[float, ...]] = field(init=False)
    norms: list[float] = field(init=False)

    def __post_init__(self) -> None:
        self.row_of = dict(zip(self.words, range(len(self.words)), strict=True))
        dim = self.dim
        # As floats, the same values: a float times a float is quicker than a float times an int, on every turn.
        self.rows = [
            tuple(map(float, self.question_vectors[i : i + dim])) for i in range(0, len(self.question_vectors), dim)
        ]
        self.norms = [math.sqrt(sum(map(operator.mul, row, row))) or 1.0 for row in self.rows]

    @classmethod
    def of(
        cls, digest: str, words: list[str], vectors: Sequence[Sequence[float]], weights: Sequence[float]
    ) -> Embeddings:
        """Embeddings of words (no questions yet) from their vectors and weights."""
        values, scales = quantised(vectors)
        factors = array("f", (w * s for w, s in zip(weights, scales, strict=True)))
        return cls(digest, len(vectors[0]), words, factors, values, [], array("b"))

    def with_questions(self, questions: list[str], vectors: Sequence[Sequence[float]]) -> Embeddings:
        """The same words with these questions' vectors."""
        values, _ = quantised(vectors)
        return Embeddings(self.digest, self.dim, self.words, self.factors, self.vectors, questions, values)

    def vector(self, terms: Sequence[str]) -> list[float] | None:
        """The weighted sum of the known words' vectors, or None when no word is known."""
        total, dim, known = [0.0] * self.dim, self.dim, False
        for term in terms:
            row = self.row_of.get(term)
            if row is None:
                continue
            factor, known = self.factors[row], True
            total = [t + factor * x for t, x in zip(total, self.vectors[row * dim : (row + 1) * dim], strict=True)]
        return total if known else None

    def similarities(self, terms: Sequence[str]) -> dict[str, float]:
        """Question id -> the cosine of its vector with the words' (empty when no word is known)."""
        values = self.cosines(terms)
        return {} if values is None else dict(zip(self.questions, values, strict=True))

    def cosines(self, terms: Sequence[str]) -> list[float] | None:
        """The cosine of each question's vector with the words', in the questions' order; None when no word is
        known."""
        said = self.vector(terms)
        if said is None:
            return None
        length = math.sqrt(sum(x * x for x in said)) or 1.0
        return [
            sum(map(operator.mul, said, row)) / (length * norm) for row, norm in zip(self.rows, self.norms, strict=True)
        ]


# The arrays' types, in the order they are stored after the JSON header line; little-endian.
_ARRAYS = (("factors", "f"), ("vectors", "b"), ("question_vectors", "b"))


def pack(table: Embeddings) -> bytes:
    """One file: a JSON header line (what it was made from, the dimensions, the questions), a line of the words
    (one space between: splitting it is ten times quicker than reading them as JSON), then the arrays."""
    header = {"digest": table.digest, "dim": table.dim, "questions": table.questions}
    blob = bytearray(json.dumps(header, separators=(",", ":")).encode() + b"\n")
    blob += " ".join(table.words).encode() + b"\n"
    for name, _ in _ARRAYS:
        values = array(getattr(table, name).typecode, getattr(table, name))
        if sys.byteorder == "big":
            values.byteswap()
        blob += values.tobytes()
    return bytes(blob)


def unpack(data: bytes) -> Embeddings:
    end = data.index(b"\n")
    header = json.loads(data[:end])
    words_end = data.index(b"\n", end + 1)
    words = data[end + 1 : words_end].decode().split(" ")
    dim, offset = header["dim"], words_end + 1
    counts = {
        "factors": len(words),
        "vectors": len(words) * dim,
        "question_vectors": len(header["questions"]) * dim,
    }
    arrays = {}
    for name, code in _ARRAYS:
        values = array(code)
        size = counts[name] * values.itemsize
        values.frombytes(data[offset : offset + size])
        if sys.byteorder == "big":
            values.byteswap()
        arrays[name], offset = values, offset + size
    return Embeddings(header["digest"], dim, words, questions=header["questions"], **arrays)


def path_for(language: str) -> Path:
    return FOLDER / f"{language}.embeddings.bin"


def load(language: str) -> Embeddings | None:
    """The checked-in embeddings for a language, or None when there are none."""
    path = path_for(language)
    return unpack(path.read_bytes()) if path.is_file() else None
