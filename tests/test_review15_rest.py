"""Clinical review 15 (docs/clinical-reviews/review-15-this-round.md), what was left of it for safety: W1 (ill before a
drip told with its day, over two turns), W3 (a line out and bleeding), W4 (a rash with a drip over or running, in one
turn and two), W5 (weakness getting worse, with a worry or "what should I do"), n2 (one message for a swollen, painful
leg), n3 ("it's probably nothing" after a head injury off blood thinners), n6 (a drip running or over told without its
name), n8 ("it's my choice" after don't-stop advice) and n9 (a past event asked about for a treatment). The sentences
are made up here, not the review's. Full request envelopes (the console)."""

from __future__ import annotations

import pytest
from spoken import FIRST_NUMBER, after, answered

BEFORE_DOSE = "Call your infusion team before your dose."
GO_AHEAD = "That's for the infusion team to decide."
STOP = ("stop it now", "Stop the infusion", "Stop the drip", "Stop the pump")


# W1: a dose told with its day, then an illness, then whether to go.
@pytest.mark.parametrize(
    "locale, dose, ill",
    [
        ("en-AU", "her privigen is booked for monday", "she's got a temperature"),
        ("en-GB", "i'm due my drip on tuesday", "i have a cough"),
        ("en-IN", "my gamunex is the day after tomorrow", "i have come down with flu"),
        ("en-US", "his octagam is next tuesday", "he has a fever and a cough"),
    ],
)
def test_w1_ill_after_a_dose_told_with_its_day_calls_the_team_first(locale, dose, ill):
    said, response = after(locale, "open m m n guide", dose, ill)
    assert said.startswith(BEFORE_DOSE) and "Don't just skip it." in said, said
    said, _ = after(locale, "open m m n guide", dose, ill, "so should i still go")
    assert said.startswith(GO_AHEAD), said


def test_w1_a_dose_had_on_a_day_is_no_dose_ahead():
    said, _ = after("en-US", "open m m n guide", "she had her ivig on monday", "she has a fever now")
    assert not said.startswith(BEFORE_DOSE) and "fever after an infusion" in said, said


# W3: a line pulled out or come out, bleeding.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "my dad ripped his iv out and there's blood all over the bed"),
        ("en-AU", "the drip needle came out of her arm and it won't stop bleeding"),
        ("en-GB", "she's gonna give me a heart attack, he's yanked his line out and it's bleeding"),
        ("en-IN", "the cannula has fallen out of my mother's hand and it is bleeding"),
    ],
)
def test_w3_a_line_out_and_bleeding_is_press_stop_and_call(locale, said):
    heard, response = after(locale, "open m m n guide", said)
    assert answered(response) == "safety:call_doctor", heard
    assert heard.startswith("Stop the drip or the pump. Press firmly on the spot"), heard
    assert f"If it won't stop bleeding, call {FIRST_NUMBER[locale]}" in heard, heard


# W4: a rash with a drip told over in the same turn, or the turn before, or running.
@pytest.mark.parametrize(
    "locale, turns",
    [
        ("en-US", ["my mom's finished her drip and now she's got a rash"]),
        ("en-CA", ["i'm done with my infusion for today and my arms have gone blotchy"]),
        ("en-GB", ["she's through with her drip for today", "she's come out in a rash"]),
    ],
)
def test_w4_a_rash_after_a_drip_told_over_is_the_care_team_today(locale, turns):
    heard, response = after(locale, "open m m n guide", *turns)
    assert answered(response) == "safety:call_doctor", heard
    assert "Tell the care team about the rash today." in heard and FIRST_NUMBER[locale] in heard, heard
    assert not any(stop in heard for stop in STOP), heard


@pytest.mark.parametrize(
    "locale, turns",
    [
        ("en-AU", ["his hyqvia is on the pump now", "he's gone all blotchy"]),
        ("en-US", ["i'm on my drip and i've got itchy lumps on my arms"]),
    ],
)
def test_w4_a_rash_while_the_drip_runs_stops_it(locale, turns):
    heard, response = after(locale, "open m m n guide", *turns)
    assert answered(response) == "safety:call_doctor", heard
    assert heard.startswith("Stop the pump or the drip now") and FIRST_NUMBER[locale] in heard, heard


# W5: weakness getting worse over weeks, with a worry or "what should I do".
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "my grip keeps getting weaker every month, what should we do"),
        ("en-GB", "i'm worried, his hands are weaker than they were last month"),
        ("en-CA", "she can't hold her cup like she used to and it scares me"),
        ("en-AU", "my legs have gone downhill since the spring, what can i do"),
    ],
)
def test_w5_weakness_getting_worse_is_the_neurologist_this_week(locale, said):
    heard, response = after(locale, "open m m n guide", said)
    assert heard.startswith("Tell your neurologist or MMN nurse this week."), heard
    assert f"one side of the face or body is weak, call {FIRST_NUMBER[locale]}" in heard, heard


@pytest.mark.parametrize(
    "said", ["will my hands get weaker over the years", "does mmn get worse over time, i'm a bit worried"]
)
def test_w5_a_question_of_the_future_course_is_no_advice(said):
    _, response = after("en-US", "open m m n guide", said)
    assert not answered(response).startswith("safety:"), said


# n2: a swollen, painful leg after a drip: help right away, the emergency number for breathlessness or chest pain.
def test_n2_a_swollen_leg_after_a_drip_is_one_message():
    heard, _ = after("en-AU", "open m m n guide", "mum's drip ended this morning", "now her calf is all swollen")
    assert heard.startswith("Call your doctor or care team right away.") and "short of breath, have chest pain" in heard


# n3: after a head injury off blood thinners, "it's probably nothing" hears no "this needs checking".
@pytest.mark.parametrize("reply", ["ah it's probably nothing", "i'm sure he's fine"])
def test_n3_making_light_of_a_minor_head_injury_is_not_contradicted(reply):
    said = "my husband knocked his head on the shelf, he doesn't take any blood thinners"
    heard, _ = after("en-AU", "open m m n guide", said, reply)
    assert "needs checking" not in heard and "keep watching" in heard, heard


# n6: a drip running or over, told without its name, is acknowledged as such; dizziness then is for the nurse.
@pytest.mark.parametrize(
    "locale, said, state",
    [
        ("en-IN", "her bag is almost empty now", "running now"),
        ("en-US", "the nurse has just put the cannula in", "running now"),
        ("en-AU", "the nurse is with him and he's hooked up", "running now"),
        ("en-GB", "i got unhooked from my privigen a couple of hours ago", "finished"),
    ],
)
def test_n6_a_drip_told_without_its_name_is_acknowledged(locale, said, state):
    heard, _ = after(locale, "open m m n guide", said)
    assert heard.startswith("Okay, ") and state in heard, heard


def test_n6_dizzy_while_the_bag_runs_is_for_the_nurse():
    heard, response = after("en-IN", "open m m n guide", "her bag is almost empty now", "she is feeling very dizzy")
    assert answered(response) == "safety:call_doctor" and "nurse" in heard, heard


# n8: "it's my choice" after advice not to stop.
@pytest.mark.parametrize("reply", ["well it's my decision isn't it", "it's up to her in the end"])
def test_n8_a_choice_of_ones_own_is_acknowledged(reply):
    heard, _ = after("en-US", "open m m n guide", "she wants to give up her ivig", reply)
    assert heard.startswith("That's right, it's a personal choice.") and "neurologist" in heard, heard


# n9: a past event, checked or not, asked about for a treatment: what to do if it comes back, and an answer.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-AU", "three years ago she had chest pains but the heart tests came back clear, can she have ivig now"),
        ("en-GB", "my husband had a stroke last year, it turned out to be quite a bad one, can he still have ivig"),
    ],
)
def test_n9_a_past_event_asked_about_treatment_is_answered_not_alarmed(locale, said):
    heard, response = after(locale, "open m m n guide", said)
    assert not answered(response).startswith("safety:"), heard
    assert heard.startswith("If it happens again") and "infusion team" in heard, heard
