"""How the skill reads free text: lowercase words, without punctuation or apostrophes, and phrase matching.

Triage and the ranker both read text this way, so a phrase in the content data
("cant breathe", "dont want") matches however it was written or heard
("can't breathe", "cannot breathe", "I. V. I. G.").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPELLED = re.compile(r"\b(?:[a-z]\.\s*){2,}")
_CANT = re.compile(r"\b(?:can ?not|can't)\b")
_POSSESSIVE = re.compile(r"'s\b")
_NOT_WORD = re.compile(r"[^a-z0-9_ ]+")


def words(text: str) -> list[str]:
    """ "Can't breathe, since Mum's I. V. I. G.!" -> ["cant", "breathe", "since", "mum", "ivig"]."""
    text = text.lower().replace("’", "'")
    text = _SPELLED.sub(lambda m: m.group(0).replace(".", "").replace(" ", "") + " ", text)
    text = _POSSESSIVE.sub("", _CANT.sub("cant", text)).replace("'", "")
    return _NOT_WORD.sub(" ", text).split()


class Text:
    """A text's words, with where each word stands, so many phrases can be looked for quickly."""

    def __init__(self, text: str):
        self.tokens = words(text)
        self.where: dict[str, list[int]] = {}
        for i, token in enumerate(self.tokens):
            self.where.setdefault(token, []).append(i)


class Phrase:
    """A word or phrase to look for; a word ending in "*" matches any word it begins."""

    def __init__(self, phrase: str):
        self.parts = tuple((word, piece.endswith("*")) for piece in phrase.split() for word in words(piece))

    def positions(self, text: Text) -> list[int]:
        """Where the phrase starts in the text."""
        if not self.parts:
            return []
        word, prefix = self.parts[0]
        if prefix:
            starts = [i for token, found in text.where.items() if token.startswith(word) for i in found]
        else:
            starts = text.where.get(word, [])
        size, tokens = len(self.parts), text.tokens
        return [i for i in starts if i + size <= len(tokens) and self._at(tokens, i)]

    def _at(self, tokens: list[str], i: int) -> bool:
        return all(
            tokens[i + k].startswith(word) if prefix else tokens[i + k] == word
            for k, (word, prefix) in enumerate(self.parts)
        )


def phrases(items: Iterable[str]) -> tuple[Phrase, ...]:
    return tuple(Phrase(item) for item in items)
