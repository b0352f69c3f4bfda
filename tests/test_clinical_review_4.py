"""The fourth clinical reviews' remaining findings (docs/clinical-reviews/review-4a-changed-pages.md, C items;
review-4b-new-subjects-and-triage.md, W5 and n items) and review 3's n10, each heard as a listener reaches it,
through full request envelopes."""

from __future__ import annotations

import pytest
from test_clinical_review_3 import CRISIS_LINES, LOCALES, heard

# ------------------------------------------------------------------------------------------ review 4b, W5

ANXIOUS = "Feeling worried, anxious or scared about MMN is common, and help is there."


@pytest.mark.parametrize(
    "asked",
    [
        "i'm so anxious since my mmn diagnosis",
        "is it normal to feel frightened after an mmn diagnosis",
        "i'm scared about my future with mmn",
        "worried all the time about getting worse",
        "i've been so anxious since my diagnosis",
    ],
)
def test_w5_worry_fear_and_anxiety_reach_the_anxiety_page(asked):
    said = heard(asked)
    assert ANXIOUS in said and "Sorry, I don't know" not in said


@pytest.mark.parametrize("locale", LOCALES)
def test_w5_the_anxiety_page_gives_the_local_crisis_line_and_patient_groups(locale):
    said = heard("i'm so anxious since my mmn diagnosis", locale)
    assert "Patient groups can put you in touch with others who have MMN." in said
    assert all(words in said for words in CRISIS_LINES[locale])


@pytest.mark.parametrize(
    "asked",
    ["my wife has been really down since her diagnosis", "i'm struggling to cope with this diagnosis"],
)
def test_w5_low_mood_said_with_a_diagnosis_still_reaches_the_low_mood_page(asked):
    assert "Low mood is common with long-term illness like MMN" in heard(asked)


# ------------------------------------------------------------------------------------------ review 4a, C1


def test_c1_low_mood_is_tied_to_long_term_illness_and_self_harm_is_said_for_anyone():
    said = heard("my husband is depressed since he got mmn where can he get support")
    assert "Low mood is common with long-term illness like MMN, and treatable." in said
    assert "Thoughts of self-harm need help now." in said and "harming yourself" not in said


# ----------------------------------------------------------------------------------------- review 3, n10


def test_n10_an_scig_session_says_how_long_it_takes():
    said = heard("how long does a scig infusion take")
    assert "A weekly SCIg session at home often takes up to about two hours" in said
