"""Clinical review 14 (docs/clinical-reviews/review-14-this-round.md), its findings that could harm and the wrong ones
fixed this round, in sentences written here. Full request envelopes (the console)."""

from __future__ import annotations

import pytest
from spoken import CALL_NOW, CRISIS, after, answered

NURSE_NOW = "Tell the nurse or your care team now."


# H1: a grandparent is often the one treated: a faint or a fit of days ago is news, not family history.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "my grandad collapsed this morning after his ivig"),
        ("en-AU", "my nana had a seizure yesterday and she's on ivig"),
        ("en-US", "grandma fainted the other day after her infusion"),
    ],
)
def test_a_grandparents_faint_or_fit_of_days_ago_alarms(locale, said):
    spoken, _ = after(locale, said)
    assert spoken.startswith(CALL_NOW[locale]), spoken


def test_a_grandparents_stroke_long_ago_is_still_family_history():
    spoken, response = after("en-GB", "my grandfather had a stroke in the eighties, can i still have ivig")
    assert answered(response) != "safety:emergency", spoken


# H2: thoughts of suicide told of someone else in plain words hear the carer's answer and the crisis line.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "my daughter told me she wants to kill herself"),
        ("en-GB", "my husband keeps saying he doesn't want to live anymore"),
        ("en-IN", "my father is talking about ending his life"),
        ("en-AU", "mum says she wants to die"),
    ],
)
def test_suicide_told_of_someone_else_hears_the_crisis_line(locale, said):
    spoken, response = after(locale, said)
    assert CRISIS[locale] in spoken and answered(response) == "safety:emergency", spoken


def test_not_wanting_to_live_somewhere_is_no_crisis():
    spoken, response = after("en-US", "my dad doesn't want to live in a care home")
    assert answered(response) != "safety:emergency", spoken


# H3: a drip just finished hears the emergency signs after an infusion first.
@pytest.mark.parametrize("locale", ["en-US", "en-GB"])
def test_a_drip_just_finished_hears_the_emergency_signs_first(locale):
    spoken, _ = after(locale, "my wife just finished her ivig drip")
    assert "chest pain" in spoken and "breath" in spoken, spoken
    spoken, _ = after(locale, "my wife just finished her ivig drip", "yes")
    assert "one side" in spoken, spoken


# H4, W1: a mild reaction while the drip runs, in everyday words; the nurse first, no "stop it" then "slower".
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "i'm having my ivig at home and my head is banging"),
        ("en-US", "her ivig is going in and she feels sick"),
    ],
)
def test_a_mild_reaction_while_the_drip_runs_says_the_nurse_first(locale, said):
    spoken, _ = after(locale, said)
    assert spoken.startswith(NURSE_NOW) and "stop it now" not in spoken, spoken
    spoken, _ = after(locale, said, "what should i do")
    assert NURSE_NOW in spoken, spoken


# W2: immunoglobulin on its usual schedule is no extra dose; one given again by mistake is.
@pytest.mark.parametrize(
    "locale, said, extra",
    [
        ("en-US", "she does her hizentra twice this week, monday and thursday", False),
        ("en-GB", "he had his ivig two days in a row this week for his first course", False),
        ("en-AU", "i did my cuvitru again today by mistake, i'd already done it yesterday", True),
    ],
)
def test_immunoglobulin_on_its_schedule_is_no_extra_dose(locale, said, extra):
    spoken, _ = after(locale, said)
    assert ("may be an extra dose" in spoken) is extra, spoken


# W4: after advice, a sign read with the last turn's words that is more urgent than the advice is heard.
@pytest.mark.parametrize(
    "locale, turns",
    [
        ("en-US", ["my son banged his head and he's on a blood thinner", "now he's really drowsy"]),
        ("en-GB", ["she knocked her head on the cupboard and she's on warfarin", "she's gone all confused now"]),
    ],
)
def test_a_more_urgent_sign_after_advice_is_heard(locale, turns):
    spoken, _ = after(locale, *turns)
    assert spoken.startswith(CALL_NOW[locale]), spoken


# W5: weakness new or worse since a drip is for the neurologist now, and the emergency number if sudden.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "i had my ivig on monday and since then my grip is weaker"),
        ("en-CA", "her hand has gone weak since she came off the drip yesterday"),
    ],
)
def test_weakness_since_a_drip_calls_the_neurologist_now(locale, said):
    spoken, response = after(locale, said)
    assert answered(response) == "safety:call_doctor" and spoken.startswith("Call your neurologist"), spoken


@pytest.mark.parametrize("said", ["my hands get weaker the week before my next ivig", "i'm less weak since my ivig"])
def test_weakness_wearing_off_or_better_since_a_drip_is_no_sign(said):
    spoken, response = after("en-US", said)
    assert answered(response) != "safety:call_doctor", spoken


# W7: while the session heard the drip is over, a sign of the time after it is read as said after the drip.
@pytest.mark.parametrize(
    "locale, turns, heard",
    [
        (
            "en-CA",
            ["my wife had her gamunex yesterday", "now she's come out in a rash"],
            "Tell the care team about the rash",
        ),
        ("en-AU", ["he finished his kiovig this morning", "his hand is weaker now"], "Call your neurologist"),
    ],
)
def test_a_sign_after_a_drip_the_session_heard_is_over_is_read_after_it(locale, turns, heard):
    spoken, _ = after(locale, *turns)
    assert spoken.startswith(heard), spoken


def test_questions_after_a_drip_is_over_are_still_questions():
    spoken, response = after("en-GB", "she had her ivig yesterday", "can ivig cause a rash")
    assert answered(response) not in ("safety:call_doctor", "safety:emergency"), spoken
