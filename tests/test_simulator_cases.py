"""The simulator cases writer: what it expects an answer to start with, as the simulator hears it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from skill.content import load_content

ROOT = Path(__file__).resolve().parent.parent


def _openings():
    spec = importlib.util.spec_from_file_location("simulator_cases", ROOT / "bench" / "simulator_cases.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.openings


@pytest.mark.parametrize("locale", ["en-US", "en-IN"])
def test_no_page_accepts_both_the_dont_know_and_the_out_of_scope_answer(locale: str) -> None:
    heard = _openings()(load_content(locale), "unknown")
    assert any(opening.startswith("sorry, i don't know that one yet") for opening in heard)
    assert any(opening.startswith("sorry, i can't help with that") for opening in heard)


def test_a_page_label_expects_that_page_opening() -> None:
    content = load_content("en-US")
    heard = _openings()(content, "ivig.side_effects.1")
    first_words = content.topic("ivig").pages("side_effects")[0].text.lower().split()[:2]
    assert heard and heard[0].startswith(" ".join(first_words).rstrip(",."))
