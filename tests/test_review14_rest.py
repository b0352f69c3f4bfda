"""Clinical review 14 (docs/clinical-reviews/review-14-this-round.md), what was left of it after the round: W3 (the
emergency sentence in the first breath of every statement of where an infusion is), W6 (a fever or infection before
a drip: call the infusion team first), n1 (no "stop it" once the drip is over), n2 (a head injury off blood
thinners), n3 (Quebec's poison line), n4 (a dose repeated is no state; "done with IVIg" is stopping), n6 / n7
("what should I do" after a symptom page with an action) and a drip running said in everyday words. The sentences
are made up here, not the review's. Full request envelopes (the console)."""

from __future__ import annotations

import re

import pytest
from spoken import FIRST_NUMBER, after, answered, session

from skill.content import load_content
from skill.understanding.replies import replies

LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
_BREAK = re.compile(r"<break[^>]*/>")
_TAG = re.compile(r"<[^>]+>")

# W3: one statement of each state, by treatment: every [state_pages] entry is said.
STATEMENTS = {
    "ivig.running": "my son is hooked up to his privigen now",
    "ivig.ahead": "my aunt is about to start her gamunex",
    "ivig.over": "i've just come off my octagam drip",
    "scig.running": "i'm on my hizentra pump now",
    "scig.ahead": "she's about to start her cuvitru",
    "scig.over": "he just finished his hyqvia",
}


def breaths(response: dict) -> list[str]:
    """What is said between pauses, as plain words."""
    ssml = response["response"]["outputSpeech"]["ssml"]
    return [" ".join(_TAG.sub("", part).split()) for part in _BREAK.split(ssml)]


def test_every_state_page_is_said_here():
    assert set(STATEMENTS) == set(replies("en-US").state_pages)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("state", sorted(STATEMENTS))
def test_a_statement_of_where_an_infusion_is_says_the_emergency_number_in_its_first_breath(locale, state):
    said = breaths(session(locale).say(STATEMENTS[state]))
    told = next(i for i, breath in enumerate(said) if breath.startswith("Okay, "))
    assert FIRST_NUMBER[locale] in said[told + 1], said


@pytest.mark.parametrize("said", ["i want to come off the drip for good", "i'm going to come off my octagam"])
def test_coming_off_the_drip_as_a_plan_is_still_a_change(said):
    _, response = after("en-GB", said)
    assert answered(response) == "safety:no_change"


# n3: Canada's poison line, with Quebec's own, cited to Health Canada's release.
@pytest.mark.parametrize(
    "said",
    ["my granddaughter got into my pill box and ate some of my prednisone", "our toddler chewed one of my tablets"],
)
def test_canadas_poison_line_names_quebecs_own(said):
    spoken, _ = after("en-CA", said)
    assert "1-844-POISON-X" in spoken and "In Quebec, call 1-800-463-5060." in spoken, spoken


def test_canadas_poison_line_is_cited_to_the_poison_centres_own_pages():
    # Clinical review 15, n4: the Quebec line cited to the Québec centre's own page (no longer a consultancy's blog).
    content = load_content("en-CA")
    cited = {s for level in content.red_flags.levels for sign in level.signs for s in sign.sources}
    quebec = content.sources["quebec-poison-centre"]
    assert {"quebec-poison-centre", "ontario-poison-centre"} <= cited and "nexreg" not in " ".join(
        content.sources[s].url for s in cited
    )
    assert "1 800 463-5060" in quebec.title and "gouv.qc.ca" in quebec.url


# n1: told the drip is over, in words of its own, a sign hears no "stop it"; nearly over, or going on, it does.
STOP_WORDS = ("stop it now", "Stop the infusion")


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "my privigen finished an hour ago and now my chest feels tight"),
        ("en-AU", "i got unhooked from my gamunex earlier and now my lips are swelling"),
        ("en-CA", "her octagam drip ended at lunchtime and now her face is drooping"),
        ("en-US", "i completed my infusion an hour ago and now i can't catch my breath"),
        ("en-IN", "my father had ivig this morning and now he has a bad headache and a stiff neck"),
    ],
)
def test_a_sign_after_a_drip_said_to_be_over_hears_no_stop(locale, said):
    spoken, response = after(locale, said)
    assert answered(response).startswith("safety:") and not any(w in spoken for w in STOP_WORDS), spoken


@pytest.mark.parametrize(
    "said",
    [
        "my drip is nearly finished and my chest is tight",
        "i had a reaction to my ivig just now and my lips are swelling",
        "before my kiovig is finished, my chest has gone really tight",
    ],
)
def test_a_sign_while_the_drip_is_not_over_still_hears_stop(said):
    spoken, _ = after("en-GB", said)
    assert any(w in spoken for w in STOP_WORDS), spoken


# n2: a head injury with a blood thinner said not to be taken is no blood-thinner sign: home care, whom to call if
# unsure, being sick and the serious signs; drowsiness said after the go-now advice is the emergency number.
GO_NOW = "After a head injury on a blood thinner"
SERIOUS = "can't speak properly, have new weakness"


@pytest.mark.parametrize(
    "locale, said, unsure",
    [
        ("en-GB", "my husband tripped and hit his head on the door, he doesn't take warfarin", "call 111"),
        ("en-US", "my mom bumped her head getting out of the car, she isn't on any blood thinners", "call your doctor"),
        ("en-AU", "i knocked my head on the cupboard, i'm not taking eliquis or anything", "healthdirect"),
        ("en-CA", "he banged his head when he fell but he's never been on a blood thinner", "811"),
    ],
)
def test_a_head_injury_not_on_a_blood_thinner_hears_home_care_and_the_signs(locale, said, unsure):
    spoken, _ = after(locale, said)
    assert GO_NOW not in spoken and unsure in spoken and SERIOUS in spoken, spoken
    assert spoken.startswith(f"Call {FIRST_NUMBER[locale]} if"), spoken


@pytest.mark.parametrize(
    "said",
    [
        "my dad hit his head and he's on blood thinners",
        "she's not on steroids but she takes xarelto and she fell and hit her head",
    ],
)
def test_a_head_injury_on_a_blood_thinner_still_goes_now_and_names_speech_and_weakness(said):
    spoken, _ = after("en-US", said)
    assert spoken.startswith(GO_NOW) and SERIOUS in spoken, spoken


@pytest.mark.parametrize(
    "locale, turns",
    [
        ("en-US", ["my wife fell and hit her head, she's on warfarin", "she's getting really sleepy"]),
        ("en-AU", ["dad slipped in the shower and whacked his head, he takes xarelto", "i can hardly keep him awake"]),
        ("en-GB", ["grandad banged his head on the shelf, he's on apixaban", "he keeps nodding off"]),
    ],
)
def test_drowsy_after_the_go_now_advice_is_the_emergency_number(locale, turns):
    spoken, _ = after(locale, *turns)
    assert spoken.startswith(f"Call {FIRST_NUMBER[locale]} now."), spoken


# W6: ill while a drip is ahead: call the infusion team before it starts; they decide; whether to still have it is
# theirs too, not "IVIg is the first choice".
TEAM_FIRST = "Call your infusion team before your dose."


@pytest.mark.parametrize(
    "locale, ahead, ill",
    [
        ("en-US", "my wife is about to start her gamunex", "she's been running a temp since last night"),
        ("en-GB", "he's due to start his kiovig", "he's got a chesty cough and feels shivery"),
        ("en-AU", "i'm getting ready for my hizentra", "i think i've picked up a bug, i'm not feeling well"),
        ("en-IN", "my mother is about to have her ivig", "she has had chills and a fever from this morning"),
        ("en-CA", "my son's octagam is starting soon", "he's come down with the flu"),
    ],
)
def test_ill_while_a_drip_is_ahead_calls_the_infusion_team_first(locale, ahead, ill):
    spoken, _ = after(locale, ahead, ill)
    assert spoken.startswith(TEAM_FIRST) and "after an infusion" not in spoken, spoken


@pytest.mark.parametrize(
    "asked", ["should she still have it", "can she go ahead with it", "is it ok for her to have it today"]
)
def test_whether_to_still_have_it_then_is_the_teams_to_decide(asked):
    spoken, _ = after(
        "en-GB", "my mum's about to start her privigen", "she's had a cough and a temperature since yesterday", asked
    )
    assert TEAM_FIRST in spoken and "first choice" not in spoken, spoken


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "he's not feeling well and his gamunex is tonight"),
        ("en-GB", "i've been shivering all night and my drip is this afternoon"),
        ("en-AU", "she's got a virus and her hyqvia is booked for friday"),
    ],
)
def test_ill_with_a_drip_ahead_in_one_sentence_calls_the_team_first(locale, said):
    spoken, _ = after(locale, said)
    assert spoken.startswith(TEAM_FIRST), spoken


def test_a_vaccine_before_a_drip_is_no_illness():
    spoken, _ = after("en-US", "she's about to start her privigen", "she had her flu shot yesterday")
    assert not spoken.startswith(TEAM_FIRST), spoken


def test_an_emergency_while_a_drip_is_ahead_is_still_the_emergency_number():
    spoken, _ = after("en-US", "she's about to start her privigen", "she's got a fever and now she can't breathe")
    assert spoken.startswith("Call 911 now."), spoken


# A drip running, said in many ways: acknowledged as running, and a sign said next hears to stop it.
@pytest.mark.parametrize(
    "locale, told",
    [
        ("en-GB", "my auntie's on gamunex and she's halfway through it in the infusion chair"),
        ("en-US", "i'm in the chair with my privigen going through now"),
        ("en-AU", "my dad's bag is nearly empty, he's on kiovig"),
        ("en-IN", "they've just put the line in for my octagam"),
    ],
)
def test_a_drip_running_said_many_ways_is_running(locale, told):
    spoken, _ = after(locale, told)
    assert spoken.split("advice. ")[-1].startswith("Okay, ") and "it's running now." in spoken, spoken
    spoken, _ = after(locale, told, "my chest has gone really tight")
    assert any(w in spoken for w in STOP_WORDS), spoken


# n4: a dose done again is no state of an infusion; the treatment said to be over for them is stopping it.
@pytest.mark.parametrize(
    "said",
    [
        "my husband's done his hizentra two days in a row",
        "i've finished my cuvitru twice this week, monday and tuesday",
    ],
)
def test_a_dose_done_again_is_not_a_drip_finished(said):
    spoken, _ = after("en-GB", said)
    assert "it's finished" not in spoken, spoken


@pytest.mark.parametrize(
    "turns",
    [
        ["my dad is through with his privigen for good"],
        ["my sister is finished with her hyqvia and won't have any more"],
        ["my wife gets gamunex every month", "she's not having any more"],
    ],
)
def test_the_treatment_said_to_be_over_for_them_hears_not_to_stop_alone(turns):
    spoken, response = after("en-AU", *turns)
    assert answered(response) == "safety:no_change", spoken


def test_a_drip_done_for_the_day_is_no_stop():
    _, response = after("en-GB", "she's nearly done with her kiovig drip")
    assert answered(response) != "safety:no_change"
