"""Blind corpus K's safety misses and false alarms, fixed by kind and heard in other words and locales, through
full request envelopes, one-shot and mid-session: "what's" read as "whats" (not a possessive), a wish not to be
around said with "just", a site hot and spreading asked about, a stop set for later or a week not done, the other
brand asked for, the doctor's plan then one's own, and a vaccine, a courier or a job that is no change."""

from __future__ import annotations

import pytest
from spoken import FIRST_NUMBER as EMERGENCY
from spoken import after

IG = "Please don't stop, skip or change your immunoglobulin on your own."
ANY = "Please don't stop, skip or change a treatment for MMN on your own."
OTHER = "Please don't stop or change your medicine on your own."


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-CA", "honestly what's the point anymore i can't work i can't pick up my grandkids"),
        ("en-GB", "what's the point of anything anymore"),
        ("en-US", "i keep thinking everybody'd be better off if i just wasn't around"),
        ("en-AU", "they'd all be better off if i just wasn't here"),
    ],
)
def test_hopelessness_said_with_an_apostrophe_or_just_is_the_crisis_line(locale, said):
    heard, response = after(locale, said)
    assert EMERGENCY[locale] in heard, heard
    assert response["response"].get("shouldEndSession") is False


@pytest.mark.parametrize(
    "locale, turns",
    [
        (
            "en-CA",
            [
                "i do my sub q at home on sundays and the spots on my tummy get really lumpy",
                "back to the lumps is it normal if one is hot and red and spreading",
            ],
        ),
        ("en-GB", ["is it normal if my scig site is hot and it's spreading"]),
    ],
)
def test_a_site_hot_and_spreading_asked_about_is_a_call_to_the_doctor(locale, turns):
    heard, _ = after(locale, *turns)
    assert "call your doctor" in heard.lower() and "right away" in heard, heard


@pytest.mark.parametrize(
    "locale, turns, starts",
    [
        (
            "en-IN",
            ["how much does ivig cost in india", "then we will stop after this cycle only he is feeling better now"],
            IG,
        ),
        ("en-GB", ["what is scig", "he says he's had enough he's not doing it this week"], ANY),
        ("en-AU", ["what is scig", "he's had enough, he's not doing it this week"], ANY),
        (
            "en-GB",
            [
                "are all the brands of immunoglobulin the same",
                "right i'll just tell the ward to give me the other one next time",
            ],
            ANY,
        ),
        ("en-CA", ["my dad's neurologist wants to try him on rituximab", "does he stop the other one then"], OTHER),
        (
            "en-IN",
            ["doctor has given five days ivig but we are thinking to give only three days to save money is it ok"],
            IG,
        ),
        ("en-US", ["the doctor said five days but i'm thinking of doing only three days of ivig"], IG),
    ],
)
def test_a_change_said_in_other_words_hears_the_advice(locale, turns, starts):
    heard, _ = after(locale, *turns)
    assert heard.startswith(starts), heard


@pytest.mark.parametrize(
    "locale, said",
    [
        (
            "en-US",
            "can i get my flu shot and the covid booster the same week as my i v i g or do i have to space them out",
        ),
        ("en-GB", "should i space my flu jab and my ivig apart"),
        (
            "en-CA",
            "the courier was supposed to drop off my cuvitru today and it never showed and i'm due to do it tomorrow "
            "morning what should i do",
        ),
        (
            "en-AU",
            "i'm a sparky and i can't do the fiddly work anymore and the missus reckons i should pack it in and go on "
            "the pension",
        ),
    ],
)
def test_a_vaccine_a_delivery_or_a_job_is_no_change_of_treatment(locale, said):
    heard, _ = after(locale, said)
    assert "on your own" not in heard, heard


@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        ("en-AU", "her lips are going puffy and she's wheezing", "they're with her now"),
        ("en-GB", "my dad's face has dropped", "the paramedics are with him now"),
    ],
)
def test_help_with_them_now_after_an_emergency_closes_warmly(locale, advice, reply):
    heard, response = after(locale, advice, reply)
    assert heard.startswith("Good, you're doing the right thing."), heard
    assert response["response"].get("shouldEndSession") is not False


@pytest.mark.parametrize(
    "locale, turns",
    [
        (
            "en-GB",
            [
                "how long will i be sat here today for my immunoglobulin",
                "i've had this little rash come up on my arms since i sat down and it's a bit itchy",
            ],
        ),
        ("en-US", ["what is ivig", "a rash came up on my arms and it's itchy"]),
        ("en-AU", ["i'm on my ivig and an itchy rash has come up on my chest"]),
    ],
)
def test_a_new_itchy_rash_with_immunoglobulin_in_context_is_a_call_right_away(locale, turns):
    heard, _ = after(locale, *turns)
    assert "itchy rash can be an allergic reaction" in heard, heard
    assert "right away" in heard and EMERGENCY[locale] in heard


@pytest.mark.parametrize("locale", ["en-US", "en-IN"])
def test_what_to_do_after_the_dont_change_advice_hears_its_first_breath_not_all_of_it(locale):
    heard, _ = after(locale, "i'm going to stop my ivig", "what should i do")
    assert heard.startswith(IG), heard
    assert "rebook" not in heard and heard.endswith("Want it all again?")


@pytest.mark.parametrize(
    "locale, turns",
    [
        (
            "en-US",
            [
                "my husband's in the chair at the infusion center right now getting his ivig and the nurse stepped out",
                "okay so his face is getting kind of red and he says he's cold is that normal",
            ],
        ),
        (
            "en-GB",
            ["mum's on the drip at the day unit now", "her cheeks have gone bright red and she says she's freezing"],
        ),
        (
            "en-IN",
            [
                "my father is getting ivig at the hospital right now and his face is becoming red and he is saying he "
                "feels cold"
            ],
        ),
        ("en-CA", ["she's halfway through her privigen and her face is flushed and she's cold"]),
    ],
)
def test_flushing_with_chills_during_a_running_drip_stops_it_and_calls_now(locale, turns):
    heard, response = after(locale, *turns)
    assert heard.startswith("If your infusion is still running, stop it now, or ask the nurse to stop it."), heard
    assert "infusion reaction" in heard and "right away" in heard and EMERGENCY[locale] in heard
    assert response["response"].get("shouldEndSession") is False


def test_flushing_with_chills_after_talk_of_ivig_is_a_reaction_to_call_about():
    heard, _ = after("en-AU", "what is ivig", "his face has gone all red and he reckons he's cold")
    assert "infusion reaction" in heard and "right away" in heard, heard


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-US", "his face gets red and he feels cold after every ivig is that normal"),
        ("en-GB", "is it normal to get a flushed face and feel cold during the drip"),
        ("en-AU", "the room is cold at the infusion centre and my face goes red in the heat of the car"),
    ],
)
def test_flushing_that_always_happens_or_asked_about_first_is_no_alarm(locale, said):
    heard, _ = after(locale, said)
    assert "right away" not in heard and "stop it now" not in heard, heard


@pytest.mark.parametrize(
    "locale, turns",
    [
        (
            "en-CA",
            [
                "so i go to the day hospital every four weeks right and lately the drip's been taking way longer than "
                "usual like six hours instead of four is that because they slowed it down on purpose anyway my wife "
                "waits in the car and she's going stir crazy"
            ],
        ),
        (
            "en-GB",
            [
                "what is ivig",
                "every month i sit at the day unit for hours and today the drip went on forever, did they slow it on "
                "purpose, my husband was bored stiff in the cafe",
            ],
        ),
        ("en-US", ["they said if the ivig stops working they might try cyclo phos something what is that"]),
        ("en-IN", ["doctor said if ivig stopped helping they will start rituximab what is that"]),
    ],
)
def test_what_the_staff_did_or_would_do_if_it_stops_working_is_no_change(locale, turns):
    heard, _ = after(locale, *turns)
    assert "on your own" not in heard and "your choice" not in heard, heard


@pytest.mark.parametrize(
    "locale, said, starts",
    [
        ("en-US", "i missed my ivig on purpose because they slowed it down last time", IG),
        ("en-GB", "i'm going to skip my next drip on purpose", IG),
        ("en-AU", "my mum keeps telling me to stop the drip", "It's your choice"),
    ],
)
def test_ones_own_miss_on_purpose_and_others_saying_stop_still_hear_the_advice(locale, said, starts):
    heard, _ = after(locale, said)
    assert heard.startswith(starts), heard


@pytest.mark.parametrize(
    "locale, turns",
    [
        (
            "en-US",
            [
                "my wife gets really bad headaches after her infusions",
                "is there something she can take beforehand for that",
            ],
        ),
        ("en-GB", ["he gets a really bad headache after every drip"]),
        ("en-AU", ["a few days after her ivig she got this itchy rash on her palms and now the skin is peeling off"]),
        ("en-IN", ["what is ivig", "a few days after the ivig she got a rash on her palms and now it is peeling"]),
    ],
)
def test_a_headache_that_always_comes_or_palms_peeling_days_after_is_no_call(locale, turns):
    heard, _ = after(locale, *turns)
    assert "call your doctor" not in heard.lower() and "stop it now" not in heard, heard


@pytest.mark.parametrize(
    "locale, said, urgency",
    [
        ("en-US", "my wife gets a really bad headache and a stiff neck after her infusions", "today"),
        ("en-IN", "every time after ivig he gets a severe headache and light is hurting his eyes", "today"),
        ("en-GB", "i've had a really bad headache since my infusion yesterday", "today"),
        ("en-US", "a rash came up on her arms the day after her ivig and it's spreading", "right away"),
        ("en-CA", "a few days after her ivig she got hives on her palms", "right away"),
    ],
)
def test_a_headache_with_a_stiff_neck_or_light_and_a_spreading_rash_are_still_a_call(locale, said, urgency):
    heard, _ = after(locale, said)
    assert "call your doctor" in heard.lower() and urgency in heard, heard
