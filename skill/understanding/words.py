"""How the skill reads free text: lowercase words, without punctuation or apostrophes, and phrase matching.

Triage and the ranker both read text this way, so a phrase in the content data
("cant breathe", "dont want") matches however it was written or heard
("can't breathe", "cannot breathe", "I. V. I. G.", "i v i g").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPELLED = re.compile(r"\b(?:[a-z]\.\s*){2,}")
_CANT = re.compile(r"\b(?:can ?not|can't)\b")
_POSSESSIVE = re.compile(r"'s\b")
_NOT_WORD = re.compile(r"[^a-z0-9_ ]+")
# "a" and "i" are words as well as letters: said beside a spelled initialism ("i a m m n", "m m n a lot"), they are
# the words; inside one ("c i d p", "a l s") they are its letters.
_WORDS_TOO = frozenset("ai")


def words(text: str) -> list[str]:
    """ "Can't breathe, since Mum's I. V. I. G.!" -> ["cant", "breathe", "since", "mum", "ivig"]."""
    text = text.lower().replace("’", "'")
    text = _SPELLED.sub(lambda m: m.group(0).replace(".", "").replace(" ", "") + " ", text)
    text = _POSSESSIVE.sub("", _CANT.sub("cant", text)).replace("'", "")
    return _spelled_out(_NOT_WORD.sub(" ", text).split())


def _spelled_out(tokens: list[str]) -> list[str]:
    """Letters said one by one read as the word they spell: "is a l s the same" -> ["is", "als", "the", "same"].

    Speech recognition writes an initialism said letter by letter as single letters ("c i d p", "g p"), whatever
    the initialism, so every run of two or more is joined. A run's last letter "a" or "i" is the word after it
    ("m m n a lot", "i v i g i think"), and so is a first "a" or "i" followed by another ("i a m" -> "i am"); "a"
    and "i" alone are words ("can i a")."""
    out: list[str] = []
    i, count = 0, len(tokens)
    while i < count:
        end = i
        while end < count and len(tokens[end]) == 1 and tokens[end].isalpha():
            end += 1
        if end == i:
            out.append(tokens[i])
            i += 1
            continue
        run = tokens[i:end]
        while len(run) > 2 and run[0] in _WORDS_TOO and run[1] in _WORDS_TOO:
            out.append(run.pop(0))
        last = [run.pop()] if len(run) > 2 and run[-1] in _WORDS_TOO else []
        spelled = len(run) > 1 and not set(run) <= _WORDS_TOO
        out += (["".join(run)] if spelled else run) + last
        i = end
    return out


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
