"""A treatment's name as speech recognition writes it: in pieces ("high zentra", "gamma guard", "octa gram",
"cyclo fossa mide") or spelled near it ("privagen").

Recognition splits a name it does not know into common words that sound like its syllables, or writes a near
spelling. Listing every way it might do so is a phrase list with no end; instead, two or three words said together,
or one word that is no English word the ranker knows, are read as a treatment's name when, joined, they are spelled
within a few letters of it (a quarter of its letters) and start with its first letter, which recognition keeps.
Only names of treatments (the content's topics with side effects) of at least ``SHORTEST`` letters are matched:
they are rare words, so a near spelling is rarely another word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

SHORTEST = 6
JOINED = (3, 2)  # words said together that may be one name: the longest first


def distance(a: str, b: str, most: int) -> int:
    """The edit distance of ``a`` and ``b`` (insertions, deletions, substitutions), or ``most + 1`` once over
    ``most``."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        if min(current) > most:
            return most + 1
        previous = current
    return previous[-1]


class NearNames:
    """The treatments' names of one language, by first letter."""

    def __init__(self, names: Iterable[str]):
        self.by_first: dict[str, list[str]] = {}
        for name in sorted(set(names)):
            if len(name) >= SHORTEST and name.isalpha():
                self.by_first.setdefault(name[0], []).append(name)

    def nearest(self, said: str) -> str | None:
        """The name ``said`` is a near spelling of, if any (the nearest; the first in order on a tie)."""
        best, best_distance = None, None
        for name in self.by_first.get(said[:1], ()):
            most = len(name) // 4
            d = distance(said, name, most)
            if d <= most and (best_distance is None or d < best_distance):
                best, best_distance = name, d
        return best

    def at(self, tokens: list[str], i: int, known: Callable[[str], bool]) -> tuple[str, int] | None:
        """The name said at ``tokens[i]`` in pieces (two or three words joined) or misspelled (one word that is not
        ``known``), and how many words it took; or None."""
        if not self.by_first:
            return None
        for size in JOINED:
            if i + size <= len(tokens):
                name = self.nearest("".join(tokens[i : i + size]))
                if name is not None:
                    return name, size
        word = tokens[i]
        if len(word) >= SHORTEST and not known(word):
            name = self.nearest(word)
            if name is not None:
                return name, 1
        return None
