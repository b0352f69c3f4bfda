"""A small BM25 index (the Lucene variant: k1 = 1.5, b = 0.75) over documents that are lists of terms.

The question bank is a few thousand short phrasings, so an inverted index of
precomputed term weights in plain Python scores a query in well under a
millisecond, and starts without the import cost of a numeric library.
Building the index from the bank's 8,000 documents takes a cold start tens of
milliseconds, so the build writes it once (``pack``) and the skill reads it
back (``unpack``), as long as it was built from the very same documents. A
query asks for a few of its thousands of terms, so a term's postings are made
from the packed arrays the first time a query asks for them (``Postings``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import sys
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from operator import itemgetter

K1 = 1.5
B = 0.75
# The arrays a packed index holds, with their types; stored little-endian. The weights are doubles, so a packed
# index scores exactly as the one it was packed from.
_ARRAYS = (("idf", "d"), ("start", "I"), ("docs", "I"), ("weights", "d"))


class Bm25:
    def __init__(self, documents: Sequence[Sequence[str]]):
        count = len(documents)
        average = sum(len(d) for d in documents) / count if count else 0.0
        frequency = Counter(term for terms in documents for term in set(terms))
        #: term -> how much the term tells apart (inverse document frequency)
        self.idf = {term: math.log(1 + (count - df + 0.5) / (df + 0.5)) for term, df in frequency.items()}
        #: term -> {document: the term's weight in it}
        self.postings: dict[str, dict[int, float]] = {}
        for doc, terms in enumerate(documents):
            norm = K1 * (1 - B + B * len(terms) / average)
            for term, tf in Counter(terms).items():
                self.postings.setdefault(term, {})[doc] = self.idf[term] * tf / (tf + norm)

    def scores(self, query: Sequence[str]) -> dict[int, float]:
        """Document -> score, for the documents that share at least one term with ``query``.

        Each document's score is the sum of its terms' weights in the query's order, as a plain loop adds them;
        only the documents that already have a score are added to one by one, the rest are copied at C speed
        (one common query word, "MMN", is in a third of the bank)."""
        scores: dict[int, float] = {}
        for term in query:
            postings = self.postings.get(term)
            if not postings:
                continue
            added = {doc: scores[doc] + postings[doc] for doc in scores.keys() & postings.keys()}
            scores.update(postings)
            scores.update(added)
        return scores

    def top(self, query: Sequence[str], count: int) -> list[tuple[int, float]]:
        """The ``count`` best (document, score) pairs for ``query``, best first; of equal scores, the earlier
        document first."""
        scores = self.scores(query)
        if count <= 0:
            return []
        pairs = scores.items()
        if len(scores) > count:
            # Only the documents scoring at least the count-th best score can be among the best: the scores sort
            # in C, where a heap with a key function costs a Python call for each of thousands of documents.
            least = sorted(scores.values(), reverse=True)[count - 1]
            pairs = [pair for pair in pairs if pair[1] >= least]
        # In document order, then by score: a stable sort keeps the earlier document first among equal scores.
        return sorted(sorted(pairs), key=itemgetter(1), reverse=True)[:count]

    def pack(self, documents: Sequence[Sequence[str]]) -> str:
        """The index as text, with a fingerprint of the documents it was built from (``unpack`` reads it)."""
        terms = sorted(self.idf)
        columns: dict[str, list] = {"idf": [self.idf[t] for t in terms], "start": [0], "docs": [], "weights": []}
        for term in terms:
            columns["docs"].extend(self.postings[term])
            columns["weights"].extend(self.postings[term].values())
            columns["start"].append(len(columns["docs"]))
        packed = {name: _encode(array(code, columns[name])) for name, code in _ARRAYS}
        return json.dumps({"documents": fingerprint(documents), "terms": terms, **packed}) + "\n"


def unpack(text: str, documents: Sequence[Sequence[str]]) -> Bm25 | None:
    """The index ``pack`` wrote, or None when it was built from other documents than these."""
    packed = json.loads(text)
    if packed.get("documents") != fingerprint(documents):
        return None
    columns = {name: _decode(code, packed[name]) for name, code in _ARRAYS}
    index = Bm25.__new__(Bm25)
    index.idf = dict(zip(packed["terms"], columns["idf"].tolist(), strict=True))
    index.postings = Postings(packed["terms"], columns["start"], columns["docs"], columns["weights"])
    return index


class Postings(Mapping[str, dict[int, float]]):
    """Term -> {document: the term's weight in it}, as ``Bm25`` holds them, from the packed arrays: a term's are made
    the first time they are asked for, and kept."""

    def __init__(self, terms: list[str], start: array, docs: array, weights: array):
        self._row = dict(zip(terms, range(len(terms)), strict=True))
        self._start, self._docs, self._weights = start, docs, weights
        self._made: dict[str, dict[int, float]] = {}

    def get(self, term: str, default: dict[int, float] | None = None) -> dict[int, float] | None:
        made = self._made.get(term)
        if made is None:
            row = self._row.get(term)
            if row is None:
                return default
            begin, end = self._start[row], self._start[row + 1]
            made = self._made[term] = dict(zip(self._docs[begin:end], self._weights[begin:end], strict=True))
        return made

    def __getitem__(self, term: str) -> dict[int, float]:
        made = self.get(term)
        if made is None:
            raise KeyError(term)
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._row)

    def __len__(self) -> int:
        return len(self._row)


def fingerprint(documents: Sequence[Sequence[str]]) -> str:
    """A short hash of the documents, in order: another bank, or the bank read another way, has another."""
    text = "\x1e".join(map("\x1f".join, documents))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _encode(values: array) -> str:
    if sys.byteorder == "big":
        values.byteswap()
    return base64.b64encode(values.tobytes()).decode("ascii")


def _decode(code: str, text: str) -> array:
    values = array(code)
    values.frombytes(base64.b64decode(text))
    if sys.byteorder == "big":
        values.byteswap()
    return values
