"""Five more subjects people ask about (bank/subjects_4.toml): disability money and help, keeping immunoglobulin at
home, ports, a lower dose tried with the neurologist, and the day after an infusion. Each is asked in plain words,
in full request envelopes through the console, in every locale, and answered by its own page."""

from __future__ import annotations

import re

import pytest
from test_new_subjects import ask

from skill.app import build_skill
from skill.content.loader import load_content

_SUBJECTS = ("disability_benefits", "ig_storage", "ports_and_lines", "dose_lowering", "day_after_infusion")


@pytest.fixture(scope="module")
def built():
    return build_skill()


@pytest.mark.parametrize(
    "locale, question, heard",
    [
        # keeping immunoglobulin at home
        ("en-US", "does my immunoglobulin go in the fridge", ["never let it freeze", "hot car"]),
        ("en-CA", "how should i store immunoglobulin", ["never let it freeze", "pharmacist"]),
        ("en-GB", "do i keep my scig in the fridge", ["never let it freeze", "room temperature"]),
        ("en-AU", "can i leave my scig in the car", ["never let it freeze", "pharmacist"]),
        ("en-IN", "how to keep ivig bottles at home", ["never let it freeze", "leaflet"]),
        # ports and lines
        ("en-US", "should i get a port", ["your care team decides", "port site, or a fever"]),
        # (What a port is, and its risks, are its second part since review 7's n4 added that SCIg needs no vein.)
        ("en-CA", "what is an implanted port", ["your care team decides", "needs no vein"]),
        ("en-GB", "can i have a port fitted for my infusions", ["your care team decides", "right away"]),
        ("en-AU", "what's a port a cath", ["your care team decides", "Ask your neurologist"]),
        ("en-IN", "my veins are very thin can i have a port", ["your care team decides", "right away"]),
        # a lower dose or a longer gap, with the neurologist
        ("en-US", "can i get less ivig", ["on your own", "lowest dose"]),
        ("en-CA", "will my neurologist lower my dose", ["on your own", "within weeks"]),
        ("en-GB", "is there a lowest dose that works", ["on your own", "European guideline"]),
        ("en-AU", "can they try me on a lower dose", ["on your own", "strength diary"]),
        ("en-IN", "can my ivig dose be lowered", ["on your own", "how you respond"]),
        # the day after an infusion
        ("en-US", "can i work after my infusion", ["plan a lighter day", "stiff neck"]),
        ("en-CA", "how do you feel the day after ivig", ["plan a lighter day", "back to work"]),
        ("en-GB", "going back to work the day after my drip", ["plan a lighter day", "dizzy or sleepy"]),
        ("en-AU", "how long will i be tired after my infusion", ["plan a lighter day", "slower rate"]),
        ("en-IN", "should i take the day off after my drip", ["plan a lighter day", "same day"]),
    ],
)
def test_each_subject_is_answered_by_its_own_page_in_every_locale(built, locale, question, heard):
    said = ask(built, question, locale)
    for words in heard:
        assert words in said, (locale, question, said)


@pytest.mark.parametrize(
    "locale, question, own, others",
    [
        ("en-US", "can i get disability benefits for mmn", ["SSDI or SSI", "parking placard"], ["PIP", "NDIS"]),
        (
            "en-CA",
            "is there money i can claim because of my mmn",
            ["CPP Disability", "Disability Tax Credit"],
            ["SSDI"],
        ),
        ("en-GB", "can i claim pip for mmn", ["PIP", "Access to Work", "Blue Badge"], ["SSDI", "NDIS"]),
        ("en-AU", "is mmn covered by the ndis", ["isn't automatic", "Disability Support Pension"], ["PIP", "SSDI"]),
        ("en-IN", "how do i get a udid card for mmn", ["UDID card", "medical board"], ["PIP", "NDIS"]),
    ],
)
def test_disability_help_is_each_countrys_own_and_only_if_mmn_limits_life_enough(built, locale, question, own, others):
    said = ask(built, question, locale)
    assert "only if MMN limits your daily life or work enough" in said, said
    assert "social worker" in said and "{" not in said
    for words in own:
        assert words in said, (locale, said)
    for words in others:
        assert words not in said, (locale, said)


@pytest.mark.parametrize("locale", ["en-US", "en-CA", "en-GB", "en-AU", "en-IN"])
def test_the_pages_keep_to_the_sentence_rules_in_every_locale(locale):
    """At most 75 words, sentences of at most 25 words, the first within 30, with the locale's facts in place."""
    content = load_content(locale)
    pages = [(q.id, page.text) for q in content.questions if q.id in _SUBJECTS and q.see is None for page in q.pages]
    assert sorted({qid for qid, _ in pages}) == sorted(_SUBJECTS)
    for qid, text in pages:
        sentences = re.split(r"(?<=[.?!])\s+", text)
        assert "{" not in text and len(text.split()) <= 75, qid
        assert len(sentences[0].split()) <= 30, qid
        assert max(len(s.split()) for s in sentences) <= 25, qid
