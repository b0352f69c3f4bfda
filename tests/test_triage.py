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


@pytest.mark.parametrize(
    "said, topic, sign",
    [
        # In context, the reading with the treatment wins only when it is more urgent ...
        ("he's got a high temperature and a sore throat", "azathioprine", "fever_on_immune_drug"),
        ("he's got a high temperature and a sore throat", None, "high_fever"),
        # ... and never makes a call less urgent ("now" with a line in a vein, not "today" after an infusion).
        ("she's got a PICC line and a fever tonight", "ivig", "fever_with_line"),
        ("my urine is dark and I've got chills", "ivig", "dark_urine"),
    ],
)
def test_a_symptom_in_context_takes_the_more_urgent_reading(said, topic, sign):
    found = TRIAGER.triage(None, [said], topic)
    assert (found.level.id, found.sign.id) == ("call_doctor", sign)


@pytest.mark.parametrize(
    "said, topic, during",
    [
        ("his lips look puffy", "ivig", True),
        ("his lips look puffy", "corticosteroids", False),
        ("his lips look puffy", None, False),
        ("his lips looked puffy when he got home", "ivig", False),
        ("she finished her infusion an hour ago and now she's got crushing pain in her chest", None, False),
        ("she's halfway through her infusion and now she's got crushing pain in her chest", None, True),
        # A call to the doctor is told to stop an infusion only when the sentence names one.
        ("his heart is racing", "ivig", False),
    ],
)
def test_an_emergency_with_an_infusion_in_context_is_one_during_it(said, topic, during):
    assert TRIAGER.triage(None, [said], topic).during_infusion is during


@pytest.mark.parametrize(
    "said, topic, sign",
    [
        # A change naming its drug is about that drug, even where the treatment in context would also read it:
        # "endoxan" is not among the immunoglobulin sign's other drugs (the README's mutation survivor).
        ("I'm going to skip my next endoxan", "ivig", "change_other_drug"),
        ("I'm going to skip my next one", "ivig", "change_immunoglobulin"),
        # A symptom in a sentence naming another treatment is not read with the one in context.
        ("does cuvitru give you a headache or chills", "azathioprine", None),
        ("she's burning up", "azathioprine", "fever_on_immune_drug"),
    ],
)
def test_a_sentence_naming_a_treatment_is_read_with_it_not_the_one_in_context(said, topic, sign):
    found = TRIAGER.triage(None, [said], topic)
    assert (found.sign.id if found else None) == sign
