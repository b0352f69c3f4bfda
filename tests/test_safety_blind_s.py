"""Blind corpus S's safety errors, by kind, in other words and locales (full request envelopes, as Lambda): a heart
attack someone "nearly gave" the speaker, a belief or fear of dying, a past event checked and cleared, "stop" with the
treatment as its subject, and which side effects mean going to the emergency department, asked in general, are no
alarm; someone else's spare or left immunoglobulin used for another is the don't-change answer."""

from __future__ import annotations

import pytest
from spoken import answered, say

ALARMS = ("safety:emergency", "safety:call_doctor", "safety:no_change")


def _no_alarm(locale: str, said: str) -> None:
    got = answered(say(locale, said))
    assert got not in ALARMS, (said, got)


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "my husband nearly gave me a heart attack shouting from the garden, can ivig make your veins sore"),
        ("en-US", "the nurse almost gave me a heart attack walking in like that, how long does the infusion take"),
        ("en-US", "the price of privigen is going to give me a stroke, is there a cheaper one"),
        ("en-CA", "the kids almost gave me a stroke at the pool, can i swim after my infusion"),
        ("en-US", "my daughter nearly gave me a heart attack when she told me she was pregnant, can she have ivig"),
    ],
)
def test_a_heart_attack_or_stroke_nearly_given_is_a_figure_of_speech(locale, said):
    _no_alarm(locale, said)


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "my wife nearly gave me a heart attack and now my chest is crushing"),
        ("en-GB", "the bill is giving me chest pain"),
        ("en-US", "i nearly had a heart attack and my left arm went numb"),
    ],
)
def test_a_symptom_said_with_the_figure_is_still_an_emergency(locale, said):
    assert answered(say(locale, said)) == "safety:emergency"


@pytest.mark.parametrize(
    "locale, said",
    [("en-US", "i think he's dying"), ("en-GB", "i'm scared she's dying"), ("en-AU", "i think i'm dying")],
)
def test_the_speakers_fear_for_someone_now_is_still_an_emergency(locale, said):
    assert answered(say(locale, said)) == "safety:emergency"


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "two years ago my mum had chest pains but the tests came back normal, now can she take ivig"),
        ("en-AU", "last year he had chest pain but it turned out to be reflux, now is it safe for him to have ivig"),
    ],
)
def test_a_past_sign_checked_and_cleared_asked_about_treatment_is_no_alarm(locale, said):
    _no_alarm(locale, said)


def test_a_sign_of_now_said_with_the_past_is_still_an_emergency():
    said = "last year my dad had chest pain and now he has chest pain again, can he take ivig"
    assert answered(say("en-US", said)) == "safety:emergency"


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "will the immunoglobulin stop my hand getting any weaker"),
        ("en-US", "does ivig stop it spreading to the other arm"),
        ("en-CA", "would scig stop the muscle loss in my forearm"),
        ("en-IN", "can the drip stop the wasting in my father's hand"),
    ],
)
def test_stop_with_the_treatment_as_its_subject_is_a_question(locale, said):
    _no_alarm(locale, said)


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "can i stop the ivig"),
        ("en-US", "i want the drip to stop"),
        ("en-US", "will it be ok to stop the ivig"),
    ],
)
def test_the_listener_stopping_the_treatment_is_still_a_change(locale, said):
    assert answered(say(locale, said)) == "safety:no_change"


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-AU", "what reactions would mean i need to go to emergency after the drip"),
        ("en-CA", "what kind of side effects are bad enough to go to emerg"),
        ("en-US", "after ivig which things mean call an ambulance"),
        ("en-CA", "what symptoms mean i should go to emerg"),
    ],
)
def test_which_signs_mean_going_to_emergency_asked_in_general_is_no_alarm(locale, said):
    _no_alarm(locale, said)


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "she's got bad side effects after her ivig, should we go to a and e"),
        ("en-US", "what signs mean she's having a reaction, she's got chest pain, should we go to the er"),
    ],
)
def test_a_report_said_with_the_question_is_still_an_emergency(locale, said):
    assert answered(say(locale, said)) == "safety:emergency"


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "my brother's on ivig too and he's got a couple of bags going spare, could mum have one"),
        ("en-AU", "a mate from the support group has some hizentra left, can i have it for my wife"),
        ("en-IN", "my cousin has extra privigen vials at home, can we give those to my mother"),
        ("en-CA", "my friend has some cuvitru left, can i use it"),
        ("en-AU", "my sister in law has two spare bags of octagam, is it ok for my husband to have them"),
    ],
)
def test_someone_elses_spare_or_left_immunoglobulin_used_for_another_is_a_change(locale, said):
    assert answered(say(locale, said)) == "safety:no_change"


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "can i use my left hand to do the scig"),
        ("en-GB", "my dad has some ivig left in the bag at the end, is that normal"),
        ("en-US", "can you give me extra information about ivig for my mum"),
    ],
)
def test_left_or_extra_said_otherwise_is_no_change(locale, said):
    _no_alarm(locale, said)
