"""A linear classifier over the bank's phrasings, trained at build time (``train.py``) and shipped as data.

It reads text as the ranker does (folded, stemmed terms) and sees two kinds of
features, each TF-IDF weighted (sublinear) and scaled to unit length: the terms
and pairs of neighbouring terms, and the character 3- to 5-grams of each term
("infus" -> " in", "inf", ...), which catch a word's other forms and
mis-hearings the folds do not list. Scoring is a sum over a pruned table of
weights in plain Python: no numeric library is imported here, and the table
loads once, the first time a question is ranked.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from pathlib import Path

FOLDER = Path(__file__).with_name("snapshots")
CHAR_SIZES = (3, 4, 5)


def path_for(language: str) -> Path:
    return FOLDER / f"{language}.classifier.json"


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


class Classifier:
    """Question id -> score for a text's terms, from the weights ``train.py`` wrote."""

    def __init__(self, data: dict):
        self.digest: str = data["digest"]
        self.classes: list[str] = data["classes"]
        self.intercept: list[float] = data["intercept"]
        # kind -> feature -> (idf, [class, weight, class, weight, ...])
        self.tables: dict[str, dict[str, list]] = data["features"]
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
            counts = Counter(f for f in featurise(terms) if f in table)
            values = {f: (1 + math.log(n)) * table[f][0] for f, n in counts.items()}
            norm = math.sqrt(sum(v * v for v in values.values()))
            for feature, value in values.items():
                weights = table[feature][1]
                for i in range(0, len(weights), 2):
                    totals[weights[i]] = totals.get(weights[i], 0.0) + weights[i + 1] * value / norm
        return {self.classes[c]: self.intercept[c] + total for c, total in totals.items()}


def load(language: str) -> Classifier | None:
    """The checked-in classifier for a language, or None when there is none."""
    path = path_for(language)
    return Classifier(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else None


def digest(examples: list[tuple[str, list[str]]]) -> str:
    """What the classifier was trained on, as a short hash: a different bank makes a different digest."""
    return hashlib.sha256(json.dumps(examples).encode()).hexdigest()[:16]
