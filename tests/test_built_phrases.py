"""The triage's phrases as the build reads them (``build_tools/triage_phrases.py``, issue 18, section 4).

The build writes each phrase's reading as JSON (``words.BUILT``); the skill makes the triage's phrases from it
instead of reading them again. The triage built so finds what one built by reading every phrase finds, a phrase it
lists is not read again, a file another reading code wrote is not used, and the build needs no compiled module (the
ranker's stemmer is built for the function's processor, not the build machine's). No timing is asserted.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools import triage_phrases
from eval_tools.answer_set import CORPUS
from eval_tools.evaluation import load_cases
from skill.content import load_content, supported_locales
from skill.understanding import triage, words
from skill.understanding.words import Phrase

ROOT = Path(__file__).resolve().parent.parent
LOCALES = supported_locales("en")


def _fresh(monkeypatch, built: Path) -> None:
    """Phrases made afresh from here on, reading ``built`` if it exists."""
    monkeypatch.setattr(words, "BUILT", built)
    words._made.clear()
    words._built.cache_clear()


@pytest.fixture
def built_phrases(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path / "phrases.json")
    yield triage_phrases.build()
    words._made.clear()
    words._built.cache_clear()


def test_a_triage_made_from_the_built_readings_finds_what_a_read_one_finds(built_phrases, monkeypatch):
    said = [(case.locale, case.text) for case in load_cases(sorted(CORPUS.glob("*.toml")))]
    read = {locale: triage.Triager(load_content(locale)) for locale in LOCALES}

    def not_read(phrase: str):
        raise AssertionError(f"{phrase!r} was read again, not taken from the build's readings")

    _fresh(monkeypatch, built_phrases)
    monkeypatch.setattr(words, "_parts", not_read)
    from_built = {locale: triage.Triager(load_content(locale)) for locale in LOCALES}
    for locale, text in said:
        for topic in (None, "ivig"):
            expected = read[locale].triage("QuestionIntent", [text], topic)
            assert from_built[locale].triage("QuestionIntent", [text], topic) == expected, (locale, text, topic)
    assert len(said) > 500


def test_every_phrase_of_every_locales_triage_is_written_with_its_reading(built_phrases):
    written = json.loads(built_phrases.read_text(encoding="utf-8"))["phrases"]
    signs = [
        p
        for locale in LOCALES
        for level in load_content(locale).red_flags.levels
        for s in level.signs
        for p in s.groups[0]
    ]
    assert signs and set(signs) <= written.keys()
    assert any(reading != phrase for phrase, reading in written.items())  # "can not breathe" reads "cant breathe"
    for phrase, reading in written.items():
        assert words._from_reading(reading) == Phrase(phrase).parts, phrase


def test_a_reading_gives_the_phrase_back():
    rng = random.Random(18)
    pieces = ["a", "I.", "V.", "can't", "Mum's", "bump*", "swell*", "g*", "it's", "x", "*", "don't*", "  "]
    for _ in range(500):
        phrase = Phrase(" ".join(rng.choices(pieces, k=rng.randint(0, 6))))
        assert words._from_reading(phrase.reading()) == phrase.parts, phrase.parts


def test_without_built_readings_the_phrases_are_read(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path / "absent.json")
    assert words.phrases(["Can't breathe", "swell*"])[0].parts == (("cant", False), ("breathe", False))
    words._made.clear()
    words._built.cache_clear()


def test_the_build_reads_the_phrases_without_the_rankers_stemmer(tmp_path):
    """The build runs on another processor than the function's: a compiled module of the package cannot load there."""
    target = tmp_path / "phrases.json"
    script = (
        "import sys; sys.modules['Stemmer'] = None\n"
        "from build_tools import triage_phrases\n"
        "from skill.understanding import words\n"
        f"words.BUILT = __import__('pathlib').Path({str(target)!r})\n"
        "triage_phrases.build()\n"
        "assert 'skill.understanding.ranker' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True)
    assert len(json.loads(target.read_text(encoding="utf-8"))["phrases"]) > 1000


def test_readings_written_by_other_reading_code_are_not_used(built_phrases, monkeypatch):
    """A phrase's reading depends on this code: after a change of it, a file written before is stale, and the
    phrases are read afresh (slower, never read the old way)."""
    written = json.loads(built_phrases.read_text(encoding="utf-8"))
    written["phrases"]["chest pain"] = "chest* pains"
    built_phrases.write_text(json.dumps(written), encoding="utf-8")
    _fresh(monkeypatch, built_phrases)
    assert words.phrases(["chest pain"])[0].parts == (("chest", True), ("pains", False))
    _fresh(monkeypatch, built_phrases)
    monkeypatch.setattr(words, "reader", lambda: "other code")
    assert words.phrases(["chest pain"])[0].parts == (("chest", False), ("pain", False))
    words._made.clear()
    words._built.cache_clear()


def test_the_built_file_is_current_only_for_this_code_and_content(built_phrases, monkeypatch):
    reader = words.reader
    assert triage_phrases.is_current()
    monkeypatch.setattr(words, "reader", lambda: "other code")
    assert not triage_phrases.is_current()
    monkeypatch.setattr(words, "reader", reader)
    assert triage_phrases.is_current()
    os.utime(built_phrases, (0, 0))
    assert not triage_phrases.is_current()  # the content's data or the triage changed since it was written
    built_phrases.unlink()
    assert not triage_phrases.is_current()
