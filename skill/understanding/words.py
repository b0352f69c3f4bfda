"""How the skill reads free text: lowercase words, without punctuation or apostrophes, and phrase matching.

Triage and the ranker both read text this way, so a phrase in the content data
("cant breathe", "dont want") matches however it was written or heard
("can't breathe", "cannot breathe", "I. V. I. G.", "i v i g").

A turn's text is read by the triage, the clauses, the commands and the ranker, and the content's thousands of
phrases share few words: each text is read once (``_read`` keeps the last few thousand), and a phrase said the
same way in many places of the content is made once (``phrases``). Reading the content's phrases is most of
what building the triage costs a cold start, so the build writes each phrase's reading (``BUILT``, by
``build_tools/triage_phrases.py``) and a phrase it lists is made from that, not read again, while the file names
this module's code as its reader (``reader``).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path

_SPELLED = re.compile(r"\b(?:[a-z]\.\s*){2,}")
_CANT = re.compile(r"\b(?:can ?not|can't)\b")
_POSSESSIVE = re.compile(r"'s\b")
_NOT_WORD = re.compile(r"[^a-z0-9_ ]+")
# "a" and "i" are words as well as letters: said beside a spelled initialism ("i a m m n", "m m n a lot"), they are
# the words; inside one ("c i d p", "a l s") they are its letters.
_WORDS_TOO = frozenset("ai")
_READ_KEPT = 4096
PREFIX_KEPT = 16  # longer than any beginning the content looks for
# {"reader": ``reader()``, "phrases": {phrase: its reading (``Phrase.reading``)}} for the content's phrases, written
# by the build (``build_tools/triage_phrases.py``); not in the repository.
BUILT = Path(__file__).with_name("phrases.json")


def words(text: str) -> list[str]:
    """ "Can't breathe, since Mum's I. V. I. G.!" -> ["cant", "breathe", "since", "mum", "ivig"]."""
    return list(_read(text))


@functools.lru_cache(maxsize=_READ_KEPT)
def _read(text: str) -> tuple[str, ...]:
    text = text.lower().replace("’", "'")
    text = _SPELLED.sub(lambda m: m.group(0).replace(".", "").replace(" ", "") + " ", text)
    text = _POSSESSIVE.sub("", _CANT.sub("cant", text)).replace("'", "")
    return tuple(_spelled_out(_NOT_WORD.sub(" ", text).split()))


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
        # What a reader worked out about this text that does not change (a figure of speech's words): read many
        # times in one turn, worked out once.
        self.known: dict[object, object] = {}
        self._starting: dict[str, list[int]] | None = None

    def starting(self, prefix: str) -> list[int]:
        """Where the words beginning with ``prefix`` stand, word by word in the order first said."""
        if len(prefix) > PREFIX_KEPT:
            return [i for token, at in self.where.items() if token.startswith(prefix) for i in at]
        return self.beginnings().get(prefix, [])

    def beginnings(self) -> dict[str, list[int]]:
        """Every beginning of every word, up to ``PREFIX_KEPT`` letters -> where the words beginning so stand."""
        if self._starting is None:
            # Every beginning of every word, once (the content's phrases ask for hundreds of beginnings a turn), up to
            # a length, so a word thousands of letters long costs no more than a long word.
            self._starting = {}
            for token, at in self.where.items():
                for end in range(1, min(len(token), PREFIX_KEPT) + 1):
                    self._starting.setdefault(token[:end], []).extend(at)
        return self._starting


def _parts(phrase: str) -> tuple[tuple[str, bool], ...]:
    """A phrase's words, each with whether it matches any word it begins ("bump*"). The words between those are
    read together, as a text is, so a phrase spelled letter by letter ("i v i g") is the word a text reads ("ivig")."""
    parts: list[tuple[str, bool]] = []
    plain: list[str] = []
    for piece in [*phrase.split(), ""]:
        if piece.endswith("*") or not piece:
            parts += [(word, False) for word in words(" ".join(plain))]
            plain.clear()
            parts += [(word, True) for word in words(piece)]
        else:
            plain.append(piece)
    return tuple(parts)


class Phrase:
    """A word or phrase to look for; a word ending in "*" matches any word it begins."""

    def __init__(self, phrase: str, parts: tuple[tuple[str, bool], ...] | None = None):
        """``parts``: the phrase as ``_parts`` reads it, when that is known already (``BUILT``)."""
        self.parts = _parts(phrase) if parts is None else parts
        self._first, self._prefix = self.parts[0] if self.parts else ("", False)

    def reading(self) -> str:
        """The parts as one string, a word that matches any word it begins marked "*" ("bump* into"): the read
        words have no "*" nor space, so ``_from_reading`` gives the parts back."""
        return " ".join(f"{word}*" if prefix else word for word, prefix in self.parts)

    def positions(self, text: Text) -> tuple[int, ...]:
        """Where the phrase starts in the text."""
        # Most phrases' first word is not in a text at all: that answer costs one look-up.
        if self._prefix:
            starts: Iterable[int] = text.starting(self._first)
        else:
            starts = text.where.get(self._first, ())
        if not starts or not self.parts:
            return ()
        size, tokens = len(self.parts), text.tokens
        return tuple(i for i in starts if i + size <= len(tokens) and self._at(tokens, i))

    def _at(self, tokens: list[str], i: int) -> bool:
        return all(
            tokens[i + k].startswith(word) if prefix else tokens[i + k] == word
            for k, (word, prefix) in enumerate(self.parts)
        )


class Phrases(tuple[Phrase, ...]):
    """Phrases looked for together, indexed by their first word: a text is compared only with the phrases whose first
    word it says, and with those whose first word is the beginning of one it says ("swell*")."""

    _by_first: dict[str, list[Phrase]]
    _by_beginning: dict[str, list[Phrase]]
    _long_prefixed: tuple[Phrase, ...]

    def __new__(cls, items: Iterable[Phrase]) -> Phrases:
        self = super().__new__(cls, items)
        self._by_first, self._by_beginning = {}, {}
        for phrase in self:
            if phrase.parts and not phrase._prefix:
                self._by_first.setdefault(phrase._first, []).append(phrase)
            elif phrase._prefix and len(phrase._first) <= PREFIX_KEPT:
                self._by_beginning.setdefault(phrase._first, []).append(phrase)
        # A beginning longer than a text keeps of its words (``Text.starting``) is looked for word by word.
        self._long_prefixed = tuple(p for p in self if p._prefix and len(p._first) > PREFIX_KEPT)
        return self

    def said_in(self, text: Text) -> list[Phrase]:
        """The phrases that may start in the text: every other one cannot (its first word is not said)."""
        found = list(self._long_prefixed)
        for word in text.where.keys() & self._by_first.keys():
            found += self._by_first[word]
        if self._by_beginning:
            for beginning in text.beginnings().keys() & self._by_beginning.keys():
                found += self._by_beginning[beginning]
        return found

    def starts(self, text: Text) -> set[int]:
        """Where any of the phrases starts in the text."""
        return {i for phrase in self.said_in(text) for i in phrase.positions(text)}

    def spans(self, text: Text) -> set[tuple[int, int]]:
        """Where any of the phrases stands in the text: its first word's position, and the position after its last."""
        return {(i, i + len(phrase.parts)) for phrase in self.said_in(text) for i in phrase.positions(text)}


def phrases(items: Iterable[str]) -> Phrases:
    """The content's phrases, each made once and kept while the process lives: never for what a listener said."""
    return Phrases(map(_phrase, items))


_made: dict[str, Phrase] = {}


def _phrase(item: str) -> Phrase:
    phrase = _made.get(item)
    if phrase is None:
        reading = _built().get(item)
        parts = None if reading is None else _from_reading(reading)
        phrase = _made[item] = Phrase(item, parts)
    return phrase


def _from_reading(reading: str) -> tuple[tuple[str, bool], ...]:
    return tuple((word[:-1], True) if word[-1] == "*" else (word, False) for word in reading.split())


@functools.cache
def _built() -> dict[str, str]:
    """The built readings, if this module's code wrote them: a reading written by other code may differ."""
    if not BUILT.is_file():
        return {}
    built = json.loads(BUILT.read_text(encoding="utf-8"))
    return built["phrases"] if built.get("reader") == reader() else {}


def reader() -> str:
    """This module's code, as a short hash: what a phrase's reading depends on."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def readings() -> dict[str, str]:
    """Every phrase made so far (``phrases``), with its reading by this code (not the built one): what the build
    writes to ``BUILT``."""
    return {item: Phrase(item).reading() for item in _made}
