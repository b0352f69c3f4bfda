"""Bounded work on every request: what was said is read up to a bound far above speech, so a forged body of
100 KB gets a clear spoken reply, the work per request does not grow with the body, and a red flag said at the end
of a long, rambling real sentence is still triaged.

The bounds are written out here (4 slots, 4,000 characters a slot) rather than read from the skill, so a bound
changed by mistake fails a test. The work is counted in words read (every call of the shared word reader), never
in time.
"""

from __future__ import annotations

import random
import sys

import pytest
from conftest import fixture, speech_of

import skill.understanding.words as words_module
from eval_tools.worst_bodies import FILLERS, RAMBLE, filled, request, worst_bodies
from skill.gateway import handle_event
from skill.understanding.heard import bounded
from skill.understanding.triage import triager
from skill.understanding.words import Text


@pytest.fixture
def words_read(monkeypatch):
    """Counts every word the skill reads with the shared reader, wherever a module imported it."""
    count = [0]
    original = words_module.words

    def counting(text: str) -> list[str]:
        read = original(text)
        count[0] += len(read)
        return read

    for module in list(sys.modules.values()):
        if (module.__name__ or "").startswith("skill") and getattr(module, "words", None) is original:
            monkeypatch.setattr(module, "words", counting)
    return count


def test_a_red_flag_at_the_end_of_a_long_rambling_sentence_is_an_emergency(skill):
    speech = speech_of(handle_event(skill, request(RAMBLE)))
    assert speech.startswith("Call 911"), speech


def test_the_same_sentence_in_a_100_kb_body_is_still_an_emergency(skill):
    event = request(RAMBLE, *[filled("question", 14_000)] * 6)
    speech = speech_of(handle_event(skill, event))
    assert speech.startswith("Call 911"), speech


def test_a_red_flag_in_the_last_words_a_slot_may_hold_is_read(skill):
    # 4,000 characters exactly, the red flag in its last five words.
    text = ("well " * 1_000 + RAMBLE)[-4_000:]
    assert len(text) == 4_000 and text.endswith("now my throat is swelling")
    assert speech_of(handle_event(skill, request(text, locale="en-GB"))).startswith("Call 999")


@pytest.mark.parametrize("filler", FILLERS)
def test_a_100_kb_body_gets_a_clear_spoken_reply(skill, filler):
    for name, event in worst_bodies(filler).items():
        response = handle_event(skill, event)
        speech = speech_of(response)
        assert speech.strip().endswith(("?", ".")), (name, speech)
        assert 0 < len(speech.split()) <= 90, (name, speech)
        if filler == "flag":
            assert speech.startswith("Call 911"), (name, speech)


@pytest.mark.parametrize("filler", FILLERS)
def test_the_words_read_do_not_grow_with_the_body(skill, words_read, filler):
    # A body at the bounds: 4 slots of 4,000 characters.
    handle_event(skill, request(*[filled(filler, 4_000)] * 4))
    at_the_bounds = words_read[0]
    for name, event in worst_bodies(filler).items():
        words_read[0] = 0
        handle_event(skill, event)
        assert words_read[0] <= at_the_bounds, name
    # And the bodies are read at all: the count is not a count of nothing.
    assert at_the_bounds >= 4 * len(filled(filler, 4_000).split())


def test_a_long_value_is_cut_at_a_space_after_4000_characters():
    assert bounded("x" * 4_000) == "x" * 4_000
    assert bounded("word " * 800 + "more") == ("word " * 800).rstrip()
    assert bounded("ab " * 1_333 + "cdef") == ("ab " * 1_333).rstrip()
    assert bounded("y" * 5_000) == "y" * 4_000
    assert bounded("z" * 3_999 + " tail") == "z" * 3_999


def _near(positions: list[int], found: list[list[int]], start: int, window: int) -> bool:
    """Some position within a window of the sign's words found from ``start`` on."""
    end = max(min(i for i in group if i >= start) for group in found)
    return any(start - window <= v <= end + window for v in positions)


def _shares(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return any(one[0] <= i < one[1] for i in range(*other))


def test_the_window_search_finds_what_the_plain_definition_finds():
    """Every sign of every level, on random sentences made of its own words: matched exactly when some word of
    every group lies within the sign's window of a start that is one of the found words, and no "unless" phrase
    starts within a window of those words unless a "reported" phrase does too (one that shares a word with the sign's
    words excuses those alone), nor any "unless_always" phrase (the
    plain definition, which tries every start against every word, in time that grows with the square of the
    sentence)."""
    chance = random.Random(18)
    for level, signs in triager("en-US").levels:
        for sign in signs:
            vocabulary = [word for group in sign.groups for p in group for word, _ in p.parts] + ["and", "my"]
            for kind in (sign.unless, sign.reported, sign.unless_always):
                vocabulary += [word for p in kind for word, _ in p.parts][:6]
            for _ in range(20):
                text = Text(" ".join(chance.choice(vocabulary) for _ in range(chance.randint(2, 40))))
                window = sign.sign.window
                spans = [{(i, i + len(p.parts)) for p in group for i in p.positions(text)} for group in sign.groups]
                near = [
                    [i for p in kind for i in p.positions(text)]
                    for kind in (sign.unless, sign.reported, sign.unless_always)
                ]
                # An "unless" phrase that shares a word with one of the sign's phrases excuses that phrase alone,
                # unless a "reported" phrase is near it; the others frame the window.
                vetoes = [(i, i + len(p.parts)) for p in sign.unless for i in p.positions(text)]
                holding = [v for v in vetoes if any(_shares(v, s) for group in spans for s in group)]
                explained = [v for v in holding if not any(v[0] - window <= r <= v[1] + window for r in near[1])]
                near[0] = [v[0] for v in vetoes if v not in holding]
                found = [
                    sorted({a for a, b in group if not any(_shares((a, b), v) for v in explained)}) for group in spans
                ]
                plain = all(found) and any(
                    all(any(start <= i <= start + window for i in group) for group in found)
                    and not _near(near[2], found, start, window)
                    and (not _near(near[0], found, start, window) or _near(near[1], found, start, window))
                    for start in {i for group in found for i in group}
                )
                assert sign.matches(text) == plain, (level.id, sign.sign.id, text.tokens)


def test_an_intent_without_slots_is_answered_as_one_with_none(skill):
    # Alexa leaves "slots" out for an intent that has none (AMAZON.HelpIntent): nothing to bound.
    empty, absent = fixture("help"), fixture("help")
    empty["request"]["intent"]["slots"] = {}
    absent["request"]["intent"].pop("slots", None)
    assert speech_of(handle_event(skill, absent)) == speech_of(handle_event(skill, empty))
