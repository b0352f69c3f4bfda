"""Build step: the triage's phrases read ahead, each written with its reading as JSON (``words.BUILT``).

Reading the triage's thousands of phrases word by word costs a cold start more than building the rest of it, so
the package's build (``compile_content``) writes each phrase's reading here, and so do the entry points on this
machine (``scripts/bootstrap.sh``: the console, the web endpoint, the tests), so they run the triage as the
function does. Plain data, the same on the function's processor as on the one building the package: the triage is
pure Python, and the ranker, whose stemmer is compiled for the function's processor, is not imported. The file
names the reader that wrote it (``words.reader``): the skill ignores it once the reading code changes, and reads
the phrases itself, so a stale file costs time, never a wrong reading.

    python -m build_tools.triage_phrases     # writes skill/understanding/phrases.json unless it is current
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from skill.content import loader
from skill.understanding import triage, words


def build() -> Path:
    """Every locale's triage built, and each phrase it reads written with its reading, read afresh."""
    for language in loader.languages():
        for locale in loader.supported_locales(language):
            triage.Triager(loader.load_content(locale))
    built = {"reader": words.reader(), "phrases": words.readings()}
    # Written whole, then put in place: a skill starting meanwhile reads the old file or the new one.
    written = words.BUILT.with_name(f".{words.BUILT.name}.{os.getpid()}")
    written.write_text(json.dumps(built, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    written.replace(words.BUILT)
    return words.BUILT


def is_current() -> bool:
    """Whether ``words.BUILT`` was written by this reader after the last change of the content's data or the
    triage (a phrase written since is read at start-up: slower, not wrong)."""
    if not words.BUILT.is_file():
        return False
    written = words.BUILT.stat().st_mtime
    sources = [Path(triage.__file__), *loader.DATA_DIR.rglob("*.toml")]
    with words.BUILT.open(encoding="utf-8") as f:
        reader = json.load(f).get("reader")
    return reader == words.reader() and all(source.stat().st_mtime <= written for source in sources)


if __name__ == "__main__":
    if not is_current():
        print(f"read the triage's phrases into {build()}")
