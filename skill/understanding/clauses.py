"""Finding the question in what was said: a long spoken turn split into clauses, and the ones asked as questions.

People tell a story, a feeling and their hesitations around a question ("so um my husband was diagnosed three
months ago and honestly I don't see any difference yet so like how long does it take to start working"). Ranked
whole, the story's words dilute the question's: they weigh in what must be covered, and spread the classifier's
probability. A clause ends at a filler or a discourse marker ("um", "you know", "and", "because"), which is
dropped, and before a word that starts a question ("is", "how", "do i", "is there"), unless that word follows one
that makes it part of a statement ("it is", "I can"). The words are content (``[clauses]`` in
``understanding.toml``), read as the triage and the ranker read text (``words.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .words import words

QUESTION_WORDS = 4  # a question goes on for at least this many words before another can start


@dataclass(frozen=True)
class Clause:
    words: tuple[str, ...]
    question: bool  # it starts with a word that starts a question

    @property
    def text(self) -> str:
        return " ".join(self.words)


def _table(said: Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    """Phrase -> by its first word, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in said:
        key = tuple(words(phrase))
        if key:
            table.setdefault(key[0], []).append(key)
    return {first: sorted(keys, key=len, reverse=True) for first, keys in table.items()}


def _at(table: dict[str, list[tuple[str, ...]]], tokens: list[str], i: int) -> int:
    """The length of the longest phrase of ``table`` said at ``tokens[i]``, or 0."""
    return next((len(key) for key in table.get(tokens[i], ()) if tuple(tokens[i : i + len(key)]) == key), 0)


class Splitter:
    """One language's way of splitting a turn into clauses (``[clauses]`` of its vocabulary)."""

    def __init__(self, breaks: Iterable[str], questions: Iterable[str], not_after: Iterable[str]):
        self.breaks = _table(breaks)
        self.questions = _table(questions)
        self.not_after = frozenset(w for said in not_after for w in words(said))

    def clauses(self, text: str) -> list[Clause]:
        """The clauses of ``text``, in the order said (fillers and discourse markers dropped)."""
        tokens = words(text)
        found: list[Clause] = []
        current: list[str] = []
        question, i = False, 0

        def close() -> None:
            if current:
                found.append(Clause(tuple(current), question))
                current.clear()

        while i < len(tokens):
            size = _at(self.breaks, tokens, i)
            if size:
                close()
                question, i = False, i + size
                continue
            starts = _at(self.questions, tokens, i) and (not current or tokens[i - 1] not in self.not_after)
            # A question's own words go on it ("how long does it take"), a question said after it starts another.
            if starts and not (question and len(current) < QUESTION_WORDS):
                close()
                question = True
            current.append(tokens[i])
            i += 1
        close()
        return found
