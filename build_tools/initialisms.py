"""Initialisms written the way Alexa recognises them: capitals in slot values, spaced dotted letters in samples.

People and the content write initialisms in lower case ("ivig", "m m n"), which Alexa's
speech recognition matches less reliably. The interaction model generator rewrites every
initialism of a given list: "IVIG" in slot values (sent to the skill as written) and
"i. v. i. g." in sample utterances (which are lower case). A run of single letters that
spells initialisms ("m m n", "i v ig") is read as them; anything else is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

_TOKEN = re.compile(r"([A-Za-z&]+[0-9]*)(.*)")


def capitals(text: str, initialisms: Collection[str]) -> str:
    """``text`` with each initialism in capitals: "is ivig safe" -> "is IVIG safe"."""
    return _rewrite(text, initialisms, str.upper)


def dotted(text: str, initialisms: Collection[str]) -> str:
    """``text`` with each initialism as spaced dotted letters: "is ivig safe" -> "is i. v. i. g. safe"."""
    return _rewrite(text, initialisms, lambda word: " ".join(c + "." if c.isalpha() else c for c in word.lower()))


def _rewrite(text: str, initialisms: Collection[str], form: Callable[[str], str]) -> str:
    known = {word.lower() for word in initialisms}
    tokens = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(tokens):
        run = _letter_run(tokens, i)
        spelled, rest = _split(run, known)
        if spelled:
            out += [form(word) for word in spelled] + list(rest)
            i += len(run)
            continue
        match = _TOKEN.fullmatch(tokens[i])
        if match and match.group(1).lower() in known:
            out.append(form(match.group(1)) + match.group(2))
        else:
            out.append(tokens[i])
        i += 1
    return " ".join(out)


def _letter_run(tokens: list[str], start: int) -> str:
    """The single letters said one by one from ``start`` on ("m m n" -> "mmn")."""
    end = start
    while end < len(tokens) and len(tokens[end]) == 1 and tokens[end].isalpha():
        end += 1
    return "".join(tokens[start:end]).lower()


def _split(letters: str, known: set[str]) -> tuple[list[str], str]:
    """``letters`` as initialisms, longest first, and the letters after the last one ("mmna" -> ["mmn"], "a")."""
    words: list[str] = []
    rest = letters
    while rest:
        word = next((rest[:n] for n in range(len(rest), 1, -1) if rest[:n] in known), None)
        if word is None:
            break
        words.append(word)
        rest = rest[len(word) :]
    return words, rest
