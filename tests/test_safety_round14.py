"""Safety round 14: a call-the-doctor answer says the call first, then why, for every sign of the level in every locale
(review 13); a question of what to watch for, given with an example sign, is a question about warning signs, not an
emergency now (review 13, n8), and so are others' past events, a faint at a price, and which signs mean going to the
emergency department. Full request envelopes (the console) where a turn is heard."""

from __future__ import annotations

import re

import pytest
from conftest import speech_of
from spoken import CALL_NOW, answered, say

from skill.content import load_content
from skill.handlers.safety import call_doctor_advice

LOCALES = ("en-US", "en-CA", "en-GB", "en-AU", "en-IN")
# What a first sentence that says what to do says: a call, a visit, or whom to ask.
ACTION = re.compile(r"\b(call|ring|go to|ask|tell|speak to|contact|stop)\b", re.IGNORECASE)


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]


def _call_doctor_signs(locale: str):
    level = next(level for level in load_content(locale).red_flags.levels if level.id == "call_doctor")
    return level, [None, *level.signs]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_call_doctor_answer_says_the_call_first(locale):
    level, signs = _call_doctor_signs(locale)
    late = [
        (sign.id if sign else None, first)
        for sign in signs
        if not ACTION.search(first := _first_sentence(" ".join(call_doctor_advice(level, sign))))
    ]
    assert not late


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "she had her infusion yesterday and now her pee is brown like cola"),
        ("en-US", "his wee has gone really dark since the drip on monday"),
        ("en-AU", "my mum's leg is swollen and hot the day after her ivig"),
        ("en-IN", "my husband's heart is racing since his infusion this morning"),
    ],
)
def test_a_call_today_sign_heard_live_says_the_call_first(locale, said):
    spoken = speech_of(say(locale, said))
    assert spoken.startswith("Call your doctor or care team right away.")
