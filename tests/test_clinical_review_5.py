"""The fifth clinical review's findings on pages (docs/clinical-reviews/review-5-changed-and-new-units.md), each
heard as a listener reaches it, through full request envelopes. Its triage findings are in test_safety_kinds.py."""

from __future__ import annotations

import pytest
from conftest import speech_of
from test_clinical_review_3 import LOCALE_DATA, LOCALES, heard, rest_of_page

from build_tools.interaction_model import model_path
from local_console.console import Console
from local_console.nlu import LocalNlu
from skill.app import build_skill


@pytest.mark.parametrize("locale", LOCALES)
def test_w4_scig_licensing_says_the_locales_own_funding_sentence(locale):
    # Australia funds no SCIg for MMN: "funding may be harder" would mislead there.
    said = heard("is scig approved for mmn", locale)
    assert "No SCIg product is licensed for MMN" in said
    assert LOCALE_DATA[locale]["scig_funding"] in said and "funding may be harder" not in said


# ------------------------------------------------------------------------------------------ review 5, n items


def test_n9_ivig_in_pregnancy_gives_the_trial_gap_as_a_fact_not_a_but_after_the_advice():
    said = heard("is ivig safe for my unborn baby")
    assert "It hasn't been tested in careful trials in pregnancy, so doctors use it only when it's clearly" in said
    assert "But it hasn't" not in said


def test_n2_how_long_scig_takes_does_not_assume_a_weekly_session_and_says_hyqvia_is_spaced_out():
    # HyQvia is given every two to four weeks: its first breath must not say a session is weekly.
    said = heard("how long does hyqvia take to go in", "en-GB")
    assert said.split("Want to hear more")[0].count("weekly") == 0
    assert "Some people have one session a week, others a few shorter ones." in said
    assert "HyQvia is given every two to four weeks, with more at a time" in said


def test_n4_australias_nurse_lines_are_said_with_their_numbers_the_way_they_are_dialled():
    console = Console(build_skill(), LocalNlu.from_file(model_path("en-AU")), "en-AU")
    ssml = [console.say("who do i call out of hours")["response"]["outputSpeech"]["ssml"]]
    ssml.append(console.say("yes")["response"]["outputSpeech"]["ssml"])
    said = " ".join(ssml)
    assert 'that\'s <sub alias="thirteen, forty three, twenty five, eighty four">13 43 25 84</sub>' in said
    assert 'is <sub alias="thirteen hundred, sixty, sixty, twenty four">1300 60 60 24</sub>' in said


def test_n5_india_out_of_hours_says_once_to_get_the_hospitals_number_and_cites_no_canadian_page():
    console = Console(build_skill(), LocalNlu.from_file(model_path("en-IN")), "en-IN")
    first = console.say("who do i call out of hours")
    said = rest_of_page(console, speech_of(first))
    assert "Ask your treating hospital now for a number to use out of hours, and keep it with your medicines." in said
    assert "Call your hospital or your doctor." not in said
    card = first["response"]["card"]
    assert "Canadian Living" not in str(card) and "Marie Curie" not in str(card)
    assert "104" in str(card)


def test_n3_a_medicare_question_hears_that_medicare_covers_ivig_for_mmn_in_a_clinic_but_not_at_home():
    said = heard("does medicare pay for immunoglobulin")
    lead_heard = said.split("Want to hear more")[0]
    assert "Medicare usually covers IVIg for MMN in a clinic, but at home only for immune deficiency." in lead_heard
    assert "Other insurers usually need a prior authorization first." in said


@pytest.mark.parametrize(
    "locale, says",
    [
        ("en-GB", "In Northern Ireland, the Disability Discrimination Act does the same."),
        ("en-US", "With fifty or more, they may also have to give unpaid, job-protected leave."),
    ],
)
def test_n10_rights_at_work_reach_northern_ireland_and_job_protected_leave_in_the_us(locale, says):
    said = heard("what are my rights at work with mmn", locale)
    assert says in said
    other = "en-US" if locale == "en-GB" else "en-GB"
    assert says not in heard("what are my rights at work with mmn", other)


@pytest.mark.parametrize(
    "asked", ["i am scared about having mmn", "i am afraid of having multifocal motor neuropathy", "mmn frightens me"]
)
def test_n8_fear_of_having_mmn_in_plain_words_reaches_the_anxiety_page(asked):
    said = heard(asked, "en-GB")
    assert said.startswith("General information, not medical advice. Feeling worried, anxious or scared about MMN")


def test_n8_fear_of_a_treatment_is_not_sent_to_the_page_on_fear_of_mmn():
    assert "Feeling worried, anxious or scared about MMN" not in heard("should i be scared of having ivig")


@pytest.mark.parametrize("locale", LOCALES)
def test_review_6_n7_scig_licensing_ends_on_the_funding_sentence_said_once(locale):
    # Clinical review 6, n7: "Ask your neurologist whether it fits you" after the funding sentence repeated the page.
    said = heard("is scig approved for mmn", locale)
    assert LOCALE_DATA[locale]["scig_funding"] in said
    assert "whether it fits you" not in said and said.lower().count("ask your") == 1
