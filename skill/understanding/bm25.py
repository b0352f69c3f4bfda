"""A small BM25 index (the Lucene variant: k1 = 1.5, b = 0.75) over documents that are lists of terms.

The question bank is a few thousand short phrasings, so an inverted index of
precomputed term weights in plain Python scores a query in well under a
millisecond, and starts without the import cost of a numeric library.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

K1 = 1.5
B = 0.75


class Bm25:
    def __init__(self, documents: Sequence[Sequence[str]]):
        count = len(documents)
        average = sum(len(d) for d in documents) / count if count else 0.0
        frequency = Counter(term for terms in documents for term in set(terms))
        #: term -> how much the term tells apart (inverse document frequency)
        self.idf = {term: math.log(1 + (count - df + 0.5) / (df + 0.5)) for term, df in frequency.items()}
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for doc, terms in enumerate(documents):
            norm = K1 * (1 - B + B * len(terms) / average)
            for term, tf in Counter(terms).items():
                self._postings.setdefault(term, []).append((doc, self.idf[term] * tf / (tf + norm)))

    def scores(self, query: Sequence[str]) -> dict[int, float]:
        """Document -> score, for the documents that share at least one term with ``query``."""
        scores: dict[int, float] = {}
        for term in query:
            for doc, weight in self._postings.get(term, ()):
                scores[doc] = scores.get(doc, 0.0) + weight
        return scores
