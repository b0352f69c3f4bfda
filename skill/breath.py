"""One breath: spoken text split into chunks of whole sentences, each short enough to say in one breath.

A page is said a chunk at a time. Its first chunk, the lead, is what a
listener hears first, so the content puts the answer and any safety point in
it; the rest follows only when asked for.
"""

from __future__ import annotations

import functools
import re

BREATH = 30  # words: Amazon's one-breath test, and the content's rule for a page's first sentences
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z0-9\"'])")


def word_count(text: str) -> int:
    return len(text.split())


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(" ".join(text.split())) if s]


@functools.lru_cache(maxsize=1024)
def chunks(text: str) -> tuple[str, ...]:
    """``text`` as chunks of whole sentences, each at most ``BREATH`` words (a longer sentence is a chunk alone)."""
    said: list[str] = []
    current: list[str] = []
    for sentence in sentences(text):
        if current and word_count(" ".join([*current, sentence])) > BREATH:
            said.append(" ".join(current))
            current = []
        current.append(sentence)
    if current:
        said.append(" ".join(current))
    return tuple(said) or (text,)


def lead(text: str) -> str:
    """What is said first: the opening sentences, within one breath."""
    return chunks(text)[0]
