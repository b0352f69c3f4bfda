"""Safety round 13: what clinical reviews 10 and 11 left open, the red flags and treatment changes last round's blind
corpora missed, and the false alarms they heard, each by kind, through full request envelopes (the console).

Every sentence here is made up for the test, not taken from a review or a corpus. Each kind has its near misses,
which keep their answer: a report said beside a figure of speech, a family history or a question is still a report."""

from __future__ import annotations

import pytest
from test_clinical_review_10 import CALL_NOW, NO_CHANGE, NUMBER, after, answered

SAFETY = "safety:"


def alarm(response: dict) -> str:
    """The safety level the response answered at, or "" for none."""
    said = answered(response)
    return said.removeprefix(SAFETY) if said.startswith(SAFETY) else ""


# Review 11, n1: the nurse rung at home with the drip running: the number first, and the session stays open.
@pytest.mark.parametrize(
    "locale, advice, reply",
    [
        ("en-AU", "she's having her drip at home and her face has gone lopsided", "i'm ringing the nurse"),
        ("en-CA", "he's on his infusion at home and his speech is slurred", "ok i'm calling his nurse"),
    ],
)
def test_the_nurse_rung_during_a_drip_hears_the_number_first_and_the_session_stays_open(locale, advice, reply):
    heard, response = after(locale, advice, reply)
    assert heard.startswith(f"Good. If the nurse isn't with you, call {NUMBER[locale]} first, then the nurse."), heard
    assert response["response"].get("shouldEndSession") is False


# Review 11, n5: little urine with swollen feet or ankles is the kidneys first; a swollen calf alone is still a clot.
KIDNEY = "Much less urine than usual, or sudden swelling or weight gain, can be a sign of kidney trouble"


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-IN", "he is passing very little urine and both his ankles are swollen"),
        ("en-GB", "she's hardly weeing and her feet have puffed up since the drip"),
    ],
)
def test_little_urine_with_swollen_feet_hears_the_kidney_text_right_away(locale, said):
    heard, response = after(locale, said)
    # The call first, then why (safety round 14).
    assert heard.startswith("Call your doctor or care team right away.") and KIDNEY in heard, heard
    assert "right away" in heard and alarm(response) == "call_doctor"


def test_a_swollen_calf_alone_is_still_a_clot():
    heard, _ = after("en-GB", "his calf is red and swollen since his infusion")
    assert heard.startswith("Call your doctor or care team right away."), heard
    assert "A painful, swollen, red or warm arm or leg can be a sign of a blood clot" in heard


# Review 11, n7: "No." answers a question, not a plan.
def test_a_plan_to_change_hears_no_bare_no():
    heard, _ = after("en-US", "i'm thinking i'll only go every other time")
    assert heard.startswith("Please don't stop, skip or change a treatment for MMN on your own."), heard


def test_a_question_whether_to_stop_still_hears_no():
    heard, _ = after("en-US", "can i just stop taking it")
    assert heard.startswith("No. Please don't stop, skip or change a treatment for MMN on your own."), heard


# Review 11, n8: a swelling face with a wheeze cites the anaphylaxis sources; the pen's reply says the call once.
def test_a_swelling_face_with_a_wheeze_cites_the_anaphylaxis_sources():
    _, response = after("en-GB", "his lips are swelling and he's wheezing")
    card = response["response"]["card"]["content"]
    assert "Anaphylaxis (use an adrenaline auto-injector" in card, card


def test_the_pen_reply_says_the_number_once():
    heard, _ = after("en-GB", "her lips are swelling up", "should i use her epipen")
    assert heard.startswith("If they have an adrenaline pen, use it now"), heard
    assert heard.count("999") == 1, heard


# Review 11, n9: already in hospital when it happens: the staff there first.
@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "we're on the ward and her speech has gone slurred"),
        ("en-IN", "we are in the hospital and his face has dropped on one side"),
    ],
)
def test_a_sign_said_in_hospital_hears_to_tell_the_staff_there_first(locale, said):
    heard, response = after(locale, said)
    assert heard.startswith("Tell a nurse or doctor there now."), heard
    assert NUMBER[locale] in heard and alarm(response) == "emergency"


def test_a_hospital_stay_long_past_still_hears_the_number_first():
    heard, _ = after("en-US", "she was in hospital last year and now her face is drooping")
    assert heard.startswith(CALL_NOW["en-US"]), heard


# Review 11, W7: the pen used or a second pen, in a longer reply or with the sign again; the pen named at once.
@pytest.mark.parametrize(
    "locale, reply, starts",
    [
        (
            "en-AU",
            "it's been five minutes since the epipen and he's no better, can i use the other pen",
            "Yes, if they're no better after 5 minutes, use the second pen.",
        ),
        ("en-GB", "we used his epipen but he's still wheezing", "Good. Still call 999 now, even if they're better"),
    ],
)
def test_the_pen_in_a_longer_reply_hears_the_second_pen_or_still_call(locale, reply, starts):
    heard, _ = after(locale, "his lips are swelling and he's wheezing", reply)
    assert heard.startswith(starts), heard


@pytest.mark.parametrize(
    "locale, said, stop",
    [
        ("en-US", "her tongue is swelling up on the drip and she's got her epipen", True),
        ("en-IN", "my son's lips are swelling, he has an epipen", False),
    ],
)
def test_a_pen_named_with_the_reaction_hears_the_pen_and_the_call_first(locale, said, stop):
    heard, response = after(locale, said)
    assert heard.startswith(f"Use the adrenaline pen now, in the outer thigh, and call {NUMBER[locale]}"), heard
    assert ("Stop the infusion" in heard) is stop
    assert "second pen" in heard and alarm(response) == "emergency"


# Review 10, n3: the US Poison Help line after a child's swallow, and when its number is asked; not elsewhere.
POISON_HELP = "Poison Help at 1-800-222-1222"


def test_a_childs_swallow_in_the_us_names_poison_help_after_911():
    heard, _ = after("en-US", "my granddaughter swallowed some of my azathioprine")
    assert heard.index("call 911 now") < heard.index(POISON_HELP), heard


def test_the_poison_control_number_asked_after_it_is_said():
    heard, _ = after(
        "en-US", "my granddaughter swallowed some of my azathioprine", "what's the number for poison control"
    )
    assert POISON_HELP in heard, heard


@pytest.mark.parametrize(
    "locale, reply",
    [
        ("en-US", "we rang poison control and they told us he'll be ok"),
        ("en-AU", "i spoke to the poisons information centre, they said to watch him at home"),
    ],
)
def test_what_the_poison_line_said_stands_with_the_number_if_unwell(locale, reply):
    heard, response = after(locale, "my grandson swallowed two of my methotrexate tablets", reply)
    assert heard.startswith(f"Good. Do what they told you, and call {NUMBER[locale]} if they become unwell."), heard


def test_feeling_fine_without_the_poison_line_still_cant_wait():
    heard, _ = after("en-US", "my grandson swallowed two of my methotrexate tablets", "he seems fine to me")
    assert heard.startswith("I understand"), heard


@pytest.mark.parametrize("locale", ["en-CA", "en-GB", "en-AU", "en-IN"])
def test_no_other_country_hears_the_us_poison_line(locale):
    heard, _ = after(locale, "my grandson chewed some of my prednisone tablets")
    assert "Poison Help" not in heard and "  " not in heard, heard


# Round 13 (a): a brand switched by the pharmacy or chemist, named or in context; asked about, or of another medicine,
# it is not.
SWITCHED = "Please check with your infusion team or neurologist before you use a different brand."


@pytest.mark.parametrize(
    "locale, turns",
    [
        (
            "en-US",
            [
                "my husband is on hizentra",
                "the specialty pharmacy sent a different brand this month because of a shortage",
            ],
        ),
        ("en-GB", ["what is IVIG", "the hospital pharmacy swapped her to a cheaper one to save money"]),
        ("en-AU", ["the chemist gave me another brand of cuvitru because they'd run out"]),
    ],
)
def test_a_brand_switched_by_the_pharmacy_hears_to_check_with_the_team(locale, turns):
    heard, response = after(locale, *turns)
    assert heard.startswith(SWITCHED), heard
    assert alarm(response) == "no_change"


@pytest.mark.parametrize(
    "locale, turns",
    [
        ("en-US", ["can the pharmacy switch my ivig brand"]),
        ("en-GB", ["what is IVIG", "the chemist gave me a different brand of paracetamol"]),
    ],
)
def test_a_brand_switch_asked_about_or_of_another_medicine_is_no_change(locale, turns):
    heard, response = after(locale, *turns)
    assert not alarm(response), heard


# Round 13 (b): muddled or talking nonsense since a drip, in a carer's words, is an emergency; muddled about a
# day, or a lasting muddle, is not.
@pytest.mark.parametrize(
    "locale, turns",
    [
        ("en-GB", ["my dad had his ivig on tuesday and he's been muddled ever since"]),
        ("en-AU", ["my mum's on hizentra", "she's gone all muddled since her last infusion"]),
        ("en-CA", ["since his drip my husband isn't making sense"]),
    ],
)
def test_muddled_since_a_drip_is_an_emergency(locale, turns):
    heard, response = after(locale, *turns)
    assert heard.startswith(CALL_NOW[locale]), heard
    assert "Stop the infusion" not in heard and alarm(response) == "emergency"


@pytest.mark.parametrize(
    "locale, said",
    [
        ("en-GB", "i get muddled about which day my infusion is"),
        ("en-US", "mom has dementia and gets confused at her infusions, is ivig still ok"),
    ],
)
def test_muddled_about_something_or_a_lasting_muddle_is_no_emergency(locale, said):
    heard, response = after(locale, said)
    assert alarm(response) != "emergency", heard


# Round 13 (c): waiting for the next appointment, after advice about a sign, is putting it off.
@pytest.mark.parametrize(
    "locale, advice, reply, preface",
    [
        (
            "en-AU",
            "his calf is hot and swollen since the drip",
            "we'll just bring it up at his next check up",
            "needs checking",
        ),
        ("en-IN", "he has fever after the ivig", "we will show the doctor at the next visit only", "needs checking"),
        (
            "en-US",
            "she's had a fever since her infusion",
            "can't we leave it until her follow up in two weeks",
            "needs checking",
        ),
    ],
)
def test_waiting_for_the_next_appointment_after_a_sign_hears_it_cant_wait(locale, advice, reply, preface):
    heard, _ = after(locale, advice, reply)
    assert heard.startswith("I understand, but this") and preface in heard, heard


def test_asking_the_neurologist_at_the_next_appointment_after_no_change_advice_is_no_delay():
    heard, response = after(
        "en-GB", "i'm going to skip my next infusion", "i'll ask my neurologist at my next appointment"
    )
    assert not heard.startswith("I understand"), heard


# Round 13, false alarms: a figure of speech about news or a call; a family history; a vaccine moved; examples in a
# question of what to watch for; something else skipped on a named day; a long story of an emergency that is over.
@pytest.mark.parametrize(
    "locale, turns",
    [
        ("en-US", ["the news about my job almost gave me a stroke"]),
        ("en-GB", ["the phone call from the hospital nearly gave me a heart attack"]),
        ("en-US", ["my grandad had a stroke back in 2009"]),
        ("en-GB", ["my great aunt had a stroke in the nineties"]),
        ("en-GB", ["should i put off my covid jab until after the infusion"]),
        ("en-CA", ["tell me about IVIG", "can i move my flu shot to the week after my drip"]),
        ("en-GB", ["is there anything we should keep an eye out for, like a rash or a swollen face"]),
        ("en-US", ["tell me about IVIG", "i'm going to skip friday's yoga class"]),
        ("en-GB", ["what is SCIG", "we'll miss saturday's football because of the infusion"]),
        (
            "en-GB",
            [
                "last summer my wife had a seizure during her drip and went to hospital, she's been fine since, "
                "how long should this infusion take"
            ],
        ),
        (
            "en-US",
            [
                "a few years back he passed out at his infusion and they called 911, he recovered and now he gets it "
                "slower, does that mean he's allergic"
            ],
        ),
    ],
)
def test_no_alarm_for_what_reports_no_sign_now(locale, turns):
    heard, response = after(locale, *turns)
    assert not alarm(response), heard


@pytest.mark.parametrize(
    "locale, turns, level",
    [
        ("en-GB", ["the news is giving me chest pains and my left arm hurts"], "emergency"),
        ("en-AU", ["the news nearly gave me a heart attack and now my chest is tight"], "emergency"),
        ("en-US", ["i think my grandma had a stroke this morning"], "emergency"),
        ("en-GB", ["my grandad had a stroke years ago and i think he's having another one"], "emergency"),
        ("en-US", ["my grandmother had a stroke in 2010 and now my chest is tight"], "emergency"),
        ("en-GB", ["i'm going to put off my infusion because of my flu jab"], "no_change"),
        ("en-GB", ["what should we keep an eye out for, her face is swelling now"], "emergency"),
        ("en-AU", ["what is IVIG", "i'll skip thursday's drip"], "no_change"),
    ],
)
def test_a_report_said_beside_those_is_still_heard(locale, turns, level):
    heard, response = after(locale, *turns)
    assert alarm(response) == level, heard


def test_the_immunoglobulin_warning_still_follows_a_dose_skipped_in_context():
    heard, _ = after("en-US", "tell me about IVIG", "i'm going to skip my next one")
    assert heard.startswith(NO_CHANGE), heard
