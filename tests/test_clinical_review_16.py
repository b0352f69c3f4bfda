"""Clinical review 16 (docs/clinical-reviews/review-16-this-round.md): its two findings that could harm."""

from __future__ import annotations

import pytest
from spoken import after, ends

from skill.understanding.triage import triager


@pytest.mark.parametrize(
    "said",
    [
        "she's had a bad headache since her drip last night",
        "he was sick twice in the night",
        "my arm has been aching all night",
    ],
)
def test_a_report_that_ends_in_night_is_no_goodbye(said):
    # H1: "night" was a goodbye of its own, so a report ending in "last night" closed the session.
    text, response = after("en-GB", "open m m n guide", "my wife had her ivig yesterday", said)
    assert not ends(response), text
    assert "You're welcome" not in text, text


@pytest.mark.parametrize("said", ["thanks, good night", "that's all, night night"])
def test_good_night_still_closes(said):
    text, response = after("en-GB", "open m m n guide", "what is ivig", said)
    assert ends(response), text


@pytest.mark.parametrize(
    ("locale", "number", "said"),
    [
        ("en-AU", "000", "she's got a rash after her ivig and it doesn't fade when i press a glass on it"),
        ("en-US", "911", "he's come out in purple spots on his legs since the drip"),
        ("en-GB", "999", "there are tiny purple dots all over her arms"),
        ("en-IN", "112", "her skin has little pinprick red spots everywhere after the infusion"),
    ],
)
def test_a_rash_that_does_not_fade_or_purple_spots_alone_is_the_emergency(locale, number, said):
    # H2: without a headache in the same turn it heard "Sorry" or "a mild rash is common".
    text, _ = after(locale, "open m m n guide", said)
    assert text.startswith(f"Call {number} now"), text
    assert "meningitis or sepsis" in text


@pytest.mark.parametrize(
    "said",
    ["i've got a purple bruise where the needle went", "the rash faded after an hour", "what is a glass test"],
)
def test_a_bruise_a_rash_gone_or_a_question_about_the_test_is_no_emergency(said):
    assert ("emergency", "rash_not_fading") not in triager("en-GB").signs_in(said)


@pytest.mark.parametrize(
    "said",
    ["can i use my spare vial of hizentra for my next dose", "is it ok to use a spare cuvitru vial for my next one"],
)
def test_ones_own_spare_vial_for_ones_next_dose_hears_the_answer_not_dont_share(said):
    # W2 (review 15 n11's red-flag half): the own-spare-vial answer was never heard.
    text, response = after("en-US", "open m m n guide", said)
    assert "your own spare vials for your next dose is normal" in text, text


def test_a_spare_vial_given_to_someone_else_still_hears_dont_share():
    text, _ = after("en-US", "open m m n guide", "can i give my spare vial of hizentra to my brother for his next dose")
    assert text.startswith("Please don't give your immunoglobulin to anyone else"), text


@pytest.mark.parametrize(
    ("locale", "dose", "ill"),
    [
        ("en-CA", "my mom's privigen is booked for friday", "she's been throwing up all morning"),
        ("en-GB", "my ivig is tomorrow", "i've had diarrhoea all day"),
        ("en-AU", "his hizentra is due on sunday", "he's been vomiting"),
    ],
)
def test_a_stomach_bug_before_a_dose_told_with_its_day_calls_the_infusion_team_first(locale, dose, ill):
    # W1: vomiting or diarrhoea before a drip heard "Sorry" or a reaction "during an infusion".
    text, _ = after(locale, "open m m n guide", dose, ill)
    assert text.startswith("Call your infusion team before your dose"), text


@pytest.mark.parametrize("said", ["does ivig cause vomiting", "i was sick after my last infusion"])
def test_being_sick_after_a_drip_or_asked_about_is_not_illness_before_one(said):
    assert ("call_doctor", "ill_before_infusion") not in triager("en-GB").signs_in(said)
