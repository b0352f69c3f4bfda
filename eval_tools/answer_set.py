"""A fixed set of full request envelopes, to show that a change leaves every answer as it was, byte for byte.

Every fixture of ``tests/fixtures`` in every locale the content ships, and every utterance of the understanding
corpora (``tests/corpus``) asked as free text in its own locale, in the envelope of a device with a screen.
Used by the speed tests and by ``bench/same_answers.py`` (this tree against an earlier commit).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from skill.content import languages, supported_locales

from .evaluation import load_cases

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT / "tests" / "corpus"
FREE_TEXT = "question_free_text"  # the fixture a free-text question is asked in


def envelopes() -> dict[str, dict[str, Any]]:
    """Name -> envelope."""
    fixtures = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(FIXTURES.glob("*.json"))}
    named = {}
    for locale in (locale for language in languages() for locale in supported_locales(language)):
        for name, fixture in fixtures.items():
            named[f"{locale} {name}"] = _in_locale(fixture, locale)
    for n, case in enumerate(load_cases(sorted(CORPUS.glob("*.toml")))):
        named[f"{case.locale} corpus {n}: {case.text}"] = asked(fixtures[FREE_TEXT], case.text, case.locale)
    return named


def asked(fixture: dict[str, Any], text: str, locale: str) -> dict[str, Any]:
    """The free-text fixture with ``text`` as what was said."""
    envelope = _in_locale(fixture, locale)
    question = envelope["request"]["intent"]["slots"]["question"]
    question["value"] = question["slotValue"]["value"] = text
    return envelope


def answer_text(response: dict[str, Any]) -> str:
    """A response as bytes to compare: its JSON, keys sorted."""
    return json.dumps(response, sort_keys=True, ensure_ascii=False)


def _in_locale(fixture: dict[str, Any], locale: str) -> dict[str, Any]:
    envelope = copy.deepcopy(fixture)
    envelope["request"]["locale"] = locale
    return envelope
