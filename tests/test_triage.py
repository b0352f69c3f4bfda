"""The safety triage read directly: how far apart a sign's words may be, and a question about a sign told from a
report of one."""

from __future__ import annotations

import pytest

from skill.understanding.triage import triager

TRIAGER = triager("en-US")


@pytest.mark.parametrize(
    "said, found",
    [
        ("trouble with the stairs and breathing", True),  # "trouble" and "breathing" five words apart
        ("trouble with the stairs and my breathing", False),  # six apart
        ("breathing on the stairs and trouble", True),  # the other way round
        ("breathing on the stairs and all trouble", False),
    ],
)
def test_a_signs_words_match_up_to_exactly_its_window_apart(said, found):
    """The breathing sign's window is five words (red_flags.toml)."""
    assert (("emergency", "breathing") in TRIAGER.signs_in(said)) is found


@pytest.mark.parametrize(
    "said, asking",
    [
        ("what should I do if I get chest pain", True),
        ("what do I do if she gets chest pain", True),
        ("can IVIg cause chest pain", True),
        ("I have chest pain", False),
        ("sudden chest pain", False),  # no one named, and nothing asked
        ("my husband has chest pain", False),
        ("I have chest pain, can IVIg cause that", False),
    ],
)
def test_a_question_about_a_sign_is_told_from_a_report_of_one(said, asking):
    found = TRIAGER.triage(None, [said])
    assert (found.level.id, found.sign.id, found.asking) == ("emergency", "chest_pain", asking)
