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
    ``most``.

    Only the band of cells within ``most`` of the diagonal is worked out: a cell outside it is more than ``most``
    (its row and column differ by more), and every cell is counted at most ``most + 1``, which leaves every
    distance up to ``most`` exact."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    over, last = most + 1, len(b)
    previous = [j if j <= most else over for j in range(last + 1)]
    for i, x in enumerate(a, 1):
        current = [over] * (last + 1)
        if i <= most:
            current[0] = i
        low, high = max(1, i - most), min(last, i + most)
        for j in range(low, high + 1):
            cost = previous[j - 1] + (x != b[j - 1])
            if previous[j] + 1 < cost:
                cost = previous[j] + 1
            if current[j - 1] + 1 < cost:
                cost = current[j - 1] + 1
            current[j] = cost if cost < over else over
        if min(current[low - 1 : high + 1]) > most:
            return over
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
