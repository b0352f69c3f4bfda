"""A linear classifier over the bank's phrasings, trained at build time (``train.py``) and shipped as data.

It reads text as the ranker does (folded, stemmed terms) and sees two kinds of
features, each TF-IDF weighted (sublinear) and scaled to unit length: the terms
and pairs of neighbouring terms, and the character 3- to 5-grams of each term
("infus" -> " in", "inf", ...), which catch a word's other forms and
mis-hearings the folds do not list. Scoring is a sum over a pruned table of
weights in plain Python: no numeric library is imported here. The weights are
stored as flat arrays (``array``), read in a few milliseconds once, the first
time a question is ranked; JSON of the same took 25-30 ms.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from array import array
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

FOLDER = Path(__file__).with_name("snapshots")
CHAR_SIZES = (3, 4, 5)


def word_features(terms: list[str]) -> list[str]:
    """The terms, and each pair of neighbours joined by "_"."""
    return terms + [f"{a}_{b}" for a, b in zip(terms, terms[1:], strict=False)]


def char_features(terms: list[str]) -> list[str]:
    """Character n-grams of each term padded with a space on each side (scikit-learn's ``char_wb``)."""
    grams = []
    for term in terms:
        padded = f" {term} "
        for size in CHAR_SIZES:
            for start in range(max(1, len(padded) - size + 1)):
                grams.append(padded[start : start + size])
                if len(padded) <= size:
                    break
    return grams


FEATURES = {"word": word_features, "char": char_features}


@dataclass(frozen=True)
class Table:
    """One kind of feature: feature -> row; each row's IDF, and its weights (``start[row]`` to
    ``start[row + 1]`` in ``questions`` and ``weights``)."""

    rows: dict[str, int]
    idf: array
    start: array
    questions: array
    weights: array


class Classifier:
    """Question id -> score for a text's terms, from the weights ``train.py`` wrote."""

    def __init__(self, header: dict, tables: dict[str, Table]):
        self.digest: str = header["digest"]
        self.classes: list[str] = header["classes"]
        self.intercept: list[float] = header["intercept"]
        self.tables = tables
        #: the decision value of a question no feature speaks for is its intercept alone
        self.floor = min(self.intercept)

    def rest(self, scored: dict[str, float], peak: float) -> float:
        """The softmax's sum over the questions no feature spoke for (their intercepts), relative to ``peak``."""
        return sum(
            math.exp(b - peak) for name, b in zip(self.classes, self.intercept, strict=True) if name not in scored
        )

    def scores(self, terms: list[str]) -> dict[str, float]:
        """Question id -> the model's decision value, for the questions any feature of ``terms`` speaks for."""
        totals: dict[int, float] = {}
        for kind, featurise in FEATURES.items():
            table = self.tables[kind]
            counts = Counter(table.rows[f] for f in featurise(terms) if f in table.rows)
            values = {row: (1 + math.log(n)) * table.idf[row] for row, n in counts.items()}
            norm = math.sqrt(sum(v * v for v in values.values()))
            for row, value in values.items():
                begin, end = table.start[row], table.start[row + 1]
                # Slices of the arrays, not an index at a time: two fewer lookups for each of thousands of weights.
                for question, weight in zip(table.questions[begin:end], table.weights[begin:end], strict=True):
                    totals[question] = totals.get(question, 0.0) + weight * value / norm
        return {self.classes[c]: self.intercept[c] + total for c, total in totals.items()}


# The arrays' types, in the order they are stored; the file is little-endian.
_ARRAYS = (("idf", "f"), ("start", "I"), ("questions", "H"), ("weights", "f"))


def pack(header: dict, tables: dict[str, dict[str, tuple[float, list[tuple[int, float]]]]]) -> tuple[str, bytes]:
    """The two files of a classifier: a JSON header (what it was trained on, its questions, intercepts and feature
    names) and the arrays. ``tables``: kind -> feature -> (IDF, [(question, weight), ...])."""
    blob, names = bytearray(), {}
    for kind, table in tables.items():
        names[kind] = list(table)
        columns = {
            "idf": [idf for idf, _ in table.values()],
            "start": [0],
            "questions": [q for _, kept in table.values() for q, _ in kept],
            "weights": [w for _, kept in table.values() for _, w in kept],
        }
        for _, kept in table.values():
            columns["start"].append(columns["start"][-1] + len(kept))
        for name, code in _ARRAYS:
            values = array(code, columns[name])
            if sys.byteorder == "big":
                values.byteswap()
            blob += values.tobytes()
    return json.dumps({**header, "features": names}, separators=(",", ":")) + "\n", bytes(blob)


def unpack(header_text: str, blob: bytes) -> Classifier:
    header = json.loads(header_text)
    tables, offset = {}, 0
    for kind in FEATURES:
        names = header["features"][kind]
        arrays = {}
        for name, code in _ARRAYS:
            values = array(code)
            count = {"idf": len(names), "start": len(names) + 1}.get(name, arrays.get("start", [0])[-1])
            size = count * values.itemsize
            values.frombytes(blob[offset : offset + size])
            if sys.byteorder == "big":
                values.byteswap()
            arrays[name], offset = values, offset + size
        tables[kind] = Table(dict(zip(names, range(len(names)), strict=True)), **arrays)
    return Classifier(header, tables)


def paths_for(language: str) -> tuple[Path, Path]:
    """The header and the arrays of a language's classifier."""
    return FOLDER / f"{language}.classifier.json", FOLDER / f"{language}.classifier.bin"


def load(language: str) -> Classifier | None:
    """The checked-in classifier for a language, or None when there is none."""
    header, arrays = paths_for(language)
    if not (header.is_file() and arrays.is_file()):
        return None
    return unpack(header.read_text(encoding="utf-8"), arrays.read_bytes())


def digest(examples: list[tuple[str, list[str]]]) -> str:
    """What the classifier was trained on, as a short hash: a different bank makes a different digest."""
    return hashlib.sha256(json.dumps(examples).encode()).hexdigest()[:16]
