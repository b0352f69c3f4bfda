"""Short replies that are not questions: "what?", "hold on", "thanks", and the answer to "Do you mean A, or B?".

A reply is one of these only when it is all that was said, fillers aside
("oh, thanks" closes; "thanks, and what about SCIg?" is a question). The words
are content (``replies.toml``), read the way the triage and the ranker read
text (``words.py``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..content import data_file, language_of
from .words import words

REPEAT = "repeat"
WAIT = "wait"
THANKS = "thanks"
LOST = "lost"
BOTH = "both"
NEITHER = "neither"


def _said(phrase: str) -> tuple[str, ...]:
    return tuple(words(phrase))


@dataclass(frozen=True)
class Replies:
    """One language's words for short replies."""

    fillers: frozenset[str]
    repeat: frozenset[tuple[str, ...]]
    wait: frozenset[tuple[str, ...]]
    lost: frozenset[tuple[str, ...]]
    thanks: tuple[tuple[str, ...], ...]
    closing_words: frozenset[str]
    ordinals: dict[str, str]  # word -> "first", "second" or "last"
    before: frozenset[str]
    after: frozenset[str]
    both: frozenset[tuple[str, ...]]
    neither: frozenset[tuple[str, ...]]

    def kind_of(self, text: str) -> str | None:
        """``REPEAT``, ``WAIT``, ``LOST`` or ``THANKS`` when that is all that was said; otherwise None."""
        said = tuple(words(text))
        if not said:
            return None
        if said in self.wait or all(word in self.fillers and (word,) in self.wait for word in said):
            return WAIT
        kept = self._kept(said)
        if said in self.repeat or kept in self.repeat:
            return REPEAT
        if kept in self.wait:
            return WAIT
        if said in self.lost or kept in self.lost:
            return LOST
        if self._closing(said):
            return THANKS
        return None

    def choice_in(self, text: str, count: int) -> int | str | None:
        """What a reply to "Do you mean A, or B?" picks among ``count`` choices: an index ("number two" -> 1),
        ``BOTH``, ``NEITHER``, or None when it is something else (a new question)."""
        said = tuple(words(text))
        kept = self._kept(said)
        if said in self.both or kept in self.both:
            return BOTH
        if said in self.neither or kept in self.neither:
            return NEITHER
        if len(kept) > 1 and kept[0] in self.before:
            kept = kept[1:]
        if len(kept) > 1 and kept[-1] in self.after:
            kept = kept[:-1]
        if len(kept) != 1 or kept[0] not in self.ordinals or count < 1:
            return None
        which = self.ordinals[kept[0]]
        index = {"first": 0, "second": 1, "last": count - 1}[which]
        return index if index < count else None

    def _kept(self, said: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(word for word in said if word not in self.fillers)

    def _closing(self, said: tuple[str, ...]) -> bool:
        if not all(word in self.closing_words or word in self.fillers for word in said):
            return False
        return any(said[i : i + len(p)] == p for p in self.thanks for i in range(len(said)))


@functools.cache
def replies(locale: str) -> Replies:
    """The short-reply words of a locale's language, read once."""
    data = data_file(language_of(locale), "replies")
    choosing = data["choosing"]
    return Replies(
        fillers=frozenset(w for f in data["fillers"] for w in words(f)),
        repeat=frozenset(map(_said, data["repeat"])),
        wait=frozenset(map(_said, data["wait"])),
        lost=frozenset(map(_said, data["lost"])),
        thanks=tuple(map(_said, data["thanks"])),
        closing_words=frozenset(w for f in data["closing_words"] for w in words(f)),
        ordinals={w: which for which in ("first", "second", "last") for f in choosing[which] for w in words(f)},
        before=frozenset(choosing["before"]),
        after=frozenset(choosing["after"]),
        both=frozenset(map(_said, choosing["both"])),
        neither=frozenset(map(_said, choosing["neither"])),
    )
