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


@pytest.mark.parametrize("locale", ["en-GB", "en-CA"])
def test_a_question_another_page_answers_expects_that_page(locale: str) -> None:
    """ "q:ivig_wearing_off" has no page of its own: the skill answers it with "if IVIg doesn't seem to work"."""
    heard = _openings()(load_content(locale), "q:ivig_wearing_off")
    assert any(opening.startswith("if ivig doesn't seem to work") for opening in heard)


@pytest.mark.parametrize("locale", ["en-US", "en-GB", "en-AU"])
def test_a_follow_up_that_goes_on_reading_the_page_is_expected(locale: str) -> None:
    """After "what are the side effects of IVIg", "is a rash one of them" reads the page's next part."""
    heard = _openings()(load_content(locale), "ivig.side_effects.1")
    assert any(opening.startswith("mild side effects of ivig are") for opening in heard)
    assert any(opening.startswith("others are fever, flushing") for opening in heard)


@pytest.mark.parametrize("locale", ["en-US", "en-IN"])
def test_a_fever_before_an_infusion_expects_the_call_to_the_infusion_team(locale: str) -> None:
    heard = _openings()(load_content(locale), "safety:call_doctor")
    assert any(opening.startswith("call your infusion team before your dose") for opening in heard)
    assert any(opening.startswith("call your doctor or care team today") for opening in heard)
